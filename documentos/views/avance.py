"""The escrito page's live OCR progress: a small JSON the page's script polls."""

from django.http import JsonResponse
from django.template.loader import render_to_string
from django.views import View

from .. import selectors
from ..lectura import lector
from .escrito import escrito_visible
from .staff import Prohibido403

CELDA_OCR = "documentos/admin/includes/ocr_archivo.html"


def firma_ocr(estado) -> str:
    """What changes the OCR cell: its state and pages read (matches data-estado)."""
    if estado is None:
        return "sin_leer-0"
    return f"{estado.estado}-{estado.paginas_hechas}"


class AvanceOCRView(Prohibido403, View):
    """GET: each file's OCR state and progress, and its redrawn cell (who may see the
    escrito's page; anyone else gets its 404)."""

    def get(self, request, pk):
        escrito = escrito_visible(request.user, pk)
        archivos = selectors.archivos_del_escrito(escrito)
        estados = lector().estados(a.pk for a in archivos)
        filas = []
        for archivo in archivos:
            estado = archivo.estado_ocr = estados.get(archivo.pk)
            filas.append(
                {
                    "id": archivo.pk,
                    "estado": estado.estado if estado else None,
                    "etiqueta": str(estado.etiqueta) if estado else None,
                    "paginas_hechas": estado.paginas_hechas if estado else 0,
                    "paginas_total": estado.paginas_total if estado else archivo.paginas,
                    "porcentaje": estado.porcentaje if estado else 0,
                    "activo": bool(estado and estado.activo),
                    "firma": firma_ocr(estado),
                    "html": render_to_string(
                        CELDA_OCR, {"archivo": archivo, "escrito": escrito}, request=request
                    ),
                }
            )
        # Never cached: the admin marks every response no-store.
        return JsonResponse(
            {"activo": any(f["activo"] for f in filas), "archivos": filas},
            json_dumps_params={"ensure_ascii": False},
        )
