"""Public survey pages: phone-first, no login, one answer per ficha or escrito."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from documentos.views.comun import Limite, ip_cliente

from .. import services_encuestas as se
from ..forms_encuestas import EncuestaForm
from ..models import VersionCuestionario

PLANTILLA = "atencion/encuestas/encuesta.html"


def limite_encuestas() -> Limite:
    return Limite("encuesta", settings.FOLIO_ENCUESTAS_POR_HORA, 3600)


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Robots-Tag"] = "noindex"
    # Only the origin as Referer (the token stays private); "no-referrer" would send
    # "Origin: null" with the form and fail the CSRF check.
    respuesta["Referrer-Policy"] = "strict-origin"
    return respuesta


class _EncuestaView(View):
    def objeto(self, token) -> dict:
        """{"ficha": ...} or {"escrito": ...}; Http404 for an unknown token."""
        raise NotImplementedError

    def abierta(self, objeto) -> bool:
        raise NotImplementedError

    def _pagina(self, request, contexto, status=200):
        return _privada(render(request, PLANTILLA, contexto, status=status))

    def _estado(self, request, objeto):
        """The page when the survey cannot be answered (yet, or any more), else None."""
        if se.ya_respondida(**objeto):
            return self._pagina(
                request, {"aviso": _("Esta encuesta ya fue respondida. Gracias por su opinión.")}
            )
        if not self.abierta(objeto):
            return self._pagina(request, {"aviso": self.aviso_cerrada})
        return None

    def get(self, request, token):
        objeto = self.objeto(token)
        if (pagina := self._estado(request, objeto)) is not None:
            return pagina
        version = se.version_vigente()
        return self._pagina(request, {"form": EncuestaForm(version), "version": version})

    def post(self, request, token):
        objeto = self.objeto(token)
        if (pagina := self._estado(request, objeto)) is not None:
            return pagina
        # The version that was shown (its questions are frozen), or the current one.
        elegida = request.POST.get("version", "")[:12]
        version = (
            VersionCuestionario.objects.filter(pk=elegida).first()
            if elegida.isascii() and elegida.isdigit()
            else None
        ) or se.version_vigente()
        form = EncuestaForm(version, request.POST)
        contexto = {"form": form, "version": version}
        ip = ip_cliente(request) or "desconocida"
        limite = limite_encuestas()
        if limite.agotado(ip):
            contexto["error"] = _(
                "Se alcanzó el número máximo de encuestas que pueden responderse desde esta "
                "conexión en una hora. Intente más tarde."
            )
            return self._pagina(request, contexto, status=429)
        if not form.is_valid():
            return self._pagina(request, contexto, status=400)
        try:
            se.responder(
                version,
                form.valores(),
                coyotaje=form.cleaned_data["coyotaje"],
                detalle=form.cleaned_data["detalle"],
                **objeto,
            )
        except ValidationError as error:
            return self._pagina(request, {"aviso": " ".join(error.messages)}, status=409)
        limite.sumar(ip)
        return self._pagina(request, {"gracias": True, "coyotaje": form.cleaned_data["coyotaje"]})


class EncuestaFichaView(_EncuestaView):
    aviso_cerrada = _("La encuesta se abre cuando termina su atención en la ventanilla.")

    def objeto(self, token):
        ficha = se.ficha_por_token(token)
        if ficha is None:
            raise Http404(_("No encontramos ese turno."))
        return {"ficha": ficha}

    def abierta(self, objeto):
        return se.ficha_encuestable(objeto["ficha"])


class EncuestaEscritoView(_EncuestaView):
    aviso_cerrada = _("La encuesta se abre cuando su escrito tiene respuesta.")

    def objeto(self, token):
        escrito = se.escrito_por_token(token)
        if escrito is None:
            raise Http404(_("No encontramos esa encuesta."))
        return {"escrito": escrito}

    def abierta(self, objeto):
        return se.escrito_encuestable(objeto["escrito"])
