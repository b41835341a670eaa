"""Every stored image passes catalog.uploads on save, whichever screen it came through: product
photos (Oscar's dashboard saves ProductImage directly), Wagtail's library, producer logos and
certificate scans are no longer than MAX_EDGE, upright, and without EXIF (GPS) once stored."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from catalog.uploads import MAX_EDGE
from tests.factories import ProducerFactory, UserFactory, listed_product, pdf_bytes
from tests.unit.test_uploads import phone_photo, plain

pytestmark = pytest.mark.django_db
ProductImage = get_model("catalogue", "ProductImage")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def assert_stored_small_upright_and_clean(name: str) -> None:
    with default_storage.open(name) as handle, Image.open(handle) as image:
        assert image.size == (1920, 2560)  # 4000×3000 turned upright, long side MAX_EDGE
        assert not image.getexif()
        top = image.convert("RGB").getpixel((960, 100))
    assert top[0] > 150 and top[2] < 80  # the red half on top: orientation applied


def test_a_product_photo_saved_directly_is_stored_downscaled():
    # given a product photo saved the way Oscar's dashboard saves it (no form of ours)
    image = ProductImage.objects.create(
        product=listed_product(4), original=ContentFile(phone_photo(), name="anh.jpg")
    )
    # then the stored file is the small, upright, clean one, under the upload's name
    assert image.original.name.endswith(".jpg")
    assert_stored_small_upright_and_clean(image.original.name)


def test_a_wagtail_image_records_the_stored_files_size_and_hash():
    # given an image added to Wagtail's library
    image = get_image_model()(title="Vải thiều", file=ContentFile(phone_photo(), name="vai.jpg"))
    image._set_image_file_metadata()  # what Wagtail's forms do before saving: the upload's
    image.save()
    # then the stored file is downscaled, and width, height, size and hash describe it
    image.refresh_from_db()
    assert image.file.name.startswith("original_images/")
    assert_stored_small_upright_and_clean(image.file.name)
    assert (image.width, image.height) == (1920, 2560)
    with default_storage.open(image.file.name) as handle:
        data = handle.read()
    assert image.file_size == len(data)
    assert image.file_hash == hash_filelike(io.BytesIO(data))


def test_a_producer_logo_is_stored_downscaled():
    producer = ProducerFactory()
    producer.logo = ContentFile(phone_photo(), name="logo.jpg")
    producer.save()
    assert_stored_small_upright_and_clean(producer.logo.name)


def test_a_certificate_scan_photo_is_stored_downscaled_and_a_pdf_as_it_came():
    certificate = listed_product(3).certificates.get()
    certificate.scan = ContentFile(phone_photo(), name="chung-nhan.jpg")
    certificate.save()
    assert_stored_small_upright_and_clean(certificate.scan.name)
    pdf = pdf_bytes()
    certificate.scan = ContentFile(pdf, name="chung-nhan.pdf")
    certificate.save()
    with default_storage.open(certificate.scan.name) as handle:
        assert handle.read() == pdf


def test_an_image_already_small_and_clean_is_stored_byte_for_byte():
    data = plain(1200, 900)
    image = ProductImage.objects.create(
        product=listed_product(4), original=ContentFile(data, name="nho.png")
    )
    with default_storage.open(image.original.name) as handle:
        assert handle.read() == data


def test_the_wagtail_library_upload_screen_stores_the_downscaled_file(client):
    # given an editor uploading a phone photo through Wagtail's bulk uploader
    editor = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(editor)
    upload = ContentFile(phone_photo(), name="hoi-cho.jpg")
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    # then the upload succeeds and the library holds the small, upright, clean file
    assert response.status_code == 200, response.content[:300]
    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert max(image.width, image.height) == MAX_EDGE
    assert_stored_small_upright_and_clean(image.file.name)
    assert image.file_size == image.file.size


def test_a_photo_replaced_under_the_same_file_name_gets_new_renditions():
    # Phones often name every upload "image.jpg". Renditions are named after the stored file,
    # so a new photo stored under a freed name would be shown with the old photo's renditions.
    from catalog.renditions import rendition_urls

    product = listed_product(4)
    first = ProductImage.objects.create(
        product=product, original=ContentFile(plain(400, 300, fmt="JPEG"), name="image.jpg")
    )
    first_name = first.original.name
    first_urls = rendition_urls(first_name, width=300, height=300)
    # given the producer deletes that photo (its file goes) and uploads another "image.jpg"
    first.original.delete(save=False)
    first.delete()
    second = ProductImage.objects.create(
        product=product, original=ContentFile(plain(300, 400, fmt="JPEG"), name="image.jpg")
    )
    # then it is stored under a name never used before, so its renditions are its own
    assert second.original.name != first_name
    assert rendition_urls(second.original.name, width=300, height=300) != first_urls
