"""An import-linter contract type for the rules modules (used by ``[tool.importlinter]``).

import-linter's own ``forbidden`` contract can forbid only whole external packages
(``django``), but the rules modules may use ``django.utils.translation`` for their messages and
must not touch the ORM or settings. This contract reads the source of each listed module and of
every module of ours it imports, directly or not, and fails on any import (at module level or
inside a function) of a forbidden dotted prefix such as ``django.db`` or ``django.conf``.
"""

from __future__ import annotations

import ast
import importlib.util

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


def _imported_names(source: str) -> list[tuple[int, str]]:
    """Every absolute module name imported anywhere in ``source``, with its line."""
    names: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append((node.lineno, node.module))
            names.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return names


def forbidden_imports(module: str, forbidden: list[str]) -> list[tuple[str, int, str]]:
    """``(module, line, imported name)`` for each import in ``module``'s source that starts
    with one of the ``forbidden`` dotted prefixes."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return []
    with open(spec.origin, encoding="utf-8") as handle:
        source = handle.read()
    found = []
    for line, name in _imported_names(source):
        if any(name == prefix or name.startswith(prefix + ".") for prefix in forbidden):
            found.append((module, line, name))
    return sorted(set(found))


class PureModulesContract(Contract):
    """The listed modules, and every module of ours they import, import nothing forbidden."""

    type_name = "pure"

    modules = fields.ListField(subfield=fields.StringField())
    forbidden = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose: bool) -> ContractCheck:
        forbidden = list(self.forbidden)  # type: ignore[arg-type]
        violations = []
        for module in self.modules:  # type: ignore[attr-defined]
            if module not in graph.modules:
                violations.append((module, 0, "(module not found)"))
                continue
            for checked in sorted({module, *graph.find_upstream_modules(module)}):
                violations.extend(forbidden_imports(checked, forbidden))
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for module, line, name in check.metadata["violations"]:
            output.print_error(f"{module}:{line} imports {name}")
            output.new_line()
