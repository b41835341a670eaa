"""Template tags for OCOP star badges and language links."""

from datetime import date

from django import template
from django.urls import translate_url

from catalog import ocop, selectors

register = template.Library()


@register.inclusion_tag("catalog/partials/star_badge.html")
def ocop_badge(stars, size="md"):
    """A star badge that a screen reader reads as ``4 sao OCOP``."""
    stars = int(stars) if stars else 0
    return {
        "stars": stars,
        "label": ocop.star_label(stars),
        "filled": range(stars),
        "empty": range(5 - stars) if stars else range(0),
        "size": size,
    }


@register.simple_tag
def product_stars(product):
    """The current stars of ``product`` (from the gate's annotation when present)."""
    return selectors.product_current_stars(product)


@register.simple_tag(takes_context=True)
def translated_path(context, language_code):
    """The current page's URL in ``language_code`` (Vietnamese unprefixed, English under /en/)."""
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), language_code)


@register.inclusion_tag("catalog/partials/credential_badges.html")
def credential_badges(product):
    """Small badges of the credentials ``product`` shows today (verified, in force)."""
    return {"badges": selectors.product_badges(product)}


@register.filter
def dmy(value) -> str:
    """A date (or an ISO ``yyyy-mm-dd`` string, as the registry's rows carry for the open-data
    exports) written dd/mm/yyyy, as Vietnamese readers write dates; "" for nothing."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y")


@register.filter
def unit_naming(commune) -> str:
    """A commune's name today and, where it differs, the unit recorded (see
    :meth:`catalog.models.Commune.naming`): "Phường Chũ, tỉnh Bắc Ninh (trước 01/07/2025: thị
    trấn Chũ, huyện Lục Ngạn, tỉnh Bắc Giang)". Empty for no commune."""
    if not commune:
        return ""
    return str(commune.naming())


@register.filter
def unit_on(commune, day) -> str:
    """A commune's full name as it was on ``day`` (certificates keep the unit of their date)."""
    if not commune:
        return ""
    return commune.label_on(day) if day else str(commune)
