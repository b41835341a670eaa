"""Test-only helpers for the Elasticsearch backend.

``osmem-server`` (an in-memory OpenSearch-compatible server from PyPI) refuses the Elasticsearch 8
client's ``application/vnd.elasticsearch+json; compatible-with=8`` content type with 406. This
node class sends plain ``application/json`` instead. Never use it against a real cluster.
"""

from __future__ import annotations

from elastic_transport import HttpHeaders, Urllib3HttpNode


class PlainJsonNode(Urllib3HttpNode):
    """An HTTP node that turns the client's vendor JSON media types into plain JSON."""

    def perform_request(
        self, method, target, body=None, headers=None, request_timeout=None, **kwargs
    ):
        fixed = HttpHeaders(headers or {})
        for name in ("content-type", "accept"):
            value = fixed.get(name)
            if value and "vnd.elasticsearch+" in value:
                fixed[name] = "application/x-ndjson" if "x-ndjson" in value else "application/json"
        return super().perform_request(
            method, target, body=body, headers=fixed, request_timeout=request_timeout, **kwargs
        )
