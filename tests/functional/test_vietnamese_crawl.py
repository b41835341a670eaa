"""Every page a person reaches from the demo's home page reads as Vietnamese: a crawler follows
the links of the storefront and the website (catalogue, categories, products, producers,
showrooms, fairs, news, the registry, verification, the harvest calendar, trade enquiry forms),
then the account pages signed in as the demo shopper and the producer dashboard signed in as the
demo producer, and fails on a curated list of Oscar's, Wagtail's and Django's English (and
Oscar's literal Vietnamese, :data:`FORBIDDEN` of ``test_vietnamese_storefront``).

The Django test client walks the pages (no browser): one test, the demo loaded once."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.functional.test_admin_vietnamese import visible_text
from tests.functional.test_vietnamese_storefront import FORBIDDEN

#: English of Oscar's templates, Django's forms and Wagtail's front end that a shopper or a
#: producer would meet if a string slipped past the catalogue.
ENGLISH = (
    # (Oscar's literal "dây" for a basket line and "Xem trước" for its order preview are words of
    # the basket and checkout, checked there: elsewhere "dây chuyền" and "Xem trước" are right.)
    *(phrase for phrase in FORBIDDEN if phrase not in ("dây", "Xem trước")),
    "Add to basket",
    "Add to wish list",
    "Your basket",
    "View basket",
    "Basket",
    "Checkout",
    "Sign in",
    "Log in",
    "Log out",
    "Logout",
    "Register",
    "My account",
    "Account",
    "Search",
    "Products",
    "Product",
    "Categories",
    "Category",
    "Price",
    "Description",
    "Reviews",
    "Write a review",
    "In stock",
    "Out of stock",
    "Available",
    "Unavailable",
    "Quantity",
    "Previous",
    "Next",
    "Page 1 of",
    "Showing",
    "results",
    "No products",
    "Home",
    "Submit",
    "Save",
    "Cancel",
    "Delete",
    "Edit",
    "Update",
    "Remove",
    "Close",
    "Dashboard",
    "Orders",
    "Order",
    "Stock",
    "Status",
    "Date",
    "Name",
    "Email address",
    "Password",
    "Profile",
    "This field is required",
    "Enter a valid",
    "Select a valid choice",
    "Ensure this value",
    "Read more",
    "Skip to content",
    "Loading",
    "Menu",
)

#: Paths not walked: the admins (their own tests), files, sign-out, the English pages (/en/),
#: and actions reached by GET that change state or stream downloads.
SKIP = re.compile(
    r"^/(en/|admin/|django-admin/|media/|static/|documents/)"
    r"|logout|dang-xuat|/sitemap|\.xml$|\.ics$|\.csv$|\.pdf$|/feed|/rss|/atom|/export|/in-nhan"
)
HREF = re.compile(r'href="(/[^"]*)"')


def _english(text: str) -> list[str]:
    return [p for p in ENGLISH if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text)]


def crawl(client, starts: list[str], *, within: str = "/", limit: int = 400) -> dict[str, list]:
    """Walk the HTML pages reachable from ``starts`` whose path begins with ``within`` (one visit
    per path: query strings after the first of a path are not followed); the English each shows,
    and every page that did not answer 200 (as ``["HTTP <status>"]``)."""
    seen: set[str] = set()
    queue = deque(starts)
    found: dict[str, list] = {}
    while queue and len(seen) < limit:
        url = urldefrag(queue.popleft()).url
        path = urlsplit(url).path
        if path in seen or SKIP.search(path) or not path.startswith(within):
            continue
        seen.add(path)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        if response.status_code != 200:
            found[url] = [f"HTTP {response.status_code}"]
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        english = _english(visible_text(html))
        if english:
            found[url] = english
        queue.extend(HREF.findall(html.replace("&amp;", "&")))
    return {"pages": sorted(seen), **found}


@pytest.fixture
def demo(website, db, vietnamese):
    """The demo (catalogue, website in both languages, shopper, producer), Vietnamese active."""
    from django.core.cache import cache

    cache.clear()


def test_every_page_reached_from_home_reads_as_vietnamese(demo, client):
    from django.contrib.auth import get_user_model

    from marketplace.demo import data

    users = get_user_model().objects
    client.raise_request_exception = False  # a 500 is reported with its URL, not raised
    # when a visitor walks every page linked from the home page
    public = crawl(client, ["/"])
    # and the demo shopper walks their account, the demo producer their dashboard
    client.force_login(users.get(username=data.SHOPPER_USERNAME))
    account = crawl(client, ["/cua-hang/accounts/"], within="/cua-hang/accounts/")
    client.force_login(users.get(username=data.PRODUCER_USERNAME))
    dashboard = crawl(client, ["/cua-hang/quan-ly/"], within="/cua-hang/quan-ly/")
    # then the walk reached the storefront, the website and the dashboard
    assert len(public.pop("pages")) > 100
    assert len(account.pop("pages")) > 5
    assert len(dashboard.pop("pages")) > 5
    # and every page answered 200 and none shows English
    assert not public, public
    assert not account, account
    assert not dashboard, dashboard
