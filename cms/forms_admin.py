"""Forms of the Wagtail admin that Folio adjusts."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class FormularioIngreso(LoginForm):
    """Wagtail's login form; its password field has no label of its own, so Django shows the
    untranslated field name ("Password")."""

    password = forms.CharField(
        label=_("Contraseña"),
        strip=False,
        widget=forms.PasswordInput(attrs={"placeholder": _("Escriba su contraseña")}),
    )
