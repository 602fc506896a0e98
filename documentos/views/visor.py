"""The document viewer of the escrito page: which page to show, its zoom and the words a
search matched; and the fragment endpoint static/documentos/visor.js fetches to turn pages
and zoom in place (without JavaScript the same links reload the page)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View

from .. import selectors
from ..lectura import lector
from ..resaltado import marcas
from ..visibilidad import escritos_visibles
from .comun import entero
from .staff import Prohibido403

ZOOMS = (100, 150, 200, 300)
ANCLA = "#visor-section"  # the id Wagtail's {% panel id="visor" %} renders
MAX_Q = 500


def ubicar(get, archivos):
    """(the page to show or None, a Spanish message when the page asked for is not valid).
    A bad page number shows the nearest valid page with the message."""
    archivo_id = entero(get.get("archivo"))
    crudo = (get.get("pagina") or "1").strip()
    pagina = entero(crudo)
    error = None
    if pagina is None:
        error = _("«%(valor)s» no es un número de página: escríbalo con cifras, por ejemplo 2.") % {
            "valor": crudo[:20]
        }
        pagina = 1
    visor = selectors.ubicar_pagina(archivos, pagina=pagina, archivo_id=archivo_id)
    if visor is not None and error is None:
        limite = visor.archivo.paginas if archivo_id else visor.total
        if not 1 <= pagina <= limite:
            error = _("No existe la página %(n)s: elija una entre 1 y %(total)s.") % {
                "n": pagina,
                "total": limite,
            }
    return visor, error


def _zoom(get) -> int:
    valor = entero(get.get("zoom"))
    return valor if valor in ZOOMS else ZOOMS[0]


def _enlace(base: str, pagina: int, zoom: int, q: str) -> str:
    datos = {"pagina": pagina}
    if zoom != ZOOMS[0]:
        datos["zoom"] = zoom
    if q:
        datos["q"] = q
    return f"{base}?{urlencode(datos)}{ANCLA}"


def contexto(get, escrito, archivos) -> dict:
    """What templates/documentos/admin/includes/visor.html needs (empty: no viewer)."""
    if "pagina" not in get and "archivo" not in get:
        return {}
    visor, error = ubicar(get, archivos)
    if visor is None:
        return {}
    zoom, q = _zoom(get), (get.get("q") or "").strip()[:MAX_Q]
    leida = lector().pagina(visor.archivo.pk, visor.pagina)
    resaltadas = marcas(leida.palabras, q) if leida and leida.ancho and leida.alto else []
    base = reverse("documentos_admin:escrito", args=[escrito.pk])
    n, i = visor.global_, ZOOMS.index(zoom)
    return {
        "visor": visor,
        "visor_error": error,
        "texto_visor": leida,
        "visor_q": q,
        "visor_zoom": zoom,
        "visor_marcas": resaltadas,
        "visor_enlaces": {
            "anterior": _enlace(base, n - 1, zoom, q) if n > 1 else "",
            "siguiente": _enlace(base, n + 1, zoom, q) if n < visor.total else "",
            "acercar": _enlace(base, n, ZOOMS[i + 1], q) if i + 1 < len(ZOOMS) else "",
            "alejar": _enlace(base, n, ZOOMS[i - 1], q) if i > 0 else "",
            "sin_resaltado": _enlace(base, n, zoom, ""),
            "fragmento": reverse("documentos_admin:visor", args=[escrito.pk]),
        },
    }


class VisorView(Prohibido403, View):
    """GET: the viewer's page fragment for staff who may see the escrito (same parameters
    as the escrito page: pagina, archivo, zoom, q). A page that does not exist: 400 with the
    reason in Spanish, and the viewer keeps the page it shows."""

    def get(self, request, pk):
        escrito = get_object_or_404(escritos_visibles(request.user), pk=pk)
        archivos = selectors.archivos_del_escrito(escrito)
        datos = contexto(request.GET, escrito, archivos)
        if not datos:
            raise Http404
        if datos["visor_error"]:
            respuesta = HttpResponse(
                datos["visor_error"], content_type="text/plain; charset=utf-8", status=400
            )
        else:
            archivo = datos["visor"].archivo
            archivo.estado_ocr = lector().estados([archivo.pk]).get(archivo.pk)
            html = render_to_string(
                "documentos/admin/includes/visor_pagina.html",
                {"escrito": escrito, **datos},
                request=request,
            )
            respuesta = HttpResponse(html)
        respuesta["Cache-Control"] = "private, no-store"
        return respuesta
