"""Oscar's forks stay safe to move: Oscar's class loader must find every class we override.

``get_class("checkout.views", "PaymentDetailsView")`` imports the fork's module and silently falls
back to Oscar's own class when the fork's module is missing or misnamed. After moving a fork (as
the commerce forks moved from catalog/ to marketplace/), a class could quietly stop applying. This
walks every installed fork, finds each class that overrides an Oscar class of the same module and
name, and checks that Oscar's loader returns ours.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django.apps import apps
from oscar.core.loading import get_class


def _oscar_parent_name(config) -> str | None:
    """``oscar.apps.checkout`` for our checkout fork's config; ``None`` for a non-fork."""
    if config.name.startswith("oscar."):
        return None
    for klass in type(config).__mro__[1:]:
        name = getattr(klass, "name", "")
        if klass.__module__.startswith("oscar.apps.") and name.startswith("oscar.apps."):
            return name
    return None


def _overrides() -> list[tuple[str, str, type]]:
    """``(Oscar module label, class name, our class)`` for every class a fork overrides."""
    found = []
    for config in apps.get_app_configs():
        parent = _oscar_parent_name(config)
        if parent is None:
            continue
        label_path = parent.removeprefix("oscar.apps.")
        package = importlib.import_module(config.name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{config.name}."):
            relative = info.name.removeprefix(f"{config.name}.")
            if "migrations" in relative.split(".") or "management" in relative.split("."):
                continue
            try:
                theirs = importlib.import_module(f"{parent}.{relative}")
            except ModuleNotFoundError:
                continue
            ours = importlib.import_module(info.name)
            for name, klass in inspect.getmembers(ours, inspect.isclass):
                if klass.__module__ == info.name and inspect.isclass(getattr(theirs, name, None)):
                    found.append((f"{label_path}.{relative}", name, klass))
    return found


def test_oscar_loader_returns_every_class_our_forks_override():
    # given every class of a fork that has an Oscar class of the same module and name
    overrides = _overrides()
    # then Oscar's loader hands out ours, not Oscar's
    wrong = [
        (label, name) for label, name, klass in overrides if get_class(label, name) is not klass
    ]
    assert wrong == []


def test_the_overrides_found_include_the_ones_the_shop_depends_on():
    # A walk that found nothing (a renamed fork, a broken app config) would pass the test above.
    found = {(label, name) for label, name, _ in _overrides()}
    assert {
        ("catalogue.views", "ProductDetailView"),
        ("checkout.views", "PaymentDetailsView"),
        ("checkout.forms", "ShippingAddressForm"),
        ("order.utils", "OrderCreator"),
        ("shipping.repository", "Repository"),
        ("partner.strategy", "Selector"),
        ("customer.views", "OrderHistoryView"),
    } <= found


def test_reviews_are_served_by_the_buyers_only_views():
    from marketplace.reviews import views

    config = apps.get_app_config("reviews")
    assert config.create_view is views.CreateProductReview
    assert config.list_view is views.ProductReviewList
