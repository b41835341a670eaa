"""The Content-Security-Policy's one scoped relaxation (Wagtail's admin), and no policy on 304s."""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE

#: Wagtail 8's admin still writes inline scripts that a nonce cannot reach: its date and time
#: widgets (rendered by the form renderer, with no request) and its InlinePanel and
#: MultipleChooserPanel each end with a <script>. Under /admin/ only, scripts may be inline; the
#: rest of the policy (own origins only, no framing, no plugins) stays.
ADMIN_PREFIX = "/admin/"
ADMIN_SCRIPT_SRC = {"script-src": [SELF, UNSAFE_INLINE]}


class AdminScriptPolicyMiddleware:
    """Replace script-src on Wagtail admin responses (placed after CSPMiddleware, so this runs
    first on the way out). 'unsafe-inline' is ignored by browsers when a nonce is listed, so the
    replacement lists none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX):
            response._csp_replace = ADMIN_SCRIPT_SRC
            response._csp_replace_ro = ADMIN_SCRIPT_SRC
        return response


class NotModifiedKeepsPolicyMiddleware:
    """Send no policy with a 304 Not Modified (placed after CSPMiddleware).

    A browser revalidating a page it holds (the page cache gives stored pages an ETag) reuses its
    stored body, whose inline scripts carry the nonce of the response it came with; a 304 that
    named this request's new nonce would replace the stored header and block them. Without a
    policy header on the 304 the browser keeps the one that matches the body (RFC 9111 §4.3.4).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 304:
            response._csp_exempt = True
            response._csp_exempt_ro = True
        return response
