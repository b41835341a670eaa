"""The website over HTTP with the demo content loaded: every page type in both languages, live
products only, fairs and their .ics, feeds, sitemap, robots.txt, hreflang, the map, the contact
form, and bad input answered with a message (never a 500).

The demo is loaded once per module inside a transaction that is rolled back at the end; each test
runs in a savepoint inside it.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page

from catalog import selectors
from cms import models as cms
from tests.unit.test_website_rules import unfold

Product = get_model("catalogue", "Product")

PAGE_TYPES = [
    cms.HomePage,
    cms.NewsIndexPage,
    cms.NewsPage,
    cms.FairIndexPage,
    cms.FairPage,
    cms.ProgrammePage,
    cms.ShowroomIndexPage,
    cms.ShowroomPage,
    cms.VillageIndexPage,
    cms.VillagePage,
    cms.MapPage,
    cms.ContactPage,
    cms.PolicyPage,
]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site(website, db, vietnamese):
    """The demo website, with Vietnamese active."""
    from django.core.cache import cache

    cache.clear()  # the cached menu must not outlive a rolled-back test
    return None


def live(model, language="vi"):
    return model.objects.live().filter(locale__language_code=language)


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_renders_in_both_languages(site, client, model, language):
    # given the demo website
    pages = list(live(model, language))
    assert pages, f"the demo has no {model.__name__} in {language}"

    # when every page of this type is requested
    for page in pages:
        response = client.get(page.url)

        # then it answers 200 and says its title
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
        if language == "en":
            assert page.url.startswith("/en/")


def test_home_shows_live_rated_products_and_never_a_one_or_two_star_one(site, client):
    # given the demo catalogue: some products are not listed (1–2★, expired, revoked)
    home = live(cms.HomePage).get()
    listed = list(selectors.product_cards_queryset()[: home.featured_count])
    not_listed = Product.objects.exclude(pk__in=selectors.product_listed_queryset())
    assert not_listed.exists()

    # when
    response = client.get("/")

    # then the featured products are the best-rated ones on sale, read live
    html = response.content.decode()
    featured = [p.pk for p in response.context["featured_products"]]
    assert featured == [p.pk for p in listed]
    assert all(selectors.product_current_stars(p) >= 4 for p in listed[:3])
    for product in not_listed:
        assert f'href="{product.get_absolute_url()}"' not in html
    # and the latest news, upcoming fairs, the map and the programme in brief
    assert 'id="home-news"' in html and 'id="home-fairs"' in html
    assert 'id="ocop-map"' in html and 'id="home-programme"' in html


def test_home_stops_showing_a_product_whose_certificate_is_revoked(site, client):
    # given the top featured product
    top = selectors.product_cards_queryset().first()
    assert f'href="{top.get_absolute_url()}"' in client.get("/").content.decode()

    # when its certificates are revoked
    from catalog.services import certificate_revoke

    for certificate in top.certificates.exclude(status="revoked"):
        certificate_revoke(certificate=certificate, reason="Kiểm tra không đạt")

    # then the home page no longer shows it
    assert f'href="{top.get_absolute_url()}"' not in client.get("/").content.decode()


def test_fair_index_groups_fairs_by_status_from_their_dates(site, client):
    # given the demo fairs (one past, one on now, two upcoming, from the day of loading)
    today = timezone.localdate()

    # when
    response = client.get(live(cms.FairIndexPage).get().url)

    # then each fair sits under the status its dates give it
    sections = {status: [f.pk for f in fairs] for status, _, fairs in response.context["sections"]}
    for fair in live(cms.FairPage):
        assert fair.pk in sections[fair.status(today=today).value]
    assert all(sections.values())


def test_fair_page_offers_an_ics_that_parses(site, client):
    # given the fair on now
    today = timezone.localdate()
    fair = live(cms.FairPage).get(start_date__lte=today, end_date__gte=today)
    page = client.get(fair.url)
    assert "Đang diễn ra" in page.content.decode()

    # when the calendar file is downloaded
    response = client.get(fair.url + "lich/")

    # then it is an iCalendar event with the fair's dates and title
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].endswith('.ics"')
    lines = unfold(response.content.decode())
    assert lines[0] == "BEGIN:VCALENDAR" and "BEGIN:VEVENT" in lines
    assert f"SUMMARY:{fair.title}" in lines
    assert f"DTSTART;VALUE=DATE:{fair.start_date:%Y%m%d}" in lines
    assert f"DTEND;VALUE=DATE:{fair.end_date + timedelta(days=1):%Y%m%d}" in lines


def test_fair_page_describes_itself_as_a_schema_org_event(site, client):
    # given
    fair = live(cms.FairPage).first()
    # when
    html = client.get(fair.url).content.decode()
    # then
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(found.group(1))
    assert data["@type"] == "Event"
    assert data["startDate"] == fair.start_date.isoformat()
    assert data["location"]["name"] == fair.venue


def test_fair_cannot_end_before_it_starts(site):
    # given a fair whose end date is before its start
    fair = live(cms.FairPage).first()
    fair.end_date = fair.start_date - timedelta(days=1)
    # when / then the page refuses it with a message on the end date
    with pytest.raises(Exception) as caught:
        fair.full_clean()
    assert "end_date" in caught.value.message_dict


@pytest.mark.parametrize("route", ["rss/", "atom/"])
@pytest.mark.parametrize("index_model", [cms.NewsIndexPage, cms.FairIndexPage])
def test_feeds_are_valid_xml_listing_only_live_pages(site, client, route, index_model):
    # given one child of the index unpublished
    index = live(index_model).get()
    children = list(index.get_children().live().specific())
    hidden = children[0]
    hidden.unpublish()

    # when
    response = client.get(index.url + route)

    # then the feed parses and lists the live children only
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    if route == "rss/":
        titles = [item.findtext("title") for item in root.iter("item")]
    else:
        titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert hidden.title not in titles
    assert sorted(titles) == sorted(c.title for c in children[1:])


def test_sitemap_is_valid_xml_with_both_languages_and_only_live_pages(site, client):
    # given an article unpublished
    article = live(cms.NewsPage).first()
    article.unpublish()

    # when
    response = client.get("/sitemap.xml")

    # then
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]
    assert any("/en/news/" in url for url in locations)
    assert any("/tin-tuc/" in url for url in locations)
    assert not any(url.endswith(article.url) for url in locations)
    pages = [url for url in locations if "/cua-hang/" not in url]
    assert len(pages) == Page.objects.live().filter(depth__gte=2).count()


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin(site, client):
    # when
    response = client.get("/robots.txt")
    # then
    body = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_hreflang_links_point_at_the_real_translation(site, client, settings):
    # given an article and its English translation
    article = live(cms.NewsPage).first()
    english = article.get_translation(Locale.objects.get(language_code="en"))

    # when
    html = client.get(article.url).content.decode()

    # then both alternates name the pages' own URLs, on the configured site address
    base = settings.WAGTAILADMIN_BASE_URL
    assert f'hreflang="en" href="{base}{english.url}"' in html
    assert f'hreflang="vi" href="{base}{article.url}"' in html
    assert '<meta property="og:title"' in html
    assert '<meta name="description" content="' + article.intro[:40] in html


def test_news_filters_by_category_and_tag_and_survives_bad_page_numbers(site, client):
    # given the news index
    index = live(cms.NewsIndexPage).get()

    # when filtering by the "trade promotion" category
    trade = client.get(index.url, {"chuyen-muc": "xuc-tien-thuong-mai"})
    # then only trade-promotion articles are listed
    assert trade.status_code == 200
    assert {a.category for a in trade.context["articles"]} == {"xuc-tien-thuong-mai"}

    # when filtering by a tag
    tag = live(cms.NewsPage).get(slug="vai-thieu-luc-ngan-vao-vu").tags.get(name="vải thiều")
    tagged = client.get(index.url, {"the": tag.slug})
    # then only the articles with that tag are listed
    assert [a.slug for a in tagged.context["articles"]] == ["vai-thieu-luc-ngan-vao-vu"]

    # when the page number is nonsense or too large, or the category unknown
    for params in ({"trang": "abc"}, {"trang": "999"}, {"chuyen-muc": "<script>"}):
        response = client.get(index.url, params)
        # then the list still answers
        assert response.status_code == 200, params
        assert response.context["articles"]


def test_article_shows_only_related_products_that_are_on_sale(site, client):
    # given an article about two products, one of which loses its certificate
    article = live(cms.NewsPage).get(slug="vai-thieu-luc-ngan-vao-vu")
    products = list(article.related_products.all())
    assert len(products) == 2
    from catalog.services import certificate_revoke

    for certificate in products[1].certificates.exclude(status="revoked"):
        certificate_revoke(certificate=certificate, reason="Kiểm tra không đạt")

    # when
    html = client.get(article.url).content.decode()

    # then
    assert f'href="{products[0].get_absolute_url()}"' in html
    assert f'href="{products[1].get_absolute_url()}"' not in html


def test_showroom_page_lists_the_products_in_stock_there(site, client):
    # given the Lục Ngạn showroom and the products it holds
    from producers.selectors import place_products_in_stock

    page = live(cms.ShowroomPage).get(place__slug="diem-ocop-luc-ngan")
    held = list(place_products_in_stock(place=page.place))
    assert held

    # when
    response = client.get(page.url)

    # then every product it holds is shown, and its address and hours
    html = response.content.decode()
    for product in held:
        assert f'href="{product.get_absolute_url()}"' in html
    assert page.place.address in html and page.place.opening_hours in html
    assert '"@type": "Store"' in html


def test_village_page_shows_nearest_showroom_and_bookable_services(site, client):
    # given Khe Rỗ (Sơn Động), whose homestay is a group 6 product
    page = live(cms.VillagePage).get(place__slug="lang-khe-ro")

    # when
    response = client.get(page.url)

    # then the nearest showroom is Sơn Động's and the homestay can be booked
    assert response.context["nearest_showroom"].place.slug == "diem-ocop-son-dong"
    services = [p.title for p in response.context["services"]]
    assert any("Homestay" in title for title in services)
    assert not set(services) & {p.title for p in response.context["products"]}


def test_map_page_lists_every_place_as_text_and_serves_leaflet_itself(site, client):
    # given
    page = live(cms.MapPage).get()

    # when
    html = client.get(page.url).content.decode()

    # then all six showrooms and three villages are linked as text, Leaflet is ours (no CDN)
    for place_page in [*live(cms.ShowroomPage), *live(cms.VillagePage)]:
        assert f'href="{place_page.url}"' in html
    assert "/static/cms/vendor/leaflet/leaflet.js" in html
    assert "unpkg" not in html and "cdnjs" not in html
    data = json.loads(re.search(r'id="ocop-map-places"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert len(data) == 9 and all(item["lat"] for item in data)


def test_contact_form_stores_a_valid_message(site, client):
    # given the contact page
    page = live(cms.ContactPage).get()
    before = FormSubmission.objects.filter(page=page).count()

    # when a visitor sends a message
    response = client.post(
        page.url,
        {
            "ho_va_ten": "Nguyễn Văn A",
            "email": "a@example.vn",
            "dien_thoai": "0912 000 111",
            "noi_dung": "Tôi muốn đăng ký gian hàng hội chợ.",
        },
    )

    # then they are thanked and the submission is stored for editors
    assert response.status_code == 200
    assert 'id="contact-thanks"' in response.content.decode()
    assert FormSubmission.objects.filter(page=page).count() == before + 1
    stored = FormSubmission.objects.filter(page=page).latest("pk").get_data()
    assert stored["noi_dung"] == "Tôi muốn đăng ký gian hàng hội chợ."
    assert "website" not in stored


def test_contact_form_with_bad_input_says_what_is_wrong_and_stores_nothing(site, client):
    # given
    page = live(cms.ContactPage).get()
    before = FormSubmission.objects.count()

    # when the email is not an address and the message is missing
    response = client.post(page.url, {"ho_va_ten": "A", "email": "not-an-email"})

    # then the form comes back with messages
    assert response.status_code == 200
    assert "Vui lòng sửa các ô được đánh dấu" in response.content.decode()
    assert response.context["form"].errors.keys() >= {"email", "noi_dung"}
    assert FormSubmission.objects.count() == before


def test_contact_form_filled_by_a_bot_stores_nothing(site, client):
    # given
    page = live(cms.ContactPage).get()
    before = FormSubmission.objects.count()

    # when the hidden honeypot field is filled in
    response = client.post(
        page.url,
        {
            "ho_va_ten": "Bot",
            "email": "bot@example.com",
            "noi_dung": "Buy now",
            "website": "http://spam.example",
        },
    )

    # then the bot sees a thank-you page but nothing is stored
    assert response.status_code == 200
    assert FormSubmission.objects.count() == before


def test_main_menu_comes_from_the_admin_and_is_cached(site, client):
    # given the demo: news, fairs, showrooms and the map are ticked "show in menus"
    html = client.get("/cua-hang/catalogue/").content.decode()
    for page in (cms.NewsIndexPage, cms.FairIndexPage, cms.ShowroomIndexPage, cms.MapPage):
        assert f'href="{live(page).get().url}"' in html

    # when an editor unticks the map and publishes
    map_page = live(cms.MapPage).get()
    map_page.show_in_menus = False
    map_page.save_revision().publish()

    # then the menu follows at once
    nav = re.search(r'<nav class="navbar.*?</nav>', client.get("/").content.decode(), re.S)
    assert f'href="{map_page.url}"' not in nav.group(0)
    assert f'href="{live(cms.NewsIndexPage).get().url}"' in nav.group(0)


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/khong-co-trang-nay/", "Không tìm thấy trang"),
        ("/en/no-such-page/", "Page not found"),
    ],
)
def test_missing_page_answers_404_in_its_language(site, client, url, text):
    # when
    response = client.get(url)
    # then
    assert response.status_code == 404
    assert text in response.content.decode()


def test_breadcrumbs_lead_back_to_the_home_page(site, client):
    # given an English fair
    fair = live(cms.FairPage, "en").first()
    # when
    html = client.get(fair.url).content.decode()
    # then
    crumbs = re.search(r'<ol class="breadcrumb cms-breadcrumb">(.*?)</ol>', html, re.S).group(1)
    assert 'href="/en/"' in crumbs and 'href="/en/fairs/"' in crumbs


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_gives_plain_text_for_the_site_search(site, model):
    # given a page of each type
    page = live(model).first()
    # when
    text = page.search_text()
    # then it holds the title and the lead, and no HTML
    assert page.title in text
    assert "<" not in text and "\n" not in text
    if getattr(page, "intro", ""):
        assert page.intro[:30] in text


def test_article_plain_text_includes_its_body(site):
    # given the lychee article, whose body mentions Chũ town
    article = live(cms.NewsPage).get(slug="vai-thieu-luc-ngan-vao-vu")
    # when / then
    assert "thị trấn Chũ" in article.search_text()


def test_product_page_links_to_its_showrooms_and_its_village(site, client):
    # given the Khe Rỗ homestay, made in the village's commune and held at Sơn Động's showroom
    from producers.selectors import product_places_in_stock

    product = Product.objects.get(code="SD-KR-001")
    village = live(cms.VillagePage).get(place__slug="lang-khe-ro")

    # when
    html = client.get(product.get_absolute_url()).content.decode()

    # then the village it comes from and each showroom page holding it are linked
    assert f'href="{village.url}"' in html
    places = product_places_in_stock(product=product)
    assert places
    for place in places:
        assert f'href="{live(cms.ShowroomPage).get(place=place).url}"' in html


def test_programme_pages_and_footer_say_who_runs_the_programme(site, client):
    # given the demo's programme overview, its cycle page and the footer
    overview = live(cms.ProgrammePage).get(topic="overview")
    cycle = live(cms.ProgrammePage).get(topic="cycle")
    # when they are requested
    overview_html = text_of(client.get(overview.url))
    cycle_html = text_of(client.get(cycle.url))
    # then the office sits under the agriculture department, with steering committees and
    # commune staff; Sở Công Thương organises the fairs
    assert "Văn phòng điều phối OCOP tỉnh, thuộc Sở Nông nghiệp và Môi trường" in overview_html
    assert "Ban chỉ đạo Chương trình OCOP tỉnh" in overview_html
    assert "Ban chỉ đạo OCOP cấp xã và UBND xã" in overview_html
    assert "Cơ quan thường trực: Sở Nông nghiệp và Môi trường" in overview_html
    assert "Hội chợ và xúc tiến thương mại: Sở Công Thương" in overview_html
    # and step 4 runs from the approval of the business plan, not in a season
    assert "liên tục từ khi phương án kinh doanh được duyệt" in cycle_html
    assert "Tháng 5 – 7" not in cycle_html
