"""The money helper and the environment reader (no database)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

from catalog.money import format_money
from marketplace.settings import env


@pytest.mark.parametrize(
    ("amount", "language", "expected"),
    [
        (150000, "vi", "150.000\xa0₫"),
        (Decimal("150000.00"), "vi", "150.000\xa0₫"),
        ("1500000", "en", "₫1,500,000"),
        (Decimal("99999.5"), "vi", "100.000\xa0₫"),
        (0, "vi", "0\xa0₫"),
    ],
)
def test_vnd_is_whole_dong_in_each_language(amount, language, expected):
    assert format_money(amount, "VND", language) == expected


@pytest.mark.parametrize("bad", [None, "", "abc", "nan", "inf"])
def test_money_helper_renders_nothing_for_non_numbers(bad):
    assert format_money(bad, "VND", "vi") == ""


def test_templates_currency_filter_is_ours_and_follows_active_language():
    template = engines["django"].from_string("{% load currency_filters %}{{ v|currency:'VND' }}")
    with translation.override("vi"):
        assert template.render({"v": Decimal("250000.00")}) == "250.000\xa0₫"
    with translation.override("en"):
        assert template.render({"v": Decimal("250000.00")}) == "₫250,000"


def test_no_database_url_means_sqlite_file(tmp_path):
    config = env.database_from_url(None, sqlite_path=tmp_path / "db.sqlite3")
    assert config == {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db.sqlite3")}


def test_postgres_url_is_parsed_with_escaped_password():
    config = env.database_from_url(
        "postgresql://ocop:p%40ss@db.example:6543/ocop_prod", sqlite_path=Path("x")
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("ocop_prod", "ocop", "p@ss")
    assert (config["HOST"], config["PORT"]) == ("db.example", "6543")


def test_unknown_database_scheme_is_refused_with_its_name():
    with pytest.raises(env.ImproperlyConfiguredEnv, match="mysql"):
        env.database_from_url("mysql://root@localhost/x", sqlite_path=Path("x"))


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("off", False), ("TRUE", True)])
def test_boolean_flags(monkeypatch, raw, expected):
    monkeypatch.setenv("OCOP_FLAG", raw)
    assert env.get_bool("OCOP_FLAG") is expected


def test_malformed_boolean_is_refused(monkeypatch):
    monkeypatch.setenv("OCOP_FLAG", "maybe")
    with pytest.raises(env.ImproperlyConfiguredEnv, match="OCOP_FLAG"):
        env.get_bool("OCOP_FLAG")


def test_postgres_url_keeps_its_query_string_as_connection_options():
    # given a managed PostgreSQL that requires TLS
    url = "postgresql://ocop@db.example/ocop_prod?sslmode=require&connect_timeout=5"
    # when
    config = env.database_from_url(url, sqlite_path=Path("x"))
    # then the options reach psycopg instead of being dropped
    assert config["OPTIONS"]["sslmode"] == "require"
    assert str(config["OPTIONS"]["connect_timeout"]) == "5"
    assert config["CONN_HEALTH_CHECKS"] is True


def test_admins_are_read_with_or_without_names(monkeypatch):
    monkeypatch.setenv("ADMINS", "Phòng CNTT <it@bacgiang.gov.vn>, ops@example.vn")
    assert env.get_admins("ADMINS") == [
        ("Phòng CNTT", "it@bacgiang.gov.vn"),
        ("ops@example.vn", "ops@example.vn"),
    ]


def test_admins_without_an_address_are_refused(monkeypatch):
    monkeypatch.setenv("ADMINS", "Phòng CNTT")
    with pytest.raises(env.ImproperlyConfiguredEnv, match="ADMINS"):
        env.get_admins("ADMINS")
