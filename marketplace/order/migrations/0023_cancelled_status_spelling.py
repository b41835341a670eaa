"""The cancelled status is spelt as the provincial decision spells the word: "Đã hủy" (tone mark
on the u), not "Đã huỷ". Orders, lines and status changes already stored are renamed; the
reverse migration puts the old spelling back."""

from django.db import migrations

OLD, NEW = "Đã huỷ", "Đã hủy"


def _rename(apps, old: str, new: str) -> None:
    Order = apps.get_model("order", "Order")
    Line = apps.get_model("order", "Line")
    OrderStatusChange = apps.get_model("order", "OrderStatusChange")
    Order.objects.filter(status=old).update(status=new)
    Line.objects.filter(status=old).update(status=new)
    OrderStatusChange.objects.filter(old_status=old).update(old_status=new)
    OrderStatusChange.objects.filter(new_status=old).update(new_status=new)


def forwards(apps, schema_editor):
    _rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _rename(apps, NEW, OLD)


class Migration(migrations.Migration):

    dependencies = [
        ("order", "0022_line_shipment"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
