"""Demo content for the programme's records: the programme office's and a commune officer's
logins and groups, and a product idea of the lychee cooperative that the commune forwarded and
the programme office shortlisted.

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

#: What commune staff may do in the Django admin (also granted by migration 0037).
COMMUNE_PERMISSIONS = (
    "view_productidea",
    "change_productidea",
    "forward_productidea",
    "add_ideacomment",
    "view_ideacomment",
)
#: What the programme office may do in the Django admin (also granted by migrations 0036 and 0038).
OFFICE_PERMISSIONS = (
    "view_product",
    "add_ocopcertificate",
    "change_ocopcertificate",
    "view_ocopcertificate",
    "view_certificateevent",
    "view_certificatenotice",
    "view_productidea",
    "change_productidea",
    "review_productidea",
    "add_ideacomment",
    "view_ideacomment",
    "add_programmerecord",
    "change_programmerecord",
    "view_programmerecord",
)


def demo_records_load(*, producer, producer_user, created: Counter) -> list[str]:
    """Load the records' demo content; return the login lines to print."""
    group, new = Group.objects.get_or_create(name=services.PROGRAMME_OFFICE_GROUP)
    created["groups"] += new
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="catalogue", codename__in=OFFICE_PERMISSIONS
        )
    )
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

    commune_user = _staff_login(
        group_name=services.COMMUNE_STAFF_GROUP,
        permissions=COMMUNE_PERMISSIONS,
        username=data.COMMUNE_USERNAME,
        email=data.COMMUNE_EMAIL,
        password=data.COMMUNE_PASSWORD,
        names=("Cán bộ", "UBND xã"),
        created=created,
    )

    title = "Vải thiều sấy dẻo Lục Ngạn"
    food = Category.objects.filter(depth=1, slug="thuc-pham").first()
    if food is not None and not ProductIdea.objects.filter(producer=producer, title=title).exists():
        idea = programme_services.idea_submit(
            producer=producer,
            by=producer_user,
            title=title,
            commune=producer.commune,
            group=food,
            distinctive="Sấy lạnh giữ màu và vị vải thiều chín cây, không đường.",
        )
        programme_services.idea_forward(
            idea=idea,
            by=commune_user,
            comment="UBND xã đã tiếp nhận, chuyển Văn phòng điều phối xem xét.",
        )
        programme_services.idea_review(
            idea=idea,
            status=ProductIdea.Status.SHORTLISTED,
            by=user,
            comment="Ý tưởng được chọn. Mời HTX lập phương án kinh doanh.",
        )
        created["product ideas"] += 1
    return [
        f"  programme office (Django admin /django-admin/, dashboard /chung-nhan/dieu-phoi/): "
        f"{data.OFFICE_USERNAME} / {data.OFFICE_PASSWORD}",
        f"  commune officer (forwards ideas in /django-admin/catalogue/productidea/): "
        f"{data.COMMUNE_USERNAME} / {data.COMMUNE_PASSWORD}",
    ]


def _staff_login(
    *,
    group_name: str,
    permissions,
    username: str,
    email: str,
    password: str,
    names: tuple[str, str],
    created: Counter,
):
    """A staff login (Django admin, no superuser) in ``group_name`` with ``permissions``."""
    group, new = Group.objects.get_or_create(name=group_name)
    created["groups"] += new
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="catalogue", codename__in=permissions)
    )
    user, new = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    created["users"] += new
    user.email = email
    user.first_name, user.last_name = names
    user.is_staff, user.is_superuser, user.is_active = True, False, True
    user.set_password(password)  # the demo logins are printed: keep them true
    user.save()
    user.groups.add(group)
    return user
