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
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``manage.py`` with the production settings and only the variables given here on top of
    a cleaned environment (whatever CI exports for the test run is dropped)."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in REQUIRED and key not in {"DEBUG", "REDIS_URL", "CSRF_TRUSTED_ORIGINS"}
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
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(60)),
        ALLOWED_HOSTS="ocop.example.vn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNING" not in output.upper(), output
