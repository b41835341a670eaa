"""Template filters for text that users write (see :mod:`catalog.text`)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from catalog import text

register = template.Library()


@register.filter(is_safe=False)
def rich_text(value) -> SafeString:
    """A product description (or any text with the small formatting subset) as safe HTML.

    Sanitised here on every render as well as on save: rows written before the sanitiser, or by
    staff in Oscar's dashboard, are cleaned the same way.
    """
    # mark_safe is right here and only here: the string has just been through nh3's allow-list.
    return mark_safe(text.rich_text_html(str(value) if value is not None else ""))
