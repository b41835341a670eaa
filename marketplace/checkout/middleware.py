"""Oscar's basket middleware, thawing baskets a crashed submit left frozen."""

from __future__ import annotations

from django.core.signing import BadSignature, Signer
from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware

from marketplace.checkout import services


class BasketMiddleware(OscarBasketMiddleware):
    """Before finding the shopper's open basket, reopen their frozen one that no order
    references (see :func:`marketplace.checkout.services.basket_thaw_abandoned`). Runs once per
    request, only when the request uses its basket (Oscar's basket is lazy), and queries only
    when a submit froze one of the shopper's baskets within the hour (a cache note, no SQL)."""

    def get_basket(self, request):
        """The open basket, after thawing an abandoned frozen one."""
        if request._basket_cache is None:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                if services.basket_thaw_pending(owner_id=user.pk):
                    services.basket_thaw_abandoned(owner=user)
            else:
                cookie = request.COOKIES.get(self.get_cookie_key(request))
                try:
                    basket_id = int(Signer().unsign(cookie)) if cookie else None
                except (BadSignature, ValueError):
                    basket_id = None  # Oscar deletes the bad cookie itself
                if services.basket_thaw_pending(basket_id=basket_id):
                    services.basket_thaw_abandoned(basket_id=basket_id)
        return super().get_basket(request)
