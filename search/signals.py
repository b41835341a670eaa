"""Signal receivers that schedule reindexing when anything a document shows changes, and that
mark the site search's folded pages stale when a page or a place changes."""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from search.indexing import products_schedule_reindex


def _product_ids_of_product(instance) -> list[int]:
    return [instance.pk, getattr(instance, "parent_id", None)]


def _on_product(sender, instance, **kwargs):
    products_schedule_reindex(product_ids=_product_ids_of_product(instance))


def _on_product_field(sender, instance, **kwargs):
    products_schedule_reindex(product_ids=[getattr(instance, "product_id", None)])


def _on_producer(sender, instance, **kwargs):
    products_schedule_reindex(product_ids=list(instance.products.values_list("pk", flat=True)))


def _on_category(sender, instance, **kwargs):
    product = apps.get_model("catalogue", "Product")
    products_schedule_reindex(
        product_ids=list(
            product.objects.filter(categories__path__startswith=instance.path)
            .values_list("pk", flat=True)
            .distinct()
        )
    )


def _on_categories_changed(sender, instance, pk_set=None, **kwargs):
    if kwargs.get("action") in {"post_add", "post_remove", "post_clear"}:
        if getattr(instance, "_meta", None) and instance._meta.model_name == "product":
            products_schedule_reindex(product_ids=[instance.pk])
        elif pk_set:
            products_schedule_reindex(product_ids=list(pk_set))


def connect() -> None:
    """Connect the receivers (called from the app config's ``ready``)."""
    product = apps.get_model("catalogue", "Product")
    post_save.connect(_on_product, sender=product, dispatch_uid="search_product_save")
    post_delete.connect(_on_product, sender=product, dispatch_uid="search_product_delete")
    for label, model in [
        ("catalogue", "OcopCertificate"),
        ("catalogue", "ProductCredential"),
        ("partner", "StockRecord"),
        ("catalogue", "ProductCategory"),
        ("partner", "StockMovement"),
    ]:
        try:
            sender = apps.get_model(label, model)
        except LookupError:  # the showroom stock ledger is optional
            continue
        post_save.connect(_on_product_field, sender=sender, dispatch_uid=f"search_{model}_s")
        post_delete.connect(_on_product_field, sender=sender, dispatch_uid=f"search_{model}_d")
    post_save.connect(
        _on_producer,
        sender=apps.get_model("partner", "Producer"),
        dispatch_uid="search_producer_save",
    )
    post_save.connect(
        _on_category,
        sender=apps.get_model("catalogue", "Category"),
        dispatch_uid="search_category_save",
    )
    m2m_changed.connect(
        _on_categories_changed,
        sender=product.categories.through,
        dispatch_uid="search_categories_changed",
    )
