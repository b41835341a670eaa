"""The English-content rule: which of a row's two texts a reader sees.

The site is Vietnamese first. Products, categories, producers and places keep their Vietnamese
text in the original fields and may carry an English version beside it (``title_en``,
``name_en``, ``description_en``…), entered by staff or producers. English readers (the ``/en/``
pages) see the English version where one was entered and the Vietnamese one otherwise; every
other reader sees the Vietnamese. Models call :func:`in_language` with the active language, so
templates, cards, the basket and the dashboards all follow one rule.

Pure: no ORM, no settings.
"""

from __future__ import annotations

#: The language whose readers are shown the ``*_en`` fields.
ENGLISH = "en"


def is_english(language: str | None) -> bool:
    """Whether ``language`` (a Django language code: ``en``, ``en-gb``, ``vi``) is English."""
    return bool(language) and language.split("-")[0].split("_")[0].lower() == ENGLISH


def in_language(vietnamese: str | None, english: str | None, *, language: str | None) -> str:
    """The text an English or Vietnamese reader sees: ``english`` for an English ``language``
    when it holds more than blanks, ``vietnamese`` in every other case (the fallback)."""
    if is_english(language) and english and english.strip():
        return english
    return vietnamese or ""
