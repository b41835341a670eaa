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
    "DEBUG", "REDIS_URL", "CSRF_TRUSTED_ORIGINS", "BANK_TRANSFER_ACCOUNT",
    "BANK_TRANSFER_ACCOUNT_NAME", "EMAIL_HOST", "DJANGO_SETTINGS_MODULE",
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
    result = manage("check", **valid_env(tmp_path), BANK_TRANSFER_ACCOUNT="0011001234567",
                    BANK_TRANSFER_ACCOUNT_NAME="OCOP BAC GIANG (DEMO)")
    # then production does not start
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "BANK_TRANSFER_ACCOUNT is the demo account" in output


def shown_payment_methods(tmp_path: Path, **extra: str) -> list[str]:
    """The payment method codes production offers shoppers, asked in a fresh process."""
    result = manage(
        "shell", "-c",
        "from marketplace.payment.methods import payment_methods_enabled as m;"
        "print(','.join(x.code for x in m()))",
        **valid_env(tmp_path), **extra,
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


def test_wsgi_entry_point_defaults_to_production_settings():
    # given no DJANGO_SETTINGS_MODULE and no production variables (gunicorn started bare)
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED and k not in DROPPED}
    # when the WSGI module is imported
    result = subprocess.run(
        [sys.executable, "-c", "import marketplace.wsgi"], cwd=BASE_DIR, env=clean,
        capture_output=True, text=True, timeout=120,
    )
    # then it is production that refuses to start (not development that starts with debug on)
    assert result.returncode != 0
    assert "Production settings need these environment variables" in result.stderr
