"""The credential facet ("Chỉ dẫn địa lý", "VietGAP", …) on every search backend: the embedded
one and Elasticsearch (osmem on loopback), through the contract's ``backend`` fixture."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog import services
from search.backends.base import SearchQuery
from search.indexing import search_index_rebuild
from tests.factories import searchable_product
from tests.integration.test_search_contract import backend  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def credentialled(backend):  # noqa: F811
    """A GI lychee with VietGAP ending today, a collective-trademark noodle, a plain noodle, and
    a noodle whose GI is only proposed; indexed."""
    today = timezone.localdate()
    lychee = searchable_product("Vải thiều Lục Ngạn", stars=5, district="Lục Ngạn")
    noodles = searchable_product("Mỳ Chũ Nam Dương", stars=4, district="Lục Ngạn")
    plain = searchable_product("Mỳ Chũ gạo lứt", stars=3, district="Lục Ngạn")
    proposed = searchable_product("Mỳ Chũ rau củ", stars=3, district="Lục Ngạn")
    services.credential_record(
        product=lychee, kind="gi", number="00073", issuer="Cục Sở hữu trí tuệ"
    )
    services.credential_record(
        product=lychee,
        kind="vietgap",
        number="VG-1",
        issuer="TT X",
        issued_on=today - timedelta(days=300),
        valid_until=today,
    )
    services.credential_record(
        product=noodles, kind="collective_tm", number="4-0201", issuer="Cục Sở hữu trí tuệ"
    )
    services.credential_record(product=proposed, kind="gi", number="1", issuer="x", verified=False)
    search_index_rebuild()
    return {"lychee": lychee, "noodles": noodles, "plain": plain, "proposed": proposed}


def _counts(results, name="credential"):
    return {v.key: v.count for v in results.facets[name]}


def test_credential_facet_counts_only_verified_credentials_in_force(backend, credentialled):  # noqa: F811
    # given the catalogue indexed
    # when browsing everything in Lục Ngạn
    results = backend.search(SearchQuery(text="", filters={"district": ["luc-ngan"]}))
    # then the facet counts the GI, the VietGAP and the collective trademark once each; the
    # proposed GI is not counted
    assert _counts(results) == {"gi": 1, "vietgap": 1, "collective_tm": 1}


def test_credential_filter_narrows_results_and_keeps_other_choices(backend, credentialled):  # noqa: F811
    # when filtering "mi chu" by collective trademark
    results = backend.search(SearchQuery(text="mi chu", filters={"credential": ["collective_tm"]}))
    # then only the trademarked noodle is left; the facet still offers what the words match
    assert results.ids == [credentialled["noodles"].pk]
    assert _counts(results) == {"collective_tm": 1}
    # when filtering by either GI or collective trademark, without words
    either = backend.search(SearchQuery(text="", filters={"credential": ["gi", "collective_tm"]}))
    assert set(either.ids) == {credentialled["lychee"].pk, credentialled["noodles"].pk}


def test_a_credential_drops_out_of_the_facet_the_day_after_it_ends(backend, credentialled):  # noqa: F811
    # given the lychee's VietGAP ends today (no reindex in between)
    tomorrow = timezone.localdate() + timedelta(days=1)
    # when the same filter is asked today and tomorrow
    today_hits = backend.search(SearchQuery(text="", filters={"credential": ["vietgap"]}))
    tomorrow_hits = backend.search(
        SearchQuery(text="", filters={"credential": ["vietgap"]}, today=tomorrow)
    )
    # then today it finds the lychee, tomorrow nothing, and the facet no longer offers VietGAP
    assert today_hits.ids == [credentialled["lychee"].pk]
    assert tomorrow_hits.ids == []
    browse = backend.search(
        SearchQuery(text="", filters={"district": ["luc-ngan"]}, today=tomorrow)
    )
    assert "vietgap" not in _counts(browse)


def test_verifying_a_credential_reindexes_the_product(backend, credentialled):  # noqa: F811
    # given the proposed GI
    from catalog.models import ProductCredential
    from search.indexing import search_pending_flush

    credential = ProductCredential.objects.get(product=credentialled["proposed"])
    # when staff verify it (the signal schedules the reindex)
    services.credential_verify(credential=credential)
    search_pending_flush()
    # then the GI filter finds it
    results = backend.search(SearchQuery(text="", filters={"credential": ["gi"]}))
    assert credentialled["proposed"].pk in results.ids
