"""Demo product pictures (marketplace/demo/pictures.py): one drawing per kind of product, never
flat, distinct between kinds, varied and deterministic per seed."""

from __future__ import annotations

import io
from itertools import combinations

import pytest
from PIL import Image, ImageChops, ImageStat

from marketplace.demo import data, pictures
from marketplace.demo.images import product_image_bytes

SIZE = 96
#: The kinds the issue names, plus cloth, wood and a basket of produce.
NAMED_KINDS = (
    "lychee",
    "noodles",
    "rice",
    "chicken",
    "tea",
    "honey",
    "wine",
    "pottery",
    "bamboo",
    "village",
)


def _image(kind: str, seed: str = "seed") -> Image.Image:
    return pictures.render(kind, title="", seed=seed, size=SIZE)


def _spread(image: Image.Image) -> float:
    """Mean standard deviation of the three colour channels (0 for a flat picture)."""
    return sum(ImageStat.Stat(image).stddev) / 3


def _difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


@pytest.mark.parametrize("kind", pictures.KINDS)
def test_every_kind_draws_a_picture_with_light_and_shade(kind):
    # given a kind of product
    # when its picture is drawn
    image = _image(kind)
    # then it is the size asked for and far from flat (gradients, shading, an object)
    assert image.size == (SIZE, SIZE)
    assert _spread(image) > 18, kind
    assert len(image.getcolors(SIZE * SIZE) or range(10_000)) > 500, kind


def test_the_named_kinds_each_have_their_own_drawing():
    # given the ten kinds of product named for the demo
    images = {kind: _image(kind) for kind in NAMED_KINDS}
    # when each pair of pictures is compared
    # then every pair differs clearly
    for a, b in combinations(NAMED_KINDS, 2):
        assert _difference(images[a], images[b]) > 12, (a, b)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_another_picture():
    # given a kind and two product seeds
    # when the pictures are made twice
    first = pictures.picture_bytes("lychee", title="Vải thiều", seed="LN-VT-001", size=SIZE)
    again = pictures.picture_bytes("lychee", title="Vải thiều", seed="LN-VT-001", size=SIZE)
    other = pictures.picture_bytes("lychee", title="Vải thiều", seed="LN-VT-005", size=SIZE)
    # then the same seed gives identical bytes, another seed a visibly different picture
    assert first == again
    assert first != other
    difference = _difference(
        Image.open(io.BytesIO(first)).convert("RGB"), Image.open(io.BytesIO(other)).convert("RGB")
    )
    assert difference > 3


@pytest.mark.parametrize(
    ("title", "shape", "kind"),
    [
        ("Vải thiều Lục Ngạn", "fruit", "lychee"),
        ("Mật ong hoa vải Lục Ngạn", "fruit", "honey"),
        ("Rượu vang vải thiều Lục Ngạn", "bottle", "wine"),
        ("Nước ép vải thiều Lục Ngạn", "bottle", "wine"),
        ("Mỳ Chũ Nam Dương", "fruit", "noodles"),
        ("Miến dong Sơn Động", "fruit", "noodles"),
        ("Gạo bao thai Lục Ngạn", "fruit", "rice"),
        ("Gà đồi Yên Thế ủ muối hoa tiêu", "fruit", "chicken"),
        ("Chè xanh Yên Thế", "bottle", "tea"),
        ("Bình gốm sành nâu Thổ Hà", "vase", "pottery"),
        ("Giỏ mây đan Tăng Tiến", "vase", "bamboo"),
        ("Homestay nhà sàn Khe Rỗ (1 đêm, 2 khách)", "mountain", "village"),
        ("Trải nghiệm hái vải tại vườn Phượng Sơn", "mountain", "village"),
        ("Khăn mặt sợi tre Mai Đình", "weave", "textile"),
        ("Nấm sò tươi Nham Sơn", "fruit", "produce"),
    ],
)
def test_a_product_gets_the_picture_of_its_kind(title, shape, kind):
    # given a product's title and its group's picture shape
    # when its kind of picture is chosen
    # then it is the kind the title names
    assert pictures.picture_kind(title, shape) == kind


def test_the_demo_products_cover_every_named_kind():
    # given the demo's products and their groups
    shapes = {sub.slug: group.shape for group in data.GROUPS for sub in group.subgroups}
    # when each is given its kind of picture
    kinds = {pictures.picture_kind(p.title, shapes[p.subgroup]) for p in data.PRODUCTS}
    # then every kind named for the demo appears at least once
    assert set(NAMED_KINDS) <= kinds


def test_a_product_picture_is_a_jpeg_of_the_size_asked_for():
    # given a product of the demo
    # when its picture is made through the loader's entry point
    picture = product_image_bytes(title="Gà đồi Yên Thế", shape="fruit", seed="YT-GD-001", size=120)
    # then it is a 120 px square JPEG
    image = Image.open(io.BytesIO(picture))
    assert image.format == "JPEG"
    assert image.size == (120, 120)
