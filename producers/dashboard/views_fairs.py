"""Producer dashboard: trade fairs. The fairs taking booth applications, the producer's
applications and their status, and the form to apply or to change an application until the
organiser reviews it (:mod:`cms.services`)."""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.models import Locale

from cms import booths
from cms.models import FairApplication, FairPage
from cms.selectors import fairs_taking_applications, producer_fair_applications
from cms.services import BoothError, fair_application_pickup_set, fair_application_submit
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_fairs import BoothPickupForm, FairApplicationForm


class FairListView(ProducerDashboardMixin, TemplateView):
    """Fairs open for applications, and the producer's applications."""

    template_name = "producers/dashboard/fairs.html"
    section = "fairs"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        applications = list(producer_fair_applications(producer=self.producer))
        applied = {a.fair_id: a for a in applications}
        fairs = fairs_taking_applications(today=timezone.localdate())
        context.update(
            applications=applications, open_fairs=[(fair, applied.get(fair.pk)) for fair in fairs]
        )
        return context


class _ApplicationFormMixin(ProducerDashboardMixin):
    section = "fairs"
    template_name = "producers/dashboard/fair_apply.html"

    def _submit(self, form, fair):
        data = form.cleaned_data
        try:
            return fair_application_submit(
                producer=self.producer,
                fair=fair,
                products=data["products"],
                booth_size=data["booth_size"],
                needs_power=data["needs_power"],
                needs_refrigeration=data["needs_refrigeration"],
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                note=data["note"],
                language=translation.get_language() or "vi",
                today=timezone.localdate(),
            )
        except BoothError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return None


class FairApplyView(_ApplicationFormMixin, TemplateView):
    """Apply for a booth at one fair (a fair the producer already applied for opens its
    application instead)."""

    @cached_property
    def fair(self) -> FairPage:
        # Looked up once the mixin has let the user in (an anonymous visitor signs in first).
        return get_object_or_404(
            FairPage.objects.live().filter(locale=Locale.get_default()), pk=self.kwargs["fair_id"]
        )

    def _existing(self):
        return FairApplication.objects.filter(fair=self.fair, producer=self.producer).first()

    def get(self, request, *args, **kwargs):
        existing = self._existing()
        if existing is not None:
            return redirect("producer_dashboard:fair_application", application_id=existing.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        is_open = self.fair.applications_open()
        context.update(
            fair=self.fair,
            application=None,
            is_open=is_open,
            editable=is_open,
            form=kwargs.get("form")
            or FairApplicationForm(
                producer=self.producer,
                fair=self.fair,
                initial={
                    "contact_name": self.producer.contact_name,
                    "contact_phone": self.producer.phone,
                },
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        existing = self._existing()
        if existing is not None:
            return redirect("producer_dashboard:fair_application", application_id=existing.pk)
        form = FairApplicationForm(request.POST, producer=self.producer, fair=self.fair)
        if form.is_valid():
            application = self._submit(form, self.fair)
            if application is not None:
                messages.success(
                    request, _("Đã gửi đăng ký gian hàng. Ban tổ chức sẽ báo kết quả qua email.")
                )
                return redirect(
                    "producer_dashboard:fair_application", application_id=application.pk
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)


class FairApplicationView(_ApplicationFormMixin, TemplateView):
    """One of the producer's applications: its status, and the form while it is editable."""

    def _application(self):
        return get_object_or_404(
            producer_fair_applications(producer=self.producer), pk=self.kwargs["application_id"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = kwargs.get("application") or self._application()
        fair = application.fair
        form = kwargs.get("form") or FairApplicationForm(
            producer=self.producer,
            fair=fair,
            initial={
                "products": list(application.products.all()),
                "booth_size": application.booth_size,
                "needs_power": application.needs_power,
                "needs_refrigeration": application.needs_refrigeration,
                "contact_name": application.contact_name,
                "contact_phone": application.contact_phone,
                "note": application.note,
            },
        )
        context.update(
            fair=fair,
            application=application,
            form=form,
            is_open=fair.applications_open(),
            editable=application.editable(),
            pickup_settable=booths.pickup_settable(
                status=application.status, ends_on=fair.end_date, today=timezone.localdate()
            ),
            pickup_form=kwargs.get("pickup_form")
            or BoothPickupForm(initial={"offers_pickup": application.offers_pickup}),
        )
        return context

    def post(self, request, *args, **kwargs):
        application = self._application()
        form = FairApplicationForm(request.POST, producer=self.producer, fair=application.fair)
        if form.is_valid():
            if self._submit(form, application.fair) is not None:
                messages.success(request, _("Đã lưu thay đổi đăng ký gian hàng."))
                return redirect(
                    "producer_dashboard:fair_application", application_id=application.pk
                )
        application.refresh_from_db()
        return self.render_to_response(
            self.get_context_data(form=form, application=application), status=400
        )


class FairApplicationPickupView(FairApplicationView):
    """Offer (or withdraw) pickup at the booth of one of the producer's applications: an
    accepted booth then becomes a pickup place during the fair (:mod:`cms.services`)."""

    # GET shows the application page (TemplateView.get), 404 for another producer's.

    def post(self, request, *args, **kwargs):
        application = self._application()  # another producer's application: 404
        form = BoothPickupForm(request.POST)
        if form.is_valid():
            try:
                fair_application_pickup_set(
                    application_id=application.pk,
                    producer=self.producer,
                    offers=form.cleaned_data["offers_pickup"],
                    today=timezone.localdate(),
                )
            except BoothError as error:
                form.add_error("offers_pickup", str(error))
            else:
                messages.success(request, _("Đã lưu việc nhận giữ hàng tại gian hàng."))
                return redirect(
                    "producer_dashboard:fair_application", application_id=application.pk
                )
        return self.render_to_response(
            self.get_context_data(pickup_form=form, application=application), status=400
        )
