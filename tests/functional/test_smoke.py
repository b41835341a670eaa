"""Smoke checks: the whole stack answers end to end. Also run on SQLite (``make test-sqlite-smoke``)
when the suite itself runs on PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.smoke, pytest.mark.django_db, pytest.mark.usefixtures("vietnamese")]


def test_every_migration_is_applied_and_tables_answer():
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert plan == [], f"unapplied migrations: {[m for m, _ in plan]}"

    from tests.factories import Product, listed_product

    listed_product(4)
    assert Product.objects.count() == 1


def test_home_storefront_product_and_health_answer(client, home_page):
    from tests.factories import listed_product

    five = listed_product(5, title="Mỳ Chũ Nam Dương")
    two = listed_product(2, title="Rượu làng Vân thử nghiệm")

    home = client.get("/")
    assert home.status_code == 200
    assert home_page.title in home.content.decode()

    storefront = client.get("/cua-hang/", follow=True)
    assert storefront.status_code == 200
    assert storefront.redirect_chain[-1][0].endswith("/cua-hang/catalogue/")
    body = storefront.content.decode()
    assert five.title in body and two.title not in body

    assert client.get(five.get_absolute_url()).status_code == 200
    assert client.get(two.get_absolute_url()).status_code == 404

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok"}
