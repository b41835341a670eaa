"""The Bắc Giang demo dataset (``manage.py load_demo_data``): complete, rule-abiding, idempotent.

Listing is checked on :data:`marketplace.demo.data.AS_OF`, the day the data describes, so these
tests
do not start failing when the demo certificates reach the end of their 36 months.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import CommandError, call_command
from oscar.core.loading import get_model
from wagtail.models import Locale, Page
from wagtail.models import Site as WagtailSite

from catalog import ocop, selectors
from cms.models import HomePage
from marketplace.demo import data as demo_data
from marketplace.demo import fairs as demo_fairs
from marketplace.demo import loader as demo

District = get_model("catalogue", "District")
Commune = get_model("catalogue", "Commune")
Place = get_model("catalogue", "Place")
Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Producer = get_model("partner", "Producer")
StockRecord = get_model("partner", "StockRecord")
ProductCredential = get_model("catalogue", "ProductCredential")

AS_OF = demo_data.AS_OF
COUNTED_MODELS = (
    District,
    Commune,
    Place,
    Category,
    ProductClass,
    Product,
    ProductCategory,
    ProductImage,
    OcopCertificate,
    Partner,
    Producer,
    StockRecord,
    Page,
    WagtailSite,
    get_user_model(),
    ProductCredential,
)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a temporary directory, never to the project's media/."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def loaded(media_root):
    """The demo data, loaded without pictures (drawing them is tested once, below)."""
    return demo.demo_data_load(images=False, today=AS_OF)


def row_counts() -> dict[str, int]:
    """How many rows each model the loader writes holds."""
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


def listed_pks() -> set[int]:
    """Products the storefront gate lets through on the demo's day."""
    return set(selectors.product_listed_queryset(today=AS_OF).values_list("pk", flat=True))


def test_dataset_is_consistent_and_every_decision_obeys_the_council_rules():
    # given the data as written / when it is checked / then nothing is wrong with it
    demo.demo_data_check()


@pytest.mark.django_db
def test_loading_twice_creates_no_duplicates(media_root):
    # given a first load
    demo.demo_data_load(images=False, today=AS_OF)
    first = row_counts()

    # when the loader runs again
    summary = demo.demo_data_load(images=False, today=AS_OF)

    # then every table holds the same number of rows and nothing was created
    assert row_counts() == first
    assert not summary.created
    assert first["Product"] == len(demo_data.PRODUCTS)


@pytest.mark.django_db
def test_products_cover_all_six_groups_and_all_ten_districts(loaded):
    products = Product.objects.filter(code__in=[p.sku for p in demo_data.PRODUCTS])
    assert products.count() >= 60

    roots = list(Category.get_root_nodes().order_by("path").values_list("name", flat=True))
    assert roots == [
        "Thực phẩm",
        "Đồ uống",
        "Thảo dược",
        "Vải và may mặc",
        "Lưu niệm, nội thất, trang trí",
        "Dịch vụ du lịch nông thôn, bán hàng",
    ]
    for root in Category.get_root_nodes():
        assert 2 <= root.get_children_count() <= 4
        assert products.filter(categories__path__startswith=root.path).exists(), root.name

    assert set(products.values_list("origin_commune__district__slug", flat=True)) == {
        "bac-giang",
        "hiep-hoa",
        "lang-giang",
        "luc-nam",
        "luc-ngan",
        "son-dong",
        "tan-yen",
        "viet-yen",
        "yen-dung",
        "yen-the",
    }
    for district in District.objects.all():
        # a few communes recorded before 2025, and the units they became in the same area
        former = district.communes.filter(valid_until__isnull=False)
        assert 2 <= former.count() <= 4, district.name
        assert 1 <= district.communes.filter(valid_from__isnull=False).count() <= former.count()


@pytest.mark.django_db
def test_every_product_is_a_public_standalone_item_of_its_producer_priced_in_whole_dong(loaded):
    for product in Product.objects.select_related("producer__partner", "origin_commune"):
        assert product.is_public and product.structure == Product.STANDALONE
        assert product.producer is not None and product.origin_commune is not None
        assert product.upc and len(product.upc) == 13 and product.upc.startswith("893")
        assert [c.depth for c in product.categories.all()] == [2]
        (record,) = product.stockrecords.all()
        assert record.partner == product.producer.partner
        assert record.partner_sku == product.code
        assert record.price_currency == "VND"
        assert record.price == record.price.to_integral_value()
        assert 30_000 <= record.price <= 1_500_000
        assert record.num_in_stock > 0


@pytest.mark.django_db
def test_producers_of_every_kind_each_with_its_own_partner_and_commune(loaded):
    producers = list(Producer.objects.select_related("partner", "commune"))
    assert len(producers) >= 25
    assert {p.kind for p in producers} == set(Producer.Kind.values)
    for producer in producers:
        assert producer.partner.name == producer.name
        assert producer.commune_id is not None
        assert producer.story and producer.phone and producer.email and producer.contact_name
        assert producer.products.exists(), producer.name


@pytest.mark.django_db
def test_certificates_span_one_to_five_stars_under_both_criteria_sets(loaded):
    certificates = list(OcopCertificate.objects.all())
    stars_by_set: dict[str, set] = {"2019": set(), "2023": set()}
    for certificate in certificates:
        stars_by_set[certificate.criteria_set].add(certificate.stars)
        # each was recorded under the set in force and by a council allowed to award it
        decision_date = certificate.decision_date
        assert ocop.criteria_set_in_force(decision_date).code == certificate.criteria_set
        ocop.check_award(
            stars=certificate.stars, level=certificate.council_level, decision_date=decision_date
        )
    assert stars_by_set["2019"] >= {1, 2, 3, 4, 5}
    assert stars_by_set["2023"] >= {None, 3, 4, 5}

    statuses = Counter(c.status_on(AS_OF) for c in certificates)
    assert statuses[ocop.CertificateStatus.EXPIRED] >= 1
    assert statuses[ocop.CertificateStatus.REVOKED] >= 1
    revoked = [c for c in certificates if c.status == ocop.CertificateStatus.REVOKED]
    assert all(c.revoked_reason and c.revoked_at for c in revoked)


@pytest.mark.django_db
def test_signature_products_are_listed_and_the_three_national_ones_are_five_star(loaded):
    listed = listed_pks()
    for title in ("Vải thiều Lục Ngạn", "Mỳ Chũ", "Gà đồi Yên Thế", "Gạo bao thai"):
        product = Product.objects.filter(title__startswith=title).order_by("pk").first()
        assert product is not None, title
        assert product.pk in listed, title

    for title in ("Vải thiều Lục Ngạn", "Mỳ Chũ Nam Dương", "Gà đồi Yên Thế"):
        current = selectors.product_current_certificate(
            Product.objects.get(title=title), today=AS_OF
        )
        assert current.stars == 5, title
        assert current.council_level == ocop.CouncilLevel.CENTRAL


@pytest.mark.django_db
def test_most_products_are_listed_and_each_kind_of_unlisted_product_is_present(loaded):
    listed = listed_pks()
    assert len(listed) >= 45

    def unlisted(products) -> bool:
        """Some of ``products`` exist and none of them is listed."""
        pks = set(products.values_list("pk", flat=True))
        return bool(pks) and not pks & listed

    latest_stars = {
        product.pk: product.certificates.order_by("-decision_date").first().stars
        for product in Product.objects.filter(certificates__isnull=False).distinct()
    }
    assert unlisted(Product.objects.filter(pk__in=[pk for pk, s in latest_stars.items() if s == 1]))
    assert unlisted(Product.objects.filter(pk__in=[pk for pk, s in latest_stars.items() if s == 2]))
    assert unlisted(
        Product.objects.filter(certificates__criteria_set="2023", certificates__stars__isnull=True)
    )
    assert unlisted(Product.objects.filter(certificates__isnull=True))
    assert unlisted(Product.objects.filter(certificates__status=ocop.CertificateStatus.REVOKED))
    only_expired = [
        p.pk
        for p in Product.objects.prefetch_related("certificates")
        if p.certificates.all()
        and all(c.status_on(AS_OF) is ocop.CertificateStatus.EXPIRED for c in p.certificates.all())
        and all((c.stars or 0) >= 3 for c in p.certificates.all())
    ]
    assert unlisted(Product.objects.filter(pk__in=only_expired))


@pytest.mark.django_db
def test_a_re_evaluated_product_is_rated_by_its_later_certificate(loaded):
    product = Product.objects.get(title="Rượu làng Vân")
    earlier, later = product.certificates.order_by("decision_date")
    assert earlier.stars == 3 and earlier.status_on(AS_OF) is ocop.CertificateStatus.EXPIRED
    assert selectors.product_current_certificate(product, today=AS_OF) == later
    assert later.stars == 4


@pytest.mark.django_db
def test_six_showrooms_and_three_villages_in_their_districts(loaded):
    showrooms = Place.objects.filter(kind=Place.Kind.SHOWROOM)
    assert set(showrooms.values_list("district__name", flat=True)) == {
        "Sơn Động",
        "Lục Ngạn",
        "Lục Nam",
        "Yên Thế",
        "Yên Dũng",
        "Việt Yên",
    }
    assert showrooms.count() == 6
    villages = {p.district.name: p.name for p in Place.objects.filter(kind=Place.Kind.VILLAGE)}
    assert set(villages) == {"Sơn Động", "Lục Nam", "Yên Thế"}
    assert "Khe Rỗ" in villages["Sơn Động"]
    assert "Suối Mỡ" in villages["Lục Nam"]
    assert "Xuân Lung – Thác Ngà" in villages["Yên Thế"]
    # Fair booths are temporary pickup places at the fair's venue (the Hà Nội fair's is outside
    # the province): the province's own places only.
    for place in Place.objects.exclude(kind=Place.Kind.FAIR):
        assert 21.0 < place.latitude < 21.7 and 105.9 < place.longitude < 107.0, place.name
        assert place.address and place.description


@pytest.mark.django_db
def test_home_page_replaces_wagtails_welcome_page_at_the_default_site(loaded):
    home = HomePage.objects.get(locale__language_code="vi")
    assert home.depth == 2 and home.live and home.slug == "home"
    assert home.featured_count == 8
    english = home.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.specific.intro.startswith("Bắc Giang's")
    assert set(Page.objects.filter(depth=2).values_list("pk", flat=True)) == {home.pk, english.pk}
    assert WagtailSite.objects.get(is_default_site=True).root_page_id == home.pk
    site = DjangoSite.objects.get_current()
    assert (site.domain, site.name) == ("127.0.0.1:8000", "OCOP Bắc Giang")


@pytest.mark.django_db
def test_demo_logins_work_with_the_rights_they_are_printed_with(loaded):
    admin = authenticate(username="admin", password="ocop-admin-2026")
    assert admin is not None and admin.is_staff and admin.is_superuser
    assert admin.email == "admin@ocop.bacgiang.vn"

    producer_user = authenticate(username="htx.vaithieu", password="ocop-producer-2026")
    assert producer_user is not None and not producer_user.is_staff
    assert not producer_user.has_perm("partner.dashboard_access")  # Oscar's leaks other lines
    (partner,) = producer_user.partners.all()
    assert partner.producer.slug == demo_data.LYCHEE_COOPERATIVE_SLUG
    assert partner.producer.products.filter(title="Vải thiều Lục Ngạn").exists()


@pytest.mark.django_db
def test_pictures_are_drawn_once_and_kept_on_reload(media_root):
    # given a load that draws small pictures
    demo.demo_data_load(images=True, image_size=64, today=AS_OF)
    files = sorted(p for p in media_root.rglob("*") if p.is_file())

    # when the loader runs again
    demo.demo_data_load(images=True, image_size=64, today=AS_OF)

    # then every product has one JPEG picture and every producer a PNG logo, drawn once
    assert sorted(p for p in media_root.rglob("*") if p.is_file()) == files
    assert ProductImage.objects.count() == Product.objects.count() == len(demo_data.PRODUCTS)
    for image in ProductImage.objects.all():
        with image.original.open("rb") as handle:
            assert handle.read(3) == b"\xff\xd8\xff"
    for producer in Producer.objects.all():
        with producer.logo.open("rb") as handle:
            assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
    # ... and every demo fair with booths placed its booth plan (marketplace/demo/fairs.py)
    plans = sum(1 for fair in demo_fairs.FAIRS if any(a.booth for a in fair.applications))
    assert len(files) == len(demo_data.PRODUCTS) + len(demo_data.PRODUCERS) + plans


@pytest.mark.django_db
def test_command_refuses_to_run_with_debug_off_unless_forced(media_root, settings, capsys):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_data", "--no-images")
    assert not Product.objects.exists()

    call_command("load_demo_data", "--no-images", "--force")

    output = capsys.readouterr().out
    assert "Demo logins:" in output
    assert "admin / ocop-admin-2026" in output
    assert "htx.vaithieu / ocop-producer-2026" in output


@pytest.mark.django_db
def test_signature_products_carry_their_credentials_marked_as_demo_data(loaded):
    # given the demo loaded on its day
    from catalog import credentials

    def shown(sku):
        product = StockRecord.objects.get(partner_sku=sku).product
        return {c.kind for c in selectors.product_credentials_shown(product, today=AS_OF)}

    # then the GI of Lục Ngạn lychee, the collective trademarks of Chũ noodles and Yên Thế
    # chicken, barcodes and VietGAP for lychee and vegetables show
    assert {"gi", "vietgap", "barcode"} <= shown("LN-VT-001")
    assert {"collective_tm", "barcode"} <= shown("LN-MC-001")
    assert "collective_tm" in shown("YT-GD-001")
    assert "vietgap" in shown("LG-RS-001")
    # every barcode is a valid 893 GTIN, every number is marked as demo data
    for credential in ProductCredential.objects.all():
        assert "demo" in credential.note
        if credential.kind == "barcode":
            assert credentials.gtin_clean(credential.number) == credential.number
            assert credentials.gtin_is_vietnamese(credential.number)
    # one proposal waits for review, one food-safety certificate has lapsed and is not shown
    assert ProductCredential.objects.filter(status="proposed").count() == 1
    lapsed = ProductCredential.objects.get(kind="food_safety")
    assert lapsed.status == "verified" and lapsed.valid_until < AS_OF
    assert "food_safety" not in shown("LN-MC-001")
