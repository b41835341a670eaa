"""Wholesale enquiries (kết nối giao thương) over HTTP: the public form (valid, each invalid
field, the honeypot, the size limit, the rate limits), the producer dashboard (list, reply
emailed to the buyer, outcome) and the programme office's counts and CSV. Mail is Django's
in-memory outbox."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from catalog import trade
from catalog.services import PROGRAMME_OFFICE_GROUP
from marketplace.throttle import throttle_reset
from producers.models import Enquiry, EnquiryMessage
from producers.services import enquiry_outcome_set, enquiry_reply, enquiry_submit
from tests.factories import ProducerFactory, UserFactory, listed_product, searchable_product

pytestmark = pytest.mark.django_db


def enquiry_data(product, /, **changes) -> dict:
    """A valid enquiry about ``product`` as the form posts it."""
    data = {
        "company": "Công ty CP Siêu thị Xanh (dữ liệu thử)",
        "tax_code": "0300588569",
        "contact_name": "Nguyễn Thu Hà",
        "phone": "0912 345 678",
        "email": "mua.hang@sieuthixanh.example",
        "product": product.pk,
        "quantity": "2",
        "unit": "tan",
        "destination": "VN:Hà Nội",
        "delivery_period": "Hằng tháng từ 01/2027",
        "message": "Cần hộp 500 g, có tem truy xuất.",
        "website": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def product():
    producer = ProducerFactory(email="htx@example.vn")
    return listed_product(5, producer=producer, title="Vải thiều sấy")


def _url(product) -> str:
    return reverse("trade:enquiry", kwargs={"slug": product.producer.slug})


def test_a_valid_enquiry_is_stored_for_the_producer_who_is_emailed(client, product, on_commit):
    # given the form reached from the product page
    page = client.get(f"{_url(product)}?san-pham={product.pk}")
    assert page.status_code == 200
    assert f'<option value="{product.pk}" selected>' in page.content.decode()
    # when
    with on_commit(execute=True):
        response = client.post(_url(product), enquiry_data(product))
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("trade:sent", kwargs={"slug": product.producer.slug})
    enquiry = Enquiry.objects.get()
    assert (enquiry.producer, enquiry.product, enquiry.status) == (product.producer, product, "new")
    assert (enquiry.quantity, enquiry.unit, enquiry.destination) == (2, "tan", "VN:Hà Nội")
    assert [m.to for m in mail.outbox] == [["htx@example.vn"]]
    assert "Siêu thị Xanh" in mail.outbox[0].body


def test_the_product_page_links_to_the_form_with_the_product_chosen(client, product):
    html = client.get(product.get_absolute_url()).content.decode()
    assert f"{_url(product)}?san-pham={product.pk}" in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("company", ""),
        ("tax_code", "0300588568"),  # wrong check digit
        ("tax_code", "030058856"),
        ("tax_code", "0300588569-000"),
        ("contact_name", ""),
        ("phone", "12"),
        ("phone", "gọi tôi"),
        ("email", "khong-phai-email"),
        ("product", "999999"),
        ("quantity", "0"),
        ("quantity", "abc"),
        ("quantity", str(trade.QUANTITY_MAX + 1)),
        ("unit", "thuyen"),
        ("destination", "VN:Bắc Giang"),
        ("destination", "XX"),
        ("delivery_period", ""),
        ("message", "x" * (trade.MESSAGE_MAX_CHARS + 1)),
    ],
)
def test_each_invalid_field_gets_a_clear_error_and_stores_nothing(
    client, product, field, value, on_commit
):
    # when
    with on_commit(execute=True):
        response = client.post(_url(product), enquiry_data(product, **{field: value}))
    # then the form again, with the error next to the field
    assert response.status_code == 400
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert 'class="text-danger small"' in response.content.decode()
    assert not Enquiry.objects.exists()
    assert not mail.outbox


def test_another_producers_product_cannot_be_chosen(client, product):
    other = listed_product(5)
    response = client.post(_url(product), enquiry_data(product, product=other.pk))
    assert response.status_code == 400
    assert not Enquiry.objects.exists()


def test_a_product_off_sale_is_not_offered(client, product):
    unrated = listed_product(2, producer=product.producer)
    response = client.post(_url(product), enquiry_data(product, product=unrated.pk))
    assert response.status_code == 400
    assert not Enquiry.objects.exists()


def test_the_honeypot_refuses_robots_and_stores_nothing(client, product, on_commit):
    with on_commit(execute=True):
        response = client.post(_url(product), enquiry_data(product, website="http://spam.example"))
    assert response.status_code == 400
    assert "Không gửi được yêu cầu" in response.content.decode()
    assert not Enquiry.objects.exists()
    assert not mail.outbox


def test_a_branch_tax_code_and_an_export_destination_are_accepted(client, product):
    data = enquiry_data(product, tax_code="0300.588.569-001", destination="JP", unit="thung")
    assert client.post(_url(product), data).status_code == 302
    enquiry = Enquiry.objects.get()
    assert (enquiry.tax_code, enquiry.destination_label()) == ("0300588569-001", "Nhật Bản")


@pytest.fixture
def throttling(settings):
    settings.OCOP_FORM_THROTTLE_ENABLED = True
    throttle_reset()
    yield
    throttle_reset()


@pytest.mark.usefixtures("throttling")
def test_a_fourth_enquiry_from_one_email_within_the_hour_is_refused(product):
    # given three enquiries from one email, each from a different address
    for n in range(3):
        sent = Client(REMOTE_ADDR=f"10.0.0.{n + 1}").post(_url(product), enquiry_data(product))
        assert sent.status_code == 302
    # when a fourth comes from yet another address
    response = Client(REMOTE_ADDR="10.0.0.9").post(_url(product), enquiry_data(product))
    # then
    assert response.status_code == 429
    assert Enquiry.objects.count() == 3


@pytest.mark.usefixtures("throttling")
def test_one_address_may_send_ten_enquiries_an_hour_whatever_the_emails(product):
    client = Client(REMOTE_ADDR="10.0.0.1")
    for n in range(10):
        data = enquiry_data(product, email=f"buyer{n}@example.vn")
        assert client.post(_url(product), data).status_code == 302
    response = client.post(_url(product), enquiry_data(product, email="buyer10@example.vn"))
    assert response.status_code == 429
    assert Enquiry.objects.count() == 10


# --- the producer's dashboard -----------------------------------------------------------------


def _enquiry(product, **changes) -> Enquiry:
    data = enquiry_data(product, **changes)
    data.pop("website")
    data["product"] = product
    data["quantity"] = int(data["quantity"])
    return enquiry_submit(**data)


def _producer_client(producer) -> Client:
    user = UserFactory(first_name="Lan", last_name="Trần")
    producer.partner.users.add(user)
    client = Client()
    client.force_login(user)
    return client


def test_the_producer_lists_its_own_enquiries_only(product):
    # given one enquiry about its product and one about another producer's
    mine = _enquiry(product, company="Chuỗi nhà hàng Bếp Việt")
    theirs = _enquiry(listed_product(5), company="Công ty Xuất khẩu Khác")
    client = _producer_client(product.producer)
    # when
    html = client.get(reverse("producer_dashboard:enquiries")).content.decode()
    # then
    assert mine.company in html
    assert theirs.company not in html
    assert (
        client.get(
            reverse("producer_dashboard:enquiry", kwargs={"enquiry_id": theirs.pk})
        ).status_code
        == 404
    )


def test_a_reply_is_emailed_to_the_buyer_and_kept_in_the_thread(product, on_commit):
    # given
    enquiry = _enquiry(product)
    mail.outbox.clear()
    client = _producer_client(product.producer)
    url = reverse("producer_dashboard:enquiry", kwargs={"enquiry_id": enquiry.pk})
    # when
    with on_commit(execute=True):
        response = client.post(url, {"body": "Giá 85.000 đ/kg, giao tại kho Lục Ngạn."})
    # then
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == "replied"
    assert [m.to for m in mail.outbox] == [["mua.hang@sieuthixanh.example"]]
    assert "Giá 85.000 đ/kg" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == [
        "htx@example.vn",
        *[u.email for u in product.producer.partner.users.all()],
    ]
    page = client.get(url).content.decode()
    assert "Giá 85.000 đ/kg, giao tại kho Lục Ngạn." in page
    assert EnquiryMessage.objects.filter(enquiry=enquiry).count() == 1


def test_the_reply_email_is_in_the_buyers_language(product, on_commit):
    enquiry = _enquiry(product, language="en")
    with on_commit(execute=True):
        enquiry_reply(enquiry=enquiry, by=None, body="OK")
    assert mail.outbox[0].body.startswith("Dear ")
    assert "replies to your wholesale enquiry" in mail.outbox[0].subject


def test_an_empty_or_oversize_reply_is_refused_and_sends_nothing(product, on_commit):
    enquiry = _enquiry(product)
    client = _producer_client(product.producer)
    url = reverse("producer_dashboard:enquiry", kwargs={"enquiry_id": enquiry.pk})
    for body in ("", "x" * (trade.MESSAGE_MAX_CHARS + 1)):
        with on_commit(execute=True):
            assert client.post(url, {"body": body}).status_code == 400
    assert not mail.outbox
    assert not EnquiryMessage.objects.exists()
    enquiry.refresh_from_db()
    assert enquiry.status == "new"


def test_the_producer_marks_the_outcome_and_won_is_final(product):
    enquiry = _enquiry(product)
    client = _producer_client(product.producer)
    url = reverse("producer_dashboard:enquiry", kwargs={"enquiry_id": enquiry.pk})
    # when quoted, then won
    assert client.post(url, {"outcome": "quoted"}).status_code == 302
    assert client.post(url, {"outcome": "won"}).status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == "won"
    # then a later change is refused with a message and changes nothing
    refused = client.post(url, {"outcome": "lost"})
    assert refused.status_code == 400
    assert "đã kết thúc" in refused.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.status == "won"
    assert client.post(url, {"outcome": "replied"}).status_code == 400


# --- the programme office ---------------------------------------------------------------------


@pytest.fixture
def office_client() -> Client:
    user = UserFactory()
    user.groups.add(Group.objects.get(name=PROGRAMME_OFFICE_GROUP))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what services leave for after the commit (emails): tests run inside a transaction
    that never commits."""
    return django_capture_on_commit_callbacks


def _office_world():
    lychee = searchable_product("Vải thiều sấy", group="Thực phẩm", district="Lục Ngạn")
    wine = searchable_product("Rượu làng Vân", group="Đồ uống", district="Việt Yên")
    first = _enquiry(lychee)
    _enquiry(lychee, company='=HYPERLINK("http://evil.example","x")')
    enquiry_outcome_set(enquiry=first, outcome="won")
    _enquiry(wine, company="+84 Trading")
    return lychee, wine


def test_the_office_sees_counts_by_group_and_district(office_client):
    # given two won/new enquiries for food in Lục Ngạn and one for drinks in Việt Yên
    _office_world()
    # when
    response = office_client.get(reverse("trade:statistics"))
    # then
    assert response.status_code == 200
    rows = {(r.group, r.district): r for r in response.context["rows"]}
    assert rows[("Thực phẩm", "Lục Ngạn")].counts["won"] == 1
    assert rows[("Thực phẩm", "Lục Ngạn")].counts["new"] == 1
    assert rows[("Đồ uống", "Việt Yên")].total == 1
    assert response.context["grand_total"] == 3
    assert "mua.hang@sieuthixanh.example" not in response.content.decode()


def test_the_csv_escapes_formula_cells_and_leaves_out_contacts(office_client):
    _office_world()
    response = office_client.get(reverse("trade:statistics_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == list(
        (
            "date",
            "group",
            "district",
            "producer",
            "product",
            "company",
            "tax_code",
            "quantity",
            "unit",
            "destination",
            "status",
            "demo",
        )
    )
    companies = {row[5] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil.example","x")' in companies
    assert "'+84 Trading" in companies
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert "mua.hang@sieuthixanh.example" not in response.content.decode()
    assert {row[10] for row in rows[1:]} == {"won", "new"}


@pytest.mark.parametrize("name", ["trade:statistics", "trade:statistics_csv"])
def test_only_the_programme_office_sees_the_counts(product, name):
    # given an anonymous visitor and a producer's user
    url = reverse(name)
    anonymous = Client().get(url)
    producer = _producer_client(product.producer).get(url)
    # then both are sent to sign in, and see no figure
    for response in (anonymous, producer):
        assert response.status_code == 302
        assert "/django-admin/login/" in response["Location"]
