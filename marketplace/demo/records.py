"""Demo content for the programme's records: the programme office's login and group, and a
product idea of the lychee cooperative that district staff shortlisted.

Called from :func:`marketplace.demo.loader.demo_data_load`; idempotent (found by username and
title).
"""

from __future__ import annotations

from collections import Counter

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from oscar.core.loading import get_model

from catalog import services
from catalog.models import ProductIdea
from catalog.programme import services as programme_services
from marketplace.demo import data

Category = get_model("catalogue", "Category")

#: What the programme office may do in the Django admin (also granted by migration 0036).
OFFICE_PERMISSIONS = (
    "view_product", "add_ocopcertificate", "change_ocopcertificate", "view_ocopcertificate",
    "view_certificateevent", "view_certificatenotice", "view_productidea",
    "change_productidea", "review_productidea", "add_ideacomment", "view_ideacomment",
)


def demo_records_load(*, producer, producer_user, created: Counter) -> list[str]:
    """Load the records' demo content; return the login lines to print."""
    group, new = Group.objects.get_or_create(name=services.PROGRAMME_OFFICE_GROUP)
    created["groups"] += new
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="catalogue", codename__in=OFFICE_PERMISSIONS))
    user, new = get_user_model().objects.get_or_create(
        username=data.OFFICE_USERNAME, defaults={"email": data.OFFICE_EMAIL}
    )
    created["users"] += new
    user.email = data.OFFICE_EMAIL
    user.first_name, user.last_name = "Văn phòng", "điều phối OCOP"
    user.is_staff, user.is_superuser, user.is_active = True, False, True
    user.set_password(data.OFFICE_PASSWORD)
    user.save()
    user.groups.add(group)

    title = "Vải thiều sấy dẻo Lục Ngạn"
    food = Category.objects.filter(depth=1, slug="thuc-pham").first()
    if food is not None and not ProductIdea.objects.filter(producer=producer, title=title).exists():
        idea = programme_services.idea_submit(
            producer=producer, by=producer_user, title=title, commune=producer.commune,
            group=food, distinctive="Sấy lạnh giữ màu và vị vải thiều chín cây, không đường.",
        )
        programme_services.idea_review(idea=idea, status=ProductIdea.Status.SHORTLISTED, by=user,
                             comment="Ý tưởng được chọn. Mời HTX lập phương án kinh doanh.")
        created["product ideas"] += 1
    return [
        f"  programme office (Django admin /django-admin/, dashboard /chung-nhan/dieu-phoi/): "
        f"{data.OFFICE_USERNAME} / {data.OFFICE_PASSWORD}",
    ]
