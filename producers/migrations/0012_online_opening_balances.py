"""Give every existing stock record an opening ledger line, so that from this migration on the
online warehouse's balance (the sum of its movements with no place) equals the stock record's
``num_in_stock`` that checkout allocates from."""

from django.db import migrations
from django.db.models import Sum


def opening_balances(apps, schema_editor):
    StockRecord = apps.get_model("partner", "StockRecord")
    StockMovement = apps.get_model("partner", "StockMovement")
    records = StockRecord.objects.filter(
        product__isnull=False, partner__producer__isnull=False
    ).select_related("product", "partner__producer")
    for record in records:
        product = record.product
        owner = product.producer_id or (product.parent.producer_id if product.parent_id else None)
        if owner != record.partner.producer.pk:
            continue  # another partner's record for this product: not the producer's warehouse
        held = StockMovement.objects.filter(product=product, place__isnull=True).aggregate(
            n=Sum("quantity")
        )["n"] or 0
        difference = (record.num_in_stock or 0) - held
        if difference:
            StockMovement.objects.create(
                product=product, place=None, quantity=difference,
                kind="received" if held == 0 and difference > 0 else "correction",
                note="Số dư đầu kỳ (chuyển từ bản ghi kho)",
            )


class Migration(migrations.Migration):

    dependencies = [
        ("partner", "0011_stock_threshold"),
    ]

    operations = [migrations.RunPython(opening_balances, migrations.RunPython.noop)]
