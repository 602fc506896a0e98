"""Small public views of the portal that are not Wagtail pages."""

import re

from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.admin.views.account import PasswordResetView

from .forms_admin import MENSAJE_SIN_CORREO, CorreoNoEnviado


@require_GET
def aviso(request, cual):
    titulos = {"privacidad": _("Aviso de privacidad"), "legal": _("Aviso legal y términos de uso")}
    return render(request, "cms/aviso.html", {"titulo": titulos[cual], "cual": cual})


COLORES_TEMA = {"p": "#0b4f6c", "o": "#083b51", "a": "#f2a900"}
_HEX = re.compile(r"[0-9a-fA-F]{6}")


@require_GET
@cache_control(public=True, max_age=31_536_000, immutable=True)
def tema_css(request):
    """The portal's colours (Ajustes del portal) as CSS variables. base.html links it with
    the colours in the query string, so the response never changes for a URL and no inline
    <style> is needed under the Content-Security-Policy."""
    colores = {
        clave: f"#{valor}" if _HEX.fullmatch(valor := request.GET.get(clave, "")) else defecto
        for clave, defecto in COLORES_TEMA.items()
    }
    css = (
        f":root{{--color-primary:{colores['p']};--color-primary-dark:{colores['o']};"
        f"--color-accent:{colores['a']}}}\n"
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")


class RecuperarContrasena(PasswordResetView):
    """/admin/password_reset/: a mail that cannot be sent shows an error (HTTP 503). (The
    mail's link uses WAGTAILADMIN_BASE_URL, as Wagtail's template does.)"""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except CorreoNoEnviado:
            form.add_error(None, MENSAJE_SIN_CORREO)
            return self.render_to_response(self.get_context_data(form=form), status=503)

    def form_invalid(self, form):
        respuesta = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "sin_correo"):
            respuesta.status_code = 503
        return respuesta
