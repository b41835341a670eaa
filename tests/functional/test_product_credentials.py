"""Product credentials over HTTP: badges on cards and the product page only when verified and in
force (gone the day after the last day, cached pages included), producers propose from the
dashboard, staff verify in the admin, the progress page counts protected products."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import selectors, services
from tests.factories import ProducerFactory, listed_product, pdf_bytes

ProductCredential = get_model("catalogue", "ProductCredential")

pytestmark = pytest.mark.django_db

CREDENTIALS = reverse("producer_dashboard:credentials")


def _gi(product, *, verified=True, valid_until=None, issued_on=None):
    return services.credential_record(
        product=product,
        kind="gi",
        number="CDĐL-00073",
        issuer="Cục Sở hữu trí tuệ",
        issued_on=issued_on,
        valid_until=valid_until,
        verified=verified,
    )


def test_product_page_shows_a_verified_credential_with_its_details_and_badge(client):
    # given a listed product with a verified GI and a verified Vietnamese barcode
    product = listed_product(5, title="Vải thiều Lục Ngạn")
    _gi(product)
    services.credential_record(product=product, kind="barcode", number="8930000000019")
    # when a shopper opens the product page
    html = client.get(product.get_absolute_url()).content.decode()
    # then the badges and the details are there, the barcode marked as registered in Viet Nam
    assert 'data-credential="gi"' in html and "Chỉ dẫn địa lý" in html
    assert "CDĐL-00073" in html and "Cục Sở hữu trí tuệ" in html
    assert "8930000000019" in html and "GS1 Việt Nam" in html


def test_a_proposed_credential_shows_nowhere_until_verified(client):
    # given a product whose GI was proposed but not verified
    product = listed_product(5, title="Vải thiều Lục Ngạn", producer=ProducerFactory())
    credential = _gi(product, verified=False)
    # when the product page and the producer's page (cards) are opened
    page = client.get(product.get_absolute_url()).content.decode()
    cards = client.get(product.producer.get_absolute_url()).content.decode()
    # then no badge shows
    assert 'data-credential="gi"' not in page and 'data-credential="gi"' not in cards
    # when staff verify it
    services.credential_verify(credential=credential)
    # then it shows on both
    assert 'data-credential="gi"' in client.get(product.get_absolute_url()).content.decode()
    assert (
        'data-credential="gi"' in client.get(product.producer.get_absolute_url()).content.decode()
    )


def test_an_expired_credential_shows_through_its_last_day_and_stops_the_day_after(client):
    # given two products: a VietGAP ending today, and one that ended yesterday
    today = timezone.localdate()
    last_day = listed_product(5, title="Rau VietGAP hết hạn hôm nay")
    lapsed = listed_product(5, title="Rau VietGAP hết hạn hôm qua")
    for product, end in ((last_day, today), (lapsed, today - timedelta(days=1))):
        services.credential_record(
            product=product,
            kind="vietgap",
            number="VG-1",
            issuer="Trung tâm X",
            issued_on=today - timedelta(days=700),
            valid_until=end,
        )
    # when their pages are opened
    # then the one on its last day shows VietGAP, the other does not
    assert 'data-credential="vietgap"' in client.get(last_day.get_absolute_url()).content.decode()
    assert 'data-credential="vietgap"' not in client.get(lapsed.get_absolute_url()).content.decode()
    # and the card rule agrees for tomorrow: the last-day one is gone then
    tomorrow = today + timedelta(days=1)
    assert selectors.product_badges(last_day, today=tomorrow) == []
    assert [b.kind for b in selectors.product_badges(last_day, today=today)] == ["vietgap"]


def test_cached_product_page_is_rendered_again_when_a_credential_is_verified(client, settings):
    # given the page cache on and a product page cached while its GI waits for review
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    product = listed_product(5, title="Gà đồi Yên Thế")
    credential = _gi(product, verified=False)
    client.get(product.get_absolute_url())
    assert client.get(product.get_absolute_url())["X-Page-Cache"] == "hit"
    # when staff verify the credential
    services.credential_verify(credential=credential)
    # then the next visitor gets a fresh page with the badge
    response = client.get(product.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert 'data-credential="gi"' in response.content.decode()
    caches["pages"].clear()


# -- the producer dashboard -------------------------------------------------------------------


@pytest.fixture
def producer():
    return ProducerFactory()


def _proposal(product, **overrides):
    data = {
        "product": product.pk,
        "kind": "barcode",
        "number": "893 0000 000019",
        "issuer": "",
        "issued_on": "",
        "valid_until": "",
        "scan": SimpleUploadedFile("ma-vach.pdf", pdf_bytes(), "application/pdf"),
    }
    data.update(overrides)
    return data


def test_producer_proposes_a_credential_with_a_scan_and_it_waits_for_review(
    signed_in, producer, client
):
    # given the producer's listed product
    product = listed_product(5, title="Mỳ Chũ Nam Dương", producer=producer)
    # when the producer proposes its barcode with a PDF scan
    response = signed_in.post(CREDENTIALS, _proposal(product))
    # then it is recorded, normalised, proposed, and listed on the dashboard
    assert response.status_code == 302, response.content.decode()[:3000]
    credential = ProductCredential.objects.get(product=product)
    assert (credential.number, credential.status) == ("8930000000019", "proposed")
    assert credential.scan.name.endswith(".pdf")
    assert "Chờ xác minh" in signed_in.get(CREDENTIALS).content.decode()
    # and the storefront does not show it
    assert (
        'data-credential="barcode"'
        not in signed_in.get(product.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"number": "8930000000018"}, "Số kiểm tra của mã vạch không đúng"),
        ({"number": "89300000019"}, "8 hoặc 13 chữ số"),
        ({"kind": "vietgap", "number": "VG-1", "issuer": "Trung tâm X"}, "ngày hết hiệu lực"),
        ({"issued_on": "31/02/2025"}, "Vui lòng nhập ngày hợp lệ"),
    ],
)
def test_bad_proposals_get_a_clear_message_and_store_nothing(
    signed_in, producer, overrides, message
):
    product = listed_product(5, producer=producer)
    response = signed_in.post(CREDENTIALS, _proposal(product, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProductCredential.objects.exists()


def test_a_scan_that_is_not_what_it_claims_is_refused(signed_in, producer):
    product = listed_product(5, producer=producer)
    fake = SimpleUploadedFile("ma-vach.pdf", b"MZ not a pdf at all", "application/pdf")
    response = signed_in.post(CREDENTIALS, _proposal(product, scan=fake))
    assert response.status_code == 400
    assert not ProductCredential.objects.exists()


def test_a_producer_cannot_propose_for_or_see_another_producers_product(signed_in, producer):
    # given another producer's product and credential
    theirs = listed_product(5, title="Gà đồi nhà khác", producer=ProducerFactory())
    credential = _gi(theirs)
    # when the producer posts a proposal naming that product, and opens that credential
    response = signed_in.post(CREDENTIALS, _proposal(theirs))
    detail = signed_in.get(
        reverse("producer_dashboard:credential_detail", kwargs={"credential_id": credential.pk})
    )
    # then the form refuses, nothing is stored, the credential is a 404 and is not listed
    assert response.status_code == 400
    assert ProductCredential.objects.count() == 1
    assert detail.status_code == 404
    assert "Gà đồi nhà khác" not in signed_in.get(CREDENTIALS).content.decode()


# -- staff in the admin -----------------------------------------------------------------------


@pytest.fixture
def staff_client(client):
    admin = get_user_model().objects.create_superuser("canbo", "canbo@example.vn", "x")
    client.force_login(admin)
    return client


def _change_form(credential, **overrides):
    data = {
        "product": credential.product_id,
        "kind": credential.kind,
        "number": credential.number,
        "issuer": credential.issuer,
        "issued_on": "",
        "valid_until": "",
        "note": "",
        "refuse_reason": "",
    }
    data.update(overrides)
    return data


def test_staff_verify_a_proposal_in_the_admin_and_it_shows(staff_client):
    # given a producer's proposed GI
    product = listed_product(5, title="Vải thiều Lục Ngạn")
    credential = _gi(product, verified=False)
    url = f"/django-admin/catalogue/productcredential/{credential.pk}/change/"
    # when staff tick "verify" and save
    response = staff_client.post(url, _change_form(credential, verify="on"))
    # then it is verified, by whom, and shows on the product page
    assert response.status_code == 302, response.content.decode()[:3000]
    credential.refresh_from_db()
    assert credential.status == "verified" and credential.verified_by.username == "canbo"
    assert 'data-credential="gi"' in staff_client.get(product.get_absolute_url()).content.decode()


def test_staff_refuse_with_a_reason_and_bad_facts_get_a_form_error(staff_client):
    product = listed_product(5)
    credential = _gi(product, verified=False)
    url = f"/django-admin/catalogue/productcredential/{credential.pk}/change/"
    # a barcode with a wrong check digit: a form error, nothing changed
    bad = staff_client.post(url, _change_form(credential, kind="barcode", number="8930000000018"))
    assert bad.status_code == 200 and "Số kiểm tra" in bad.content.decode()
    credential.refresh_from_db()
    assert credential.kind == "gi"
    # a refusal with its reason
    staff_client.post(url, _change_form(credential, refuse_reason="Không khớp sổ đăng ký"))
    credential.refresh_from_db()
    assert credential.status == "refused" and credential.note == "Không khớp sổ đăng ký"


def test_staff_add_a_credential_verified_and_the_list_action_verifies_proposals(staff_client):
    product = listed_product(5)
    response = staff_client.post(
        "/django-admin/catalogue/productcredential/add/",
        {
            "product": product.pk,
            "kind": "collective_tm",
            "number": "4-0201",
            "issuer": "Cục Sở hữu trí tuệ",
            "issued_on": "",
            "valid_until": "",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ProductCredential.objects.get().status == "verified"
    proposed = _gi(product, verified=False)
    staff_client.post(
        "/django-admin/catalogue/productcredential/",
        {"action": "verify_selected", "_selected_action": [proposed.pk]},
    )
    proposed.refresh_from_db()
    assert proposed.status == "verified"


# -- the programme's progress page ------------------------------------------------------------


def test_progress_page_counts_products_with_industrial_property_protection(client):
    # given a GI product, a collective-trademark product, a barcode-only product and a product
    # whose trademark is only proposed
    _gi(listed_product(5, title="Vải"))
    services.credential_record(
        product=listed_product(4, title="Mỳ"),
        kind="collective_tm",
        number="4-0201",
        issuer="Cục Sở hữu trí tuệ",
    )
    services.credential_record(
        product=listed_product(4, title="Bánh"), kind="barcode", number="8930000000019"
    )
    _gi(listed_product(3, title="Na"), verified=False)
    # when the progress page is opened
    html = client.get(reverse("records:progress")).content.decode()
    # then two products count as protected
    assert "2 sản phẩm được bảo hộ quyền sở hữu công nghiệp" in html
    assert "Chỉ dẫn địa lý: 1" in html and "Nhãn hiệu tập thể: 1" in html
