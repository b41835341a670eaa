"""Input that cannot 500: control characters in query strings and forms are refused with a 400
page before they reach the database (a NUL byte made PostgreSQL raise ``DataError``), bodies over
the cap are refused with 413 before they are read, and a fuzz test over the public GET pages'
query parameters and the main forms never sees a 5xx.

The demo is loaded once per module inside a transaction rolled back at the end.
"""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms import models as cms

#: Query parameters the public pages read (news, search facets, registry, paging, sorting).
PARAMS = [
    "the",
    "chuyen-muc",
    "trang",
    "q",
    "group",
    "district",
    "kind",
    "showroom",
    "stars",
    "price",
    "sort",
    "page",
    "tab",
    "status",
    "level",
    "year",
    "loc",
]


@pytest.fixture
def site(website, db, vietnamese):
    """The demo website with an empty cache (cached menus must not outlive a rolled-back test)."""
    from django.core.cache import cache

    cache.clear()


def _public_get_urls() -> list[str]:
    """One URL of every public page kind: website pages in both languages, the storefront,
    search, the registry and its exports, producers, ideas."""
    urls = [
        "/",
        "/en/",
        "/cua-hang/",
        "/cua-hang/search/",
        "/cua-hang/search/suggest/",
        reverse("catalogue:index"),
        "/chung-nhan/",
        "/chung-nhan/du-lieu.csv",
        "/chung-nhan/du-lieu.json",
        "/chung-nhan/tien-do/",
        "/cua-hang/nha-san-xuat/",
        "/y-tuong/",
        "/cua-hang/basket/",
        "/cua-hang/accounts/login/",
    ]
    for model in (
        cms.NewsIndexPage,
        cms.FairIndexPage,
        cms.ShowroomIndexPage,
        cms.VillageIndexPage,
        cms.MapPage,
        cms.ContactPage,
        cms.NewsPage,
    ):
        for page in model.objects.live()[:2]:
            urls.append(page.url)
    from oscar.core.loading import get_model

    product = get_model("catalogue", "Product").objects.filter(is_public=True).first()
    urls.append(product.get_absolute_url())
    return sorted(set(urls))


@pytest.mark.parametrize(
    "url",
    [
        "/tin-tuc/?the=%00",
        "/en/news/?the=%00",
        "/cua-hang/search/?group=%00",
        "/cua-hang/search/?district=%00",
        "/cua-hang/search/?kind=%00",
        "/cua-hang/search/?showroom=%00",
        "/cua-hang/search/?q=ch%01e",
    ],
)
def test_control_character_in_a_query_string_is_refused_with_a_clear_400(site, client, url):
    # given the demo website (on PostgreSQL a NUL reaching a query raised DataError: a 500)
    # when a filter holds a control character
    response = client.get(url)
    # then the request is refused with a page that says why
    assert response.status_code == 400
    says_why = "control characters" if url.startswith("/en/") else "ký tự điều khiển"
    assert says_why in response.content.decode()


def test_control_character_in_a_form_field_is_refused_before_the_view(site, client):
    # given the contact page of the website
    contact = cms.ContactPage.objects.live().first()
    # when a field of the posted form holds a NUL byte
    fields = {f.clean_name: "Xin chào" for f in contact.form_fields.all()}
    fields[next(iter(fields))] = "An\x00"
    response = client.post(contact.url, fields)
    # then the form is refused as a whole
    assert response.status_code == 400


def test_tabs_and_line_breaks_in_a_form_are_ordinary_text(client, db):
    # when a form field holds a tab and a Windows line break
    response = client.post(
        reverse("customer:login"),
        {"login-username": "ai\tdo", "login-password": "a\r\nb", "login_submit": "1"},
    )
    # then the sign-in form answers as usual (wrong credentials, not a refusal)
    assert response.status_code == 200


class _Unreadable(io.RawIOBase):
    """A request body that fails the test if anyone reads it."""

    read_bytes = 0

    def read(self, size=-1):  # noqa: D102
        raise AssertionError("the oversized body was read")


def test_a_fifty_megabyte_upload_is_refused_before_its_body_is_read(client, db):
    # given a request announcing a 50 MB multipart body (uploads are at most 5 MB)
    body = _Unreadable()
    # when it is posted
    response = client.generic(
        "POST",
        reverse("customer:login"),
        data=b"x",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
        **{"wsgi.input": body},
    )
    # then it is refused as too large, with a page that says so, without reading the body
    assert response.status_code == 413
    assert "5 MB" in response.content.decode()


def test_a_five_megabyte_image_upload_is_not_refused_as_too_large(client, db):
    # given a 5 MB body, the largest upload the site accepts
    payload = {"login_submit": "1", "file": io.BytesIO(b"\xff" * (5 * 1024 * 1024))}
    payload["file"].name = "scan.jpg"
    # when it is posted to a form
    response = client.post(reverse("customer:login"), payload)
    # then the request reaches the view (the form answers; no 413)
    assert response.status_code == 200


_text = st.text(max_size=40)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_public_page_answers_5xx_whatever_its_query_parameters(site, client, data):
    # given any public page and any query parameters (known names and arbitrary ones)
    urls = _public_get_urls()
    url = data.draw(st.sampled_from(urls), label="url")
    params = data.draw(
        st.dictionaries(
            st.sampled_from(PARAMS) | st.text(min_size=1, max_size=8),
            st.lists(_text, min_size=1, max_size=3),
            max_size=4,
        ),
        label="params",
    )
    # when it is requested
    response = client.get(url, params)
    # then it never fails on the server
    assert response.status_code < 500, (url, params)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_main_form_answers_5xx_whatever_its_fields_hold(site, client, data):
    # given the main public forms: sign-in, sign-up, contact, search
    contact = cms.ContactPage.objects.live().first()
    forms = {
        reverse("customer:login"): ["login-username", "login-password"],
        reverse("customer:register"): [
            "registration-email",
            "registration-password1",
            "registration-password2",
        ],
        contact.url: [f.clean_name for f in contact.form_fields.all()] + ["website"],
        "/cua-hang/search/": ["q"],
    }
    url = data.draw(st.sampled_from(sorted(forms)), label="url")
    fields = {name: data.draw(_text, label=name) for name in forms[url]}
    if url == reverse("customer:login"):
        fields["login_submit"] = "1"
    if url == reverse("customer:register"):
        fields["registration_submit"] = "1"
    # when the form is posted with whatever its fields hold
    response = client.post(url, fields)
    # then it never fails on the server
    assert response.status_code < 500, (url, fields)
