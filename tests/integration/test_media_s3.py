"""Media on S3-compatible object storage (``MEDIA_S3_BUCKET``): uploads, renditions, certificate
scans and backups go through the storage, never a local path.

moto's server stands in for S3 (or MinIO, or a provider's S3-compatible service): it runs in
this process on 127.0.0.1 and a free port, so nothing leaves the loopback interface. The default
storage is pointed at a fresh bucket with the options production uses (settings/production.py).
"""

from __future__ import annotations

import io
import socket
import sqlite3
import urllib.request

import boto3
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter

from catalog import renditions, services
from marketplace.operations.backups import backup_create, backup_restore, media_object_storage
from producers.selectors import product_version
from tests.factories import CertificateFactory, ProducerFactory, UserFactory, listed_product

moto_server = pytest.importorskip("moto.server")

KEYS = {"access_key": "testing", "secret_key": "testing"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3-compatible server on loopback, for this module."""
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, request):
    """A fresh bucket, made the default storage as production configures it."""
    name = f"ocop-media-{request.node.name[:30].lower().replace('_', '-')}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=name)
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                **KEYS,
                "querystring_auth": True,
                "querystring_expire": 3600,
                "default_acl": None,
                "file_overwrite": False,
                "signature_version": "s3v4",
                "addressing_style": "path",
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield client, name


def objects(client, name: str) -> dict[str, bytes]:
    listing = client.list_objects_v2(Bucket=name).get("Contents", [])
    return {
        item["Key"]: client.get_object(Bucket=name, Key=item["Key"])["Body"].read()
        for item in listing
    }


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 120, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_producers_photo_and_its_rendition_land_in_the_bucket(client, bucket):
    # given a producer signed in to the dashboard, and one of its products
    s3, name = bucket
    producer = ProducerFactory()
    user = UserFactory()
    producer.partner.users.add(user)
    client.force_login(user)
    product = listed_product(5, producer=producer)
    # when a photo is added through the product edit form
    response = client.post(
        reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk}),
        {
            "version": product_version(product),
            "price": "150000",
            "description": "x",
            "photos": SimpleUploadedFile("vai.png", png_bytes(), content_type="image/png"),
        },
    )
    # then the upload is an object in the bucket
    assert response.status_code == 302
    original = product.images.get().original.name
    stored = objects(s3, name)
    assert original in stored
    assert Image.open(io.BytesIO(stored[original])).size == (400, 300)
    # when a page asks for its rendition
    urls = renditions.rendition_urls(original, width=120, height=90)
    # then both formats are written to the bucket, linked by signed URLs the storage serves
    stored = objects(s3, name)
    for fmt in renditions.FORMATS:
        key = renditions.rendition_name(original, width=120, height=90, fmt=fmt)
        assert key in stored
        assert "X-Amz-Signature=" in urls[fmt]
        with urllib.request.urlopen(urls[fmt], timeout=10) as answer:  # loopback only
            assert answer.read() == stored[key]
    with Image.open(
        io.BytesIO(stored[renditions.rendition_name(original, width=120, height=90, fmt="webp")])
    ) as webp:
        assert webp.size == (120, 90)


@pytest.mark.django_db
def test_a_certificate_scan_lands_in_the_bucket(bucket):
    # given a recorded certificate
    s3, name = bucket
    certificate = CertificateFactory()
    # when its scan is attached
    services.certificate_scan_attach(
        certificate=certificate, scan=SimpleUploadedFile("qd.pdf", pdf_bytes(), "application/pdf")
    )
    # then the PDF is an object in the bucket, readable back through the model's file
    certificate.refresh_from_db()
    assert objects(s3, name)[certificate.scan.name].startswith(b"%PDF")
    assert certificate.scan.read().startswith(b"%PDF")


def test_backup_and_restore_round_trip_the_buckets_objects(bucket, tmp_path):
    # given a bucket with two uploads and a SQLite site
    s3, name = bucket
    storage = media_object_storage()
    assert storage is not None  # object storage is archived through the storage, not a folder
    files = {"ocop/chung-nhan/qd.pdf": b"%PDF-1.4 scan", "producers/logo.png": b"\x89PNG logo"}
    for key, content in files.items():
        s3.put_object(Bucket=name, Key=key, Body=content)
    db_file = tmp_path / "site.sqlite3"
    sqlite3.connect(db_file).close()
    db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(db_file)}
    # when backed up, the bucket changed (a stray object, a lost one), then restored
    archive = backup_create(
        db=db, media_root=tmp_path / "unused", output_dir=tmp_path / "b", media_storage=storage
    )
    s3.put_object(Bucket=name, Key="stray.txt", Body=b"not in the backup")
    s3.delete_object(Bucket=name, Key="producers/logo.png")
    manifest = backup_restore(
        archive=archive, db=db, media_root=tmp_path / "unused", media_storage=default_storage
    )
    # then the bucket holds exactly the backed-up objects again
    assert manifest["media_files"] == 2
    assert objects(s3, name) == files
    assert not (tmp_path / "unused").exists()
