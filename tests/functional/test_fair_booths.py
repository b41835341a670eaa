"""Fair booths over HTTP: a producer applies from the dashboard (validation, closing date, one
application per fair, editable until reviewed); the organiser reviews in the Wagtail admin
(booth numbers, capacity, reasons); the producer is emailed in the language it applied in; the
fair page lists accepted exhibitors with their booths and only products that may be listed; the
progress page counts fairs held and exhibitors."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from cms.models import FairApplication
from cms.services import BoothError, fair_application_review, fair_application_submit
from tests.factories import ProducerFactory, UserFactory, listed_product, product_in_state
from tests.fairs import booth_size, make_fair

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vietnamese")]


@pytest.fixture
def producer():
    return ProducerFactory(email="htx@example.vn", contact_name="Chị Hoa", phone="0912345678")


@pytest.fixture
def fair(home_page):
    return make_fair(home=home_page)


@pytest.fixture
def lychee(producer):
    return listed_product(5, title="Vải thiều sấy", producer=producer)


def apply_url(fair, language="vi"):
    with translation.override(language):
        return reverse("producer_dashboard:fair_apply", kwargs={"fair_id": fair.pk})


def form_data(fair, *products, size="3x3 m", **overrides):
    data = {
        "products": [p.pk for p in products],
        "booth_size": booth_size(fair, size).pk,
        "needs_power": "on",
        "contact_name": "Chị Hoa",
        "contact_phone": "0912 345 678",
        "note": "",
    }
    data.update(overrides)
    return data


def submit(producer, fair, *products, size="3x3 m", language="vi"):
    return fair_application_submit(
        producer=producer,
        fair=fair,
        products=products,
        booth_size=booth_size(fair, size),
        needs_power=False,
        needs_refrigeration=False,
        contact_name="Anh Nam",
        contact_phone="0987654321",
        language=language,
        today=timezone.localdate(),
    )


def applicant(fair, size="3x3 m", **producer_kwargs):
    """A new producer's pending application for ``fair``."""
    producer = ProducerFactory(**producer_kwargs)
    return submit(producer, fair, listed_product(5, producer=producer), size=size)


def review(application, decision, *, number="", reason=""):
    return fair_application_review(
        application_id=application.pk,
        decision=decision,
        booth_number=number,
        reason=reason,
        now=timezone.now(),
    )


def test_producer_applies_for_a_booth_and_is_emailed_that_it_was_received(
    signed_in, producer, fair, lychee
):
    # when
    response = signed_in.post(apply_url(fair), form_data(fair, lychee))
    # then
    application = FairApplication.objects.get(fair=fair, producer=producer)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "producer_dashboard:fair_application", kwargs={"application_id": application.pk}
    )
    assert list(application.products.all()) == [lychee]
    assert application.status == "pending" and application.needs_power
    assert application.contact_phone == "0912 345 678" and application.language == "vi"
    assert len(mail.outbox) == 1
    assert "Đã nhận đăng ký gian hàng" in mail.outbox[0].subject
    assert "htx@example.vn" in mail.outbox[0].to


def test_dashboard_lists_the_fairs_taking_applications(signed_in, home_page, fair):
    # given
    make_fair(home=home_page, title="Hội chợ đã đóng đăng ký", closes_in=-1)
    # when
    response = signed_in.get(reverse("producer_dashboard:fairs"))
    # then
    text = response.content.decode()
    assert response.status_code == 200
    assert fair.title in text and "Hội chợ đã đóng đăng ký" not in text
    assert apply_url(fair) in text


@pytest.mark.parametrize(
    "overrides, field_error",
    [
        ({"products": []}, "Hãy chọn ít nhất một sản phẩm"),
        ({"contact_phone": "gọi tôi"}, "Số điện thoại không hợp lệ"),
        ({"contact_name": "   "}, "Hãy ghi tên người liên hệ"),
        ({"booth_size": ""}, "Hãy chọn loại gian hàng"),
        ({"booth_size": "999999"}, "Hãy chọn một loại gian hàng của hội chợ này"),
        ({"note": "x" * 1001}, "1000"),
    ],
)
def test_bad_application_says_what_is_wrong_and_stores_nothing(
    signed_in, fair, lychee, overrides, field_error
):
    # when
    response = signed_in.post(apply_url(fair), form_data(fair, lychee, **overrides))
    # then
    assert response.status_code == 400
    assert field_error in response.content.decode()
    assert not FairApplication.objects.exists()
    assert not mail.outbox


def test_another_producers_product_or_another_fairs_booth_size_is_refused(
    signed_in, home_page, fair, lychee
):
    # given
    theirs = listed_product(5, producer=ProducerFactory())
    other_fair = make_fair(home=home_page, title="Hội chợ khác")
    # when
    wrong_product = signed_in.post(apply_url(fair), form_data(fair, lychee, theirs))
    wrong_size = signed_in.post(
        apply_url(fair), form_data(fair, lychee, booth_size=booth_size(other_fair, "3x3 m").pk)
    )
    # then
    assert wrong_product.status_code == wrong_size.status_code == 400
    assert "Không có sản phẩm này trong gian hàng của bạn" in wrong_product.content.decode()
    assert not FairApplication.objects.exists()


def test_a_product_that_may_not_be_listed_cannot_be_brought(signed_in, producer, fair, lychee):
    # given a two-star product of the same producer
    two_star = listed_product(2, producer=producer)
    # when
    response = signed_in.post(apply_url(fair), form_data(fair, lychee, two_star))
    # then
    assert response.status_code == 400
    assert not FairApplication.objects.exists()


@pytest.mark.parametrize("closes_in, starts_in", [(-1, 30), (0, 0)])
def test_applications_are_refused_once_they_close(
    signed_in, home_page, lychee, closes_in, starts_in
):
    # given applications closed yesterday (or the fair has started)
    fair = make_fair(
        home=home_page, closes_in=closes_in if starts_in else None, starts_in=starts_in
    )
    # when
    page = signed_in.get(apply_url(fair))
    response = signed_in.post(apply_url(fair), form_data(fair, lychee))
    # then
    assert "không nhận đăng ký gian hàng trực tuyến" in page.content.decode()
    assert response.status_code == 400
    assert "hết hạn đăng ký" in response.content.decode()
    assert not FairApplication.objects.exists()


def test_applications_are_taken_on_the_closing_day_itself(signed_in, home_page, lychee):
    # given
    fair = make_fair(home=home_page, closes_in=0)
    # when
    response = signed_in.post(apply_url(fair), form_data(fair, lychee))
    # then
    assert response.status_code == 302
    assert FairApplication.objects.filter(fair=fair).count() == 1


def test_one_application_per_producer_per_fair(signed_in, producer, fair, lychee):
    # given
    application = submit(producer, fair, lychee)
    # when a second application is posted
    response = signed_in.post(apply_url(fair), form_data(fair, lychee, size="3x6 m"))
    # then it opens the first one and changes nothing
    assert response.status_code == 302
    assert str(application.pk) in response["Location"]
    assert FairApplication.objects.get().booth_size.label == "3x3 m"


def test_pending_application_can_be_changed_until_it_is_reviewed(signed_in, producer, fair, lychee):
    # given
    noodles = listed_product(4, title="Mỳ Chũ", producer=producer)
    application = submit(producer, fair, lychee)
    url = reverse("producer_dashboard:fair_application", kwargs={"application_id": application.pk})
    # when
    changed = signed_in.post(url, form_data(fair, lychee, noodles, size="3x6 m"))
    review(application, "accepted", number="A01")
    refused = signed_in.post(url, form_data(fair, noodles, size="3x3 m"))
    # then
    application.refresh_from_db()
    assert changed.status_code == 302
    assert refused.status_code == 400
    assert application.booth_size.label == "3x6 m"
    assert set(application.products.all()) == {lychee, noodles}
    assert "Gian số A01" in signed_in.get(url).content.decode()


def test_another_producers_application_is_not_found_and_unchanged(signed_in, fair, lychee):
    # given
    theirs = ProducerFactory()
    their_application = submit(theirs, fair, listed_product(5, producer=theirs))
    url = reverse(
        "producer_dashboard:fair_application", kwargs={"application_id": their_application.pk}
    )
    # when
    seen = signed_in.get(url)
    posted = signed_in.post(url, form_data(fair, lychee, size="3x6 m"))
    # then
    assert seen.status_code == posted.status_code == 404
    their_application.refresh_from_db()
    assert their_application.booth_size.label == "3x3 m"
    assert their_application.producer == theirs


# --- review ---------------------------------------------------------------------------------


def test_each_review_step_emails_the_producer_in_the_language_it_applied_in(producer, fair, lychee):
    # given an application made on the English dashboard
    application = submit(producer, fair, lychee, language="en")
    mail.outbox.clear()
    # when
    review(application, "waitlisted")
    review(application, "accepted", number="b07")
    review(application, "refused", reason="Trùng ngành hàng")
    # then
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [
        f"Booth application waitlisted: {fair.title}",
        f"Booth accepted: {fair.title}",
        f"Booth application not accepted: {fair.title}",
    ]
    assert "booth B07" in mail.outbox[1].body
    assert "Trùng ngành hàng" in mail.outbox[2].body


def test_vietnamese_applicant_is_emailed_in_vietnamese(producer, fair, lychee):
    # given
    application = submit(producer, fair, lychee, language="vi")
    # when
    with translation.override("en"):
        review(application, "accepted", number="A01")
    # then
    assert mail.outbox[-1].subject == f"Đã được nhận gian hàng: {fair.title}"
    assert "gian hàng số A01" in mail.outbox[-1].body


def test_accepting_needs_a_booth_number_and_refusing_needs_a_reason(producer, fair, lychee):
    # given
    application = submit(producer, fair, lychee)
    # when / then
    with pytest.raises(BoothError, match="số gian hàng"):
        review(application, "accepted")
    with pytest.raises(BoothError, match="lý do"):
        review(application, "refused", reason="  ")
    application.refresh_from_db()
    assert application.status == "pending"


def test_capacity_of_a_booth_size_is_never_exceeded(home_page, lychee):
    # given a size with one booth, taken
    fair = make_fair(home=home_page, sizes=(("3x6 m", 1),))
    first, second = applicant(fair, "3x6 m"), applicant(fair, "3x6 m")
    review(first, "accepted", number="B01")
    # when / then
    with pytest.raises(BoothError, match="Đã hết gian hàng loại 3x6 m"):
        review(second, "accepted", number="B02")
    review(first, "waitlisted")  # the booth frees up
    review(second, "accepted", number="B02")
    assert FairApplication.objects.filter(status="accepted").count() == 1


def test_booth_numbers_are_unique_per_fair(home_page):
    # given
    fair, other_fair = make_fair(home=home_page), make_fair(home=home_page, title="Khác")
    one, two, elsewhere = applicant(fair), applicant(fair), applicant(other_fair)
    review(one, "accepted", number="A01")
    # when / then
    with pytest.raises(BoothError, match="A01 đã được xếp"):
        review(two, "accepted", number=" a01 ")
    review(elsewhere, "accepted", number="A01")  # another fair may use the same number


def _organiser(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Biên tập viên (nhóm mặc định)"))
    client.force_login(user)
    return user


def test_organiser_accepts_an_application_in_the_wagtail_admin(client, producer, fair, lychee):
    # given
    application = submit(producer, fair, lychee)
    _organiser(client)
    url = reverse("fair_applications:edit", args=[application.pk])
    # when
    listing = client.get(reverse("fair_applications:index"), {"fair": fair.pk})
    response = client.post(url, {"status": "accepted", "booth_number": "A05", "refusal_reason": ""})
    # then
    application.refresh_from_db()
    assert listing.status_code == 200 and producer.name in listing.content.decode()
    assert response.status_code == 302
    assert (application.status, application.booth_number) == ("accepted", "A05")
    assert mail.outbox[-1].subject.startswith("Đã được nhận gian hàng")


def test_admin_refuses_an_accept_beyond_capacity_with_a_form_error(client, home_page):
    # given
    fair = make_fair(home=home_page, sizes=(("3x3 m", 1),))
    review(applicant(fair), "accepted", number="A01")
    waiting = applicant(fair)
    _organiser(client)
    # when
    response = client.post(
        reverse("fair_applications:edit", args=[waiting.pk]),
        {"status": "accepted", "booth_number": "A02"},
    )
    # then
    waiting.refresh_from_db()
    assert response.status_code == 200
    assert "Đã hết gian hàng loại 3x3 m" in response.content.decode()
    assert waiting.status == "pending"


def test_nobody_adds_an_application_in_the_admin(admin_client):
    # when
    response = admin_client.get(reverse("fair_applications:add"))
    # then
    assert response.status_code in (302, 403)


def test_outcomes_are_recorded_after_the_fair_and_counted_on_the_progress_page(client, home_page):
    # given a fair that ended yesterday with one accepted exhibitor and one refused
    fair = make_fair(home=home_page, starts_in=-3, days=3, closes_in=None)
    accepted = FairApplication.objects.create(
        fair=fair,
        producer=ProducerFactory(),
        booth_size=booth_size(fair, "3x3 m"),
        contact_name="A",
        contact_phone="0912345678",
        status="accepted",
        booth_number="A01",
    )
    FairApplication.objects.create(
        fair=fair,
        producer=ProducerFactory(),
        booth_size=booth_size(fair, "3x3 m"),
        contact_name="B",
        contact_phone="0912345678",
        status="refused",
        refusal_reason="Trùng",
    )
    _organiser(client)
    # when
    response = client.post(
        reverse("fair_applications:edit", args=[accepted.pk]),
        {
            "status": "accepted",
            "booth_number": "A01",
            "visitors": "850",
            "sales_vnd": "42500000",
            "contracts_signed": "2",
        },
    )
    progress = client.get(reverse("records:progress"))
    # then
    accepted.refresh_from_db()
    assert response.status_code == 302
    assert (accepted.visitors, accepted.sales_vnd, accepted.contracts_signed) == (850, 42500000, 2)
    text = progress.content.decode()
    assert 'id="figure-fairs_held"><th scope="row">Hội chợ đã tổ chức</th><td>1</td>' in text
    assert 'id="figure-fair_exhibitors"><th scope="row">' in text
    assert "Lượt chủ thể tham gia hội chợ</th><td>1</td>" in text


# --- the fair page ----------------------------------------------------------------------------


def test_fair_page_lists_accepted_exhibitors_with_booths_and_only_listable_products(client, fair):
    # given
    shown = ProducerFactory(name="HTX Mỳ Chũ Nam Dương")
    noodles = listed_product(5, title="Mỳ Chũ gạo lứt", producer=shown)
    lapsed = product_in_state("expired", title="Mỳ Chũ hết chứng nhận", producer=shown)
    accepted = submit(shown, fair, noodles, lapsed)
    review(accepted, "accepted", number="A03")
    applicant(fair, name="HTX Gà đồi chờ duyệt")
    review(applicant(fair, name="HTX bị từ chối"), "refused", reason="x")
    # when
    response = client.get(fair.url)
    # then
    text = response.content.decode()
    assert response.status_code == 200
    assert 'id="booth-a03"' in text and "Gian A03" in text
    assert "HTX Mỳ Chũ Nam Dương" in text and "Mỳ Chũ gạo lứt" in text
    assert "Mỳ Chũ hết chứng nhận" not in text
    assert "HTX Gà đồi chờ duyệt" not in text and "HTX bị từ chối" not in text
