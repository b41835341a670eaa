"""Replaces Oscar's ``currency`` filter so every template formats money with one helper."""

from django import template

from catalog.money import format_money

register = template.Library()


@register.filter(name="currency")
def currency(value, currency_code=None):
    """``{{ price|currency:"VND" }}`` → ``150.000 ₫`` (vi) or ``₫150,000`` (en)."""
    return format_money(value, currency_code)
