"""The import contracts of ``pyproject.toml`` hold today, and each one breaks when a forbidden
import is added (so a contract that can never fail would be caught here).

``make test`` also runs ``lint-imports`` itself; this file proves the contracts have teeth by
adding one forbidden import per contract to a copy of the import graph.
"""

from __future__ import annotations

import copy
from pathlib import Path

import grimp
import pytest
from importlinter.application import use_cases
from importlinter.configuration import configure
from importlinter.domain.contract import registry

ROOT = Path(__file__).resolve().parents[2]

#: contract id → (importer, imported): one import that contract forbids.
FORBIDDEN = {
    "rules-pure": ("catalog.ocop", "catalog.models"),  # the ORM, one step away
    "catalogue-core": ("catalog.selectors", "producers.selectors"),
    "producers-core": ("producers.services", "producers.dashboard.access"),
    "commerce": ("marketplace.checkout.services", "search.indexing"),
    "search": ("search.documents", "cms.models"),
    "website": ("cms.models", "marketplace.checkout.services"),
    "demo-private": ("catalog.views", "marketplace.demo.loader"),
    "layers": ("catalog.models", "producers.models"),
}


@pytest.fixture(scope="module")
def contracts():
    configure()
    options = use_cases.read_user_options(str(ROOT / "pyproject.toml"))
    use_cases._register_built_in_contract_types()
    own = dict(use_cases._get_plugin_contract_types(options))
    graph = grimp.build_graph(*options.session_options["root_packages"], cache_dir=None)
    built = {}
    for contract_options in options.contracts_options:
        kind = contract_options["type"]
        contract_class = own.get(kind) or registry.get_contract_class(kind)
        built[contract_options["id"]] = contract_class(
            name=contract_options["name"],
            session_options=options.session_options,
            contract_options=contract_options,
        )
    return built, graph


def test_every_contract_has_a_forbidden_import_to_try(contracts):
    built, _ = contracts
    assert set(built) == set(FORBIDDEN)


def test_every_contract_holds_on_todays_code(contracts):
    built, graph = contracts
    broken = [cid for cid, c in built.items() if not c.check(copy.deepcopy(graph), False).kept]
    assert broken == []


@pytest.mark.parametrize("contract_id", sorted(FORBIDDEN))
def test_a_forbidden_import_breaks_the_contract(contracts, contract_id):
    # given today's graph with one forbidden import added
    built, graph = contracts
    importer, imported = FORBIDDEN[contract_id]
    changed = copy.deepcopy(graph)
    changed.add_import(
        importer=importer, imported=imported, line_number=1, line_contents=f"import {imported}"
    )
    # when the contract is checked, then it is broken
    assert not built[contract_id].check(changed, False).kept
