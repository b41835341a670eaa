"""Customer forms that differ from Oscar's (found first by Oscar's ``get_class``)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.forms import EmailAuthenticationForm as OscarEmailAuthenticationForm


class EmailAuthenticationForm(OscarEmailAuthenticationForm):
    """Sign in with an email address or a user name.

    Oscar accepts only an email here, but staff, producers and counter operators are given user
    names (``htx.vaithieu``); the model backend takes those, Oscar's email backend the rest.
    """

    username = forms.CharField(label=_("Email hoặc tên đăng nhập"), max_length=254)
