"""axe-core in real Chromium on the pages shoppers, producers and visitors use, on the full demo,
at a phone width (390 px) and a desktop width (1366 px): no critical and no serious violation.

axe-core is vendored (``tests/vendor/axe.min.js``; version and licence in
``tests/vendor/README.md``) and evaluated in each page: nothing is downloaded when the tests
run. One test per width walks every page in one browser and one live server (the demo is
loaded once per width) and writes the counts per page and impact to
``test-artifacts/axe-<width>.txt``; the assertion comes after the walk so that one bad page
does not hide the others.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.functional.conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
IMPACTS = ("critical", "serious", "moderate", "minor")
#: WCAG 2.0/2.1 A and AA rules, plus axe's best practices (landmarks, one <main>, …).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
ADD_TO_BASKET = "#add_to_basket_form button[type=submit], form[action*='/basket/add/'] button"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


@pytest.fixture
def demo(transactional_db):
    """The whole demo, committed so the live server sees it (flushed after the test)."""
    from django.core.cache import cache

    from marketplace.demo.loader import demo_data_load

    cache.clear()
    demo_data_load(images=False)
    yield
    cache.clear()


def axe_run(page) -> dict[str, list[dict]]:
    """axe's violations on the page as it stands, grouped by impact."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the page's Content-Security-Policy (rightly)
        # refuses an injected inline <script>.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    violations = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes:
            ['violations']}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
            count: v.nodes.length, nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') +
            ' ' + ((n.any[0] || n.all[0] || n.none[0] || {}).message || '').slice(0, 160))})))""",
        AXE_TAGS,
    )
    grouped: dict[str, list[dict]] = {impact: [] for impact in IMPACTS}
    for violation in violations:
        grouped[violation["impact"] or "minor"].append(violation)
    return grouped


def _fill_if_present(page, selector: str, value: str) -> None:
    field = page.locator(selector)
    if field.count():
        if field.first.evaluate("e => e.tagName") == "SELECT":
            if value:
                field.first.select_option(value)
            else:
                field.first.select_option(index=1)
        else:
            field.first.fill(value)


def _pages(page, base: str, check) -> None:
    """Visit every page under test, calling ``check(name)`` on each."""
    from django.urls import reverse

    from catalog.models import Category, Product
    from cms.models import FairPage, ShowroomPage
    from marketplace.demo import data

    def visit(name: str, path: str) -> None:
        page.goto(base + path)
        check(name)

    product = next(
        p
        for p in Product.objects.filter(is_public=True).order_by("pk")
        if p.get_absolute_url() and p.stockrecords.filter(num_in_stock__gt=0).exists()
    )
    category = Category.objects.filter(depth=1).order_by("path").first()
    certificate = product.certificates.order_by("pk").first()
    fair = FairPage.objects.live().filter(locale__language_code="vi").first()
    showroom = ShowroomPage.objects.live().filter(locale__language_code="vi").first()

    visit("home", "/")
    visit("catalogue", reverse("catalogue:index"))
    visit("category", category.get_absolute_url())
    visit("product", product.get_absolute_url())
    visit("search", reverse("search:search") + "?q=vai")
    visit("registry", reverse("records:registry"))
    visit("verification", certificate.get_verification_url())
    visit("fair", fair.url)
    visit("showroom", showroom.url)

    # The basket and each checkout step, as a guest paying cash on delivery.
    page.goto(base + product.get_absolute_url())
    page.locator(ADD_TO_BASKET).first.click()
    page.wait_for_load_state()
    visit("basket", "/cua-hang/basket/")
    # The basket line's "remove" link is a tap target of at least 44×44 px (WCAG 2.5.5).
    box = page.locator("[data-behaviours=remove]").first.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    # A guest goes from the basket straight to the contact and address step (no email gateway).
    visit("checkout: address", "/cua-hang/checkout/")
    assert "/checkout/shipping-address/" in page.url, page.url
    for selector, value in (
        ("#id_last_name", "Nguyễn Thị"),
        ("#id_first_name", "Lan"),
        ("#id_full_name", "Nguyễn Thị Lan"),
        ("#id_phone_number", "0912 345 678"),
        ("#id_state", "Bắc Ninh"),
        ("#id_line4", "Phường Chũ"),
        ("#id_line1", "Thôn Chũ, 12 Lê Lợi"),
    ):
        _fill_if_present(page, selector, value)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/checkout/shipping-method/")
    check("checkout: delivery")
    page.check("input[name=method_code][value=home-delivery]")
    page.click("#choose-delivery")
    page.wait_for_url("**/checkout/payment-method/")
    check("checkout: payment")
    page.check("input[name=method][value=cod]")
    page.click("#choose-payment")
    page.wait_for_url("**/checkout/preview/")
    check("checkout: preview")
    page.click("#place-order")
    page.wait_for_url("**/checkout/thank-you/")
    check("confirmation")

    # The producer dashboard, signed in as the demo cooperative's user.
    page.goto(base + "/cua-hang/accounts/login/")
    page.fill("#id_login-username", data.PRODUCER_EMAIL)
    page.fill("#id_login-password", data.PRODUCER_PASSWORD)
    page.locator("button[name=login_submit]").click()
    page.wait_for_load_state()
    visit("dashboard: home", reverse("producer_dashboard:home"))
    visit("dashboard: products", reverse("producer_dashboard:products"))
    visit("dashboard: stock", reverse("producer_dashboard:stock"))
    visit("dashboard: orders", reverse("producer_dashboard:orders"))


@pytest.mark.parametrize("width", list(WIDTHS))
def test_pages_have_no_critical_or_serious_axe_violations(live_server, chromium, demo, width):
    # given the demo, and a fresh browser tab at the width
    context = chromium.new_context(
        viewport=WIDTHS[width],
        locale="vi-VN",
        **({"is_mobile": True, "has_touch": True} if width == "phone" else {}),
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    results: dict[str, dict[str, list[dict]]] = {}

    def check(name: str) -> None:
        page.wait_for_load_state()
        results[name] = axe_run(page)

    # when axe runs on every page
    try:
        _pages(page, live_server.url, check)
    finally:
        context.close()

    # then no page has a critical or serious violation (counts printed for the README)
    details = ["", "critical and serious, first nodes:"]
    lines = [f"axe at {width} ({WIDTHS[width]['width']} px): critical/serious/moderate/minor"]
    for name, grouped in results.items():
        counts = "/".join(str(sum(v["count"] for v in grouped[i])) for i in IMPACTS)
        rules = ", ".join(sorted({v["id"] for i in IMPACTS for v in grouped[i]}))
        lines.append(f"  {name:28} {counts:12} {rules}")
        details.extend(
            f"  {name}: {v['id']} ×{v['count']}: {node}"
            for i in ("critical", "serious")
            for v in grouped[i]
            for node in v["nodes"]
        )
    print("\n".join(lines))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{width}.txt").write_text("\n".join(lines + details) + "\n", "utf-8")
    assert len(results) == 19, sorted(results)  # every page listed in _pages
    bad = {
        name: [(v["id"], v["count"], v["nodes"]) for i in ("critical", "serious") for v in g[i]]
        for name, g in results.items()
        if g["critical"] or g["serious"]
    }
    assert bad == {}, "\n".join(lines)
