"""The product page for buying on a phone: the buy bar (price, labelled quantity, "Thêm vào
giỏ", "Mua ngay" straight to checkout), the certificate's verification link, the star badge's
link to what the stars mean, the producer card with other products, the showroom links."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from cms.models import ProgrammePage
from tests.factories import listed_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def stars_page(home_page, vietnamese):
    cache.clear()  # the cached star-explanation URL must not outlive a rolled-back test
    page = ProgrammePage(
        title="Cách xếp hạng sao", slug="cach-xep-hang-sao", topic=ProgrammePage.Topic.STARS
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_buy_bar_has_price_a_labelled_quantity_and_both_buttons(client, stars_page):
    # given a listed product
    product = listed_product(5)
    # when
    html = client.get(product.get_absolute_url()).content.decode()
    # then
    bar = html[html.index('data-testid="buy-bar"') :]
    assert '<label class="ocop-buybar__qty mb-0" for="id_quantity">' in bar
    assert 'id="id_quantity"' in bar
    assert "Thêm vào giỏ" in bar and "Mua ngay" in bar
    assert f'value="{reverse("checkout:index")}"' in bar


def test_buy_now_adds_and_goes_straight_to_checkout(client, stars_page):
    # given a listed product
    product = listed_product(5)
    # when the shopper taps "Mua ngay" with 2
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": 2, "next": reverse("checkout:index")},
        follow=True,
    )
    # then two are in the basket and they are at the phone-first address step
    assert response.redirect_chain[-1][0] == reverse("checkout:shipping-address")
    assert response.wsgi_request.basket.num_items == 2


def test_certificate_and_badge_link_to_verification_and_star_explanation(client, stars_page):
    # given a listed product and its certificate
    product = listed_product(4)
    certificate = product.certificates.get()
    # when
    html = client.get(product.get_absolute_url()).content.decode()
    # then
    assert f'href="{certificate.get_verification_url()}"' in html
    assert f'href="{stars_page.url}#programme-stars"' in html
    # and the verification page answers
    assert client.get(certificate.get_verification_url()).status_code == 200


def test_the_producer_card_shows_story_and_other_products(client, stars_page):
    # given two listed products of one producer
    product = listed_product(5)
    producer = product.producer
    producer.story = "Ba thế hệ trồng vải ở Lục Ngạn."
    producer.save()
    other = listed_product(4, producer=producer, title="Vải thiều sấy khô")
    # when
    html = client.get(product.get_absolute_url()).content.decode()
    # then
    card = html[html.index('data-testid="producer-card"') :]
    assert "Ba thế hệ trồng vải ở Lục Ngạn." in card
    assert f'href="{other.get_absolute_url()}"' in card
