"""Template tags of the website: the main menu, the footer's policy links, the star explanation
link, hreflang alternates, JSON-LD, breadcrumbs."""

from __future__ import annotations

import json

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from catalog.seo import absolute_url
from cms.models import PolicyPage, ProgrammePage, ShowroomPage, VillagePage

register = template.Library()

MENU_CACHE_KEY = "cms:menu:{language}"
MENU_CACHE_SECONDS = 300


def menu_items(*, request=None, language: str | None = None) -> list[tuple[str, str]]:
    """(title, URL) of the live pages ticked "show in menus" right under the home page of the
    current language. Editors change the menu in the admin (Promote tab); the list is cached
    and the cache is cleared whenever a page is published, unpublished, moved or deleted."""
    language = language or get_language() or "vi"
    key = MENU_CACHE_KEY.format(language=language)
    items = cache.get(key)
    if items is not None:
        return items
    items = []
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        locale = Locale.objects.filter(language_code=language).first()
        root = site.root_page
        home = root.get_translation_or_none(locale) if locale else None
        home = home or root
        items = [(page.title, page.url) for page in home.get_children().live().in_menu().public()]
    cache.set(key, items, MENU_CACHE_SECONDS)
    return items


POLICY_CACHE_KEY = "cms:policies:{language}"


def policy_links(*, request=None, language: str | None = None) -> list[tuple[str, str]]:
    """(title, URL) of the live shop policy pages (returns, delivery, payment, privacy) of the
    current language, for the footer; cached and cleared like the menu."""
    language = language or get_language() or "vi"
    key = POLICY_CACHE_KEY.format(language=language)
    items = cache.get(key)
    if items is not None:
        return items
    order = {kind: i for i, kind in enumerate(PolicyPage.Kind.values)}
    pages = PolicyPage.objects.live().public().filter(locale__language_code=language)
    items = [
        (page.title, page.get_url(request))
        for page in sorted(pages, key=lambda p: (order.get(p.kind, 99), p.path))
    ]
    cache.set(key, items, MENU_CACHE_SECONDS)
    return items


STARS_CACHE_KEY = "cms:stars-page:{language}"


@register.simple_tag(takes_context=True)
def star_explanation_url(context) -> str:
    """The URL of the programme page explaining the stars (topic "stars", current language,
    at its stars section), or ``""`` when there is none; cached like the menu."""
    language = get_language() or "vi"
    key = STARS_CACHE_KEY.format(language=language)
    url = cache.get(key)
    if url is None:
        page = (
            ProgrammePage.objects.live()
            .public()
            .filter(topic=ProgrammePage.Topic.STARS, locale__language_code=language)
            .order_by("path")
            .first()
        )
        page_url = page.get_url(context.get("request")) if page is not None else None
        url = f"{page_url}#programme-stars" if page_url else ""
        cache.set(key, url, MENU_CACHE_SECONDS)
    return url


@register.simple_tag(takes_context=True)
def footer_policies(context) -> list[tuple[str, str]]:
    """The footer's policy links (see :func:`policy_links`)."""
    return policy_links(request=context.get("request"))


def menu_cache_clear(**kwargs) -> None:
    """Forget the cached menus (connected to Wagtail's page signals in ``cms.apps``)."""

    cache.delete_many(
        [
            key.format(language=code)
            for code, _ in settings.LANGUAGES
            for key in (MENU_CACHE_KEY, POLICY_CACHE_KEY, STARS_CACHE_KEY)
        ]
    )


@register.inclusion_tag("cms/partials/menu_items.html", takes_context=True)
def website_menu(context):
    """The website's menu entries, as ``<li>`` items for the main navigation bar."""
    request = context.get("request")
    path = request.path if request is not None else ""
    return {
        "items": [
            (title, url, url != "/" and path.startswith(url))
            for title, url in menu_items(request=request)
        ]
    }


@register.simple_tag(takes_context=True)
def hreflang_links(context, page):
    """``<link rel="alternate" hreflang>`` for each live translation of a Wagtail page, with
    absolute URLs on the configured site address (search engines ignore relative ones)."""
    request = context.get("request")
    links = []
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translation.get_full_url(request)
        if url:
            links.append(
                format_html(
                    '<link rel="alternate" hreflang="{}" href="{}">',
                    translation.locale.language_code,
                    absolute_url(url),
                )
            )
    return mark_safe("\n".join(links))


@register.filter
def jsonld(data: dict) -> str:
    """``data`` as a ``<script type="application/ld+json">`` element, safe to embed."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag
def breadcrumb_pages(page: Page) -> list[Page]:
    """The ancestors of ``page`` below Wagtail's root (the home page first)."""
    return list(page.get_ancestors().filter(depth__gt=1).specific())


@register.simple_tag(takes_context=True)
def attach_place_pages(context, places) -> str:
    """Give each place in ``places`` a ``page_url``: its live showroom or village page in the
    current language ("" when it has none). One query for the whole list."""

    places = list(places or [])
    ids = [place.pk for place in places]
    urls: dict[int, str] = {}
    if ids:
        language = get_language() or "vi"
        request = context.get("request")
        for model in (ShowroomPage, VillagePage):
            for page in model.objects.live().filter(
                place_id__in=ids, locale__language_code=language
            ):
                urls.setdefault(page.place_id, page.get_url(request))
    for place in places:
        place.page_url = urls.get(place.pk, "")
    return ""


@register.simple_tag
def origin_villages(product) -> list:
    """The live village pages (current language) of the commune ``product`` comes from."""

    commune_id = getattr(product, "origin_commune_id", None)
    if commune_id is None:
        return []
    return list(
        VillagePage.objects.live().filter(
            place__commune_id=commune_id, locale__language_code=get_language() or "vi"
        )
    )
