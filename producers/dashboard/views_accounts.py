"""Producer dashboard: accounts. The producer's users (staff invite new ones here), the page an
invitation link opens to set a password, and where a sign-in lands."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.accounts import InviteError, is_showroom_operator, producer_user_invite
from producers.dashboard.forms_accounts import InviteForm
from producers.selectors import producer_for_user


class AccountsView(ProducerDashboardMixin, TemplateView):
    """The producer's users; staff also get the invitation form."""

    template_name = "producers/dashboard/accounts.html"
    section = "accounts"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["members"] = self.producer.partner.users.order_by("last_name", "first_name", "pk")
        if self.request.user.is_staff:
            context.setdefault("form", InviteForm())
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied(_("Chỉ cán bộ mới gửi lời mời."))
        form = InviteForm(request.POST)
        if form.is_valid():
            try:
                user = producer_user_invite(
                    producer=self.producer,
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    by=request.user,
                    base_url=request.build_absolute_uri("/"),
                )
            except InviteError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("Đã gửi lời mời đến %(email)s.") % {"email": user.email}
                )
                return redirect("producer_dashboard:accounts")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class InviteAcceptView(PasswordResetConfirmView):
    """The invitation link: set a password, then land on the dashboard signed in. The link works
    once (Django's token changes with the password) and until ``PASSWORD_RESET_TIMEOUT``."""

    template_name = "producers/dashboard/accounts_invite_accept.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("producer_dashboard:home")
    reset_url_token = "dat-mat-khau"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # Only producer users: the link is not a back door to other accounts.
        if user is not None and (user.is_staff or producer_for_user(user) is None):
            return None
        return user

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Đã đặt mật khẩu. Chào mừng bạn đến trang quản lý."))
        return response


class AfterLoginView(View):
    """Where a sign-in without ``next`` lands (``LOGIN_REDIRECT_URL``): producers on their
    dashboard, showroom operators at their counter, everybody else on the home page."""

    def get(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_staff:
            if producer_for_user(user) is not None:
                return redirect("producer_dashboard:home")
            if is_showroom_operator(user):
                return redirect("producer_dashboard:counters")
        return redirect("/")
