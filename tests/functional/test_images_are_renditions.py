"""No page sends an original upload: every ``<img>``, ``<source>``, preloaded image and
``og:image`` of the demo that points into the media storage names a rendition.

The walk follows links from the storefront's home as a guest, from the account pages as the
demo shopper, from the producer dashboard as the demo producer and from Oscar's dashboard as the
demo administrator; the demo is loaded with pictures (products, logos, the website's pictures).
What counts as a rendition, by where it is stored:

- ``renditions/…``: the product pictures' renditions (:mod:`catalog.renditions`);
- ``images/<name>.<filter spec>.<ext>``: Wagtail's renditions (Wagtail keeps uploads in
  ``original_images/``; the demo's pages share the product photos' uploads in
  ``images/products/``); the name, not Wagtail's table, is checked, since a rendition found in
  the cache has no row to show;
- ``cache/…``: sorl-thumbnail's thumbnails in Oscar's dashboard.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from wagtail.images import get_image_model

from marketplace.demo import data as demo_data
from tests.unit.test_uploads import plain

pytestmark = pytest.mark.django_db

#: Links not followed: they act (sign out, delete), download, or leave the pages people read.
SKIP = re.compile(
    r"/(media|static|admin|cms-admin|django-admin)/|dang-xuat|logout|delete|xoa|/qr|\.(csv|pdf|svg|xml|json)$|/rss|/feed|/export|/tai-ve"  # noqa: E501
)
PAGES_PER_VISITOR = 70


def _media(value) -> bool:
    return bool(value) and "/media/" in value and not value.lstrip().startswith(("{", "["))


class _Pictures(HTMLParser):
    """The image URLs of a page (``src``, every ``srcset`` candidate, preloads, ``og:image``,
    media URLs in ``data-`` attributes) and its links."""

    def __init__(self):
        super().__init__()
        self.images: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # a picture shown by a script: Oscar's dashboard previews on hover, a gallery's zoom
        self.images.extend(
            value for key, value in attrs.items() if key.startswith("data-") and _media(value)
        )
        if tag in ("img", "source"):
            if attrs.get("src"):
                self.images.append(attrs["src"])
            for candidate in (attrs.get("srcset") or "").split(","):
                if candidate.strip():
                    self.images.append(candidate.split()[0])
        elif tag == "link" and attrs.get("as") == "image":
            self.images.append(attrs.get("href") or "")
            for candidate in (attrs.get("imagesrcset") or "").split(","):
                if candidate.strip():
                    self.images.append(candidate.split()[0])
        elif tag == "meta" and attrs.get("property") in ("og:image", "twitter:image"):
            self.images.append(attrs.get("content") or "")
        elif tag == "meta" and attrs.get("name") == "twitter:image":
            self.images.append(attrs.get("content") or "")
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def media_name(url: str) -> str | None:
    """The storage name ``url`` points at, or ``None`` when it is not a media URL."""
    path = urlsplit(url).path
    return path.split("/media/", 1)[1] if "/media/" in path else None


def walk(client, seeds: list[str]) -> tuple[list[str], dict[str, set[str]]]:
    """Pages reached from ``seeds`` (same site, GET, HTML, 200) and, per page, the media names
    of its pictures."""
    queue, seen, visited, pictures = deque(seeds), set(seeds), [], {}
    while queue and len(visited) < PAGES_PER_VISITOR:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        visited.append(url)
        parser = _Pictures()
        parser.feed(response.content.decode())
        pictures[url] = {name for name in map(media_name, parser.images) if name}
        for link in parser.links:
            link = urldefrag(link)[0]
            parts = urlsplit(link)
            if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link not in seen and not SKIP.search(link):
                seen.add(link)
                queue.append(link)
    return visited, pictures


#: A Wagtail rendition: ``images/<name>.<filter spec>.<ext>``, straight in ``images/`` (Oscar's
#: uploads are in ``images/products/``, Wagtail's in ``original_images/``).
WAGTAIL_RENDITION = re.compile(
    r"images/[^/]+\.(fill|width|height|max|min|scale|format)-[^/]+\.(jpg|png|webp|gif|avif)"
)


def is_rendition(name: str) -> bool:
    return name.startswith(("renditions/", "cache/")) or bool(WAGTAIL_RENDITION.fullmatch(name))


def originals_linked(pictures: dict[str, set[str]]) -> dict[str, set[str]]:
    """The pictures of each page that are no rendition, by page."""
    return {
        url: bad
        for url, names in pictures.items()
        if (bad := {name for name in names if not is_rendition(name)})
    }


@pytest.fixture(scope="module")
def demo_with_pictures(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo with small pictures drawn (products, logos, page pictures) in a media folder of
    its own, loaded once for the module and rolled back afterwards."""
    from marketplace.demo.loader import demo_data_load  # models: after Django's setup

    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(media)), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_data_load(images=True, image_size=160)
            yield media
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def media(demo_with_pictures, settings):
    settings.MEDIA_ROOT = str(demo_with_pictures)
    return demo_with_pictures


def assert_only_renditions(visited, pictures, *, at_least: int):
    # the walk saw pages and pictures, else the check below proves nothing
    assert len(visited) >= at_least, visited
    assert any(pictures.values()), "no picture from the media storage on any page"
    assert originals_linked(pictures) == {}


def test_the_storefront_and_website_send_no_original(client, media):
    # when a guest walks from the home page (the website's pages and the shop's)
    visited, pictures = walk(client, ["/", reverse("catalogue:index")])
    # then every picture is a rendition, product photos and the website's pictures both
    assert_only_renditions(visited, pictures, at_least=30)
    kinds = Counter(
        "product" if name.startswith("renditions/") else "wagtail"
        for names in pictures.values()
        for name in names
    )
    assert kinds["product"] and kinds["wagtail"], kinds


def test_the_account_pages_send_no_original(client, media):
    assert client.login(username=demo_data.SHOPPER_EMAIL, password=demo_data.SHOPPER_PASSWORD)
    order = reverse("customer:order", kwargs={"order_number": demo_data.SHOPPER_ORDER_NUMBER})
    visited, pictures = walk(
        client, [reverse("customer:summary"), order, reverse("customer:wishlists-list")]
    )
    assert_only_renditions(visited, pictures, at_least=5)


def test_the_producer_dashboard_sends_no_original(client, media):
    assert client.login(username=demo_data.PRODUCER_USERNAME, password=demo_data.PRODUCER_PASSWORD)
    visited, pictures = walk(
        client, [reverse("producer_dashboard:home"), reverse("producer_dashboard:products")]
    )
    assert_only_renditions(visited, pictures, at_least=5)


def test_oscars_dashboard_sends_no_original(client, media):
    assert client.login(username=demo_data.ADMIN_USERNAME, password=demo_data.ADMIN_PASSWORD)
    visited, pictures = walk(
        client, [reverse("dashboard:catalogue-product-list"), reverse("dashboard:index")]
    )
    assert_only_renditions(visited, pictures, at_least=5)


def test_a_linked_original_is_caught(client, media):
    # given the check itself: a page that linked an upload would be reported
    from oscar.core.loading import get_model

    image = get_model("catalogue", "ProductImage").objects.first()
    wagtail = large_wagtail_image()
    shown = {
        image.original.name,
        wagtail.file.name,
        "renditions/ab/cd-1x1.jpg",
        wagtail.get_rendition("fill-480x300|format-webp").file.name,
    }
    found = originals_linked({"/trang": shown})
    assert found == {"/trang": {image.original.name, wagtail.file.name}}


def large_wagtail_image(title="Hội chợ"):
    """A 2000×1500 photo in Wagtail's library."""
    image = get_image_model()(title=title, file=ContentFile(plain(2000, 1500, "JPEG"), "h.jpg"))
    image.save()
    return image


def test_a_website_page_offers_webp_and_jpeg_at_the_size_shown_and_twice_it(client, media):
    from cms.models import NewsIndexPage, NewsPage

    # given a news article with a large lead photo, listed on the news index
    article = NewsPage.objects.live().filter(locale__language_code="vi").first()
    article.image = large_wagtail_image()
    article.save_revision().publish()
    # when its page is read
    html = client.get(article.url).content.decode()
    # then the lead photo is a picture: WebP then JPEG, 960 px wide (480 and 1920 offered),
    # its size set, fetched first and never lazily
    lead = re.search(r"<picture>.*?</picture>", html, flags=re.S).group(0)
    webp = re.search(r'<source[^>]*type="image/webp"[^>]*>', lead).group(0)
    assert re.search(r'srcset="[^"]+\.webp 960w, [^"]+\.webp 480w, [^"]+\.webp 1920w"', webp)
    img = re.search(r"<img[^>]*>", lead).group(0)
    assert re.search(r'src="[^"]+\.jpg"', img) and re.search(r'srcset="[^"]+\.jpg 960w', img)
    assert 'width="960"' in img and 'height="720"' in img
    assert 'fetchpriority="high"' in img and "loading=" not in img
    assert 'sizes="' in img and "960w" in img
    # and chat apps get a 1200×630 JPEG, absolute
    og = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og.startswith("http") and og.endswith(".jpg")
    assert '<meta property="og:image:width" content="1200">' in html
    # and on the news index the card is a 480×300 picture (960×600 for 2× screens), lazy
    index = NewsIndexPage.objects.live().filter(locale__language_code="vi").first()
    cards = client.get(index.url).content.decode()
    card = next(
        markup
        for markup in re.findall(r"<picture>.*?</picture>", cards, flags=re.S)
        if "480w" in markup
    )
    assert re.search(r'\.webp 480w, [^"]+\.webp 960w"', card)
    img = re.search(r"<img[^>]*>", card).group(0)
    assert 'width="480"' in img and 'height="300"' in img and 'loading="lazy"' in img


@pytest.mark.parametrize("code", ["ORDER_PLACED", "REGISTRATION", "PASSWORD_RESET"])
def test_html_emails_show_only_absolute_renditions(media, code):
    # given the shop's HTML emails, rendered for the demo shopper's order (products with photos)
    from oscar.core.loading import get_model

    order = get_model("order", "Order").objects.get(number=demo_data.SHOPPER_ORDER_NUMBER)
    messages = get_model("communication", "CommunicationEventType").objects.get_and_render(
        code,
        {"order": order, "lines": order.lines.all(), "user": order.user, "reset_url": "/x"},
    )
    # then a picture in one, if any, is a rendition at an absolute address (a mail reader has
    # no page address to resolve "/media/…" against)
    parser = _Pictures()
    parser.feed(messages["html"])
    assert all(url.startswith(("https://", "http://")) for url in parser.images), parser.images
    names = {name for name in map(media_name, parser.images) if name}
    assert originals_linked({code: names}) == {}
