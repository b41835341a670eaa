"""Fixtures for the functional layer: a Wagtail home page, and real Chromium driven by Playwright.

Chromium comes from Debian (``apt-get install chromium`` gives ``/usr/bin/chromium``); Playwright
never downloads a browser here. Without Chromium the browser journeys are skipped locally and fail
under CI (``CI=true``), where a missing browser means a broken machine, not a choice.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import transaction

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Screenshots of the key pages, for people to look at (git-ignored).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def _under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if _under_ci():
        pytest.fail(
            f"{CHROMIUM} is missing under CI: install it with `apt-get install -y chromium` "
            "(.ci/run does); browser journeys must run in CI.",
            pytrace=False,
        )
    pytest.skip("Chromium not installed (apt-get install chromium): browser journeys skipped")


def make_home_page(title: str = "OCOP Bắc Giang"):
    """A :class:`cms.models.HomePage` under Wagtail's root, made the default site's root page.

    Works on a database whose migration rows were flushed by an earlier transactional test: the
    locale and the root page are recreated when missing. ``is_default_site`` makes the site answer
    whatever host the request names (``testserver``, ``localhost``, ``127.0.0.1``).
    """
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage

    root = Page.get_first_root_node()
    if root is None:
        locale, _ = Locale.objects.get_or_create(
            language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    slug = "trang-chu"
    while root.get_children().filter(slug=slug).exists():
        slug += "-e2e"
    home = root.add_child(
        instance=HomePage(
            title=title,
            slug=slug,
            locale=root.locale,
            intro="Sản phẩm OCOP của tỉnh Bắc Giang, từ 3 sao trở lên.",
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "OCOP Bắc Giang"
    site.save()  # Wagtail's post_save handler clears the cached site root paths
    return home


@pytest.fixture
def vietnamese() -> Iterator[None]:
    """Vietnamese active in the test thread, whatever an earlier test left active there (a test
    client request to ``/en/...`` leaves English on, and ``get_absolute_url`` follows it)."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def home_page(db):
    """The default site's root page is a fresh :class:`cms.models.HomePage`."""
    return make_home_page()


@pytest.fixture(scope="module")
def _keep_migration_rows(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Put back the rows that migrations made (Wagtail's root page, locale, site, groups, Oscar's
    defaults) once a module of transactional tests is done.

    A transactional test ends with a flush of every table; on a kept test database
    (``--reuse-db`` on PostgreSQL) those rows would then stay missing for the next run.
    """
    from django.core.management import call_command
    from django.db import connection

    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
    yield
    with django_db_blocker.unblock():
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture
def allow_async_unsafe() -> Iterator[None]:
    """Let the ORM run in the test thread, where Playwright's sync API keeps an asyncio loop."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def chromium(allow_async_unsafe):
    """A headless Chromium (Debian's), closed after the test."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def _new_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, locale="vi-VN", **options)
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.fixture
def desktop_page(chromium):
    """A tab at a desktop viewport, in a fresh context (no cookies, empty basket)."""
    context, page = _new_page(chromium, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium):
    """A tab at a 360×740 phone viewport with touch, in a fresh context."""
    context, page = _new_page(chromium, PHONE, is_mobile=True, has_touch=True)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """``screenshot(page, "name")`` saves the full page to ``test-artifacts/name.png``."""
    ARTIFACTS.mkdir(exist_ok=True)

    def save(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def producer():
    """A producer with its partner (a module may override it, e.g. to give it an email)."""
    from tests.factories import ProducerFactory

    return ProducerFactory()


@pytest.fixture
def signed_in(client, producer):
    """The test client signed in as a new user of ``producer``."""
    from tests.factories import UserFactory

    user = UserFactory()
    producer.partner.users.add(user)
    client.force_login(user)
    return client


@pytest.fixture(scope="module")
def website(django_db_setup, django_db_blocker):
    """The whole demo (catalogue, places, website pages in vi and en), loaded once per test
    module and rolled back afterwards."""
    from marketplace.demo.loader import demo_data_load  # models: after Django's setup

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_data_load(images=False)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
