"""Wiring-level views: liveness and readiness checks for nginx, monitors and the deploy steps."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from marketplace.checkout import rules as checkout_rules
from marketplace.health import CHECKS, health_check


def _answer(results: dict[str, bool], *, itemised: bool) -> JsonResponse:
    ok = all(results.values())
    body = {"status": "ok" if ok else "error"}
    if itemised:
        body["checks"] = {name: "ok" if passed else "error" for name, passed in results.items()}
    return JsonResponse(body, status=200 if ok else 503)


@never_cache
def healthz(request):
    """Liveness: 200 when the process answers and its database does, 503 otherwise (no detail)."""
    return _answer(health_check(("database",)), itemised=False)


@never_cache
def readyz(request):
    """Readiness: database, cache, search backend and task queue, each ``ok`` or ``error``."""
    return _answer(health_check(tuple(CHECKS)), itemised=True)


@require_GET
def wards_json(request):
    """The communes and wards of the province ``?tinh=`` (today's units), for the address forms'
    list (``js/ocop-wards.js``); an unknown province answers 404 with an empty list."""
    wards = checkout_rules.wards_of(request.GET.get("tinh", "")[:100])
    response = JsonResponse({"wards": list(wards)}, status=200 if wards else 404)
    response["Cache-Control"] = "public, max-age=86400"
    return response
