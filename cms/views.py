"""Small public views of the portal that are not Wagtail pages."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET


@require_GET
def aviso(request, cual):
    titulos = {"privacidad": _("Aviso de privacidad"), "legal": _("Aviso legal y términos de uso")}
    return render(request, "cms/aviso.html", {"titulo": titulos[cual], "cual": cual})
