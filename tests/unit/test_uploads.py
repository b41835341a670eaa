"""catalog.uploads: a stored image is no longer than MAX_EDGE, upright, and carries no EXIF (a
farm's GPS position); what is not a still image is stored as it came."""

from __future__ import annotations

import io

from PIL import Image

from catalog import uploads

RED, BLUE = (200, 30, 30), (30, 30, 200)


def phone_photo(width=4000, height=3000, *, fmt="JPEG") -> bytes:
    """A phone photo taken in portrait: stored landscape (left half red, right half blue) with
    EXIF orientation 6, so upright it is red on top and blue below; with the phone's maker and
    the GPS position of the farm where it was taken."""
    image = Image.new("RGB", (width, height), RED)
    image.paste(BLUE, (width // 2, 0, width, height))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to show
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (21.0, 16.0, 30.0), 3: "E", 4: (106.0, 11.0, 0.0)}  # GPS IFD
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, exif=exif)
    return buffer.getvalue()


def plain(width, height, fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), RED).save(buffer, format=fmt)
    return buffer.getvalue()


def assert_upright_small_and_clean(data: bytes, *, fmt="JPEG") -> None:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == fmt
        # 4000×3000 landscape with orientation 6 is 3000×4000 upright, then scaled to 2560 long
        assert image.size == (1920, 2560)
        assert not image.getexif()  # no orientation, no maker, no GPS IFD
        assert "exif" not in image.info
        rgb = image.convert("RGB")
        top, bottom = rgb.getpixel((960, 200)), rgb.getpixel((960, 2360))
    assert top[0] > 150 and top[2] < 80  # red on top
    assert bottom[2] > 150 and bottom[0] < 80  # blue below


def test_a_large_phone_photo_is_stored_downscaled_upright_and_without_gps():
    # given a 4000×3000 JPEG with EXIF orientation 6 and GPS tags
    upload = io.BytesIO(phone_photo())
    # when it is prepared for storage
    stored = uploads.image_stored_form(upload=upload)
    # then it is at most 2560 on the long side, upright and without EXIF
    assert stored is not None
    assert_upright_small_and_clean(stored)


def test_a_webp_with_exif_is_cleaned_in_its_own_format():
    stored = uploads.image_stored_form(upload=io.BytesIO(phone_photo(fmt="WEBP")))
    assert stored is not None
    assert_upright_small_and_clean(stored, fmt="WEBP")


def test_a_small_photo_with_gps_loses_its_exif_but_keeps_its_size():
    # given a small photo that still carries orientation and GPS
    stored = uploads.image_stored_form(upload=io.BytesIO(phone_photo(800, 600)))
    # then it is re-encoded upright (600×800), without EXIF, not scaled
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (600, 800)
        assert not image.getexif()


def test_a_large_png_is_scaled_to_the_long_side():
    stored = uploads.image_stored_form(upload=io.BytesIO(plain(3000, 1000)))
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.format, image.size) == ("PNG", (2560, 853))


def test_what_needs_no_change_is_stored_as_it_came():
    # a small clean image, a PDF scan, an animated GIF: None means "store the upload itself"
    frames = [Image.new("P", (3000, 3000), k) for k in range(2)]
    gif = io.BytesIO()
    frames[0].save(gif, format="GIF", save_all=True, append_images=frames[1:])
    for data in (plain(1200, 900), b"%PDF-1.4\n%%EOF\n", gif.getvalue()):
        assert uploads.image_stored_form(upload=io.BytesIO(data)) is None


def test_a_png_over_the_pixel_limit_is_not_decoded_on_save(monkeypatch):
    # given a PNG over the pixel limit (lowered here: the real one is 40 M pixels) that no form
    # should have let through: decoding it whole is what the limit prevents
    monkeypatch.setattr(uploads, "MAX_PIXELS", 2_000_000)
    upload = io.BytesIO(plain(3000, 1000))
    # then it is left for the forms' refusal rather than decoded here
    assert uploads.image_stored_form(upload=upload) is None
    # while a JPEG that large is decoded at a reduced scale, so it is still made small
    assert uploads.image_stored_form(upload=io.BytesIO(plain(3000, 1000, "JPEG")))


def test_the_dashboards_reencoding_also_downscales():
    # given the producer dashboard's checked upload path
    upload = io.BytesIO(phone_photo())
    upload.name = "vai-thieu.jpg"
    # when it is re-encoded
    cleaned = uploads.image_reencode(upload=upload, formats=("JPEG",))
    # then it is stored small, upright and clean, under its own name
    assert cleaned.name == "vai-thieu.jpg"
    assert_upright_small_and_clean(cleaned.read())
