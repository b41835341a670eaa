"""Template filters for text that users write (see :mod:`catalog.text`)."""

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from catalog import bilingual, text

register = template.Library()


@register.filter(is_safe=False)
def rich_text(value) -> SafeString:
    """A product description (or any text with the small formatting subset) as safe HTML.

    Sanitised here on every render as well as on save: rows written before the sanitiser, or by
    staff in Oscar's dashboard, are cleaned the same way.
    """
    # mark_safe is right here and only here: the string has just been through nh3's allow-list.
    return mark_safe(text.rich_text_html(str(value) if value is not None else ""))


@register.filter
def local_name(value) -> str:
    """The name of a category (or anything with ``name`` and ``name_en``) in the reader's
    language, for the wrappers that Oscar's ``category_tree`` tag hands out: they pass the
    model's fields through but not its methods, so ``get_name`` is not there to call."""
    return bilingual.in_language(
        getattr(value, "name", ""), getattr(value, "name_en", ""), language=get_language()
    )
