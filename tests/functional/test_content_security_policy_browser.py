"""The enforced Content-Security-Policy in real Chromium: a shopper's journey to the order
confirmation (with a page served from the page cache), a producer's dashboard, Wagtail's admin
and Oscar's dashboard, with every ``securitypolicyviolation`` event and console error collected
(an init script listens on ``document`` in every page): none is allowed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.functional.test_checkout_browser import basket_to_address

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

PASSWORD = "vai-thieu-ngon-2026"
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__ocopViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} `
        + `(${event.sourceFile}:${event.lineNumber}) on ${document.location.pathname}`
    );
});
"""


def collect_problems(page) -> list[str]:
    """CSP violations (from the init script) and console errors of every page the tab opens."""
    problems: list[str] = []
    page.context.expose_function(
        "__ocopViolation", lambda text: problems.append(f"CSP violation: {text}")
    )
    page.context.add_init_script(LISTEN)

    def on_console(message):
        if message.type == "error":
            problems.append(f"console error on {page.url}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    return problems


def visit(page, url: str) -> None:
    response = page.goto(url)
    assert response.ok, f"HTTP {response.status} {url}"
    page.wait_for_load_state("load")


@pytest.fixture
def shop(home_page):
    """Two listed products, stock at a showroom, Vietnam as the shipping country, and a producer
    user of the first product's producer."""
    from producers.services import stock_move
    from tests.factories import ShowroomFactory, UserFactory, listed_product

    get_model("address", "Country").objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "name": "Việt Nam",
            "printable_name": "Việt Nam",
            "is_shipping_country": True,
        },
    )
    showroom = ShowroomFactory(name="Điểm bán OCOP Lục Ngạn")
    lychee = listed_product(5, title="Vải thiều Lục Ngạn sấy", price=Decimal("90000"))
    noodles = listed_product(4, title="Mỳ Chũ Nam Dương", price=Decimal("60000"))
    for product in (lychee, noodles):
        stock_move(product=product, place=showroom, quantity=5, kind="sent_to_showroom")
    member = UserFactory(email="htx@example.vn")
    member.set_password(PASSWORD)
    member.save()
    lychee.producer.partner.users.add(member)
    return lychee, noodles, member


def test_shopper_and_producer_pages_raise_no_policy_violation(
    live_server, desktop_page, phone_page, shop, settings
):
    # given the page cache on, and tabs that report policy violations and console errors
    settings.PAGE_CACHE_ENABLED = True
    page = desktop_page
    problems = collect_problems(page)
    lychee, noodles, member = shop
    base = live_server.url
    # when an anonymous visitor opens the home page, the catalogue and a product, and another
    # visitor (a fresh browser) opens that product from the page cache, with their own request's
    # nonce in place of the first one's
    visit(page, base + "/")
    visit(page, base + "/cua-hang/catalogue/")
    visit(page, base + lychee.get_absolute_url())
    other_problems = collect_problems(phone_page)
    second = phone_page.goto(base + lychee.get_absolute_url())
    phone_page.wait_for_load_state("load")
    assert second.headers.get("x-page-cache") == "hit"
    assert other_problems == []
    # and adds both products to the basket and checks out, cash on delivery
    basket_to_address(page, base, [lychee, noodles], lambda *args: None, "csp")
    page.check("input[name=method_code][value=home-delivery]")
    page.click("#choose-delivery")
    page.wait_for_url("**/checkout/payment-method/")
    page.check("input[name=method][value=cod]")
    page.click("#choose-payment")
    page.wait_for_url("**/checkout/preview/")
    page.click("#place-order")
    page.wait_for_url("**/checkout/thank-you/")
    # and then the producer signs in and opens the dashboard's pages
    page.context.clear_cookies()
    visit(page, base + "/cua-hang/accounts/login/")
    page.fill("#id_login-username", member.email)
    page.fill("#id_login-password", PASSWORD)
    page.locator("button[name=login_submit]").click()
    page.wait_for_load_state("load")
    for path in ("", "san-pham/", "ton-kho/", "don-hang/", "doanh-so/", "chung-nhan/"):
        visit(page, base + "/cua-hang/quan-ly/" + path)
    # then the browser blocked nothing and logged no error
    assert problems == [], "\n".join(problems)


def test_wagtail_admin_and_oscar_dashboard_raise_no_policy_violation(
    live_server, desktop_page, home_page
):
    # given a superuser, and a tab that reports policy violations and console errors
    from tests.factories import UserFactory

    staff = UserFactory(email="admin@example.vn", is_staff=True, is_superuser=True)
    staff.set_password(PASSWORD)
    staff.save()
    page = desktop_page
    problems = collect_problems(page)
    base = live_server.url
    # when the superuser signs in to Wagtail's admin and opens its dashboard, the page explorer,
    # the home page's editor and the images
    visit(page, base + "/admin/login/")
    page.fill("#id_username", staff.get_username())
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(base + "/admin/")
    for path in ("pages/", f"pages/{home_page.pk}/", f"pages/{home_page.pk}/edit/", "images/"):
        visit(page, base + "/admin/" + path)
    # and Oscar's dashboard: its index, orders and products
    for path in ("", "orders/", "catalogue/"):
        visit(page, base + "/cua-hang/dashboard/" + path)
    # then the browser blocked nothing and logged no error
    assert problems == [], "\n".join(problems)
