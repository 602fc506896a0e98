"""The acuse de recibo for staff: a page to show or print, and its PDF."""

import base64

from django.http import HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.widgets.button import HeaderButton

from .. import permisos
from ..acuse import datos_acuse, pdf_acuse, qr_png
from .escrito import escrito_visible
from .staff import MIGA_INICIO, Prohibido403, VistaStaff, avisos_de_calidad_pendientes


def qr_data_uri(texto: str) -> str:
    return "data:image/png;base64," + base64.b64encode(qr_png(texto).getvalue()).decode()


def respuesta_pdf(escrito, request, *, publico: bool = False) -> HttpResponse:
    pdf = pdf_acuse(escrito, request, publico=publico)
    respuesta = HttpResponse(pdf, content_type="application/pdf")
    respuesta["Content-Disposition"] = f'inline; filename="acuse-{escrito.folio}.pdf"'
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


class AcuseView(VistaStaff):
    template_name = "documentos/admin/acuse.html"
    header_icon = "doc-full-inverse"

    @cached_property
    def escrito(self):
        return escrito_visible(self.request.user, self.kwargs["pk"])

    def get_page_title(self):
        return _("Acuse de recibo %(folio)s") % {"folio": self.escrito.folio}

    def get_breadcrumbs_items(self):
        return [
            MIGA_INICIO,
            {
                "url": reverse("documentos_admin:escrito", args=[self.escrito.pk]),
                "label": self.escrito.folio,
            },
            {"url": "", "label": _("Acuse de recibo")},
        ]

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Descargar PDF"),
                url=reverse("documentos_admin:acuse_pdf", args=[self.escrito.pk]),
                icon_name="download",
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        datos = datos_acuse(self.escrito, self.request)
        context.update(
            escrito=self.escrito,
            acuse=datos,
            qr=qr_data_uri(datos.url),
            puede_recibir=permisos.puede_recibir(self.request.user),
            avisos_calidad=avisos_de_calidad_pendientes(self.request, self.escrito),
        )
        return context


class AcusePdfView(Prohibido403, View):
    def get(self, request, pk):
        return respuesta_pdf(escrito_visible(request.user, pk), request)
