"""The one StreamField block set shared by every page type of the website (bakerydemo style)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2 or h3), so long pages get a readable outline."""

    text = blocks.CharBlock(label=_("tiêu đề"), max_length=200)
    size = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3")],
        default="h2",
        label=_("cỡ"),
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "cms/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """A photo with a caption and who took it; served as a Wagtail rendition."""

    image = ImageChooserBlock(label=_("ảnh"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("nguồn ảnh"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation from a producer, a visitor or an official, with who said it."""

    text = blocks.TextBlock(label=_("lời trích"))
    attribution = blocks.CharBlock(label=_("người nói"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "cms/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    """A highlighted link: to the storefront, a fair registration form, a page."""

    text = blocks.CharBlock(label=_("chữ trên nút"), max_length=80)
    page = blocks.PageChooserBlock(label=_("trang"), required=False)
    url = blocks.URLBlock(label=_("hoặc địa chỉ"), required=False)

    class Meta:
        icon = "link"
        label = _("Nút liên kết")
        template = "cms/blocks/call_to_action.html"


class BodyBlock(blocks.StreamBlock):
    """The body of every page: paragraphs, headings, photos, quotes and calls to action."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3", "document-link"],
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        template = "cms/blocks/body.html"
