"""Forms of the Wagtail admin that the project replaces (through Wagtail's settings)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form with a translated password label: Wagtail's own field has no
    label, so Django shows its name, "Password", in English under every language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
