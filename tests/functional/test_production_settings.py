"""Production settings, checked the way a deployment runs them: ``manage.py check`` in a fresh
process with ``DJANGO_SETTINGS_MODULE=marketplace.settings.production``."""

from __future__ import annotations

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL")
DROPPED = {
    "DEBUG",
    "REDIS_URL",
    "CSRF_TRUSTED_ORIGINS",
    "BANK_TRANSFER_ACCOUNT",
    "BANK_TRANSFER_ACCOUNT_NAME",
    "EMAIL_HOST",
    "DJANGO_SETTINGS_MODULE",
    "MEDIA_S3_BUCKET",
    "MEDIA_S3_ENDPOINT_URL",
    "MEDIA_S3_REGION",
    "MEDIA_S3_ACCESS_KEY_ID",
    "MEDIA_S3_SECRET_ACCESS_KEY",
    "MEDIA_S3_CUSTOM_DOMAIN",
}
S3_ENV = {
    "MEDIA_S3_BUCKET": "ocop-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.example.vn",
    "MEDIA_S3_REGION": "ap-southeast-1",
    "MEDIA_S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "MEDIA_S3_SECRET_ACCESS_KEY": "not-a-real-secret",
}


def secret_key() -> str:
    """A random key that passes production's length and variety checks."""
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(60))


def valid_env(tmp_path: Path) -> dict[str, str]:
    """The least a production deployment provides (a throwaway SQLite file stands in for
    PostgreSQL: these tests exercise the settings, not the database)."""
    return {
        "SECRET_KEY": secret_key(),
        "ALLOWED_HOSTS": "ocop.example.vn",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
        "SITE_URL": "https://ocop.example.vn",
    }


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``manage.py`` with the production settings and only the variables given here on top of
    a cleaned environment (whatever CI exports for the test run is dropped)."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in REQUIRED and key not in DROPPED
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="marketplace.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_refuses_to_start_without_required_variables():
    result = manage("check")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "ImproperlyConfigured" in output
    for name in REQUIRED:
        assert name in output.splitlines()[-1], output[-2000:]


@pytest.mark.smoke
def test_deploy_check_passes_with_no_warning(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **valid_env(tmp_path))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNING" not in output.upper(), output


def test_production_refuses_the_demo_bank_account(tmp_path):
    # given the demo payee copied from the development settings
    result = manage(
        "check",
        **valid_env(tmp_path),
        BANK_TRANSFER_ACCOUNT="0011001234567",
        BANK_TRANSFER_ACCOUNT_NAME="OCOP BAC GIANG (DEMO)",
    )
    # then production does not start
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "BANK_TRANSFER_ACCOUNT is the demo account" in output


def shown_payment_methods(tmp_path: Path, **extra: str) -> list[str]:
    """The payment method codes production offers shoppers, asked in a fresh process."""
    result = manage(
        "shell",
        "-c",
        "from marketplace.payment.methods import payment_methods_enabled as m;"
        "print(','.join(x.code for x in m()))",
        **valid_env(tmp_path),
        **extra,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1].split(",")


def test_bank_transfer_is_off_in_production_until_an_account_is_set(tmp_path):
    # given no bank account in the environment, then VietQR is not offered
    assert "bank_transfer" not in shown_payment_methods(tmp_path)
    # given the shop's real account, then it is
    assert "bank_transfer" in shown_payment_methods(
        tmp_path, BANK_TRANSFER_ACCOUNT="1023456789", BANK_TRANSFER_ACCOUNT_NAME="HTX CHE YEN THE"
    )


def test_site_url_must_be_https(tmp_path):
    result = manage("check", **{**valid_env(tmp_path), "SITE_URL": "http://ocop.example.vn"})
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "SITE_URL must be the site's public https:// address" in output


def test_media_bucket_without_its_credentials_refuses_to_start(tmp_path):
    # given a bucket but no secret key
    result = manage("check", **valid_env(tmp_path), **{**S3_ENV, "MEDIA_S3_SECRET_ACCESS_KEY": ""})
    # then production does not start, and says what is missing
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "media on object storage also needs: MEDIA_S3_SECRET_ACCESS_KEY" in output


def storage_and_sessions(tmp_path: Path, **extra: str) -> list[str]:
    """The media storage's backend, whether its URLs are signed, and the session engine, asked of
    production in a fresh process."""
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; from django.core.files.storage import "
        "storages as t; d = t['default'];"
        "print(type(d).__name__, getattr(d, 'querystring_auth', '-'), s.SESSION_ENGINE)",
        **valid_env(tmp_path),
        **extra,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1].split()


def test_media_goes_to_the_bucket_with_signed_urls_when_one_is_configured(tmp_path):
    # given no bucket, then media stays on the file system, sessions in the database
    assert storage_and_sessions(tmp_path) == [
        "FileSystemStorage",
        "-",
        "django.contrib.sessions.backends.db",
    ]
    # given a bucket and Redis, then media is private in the bucket, sessions cached in Redis
    assert storage_and_sessions(tmp_path, **S3_ENV, REDIS_URL="redis://127.0.0.1:6379/10") == [
        "S3Storage",
        "True",
        "django.contrib.sessions.backends.cached_db",
    ]
    # given a public domain in front of the bucket, then URLs are plain
    assert storage_and_sessions(tmp_path, **S3_ENV, MEDIA_S3_CUSTOM_DOMAIN="media.example.vn")[
        :2
    ] == ["S3Storage", "False"]


def test_wsgi_entry_point_defaults_to_production_settings():
    # given no DJANGO_SETTINGS_MODULE and no production variables (gunicorn started bare)
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED and k not in DROPPED}
    # when the WSGI module is imported
    result = subprocess.run(
        [sys.executable, "-c", "import marketplace.wsgi"],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # then it is production that refuses to start (not development that starts with debug on)
    assert result.returncode != 0
    assert "Production settings need these environment variables" in result.stderr
