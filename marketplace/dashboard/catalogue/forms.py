"""Oscar's product and category forms with the optional English fields (:mod:`catalog.bilingual`)
next to the Vietnamese ones. Everything else is Oscar's."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  (Oscar's other forms unchanged)
from treebeard.forms import movenodeform_factory

Category = oscar_forms.Category
Product = oscar_forms.Product


def _after(fields: list[str], anchor: str, *new: str) -> list[str]:
    """``fields`` with ``new`` inserted right after ``anchor``."""
    at = fields.index(anchor) + 1
    return fields[:at] + list(new) + fields[at:]


_CATEGORY_FIELDS = _after(
    _after(list(oscar_forms.BaseCategoryForm._meta.fields), "name", "name_en"),
    "description",
    "description_en",
)

BaseCategoryForm = movenodeform_factory(
    Category,
    fields=_CATEGORY_FIELDS,
    exclude=["ancestors_are_public"],
    widgets={"meta_description": forms.Textarea(attrs={"class": "no-widget-init"})},
)


class CategoryForm(oscar_forms.SEOFormMixin, BaseCategoryForm):
    """Oscar's category form (slug optional, made from the Vietnamese name) plus English fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Để trống: tạo từ tên tiếng Việt.")


class ProductForm(oscar_forms.ProductForm):
    """Oscar's product form plus the English title and description."""

    class Meta(oscar_forms.ProductForm.Meta):
        fields = _after(
            _after(list(oscar_forms.ProductForm.Meta.fields), "title", "title_en"),
            "description",
            "description_en",
        )

    def delete_non_child_fields(self):
        # A variant has no description of its own (Oscar drops it), so no English one either.
        super().delete_non_child_fields()
        self.fields.pop("description_en", None)
