"""The booth journey in real Chromium: a producer applies for a booth from the dashboard on a
phone, the organiser accepts it with a booth number in the Wagtail admin on a desktop, and the
fair page lists the booth with the producer's product.

Screenshots of each step go to ``test-artifacts/`` for people to look at (git-ignored).
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

PASSWORD = "vai-thieu-ngon-2026"


def watch_failures(page) -> list[str]:
    failures: list[str] = []
    page.on(
        "response",
        lambda r: failures.append(f"HTTP {r.status} {r.url}") if r.status >= 500 else None,
    )
    page.on("pageerror", lambda error: failures.append(f"JavaScript error: {error}"))
    return failures


def test_producer_applies_organiser_accepts_and_the_fair_page_lists_the_booth(
    live_server, chromium, home_page, screenshot
):
    from cms.models import FairApplication
    from tests.factories import ProducerFactory, UserFactory, listed_product
    from tests.fairs import make_fair

    # given a fair taking applications, a producer's user and an organiser (an editor)
    fair = make_fair(home=home_page, title="Hội chợ OCOP mùa thu")
    producer = ProducerFactory(name="HTX Vải thiều Phượng Sơn", email="htx@example.vn")
    listed_product(5, title="Vải thiều sấy Phượng Sơn", producer=producer)
    member = UserFactory(email="xa.vien@example.vn")
    member.set_password(PASSWORD)
    member.save()
    producer.partner.users.add(member)
    organiser = UserFactory(username="so.cong.thuong", email="sct@example.vn")
    organiser.set_password(PASSWORD)
    organiser.save()
    organiser.groups.add(Group.objects.get(name="Biên tập viên (nhóm mặc định)"))
    base = live_server.url

    # the producer applies on a phone
    phone = chromium.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True, has_touch=True
    )
    page = phone.new_page()
    failures = watch_failures(page)
    page.goto(base + "/cua-hang/accounts/login/")
    page.fill("#id_login-username", member.email)
    page.fill("#id_login-password", PASSWORD)
    page.locator("button[name=login_submit]").click()
    page.wait_for_url("**/cua-hang/quan-ly/")
    page.get_by_role("link", name="Hội chợ", exact=True).click()
    page.get_by_role("link", name="Đăng ký gian hàng").click()
    page.get_by_label("Vải thiều sấy Phượng Sơn").check()
    page.select_option("#id_booth_size", label="3x6 m")
    page.get_by_label("Cần tủ lạnh, tủ mát").check()
    page.fill("#id_contact_name", "Chị Phượng")
    page.fill("#id_contact_phone", "0912 345 678")
    screenshot(page, "fair-booth-1-apply")
    page.get_by_role("button", name="Gửi đăng ký").click()
    page.wait_for_selector("#application-status")
    assert "Chờ xét duyệt" in page.locator("#application-status").inner_text()
    screenshot(page, "fair-booth-2-applied")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1, "no sideways scroll"
    application = FairApplication.objects.get(fair=fair, producer=producer)
    assert application.needs_refrigeration and application.booth_size.label == "3x6 m"

    # the organiser accepts it in the Wagtail admin with booth number B02
    desktop = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    admin = desktop.new_page()
    failures += watch_failures(admin)
    admin.goto(base + "/admin/login/")
    admin.fill("#id_username", organiser.username)
    admin.fill("#id_password", PASSWORD)
    admin.locator("button[type=submit]").click()
    admin.wait_for_url("**/admin/")
    admin.goto(base + "/admin/fair_applications/")
    admin.get_by_role("link", name=producer.name).first.click()
    admin.locator("input[name=status][value=accepted]").check()
    admin.fill("#id_booth_number", "b02")
    screenshot(admin, "fair-booth-3-review")
    admin.locator("footer button.button-longrunning[type=submit]").first.click()
    admin.wait_for_url("**/admin/fair_applications/")
    application.refresh_from_db()
    assert (application.status, application.booth_number) == ("accepted", "B02")

    # the fair page lists the booth with the product
    page.goto(base + fair.url)
    booth = page.locator("#booth-b02")
    assert "HTX Vải thiều Phượng Sơn" in booth.inner_text()
    assert "Vải thiều sấy Phượng Sơn" in booth.inner_text()
    screenshot(page, "fair-booth-4-fair-page")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1, "no sideways scroll"
    assert not failures, failures
    phone.close()
    desktop.close()
