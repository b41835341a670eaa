"""Loads the website's demo content (:mod:`marketplace.demo.website_content`) under the home page,
in Vietnamese
and English, plus the editorial groups, workflow and two demo logins. Idempotent: pages are found
by parent and slug, translations by locale; an existing page is left as editors left it.

Called from :func:`marketplace.demo.loader.demo_data_load` (inside its transaction).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import translation
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from catalog import ocop
from cms import editorial
from cms.models import (
    ContactFormField,
    ContactPage,
    FairIndexPage,
    FairPage,
    MapPage,
    NewsIndexPage,
    NewsPage,
    ProgrammePage,
    ShowroomIndexPage,
    ShowroomPage,
    VillageIndexPage,
    VillagePage,
    WebsiteFooter,
)
from marketplace.demo import data as demo_data
from marketplace.demo import website_content as content

Place = get_model("catalogue", "Place")
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Producer = get_model("partner", "Producer")


def _body(paragraphs) -> list:
    return [("paragraph", RichText(f"<p>{p}</p>")) for p in paragraphs]


class _Loader:
    """One run of the website loader (keeps the counters, locales and picture settings)."""

    def __init__(self, *, images: bool, image_size: int, created: Counter):
        self.images = images
        self.image_size = image_size
        self.created = created
        self.english, _ = Locale.objects.get_or_create(language_code="en")

    def picture(self, products) -> object | None:
        """A Wagtail image of the first of ``products`` that has a picture, sharing the
        product picture's file (no new file is drawn), or ``None`` without images."""
        if not self.images:
            return None
        for product in products:
            original = product.primary_image()
            name = getattr(getattr(original, "original", None), "name", "")
            if not name:
                continue
            image_model = get_image_model()
            image = image_model.objects.filter(file=name).first()
            if image is None:
                image = image_model(title=product.title, file=name)
                image.save()
                self.created["page pictures"] += 1
            return image
        return None

    def child(self, parent: Page, model, slug: str, **fields):
        """The ``model`` page under ``parent`` with ``slug``, created and published if missing."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is not None:
            return page, False
        m2m = {
            name: fields.pop(name)
            for name in list(fields)
            if name in ("related_products", "producers", "featured_products", "tags")
        }
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        for name, values in m2m.items():
            getattr(page, name).set(values)
        page.save_revision().publish()
        self.created["pages"] += 1
        return page, True

    def translate(self, page: Page, slug: str, **fields):
        """The English translation of ``page``, made and published once."""
        translation = page.get_translation_or_none(self.english)
        if translation is not None:
            return translation
        translation = page.copy_for_translation(self.english)
        translation.slug = slug
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        self.created["pages"] += 1
        return translation.specific


def _products(skus) -> list:
    """Demo products by SKU, in the order given."""
    found = {p.code: p for p in Product.objects.filter(code__in=skus)} if skus else {}
    return [found[sku] for sku in skus if sku in found]


def _district_products(place) -> list:
    """Products made in ``place``'s district, in SKU order (for a picture)."""
    return list(
        Product.objects.filter(origin_commune__district_id=place.district_id).order_by("code")[:5]
    )


def _index(loader: _Loader, home: Page, model, data: content.IndexData, **fields):
    text = data.text
    page, _ = loader.child(
        home,
        model,
        data.slug,
        title=text.title,
        intro=text.intro,
        body=_body(text.body),
        show_in_menus=data.in_menu,
        **fields,
    )
    loader.translate(
        page, data.slug_en, title=text.title_en, intro=text.intro_en, body=_body(text.body_en)
    )
    return page


def website_load(
    *, home: Page, today: date, created: Counter, images: bool = True, image_size: int = 800
) -> dict:
    """Load every page type's demo content under ``home`` and its English translation; set up
    editorial groups, the workflow, the footer and the editor and moderator logins. Returns the
    main pages by name."""
    loader = _Loader(images=images, image_size=min(image_size, 640), created=created)
    pages: dict = {"home": home}

    # News
    news_index = pages["news"] = _index(loader, home, NewsIndexPage, content.NEWS_INDEX)
    for item in content.NEWS:
        text = item.text
        article, _ = loader.child(
            news_index,
            NewsPage,
            item.slug,
            title=text.title,
            intro=text.intro,
            body=_body(text.body),
            date=today - timedelta(days=item.days_ago),
            author=item.author,
            category=item.category,
            image=loader.picture(_products(item.skus)),
            related_products=_products(item.skus),
            tags=list(item.tags),
        )
        loader.translate(
            article,
            item.slug_en,
            title=text.title_en,
            intro=text.intro_en,
            body=_body(text.body_en),
        )

    # Fairs
    fair_index = pages["fairs"] = _index(loader, home, FairIndexPage, content.FAIR_INDEX)
    for item in content.FAIRS:
        text = item.text
        start = today + timedelta(days=item.starts_in)
        fair, _ = loader.child(
            fair_index,
            FairPage,
            item.slug,
            title=text.title,
            intro=text.intro,
            start_date=start,
            end_date=start + timedelta(days=item.days - 1),
            venue=item.venue,
            address=item.address,
            latitude=Decimal(item.latitude),
            longitude=Decimal(item.longitude),
            organiser=item.organiser,
            registration=item.registration,
            image=loader.picture(_products(item.skus)),
            producers=list(Producer.objects.filter(slug__in=item.producers)),
            featured_products=_products(item.skus),
        )
        loader.translate(
            fair,
            item.slug_en,
            title=text.title_en,
            intro=text.intro_en,
            registration=item.registration_en,
        )

    # Programme
    root_data = content.PROGRAMME_ROOT
    programme, _ = loader.child(
        home,
        ProgrammePage,
        root_data.slug,
        title=root_data.text.title,
        intro=root_data.text.intro,
        body=_body(root_data.text.body),
        topic=root_data.topic,
        show_in_menus=False,
        image=loader.picture(_products(["LN-VT-001"])),
    )
    loader.translate(
        programme,
        root_data.slug_en,
        title=root_data.text.title_en,
        intro=root_data.text.intro_en,
        body=_body(root_data.text.body_en),
    )
    pages["programme"] = programme
    for item in content.PROGRAMME_PAGES:
        page, _ = loader.child(
            programme,
            ProgrammePage,
            item.slug,
            title=item.text.title,
            intro=item.text.intro,
            body=_body(item.text.body),
            topic=item.topic,
        )
        loader.translate(
            page,
            item.slug_en,
            title=item.text.title_en,
            intro=item.text.intro_en,
            body=_body(item.text.body_en),
        )

    # Showrooms
    showroom_index = pages["showrooms"] = _index(
        loader, home, ShowroomIndexPage, content.SHOWROOM_INDEX
    )
    for place in Place.objects.filter(kind=Place.Kind.SHOWROOM).order_by("name"):
        title, title_en = content.SHOWROOM_SHORT.get(place.slug, (place.name, place.name))
        page, _ = loader.child(
            showroom_index,
            ShowroomPage,
            place.slug,
            title=title,
            intro=place.description,
            place=place,
            image=loader.picture(_district_products(place)),
        )
        loader.translate(page, place.slug, title=title_en, intro=content.SHOWROOM_INTRO_EN)

    # Villages
    village_index = pages["villages"] = _index(
        loader, home, VillageIndexPage, content.VILLAGE_INDEX
    )
    services = Category.objects.filter(depth=1, slug="dich-vu-du-lich-nong-thon").first()
    for place in Place.objects.filter(kind=Place.Kind.VILLAGE).order_by("name"):
        _short, title_en, intro_en, directions, directions_en = content.VILLAGES.get(
            place.slug, (place.name, place.name, "", "", "")
        )
        page, _ = loader.child(
            village_index,
            VillagePage,
            place.slug,
            title=place.name,
            intro=place.description,
            place=place,
            directions=directions,
            services_category=services,
            image=loader.picture(_district_products(place)),
        )
        loader.translate(page, place.slug, title=title_en, intro=intro_en, directions=directions_en)

    # Map and contact
    pages["map"] = _index(loader, home, MapPage, content.MAP_PAGE)
    pages["contact"] = _contact(loader, home)
    _footer(home, today=today)

    homes = [home, *home.get_translations()]
    groups = editorial.editorial_setup(
        homes=homes,
        news_indexes=[news_index, *news_index.get_translations()],
        fair_indexes=[fair_index, *fair_index.get_translations()],
        programme_roots=[programme, *programme.get_translations()],
    )
    _users(groups, created)
    return pages


def _contact(loader: _Loader, home: Page) -> ContactPage:
    data = content.CONTACT_PAGE
    page = ContactPage.objects.child_of(home).filter(slug=data.slug).first()
    if page is None:
        page = ContactPage(
            title=data.text.title,
            slug=data.slug,
            locale=home.locale,
            intro=data.text.intro,
            thank_you_text=content.CONTACT_THANKS,
            show_in_menus=data.in_menu,
        )
        for order, (label, _, kind, required) in enumerate(content.CONTACT_FIELDS):
            page.form_fields.add(
                ContactFormField(label=label, field_type=kind, required=required, sort_order=order)
            )
        home.add_child(instance=page)
        page.save_revision().publish()
        loader.created["pages"] += 1
    if page.get_translation_or_none(loader.english) is None:
        translation = page.copy_for_translation(loader.english).specific
        translation.slug = data.slug_en
        translation.title = data.text.title_en
        translation.intro = data.text.intro_en
        translation.thank_you_text = content.CONTACT_THANKS_EN
        english = {label: label_en for label, label_en, *_ in content.CONTACT_FIELDS}
        for field in translation.form_fields.all():
            field.label = english.get(field.label, field.label)
            field.save()
        translation.save_revision().publish()
        loader.created["pages"] += 1
    return page


def _footer(home: Page, *, today: date) -> None:
    site = (
        Site.objects.filter(root_page=home).first()
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return
    footer = WebsiteFooter.for_site(site)
    if not footer.text_vi:
        with translation.override("vi"):
            footer.text_vi = content.footer_vi(ocop.standing_body_on(today))
        with translation.override("en"):
            footer.text_en = content.footer_en(ocop.standing_body_on(today))
        footer.save()


def _users(groups: dict, created: Counter) -> None:
    """The demo editor and moderator (no Django staff flag: Wagtail admin only)."""
    user_model = get_user_model()
    for username, email, password, group in (
        (
            demo_data.EDITOR_USERNAME,
            demo_data.EDITOR_EMAIL,
            demo_data.EDITOR_PASSWORD,
            groups["editors"],
        ),
        (
            demo_data.MODERATOR_USERNAME,
            demo_data.MODERATOR_EMAIL,
            demo_data.MODERATOR_PASSWORD,
            groups["moderators"],
        ),
    ):
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(username=username, email=email, password=password)
            created["users"] += 1
        user.groups.add(group)
