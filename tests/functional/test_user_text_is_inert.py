"""No raw HTML from users anywhere: every text field a non-staff user writes (producers, shoppers)
is written through the real form or service with a script payload, then every page that shows it
is fetched with the Django test client, in Vietnamese and in English, by the writer and by staff.

A page passes when the field's marker text is on it (so the field really is shown there: the test
cannot pass on a page that leaves it out) and the HTML parser finds no ``<script>`` carrying the
payload and no element with an ``on…`` event attribute or a ``javascript:`` link from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from producers.selectors import product_version
from producers.services import stock_move
from tests.factories import CategoryFactory, ProducerFactory, UserFactory, listed_product
from tests.functional.test_checkout_flow import ADDRESS, add, finish

Order = get_model("order", "Order")
ProductReview = get_model("reviews", "ProductReview")
WishList = get_model("wishlists", "WishList")
Product = get_model("catalogue", "Product")
ProductIdea = get_model("catalogue", "ProductIdea")

pytestmark = pytest.mark.django_db

SCRIPT = "alert('xss')"
#: What an attacker types: a script element, an image whose error handler runs, a javascript: link.
PAYLOAD = (
    f'<script>{SCRIPT}</script><img src=x onerror="{SCRIPT}"><a href="javascript:{SCRIPT}">link</a>'
)


def payload(marker: str) -> str:
    """The attack with a unique visible marker, so the test knows the field is on the page."""
    return f"{marker} {PAYLOAD}"


class _ActiveContent(HTMLParser):
    """Collects what a browser would run from the page: scripts' text, event handlers, and
    ``javascript:`` URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        # A JSON data block (schema.org JSON-LD) is never run by a browser; its text is data.
        data_block = dict(attrs).get("type", "") in {"application/ld+json", "application/json"}
        self._in_script = tag == "script" and not data_block
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and SCRIPT in value:
                self.found.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action", "formaction"} and "javascript:" in value.lower():
                self.found.append(f"<{tag} {name}=javascript:…>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and SCRIPT in data:
            self.found.append("<script>…</script>")


def assert_inert(html: str, marker: str, where: str) -> None:
    """``marker`` is shown on the page and nothing of the payload can run."""
    assert marker in html, f"{where}: the field is not shown here, so this check proves nothing"
    parser = _ActiveContent()
    parser.feed(html)
    assert not parser.found, f"{where}: live payload {parser.found}"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def producer_client(producer) -> Client:
    user = UserFactory()
    producer.partner.users.add(user)
    return client_for(user)


def staff_client() -> Client:
    return client_for(UserFactory(is_staff=True, is_superuser=True))


@dataclass
class Written:
    """Pages that show the field, each with the client that may see it."""

    pages: list[tuple[Client, str]]


def _product_description(marker):
    # given a producer editing its listed product's description in its dashboard
    producer = ProducerFactory()
    product = listed_product(5, producer=producer)
    writer = producer_client(producer)
    edit = reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk})
    response = writer.post(
        edit,
        {"version": product_version(product), "price": "150000", "description": payload(marker)},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    url = product.get_absolute_url()
    return Written([(Client(), url), (staff_client(), url), (writer, edit)])


def _product_title(marker):
    # given a producer proposing a product (the title is typed once, at proposal); staff then
    # rate it 5★, which puts it on the storefront
    producer = ProducerFactory()
    writer = producer_client(producer)
    product = listed_product(5, producer=producer, title=payload(marker))
    response = writer.post(
        reverse("producer_dashboard:product_new"),
        {
            "title": payload(marker) + " draft",
            "product_class": product.product_class_id,
            "price": "120000",
            "description": "Mô tả",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    basket = Client()
    add(basket, product)
    return Written(
        [
            (Client(), product.get_absolute_url()),
            (Client(), reverse("catalogue:index")),
            (basket, reverse("basket:summary")),
            (writer, reverse("producer_dashboard:products")),
        ]
    )


def _product_english(field):
    def write(marker):
        # given a producer entering the English title or description (catalog.bilingual) of its
        # listed product in its dashboard; English readers see them on the /en/ pages
        from django.utils import translation

        producer = ProducerFactory()
        product = listed_product(5, producer=producer)
        writer = producer_client(producer)
        edit = reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk})
        response = writer.post(
            edit,
            {"version": product_version(product), "price": "150000", field: payload(marker)},
        )
        assert response.status_code == 302, response.content.decode()[:500]
        with translation.override("en"):
            url, catalogue = product.get_absolute_url(), reverse("catalogue:index")
            edit_en = reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk})
        pages = [(Client(), url), (staff_client(), url), (writer, edit_en)]
        if field == "title_en":
            basket = Client()
            basket.cookies["django_language"] = "en"
            add(basket, product)
            with translation.override("en"):
                pages += [(Client(), catalogue), (basket, reverse("basket:summary"))]
        return Written(pages)

    return write


def _review(field):
    def write(marker):
        # given a shopper who bought the product reviewing it through the real form
        product = listed_product(5)
        shopper = client_for(UserFactory())
        add(shopper, product)
        shopper.post(reverse("checkout:shipping-address"), ADDRESS)
        finish(shopper)
        review = {"title": "Tiêu đề", "score": "5", "body": "Nội dung"}
        review[field] = payload(marker)
        response = shopper.post(
            reverse(
                "catalogue:reviews-add",
                kwargs={"product_slug": product.slug, "product_pk": product.pk},
            ),
            review,
        )
        assert response.status_code == 302, response.content.decode()[:500]
        ProductReview.objects.filter(product=product).update(status=ProductReview.APPROVED)
        reviews = reverse(
            "catalogue:reviews-list",
            kwargs={"product_slug": product.slug, "product_pk": product.pk},
        )
        return Written([(Client(), product.get_absolute_url()), (Client(), reviews)])

    return write


def _idea(field):
    def write(marker):
        # given a producer submitting an idea and commenting on it through the real forms
        producer = ProducerFactory()
        writer = producer_client(producer)
        group = CategoryFactory()
        data = {
            "title": "Ý tưởng",
            "commune": producer.commune_id,
            "group": group.pk,
            "distinctive": "Khác biệt",
        }
        if field in data:
            data[field] = payload(marker)
        response = writer.post("/y-tuong/moi/", data)
        assert response.status_code == 302, response.content.decode()[:500]
        idea = ProductIdea.objects.get(producer=producer)
        if field == "comment":
            writer.post(f"/y-tuong/{idea.pk}/", {"body": payload(marker)})
        pages = [(writer, f"/y-tuong/{idea.pk}/")]
        if field == "title":
            pages.append((writer, "/y-tuong/"))
        return Written(pages)

    return write


def _shipping_address(field):
    def write(marker):
        # given a shopper typing the payload into the delivery address at checkout
        product = listed_product(5)
        user = UserFactory()
        shopper = client_for(user)
        add(shopper, product)
        shopper.post(reverse("checkout:shipping-address"), {**ADDRESS, field: payload(marker)})
        thank_you = finish(shopper).content.decode()
        order = Order.objects.filter(user=user).get()
        producer = product.producer
        return Written(
            [
                (shopper, reverse("customer:order", kwargs={"order_number": order.number})),
                (producer_client(producer), reverse("producer_dashboard:orders")),
                (
                    producer_client(producer),
                    reverse("producer_dashboard:packing_slip", kwargs={"order_id": order.pk}),
                ),
            ]
        ), thank_you

    return write


def _stock_note(marker):
    # given a producer's stock movement with a note (the dashboard form calls this service)
    producer = ProducerFactory()
    product = listed_product(5, producer=producer)
    writer = producer_client(producer)
    movement = stock_move(
        product=product, place=None, quantity=5, kind="received", note=payload(marker)[:255]
    )
    return Written(
        [
            (
                writer,
                reverse("producer_dashboard:stock_movement", kwargs={"movement_id": movement.pk}),
            )
        ]
    )


def _wishlist_name(marker):
    # given a shopper naming a wish list through Oscar's form
    user = UserFactory()
    shopper = client_for(user)
    response = shopper.post(
        reverse("customer:wishlists-create"),
        {
            "name": payload(marker)[:255],
            "visibility": "Private",
            "shared_emails-TOTAL_FORMS": "0",
            "shared_emails-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    wishlist = WishList.objects.get(owner=user)
    return Written(
        [(shopper, reverse("customer:wishlists-list")), (shopper, wishlist.get_absolute_url())]
    )


def _enquiry(field):
    def write(marker):
        # given a business buyer's wholesale enquiry sent through the public form, and the
        # producer's reply through the dashboard
        from tests.functional.test_wholesale_enquiries import enquiry_data

        producer = ProducerFactory()
        product = listed_product(5, producer=producer)
        data = enquiry_data(product)
        if field in data:
            data[field] = payload(marker)[:120]
        response = Client().post(reverse("trade:enquiry", kwargs={"slug": producer.slug}), data)
        assert response.status_code == 302, response.content.decode()[:800]
        writer = producer_client(producer)
        enquiry = producer.enquiries.get()
        detail = reverse("producer_dashboard:enquiry", kwargs={"enquiry_id": enquiry.pk})
        if field == "reply":
            writer.post(detail, {"body": payload(marker)})
        pages = [(writer, detail)]
        if field == "company":
            pages.append((writer, reverse("producer_dashboard:enquiries")))
        return Written(pages)

    return write


#: Every model text field a producer or shopper can write, and how it is written.
FIELDS: dict[str, Callable] = {
    "catalogue.Product.description": _product_description,
    "catalogue.Product.title": _product_title,
    "catalogue.Product.title_en": _product_english("title_en"),
    "catalogue.Product.description_en": _product_english("description_en"),
    "reviews.ProductReview.title": _review("title"),
    "reviews.ProductReview.body": _review("body"),
    "catalogue.ProductIdea.title": _idea("title"),
    "catalogue.ProductIdea.distinctive": _idea("distinctive"),
    "catalogue.IdeaComment.body": _idea("comment"),
    "order.ShippingAddress.line1": _shipping_address("line1"),
    "order.ShippingAddress.notes": _shipping_address("notes"),
    "order.ShippingAddress.last_name": _shipping_address("full_name"),
    "partner.StockMovement.note": _stock_note,
    "wishlists.WishList.name": _wishlist_name,
    "partner.Enquiry.company": _enquiry("company"),
    "partner.Enquiry.contact_name": _enquiry("contact_name"),
    "partner.Enquiry.delivery_period": _enquiry("delivery_period"),
    "partner.Enquiry.message": _enquiry("message"),
    "partner.EnquiryMessage.body": _enquiry("reply"),
}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_script_written_into_a_user_text_field_is_inert_on_every_page_that_shows_it(
    field, language
):
    # given the payload written by a non-staff user through the field's real form or service
    marker = "XSSMARK" + field.replace(".", "")
    written = FIELDS[field](marker)
    if isinstance(written, tuple):
        written, extra_html = written
        assert_inert(extra_html, marker, f"{field} on the thank-you page")
    # when each page that shows it is fetched
    for client, url in written.pages:
        client.cookies["django_language"] = language
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        # then
        assert response.status_code == 200, (field, url, response.status_code)
        assert_inert(response.content.decode(), marker, f"{field} on {url} ({language})")


def test_a_description_saved_before_the_sanitiser_is_inert_when_shown():
    # given a row written raw (before sanitising on save existed, or by the demo loader)
    raw = payload("XSSMARKold") + "<p>Hộp <strong>2 kg</strong></p>"
    product = listed_product(5, description=raw)
    # when
    html = Client().get(product.get_absolute_url()).content.decode()
    # then the payload is dead and the allowed formatting is kept
    assert_inert(html, "XSSMARKold", "an old raw description")
    assert "<p>Hộp <strong>2 kg</strong></p>" in html
