"""Producer dashboard: the showroom counter. A user with a ``ShowroomOperator`` row for a
showroom records counter sales there (ledger movements *sold at showroom*, by them). Showrooms
they do not keep are a 404; selling more than is held is refused with the balance."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from producers.dashboard import counter
from producers.dashboard.forms_counter import CounterSaleForm
from producers.models import StockMovement
from producers.services import StockError, stock_move


class CounterIndexView(LoginRequiredMixin, TemplateView):
    """The showrooms the user keeps; straight to the counter when there is only one."""

    template_name = "producers/dashboard/counter_index.html"

    def get(self, request, *args, **kwargs):
        places = list(counter.operator_places(user=request.user))
        if not places:
            raise PermissionDenied(_("Tài khoản này không trực quầy điểm bán nào."))
        if len(places) == 1:
            return redirect("producer_dashboard:counter", place_id=places[0].pk)
        return self.render_to_response(self.get_context_data(places=places))


class CounterView(LoginRequiredMixin, TemplateView):
    """One showroom's counter: what it holds, with balances, and the sale form."""

    template_name = "producers/dashboard/counter.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.place = get_object_or_404(
                counter.operator_places(user=request.user), pk=kwargs["place_id"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["place"] = self.place
        context.setdefault("stock", counter.counter_stock(place=self.place))
        context.setdefault("form", CounterSaleForm(stock=context["stock"]))
        context["recent"] = counter.counter_recent_sales(place=self.place)
        return context

    def post(self, request, *args, **kwargs):
        stock = counter.counter_stock(place=self.place)
        form = CounterSaleForm(request.POST, stock=stock)
        if form.is_valid():
            row = next(r for r in stock if r["product"] == form.cleaned_data["product"])
            Product = StockMovement._meta.get_field("product").related_model
            try:
                stock_move(
                    product=Product.objects.get(pk=row["product"]),
                    place=self.place,
                    quantity=form.cleaned_data["quantity"],
                    kind=StockMovement.Kind.SOLD_AT_SHOWROOM,
                    note=form.cleaned_data["note"] or _("Bán tại quầy"),
                    by=request.user,
                )
            except StockError as error:
                form.add_error("quantity", str(error))
            else:
                messages.success(
                    request,
                    _("Đã ghi bán %(quantity)s “%(title)s”.")
                    % {"quantity": form.cleaned_data["quantity"], "title": row["title"]},
                )
                return redirect("producer_dashboard:counter", place_id=self.place.pk)
        return self.render_to_response(
            self.get_context_data(form=form, stock=counter.counter_stock(place=self.place)),
            status=400,
        )
