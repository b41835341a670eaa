"""The website's pictures (cms/templatetags/website_pictures.py, cms/image_formats.py): Wagtail
renditions in WebP and JPEG at the size shown and twice it, never the upload."""

from __future__ import annotations

import re

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_format
from wagtail.rich_text import expand_db_html

from tests.unit.test_uploads import plain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def photo():
    image = get_image_model()(title="Sơ đồ", file=ContentFile(plain(2400, 1800, "JPEG"), "s.jpg"))
    image.save()
    return image


def render(source: str, **context) -> str:
    return Template("{% load website_pictures %}" + source).render(Context(context))


def test_a_booth_plan_is_whole_at_800_and_twice_that_never_the_upload(photo):
    html = render('{% website_picture image "plan" alt="" css_class="img-fluid" %}', image=photo)
    # WebP first, JPEG fallback; 800 px wide (×600 for the 4:3 plan), 400 and 1600 offered
    assert html.startswith("<picture><source") and 'type="image/webp"' in html
    img = re.search(r"<img[^>]*>", html).group(0)
    assert 'width="800"' in img and 'height="600"' in img and 'loading="lazy"' in img
    assert re.search(r"\.jpg 800w, \S+\.jpg 400w, \S+\.jpg 1600w", img)
    assert photo.file.name.split("/")[-1] not in html  # the upload itself is never linked
    assert "original_images/" not in html


def test_no_image_renders_nothing():
    assert render('{% website_picture image "card" %}', image=None) == ""


def test_an_image_in_rich_text_is_a_picture_at_the_formats_width(photo):
    # given an editor's full-width image in a rich-text field
    stored = f'<embed embedtype="image" id="{photo.pk}" format="fullwidth" alt="Hội chợ"/>'
    # when the page shows it
    html = expand_db_html(stored)
    # then it is a lazy picture: WebP and JPEG at 800 and 1600 px, with its alt text
    assert html.startswith("<picture>") and 'type="image/webp"' in html
    assert re.search(r"\.webp 800w, \S+\.webp 1600w", html)
    img = re.search(r"<img[^>]*>", html).group(0)
    assert 'alt="Hội chợ"' in img and 'width="800"' in img and 'loading="lazy"' in img
    assert 'class="richtext-image full-width"' in img
    assert "original_images/" not in html
    assert get_image_format("left").width == 500
