"""Template tags for storefront pages: where a product can be seen and bought in person.

The product page (a catalogue view) asks this tag rather than importing producers: the catalogue
knows nothing of the stock ledger, which is the producers' (see the import contracts).
"""

from __future__ import annotations

from django import template

from producers.selectors import product_places_in_stock

register = template.Library()


@register.simple_tag
def product_showrooms(product) -> list:
    """The showrooms holding ``product`` in stock (each with ``stock``), by name."""
    return product_places_in_stock(product=product)
