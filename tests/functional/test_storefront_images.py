"""Pictures are renditions at the size shown: WebP with a JPEG fallback, 1× and 2×, never the
original upload (a 4000×3000 phone photo would be megabytes on a rural 3G line)."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from oscar.core.loading import get_model
from PIL import Image

from tests.factories import listed_product

pytestmark = pytest.mark.django_db
ProductImage = get_model("catalogue", "ProductImage")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def phone_photo(width=2000, height=1500) -> bytes:
    """A large JPEG taken in portrait: stored landscape (left half red, right half blue) with EXIF
    orientation 6, so upright it is red on top and blue below."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    image.paste((30, 30, 200), (width // 2, 0, width, height))
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=95, exif=exif)
    return buffer.getvalue()


def product_with_photos(count=2):
    product = listed_product(4)
    for k in range(count):
        ProductImage.objects.create(
            product=product,
            display_order=k,
            original=ContentFile(phone_photo(), name=f"anh-{k}.jpg"),
        )
    return product


def test_the_product_page_never_sends_the_original_upload(client):
    # given a product with two large phone photos
    product = product_with_photos(2)
    originals = [image.original.url for image in product.images.all()]
    # when a shopper opens its page and its category list
    html = client.get(product.get_absolute_url()).content.decode()
    # then no original is linked; each picture offers WebP then JPEG at 1× and 2×
    assert not any(url in html for url in originals)
    pictures = re.findall(r"<picture>.*?</picture>", html, flags=re.S)
    assert len(pictures) == 2
    for markup in pictures:
        assert re.search(r'<source type="image/webp" srcset="\S+\.webp 1x, \S+\.webp 2x">', markup)
        assert re.search(r'srcset="\S+\.jpg 1x, \S+\.jpg 2x" width="540" height="540"', markup)
    # and the first is fetched first, the second lazily
    assert 'fetchpriority="high"' in pictures[0] and 'loading="lazy"' not in pictures[0]
    assert 'loading="lazy"' in pictures[1] and "fetchpriority" not in pictures[1]


def test_a_rendition_is_small_upright_and_without_metadata(client):
    # given a product card rendered once
    product = product_with_photos(1)
    html = client.get(product.get_absolute_url()).content.decode()
    url = re.search(r'<img src="([^"]+\.jpg)"', html).group(1)
    name = url.split("/media/", 1)[-1] if "/media/" in url else url.lstrip("/")
    # when the JPEG rendition is read back
    with default_storage.open(name.removeprefix("media/")) as handle:
        data = handle.read()
    with Image.open(io.BytesIO(data)) as image:
        # then it has the size shown, the photo's orientation applied, and no EXIF
        assert image.size == (540, 540)
        assert not image.getexif()
        top, bottom = image.getpixel((270, 10)), image.getpixel((270, 530))
        assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]
    assert len(data) < 40_000
