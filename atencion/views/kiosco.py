"""Public pages of the turnos: the kiosk, the citizen's ticket page, its status JSON and PDF."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from documentos.views.acuse import qr_data_uri
from documentos.views.comun import Limite, ip_cliente

from .. import services
from ..ficha_pdf import PAPELES, pdf_ficha, texto_espera, url_ficha
from ..models import Ficha, Sede
from ..selectors import EstadoFicha, estado_ficha, servicios_del_kiosco

E = Ficha.Estado
SEGUNDOS_CACHE_ESTADO = 3


def limite_fichas() -> Limite:
    return Limite("ficha", settings.FOLIO_FICHAS_POR_HORA, 3600)


def _publica(respuesta):
    respuesta["X-Robots-Tag"] = "noindex"
    return respuesta


class KioscoView(View):
    template_name = "atencion/kiosco/kiosco.html"

    def _sede(self, slug):
        return get_object_or_404(Sede, slug=slug, activa=True)

    def get(self, request, slug):
        preferente = request.GET.get("preferente") == "1"
        return self._pagina(request, self._sede(slug), preferente)

    def post(self, request, slug):
        sede = self._sede(slug)
        preferente = request.POST.get("preferente") == "1"
        ip = ip_cliente(request) or "desconocida"
        limite = limite_fichas()
        if limite.agotado(ip):
            error = _(
                "Se alcanzó el número máximo de turnos que pueden tomarse desde esta conexión "
                "en una hora. Pida su turno en la ventanilla."
            )
            return self._pagina(request, sede, preferente, error=error, status=429)
        servicio = sede.servicios.filter(pk=_entero(request.POST.get("servicio"))).first()
        if servicio is None:
            error = _("Elija uno de los servicios de la lista.")
            return self._pagina(request, sede, preferente, error=error, status=400)
        try:
            ficha = services.tomar_ficha(servicio, preferente=preferente, canal=Ficha.Canal.KIOSCO)
        except ValidationError as problema:
            return self._pagina(request, sede, preferente, error=problema.messages[0], status=400)
        limite.sumar(ip)
        return redirect(reverse("atencion:ficha", args=[ficha.token]))

    def _pagina(self, request, sede, preferente, *, error=None, status=200):
        contexto = {
            "sede": sede,
            "servicios": servicios_del_kiosco(sede),
            "preferente": preferente,
            "error": error,
        }
        return _publica(render(request, self.template_name, contexto, status=status))


def _entero(valor) -> int | None:
    try:
        return int(valor)
    except (TypeError, ValueError):
        return None


def _ficha(token: str) -> Ficha:
    return get_object_or_404(
        Ficha.objects.select_related("sede", "servicio", "ventanilla"), token=token
    )


def mensaje(estado: EstadoFicha) -> str:
    """What the ticket page says in large type."""
    if estado.estado == E.EN_ESPERA:
        if estado.por_delante == 0:
            return _("Usted es el siguiente")
        return ngettext("Le falta %(n)s turno", "Le faltan %(n)s turnos", estado.por_delante) % {
            "n": estado.por_delante
        }
    if estado.estado == E.LLAMADA:
        return _("Pase a la ventanilla %(numero)s") % {"numero": estado.ventanilla}
    if estado.estado == E.EN_ATENCION:
        return _("En atención en la ventanilla %(numero)s") % {"numero": estado.ventanilla}
    if estado.estado == E.TERMINADA:
        return _("Atendido")
    return _("No se presentó")


def _datos(estado: EstadoFicha) -> dict:
    return {
        "codigo": estado.codigo,
        "estado": estado.estado,
        "mensaje": mensaje(estado),
        "por_delante": estado.por_delante,
        "espera_minutos": estado.espera_minutos,
        "espera": texto_espera(estado.espera_minutos) if estado.estado == E.EN_ESPERA else "",
        "ventanilla": estado.ventanilla,
        "terminado": estado.terminado,
    }


def url_encuesta(token: str) -> str | None:
    """The survey of this turno, when the encuestas part is installed."""
    try:
        return reverse("atencion:encuesta_ficha", args=[token])
    except NoReverseMatch:
        return None


class FichaView(View):
    def get(self, request, token):
        ficha = _ficha(token)
        estado = estado_ficha(ficha)
        contexto = {
            "ficha": ficha,
            "estado": _datos(estado),
            "tomada_en": timezone.localtime(ficha.tomada_en),
            "qr": qr_data_uri(url_ficha(ficha, request)),
            "url_encuesta": url_encuesta(token),
        }
        respuesta = render(request, "atencion/kiosco/ficha.html", contexto)
        respuesta["Cache-Control"] = "no-cache"
        return _publica(respuesta)


class EstadoView(View):
    """The status the ticket page polls: cached a few seconds, shared by every poller."""

    def get(self, request, token):
        clave = f"folio:ficha_estado:{token}"
        datos = cache.get(clave)
        if datos is None:
            ficha = _ficha(token)
            datos = _datos(estado_ficha(ficha))
            cache.set(clave, datos, SEGUNDOS_CACHE_ESTADO)
        respuesta = JsonResponse(datos)
        respuesta["Cache-Control"] = f"max-age={SEGUNDOS_CACHE_ESTADO}"
        return _publica(respuesta)


class FichaPdfView(View):
    def get(self, request, token):
        ficha = _ficha(token)
        papel = request.GET.get("papel", "80mm")
        if papel not in PAPELES:
            return HttpResponseBadRequest(
                _("Papel no válido: use «80mm» o «carta»."),
                content_type="text/plain; charset=utf-8",
            )
        respuesta = HttpResponse(pdf_ficha(ficha, papel, request), content_type="application/pdf")
        respuesta["Content-Disposition"] = f'inline; filename="turno-{ficha.codigo}.pdf"'
        respuesta["Cache-Control"] = "no-store"
        return _publica(respuesta)
