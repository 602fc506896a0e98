"""The informe de evaluación (web and PDF), the evidence files (staff who may see the
evaluation only) and the evaluation models with their presets."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from documentos.validacion import sha256_de
from documentos.views.staff import MIGA_INICIO, VistaStaff, prohibido

from ..calidad import permisos, selectors, services
from ..calidad.informe_pdf import pdf_informe
from ..calidad.plantillas import DESCRIPCIONES, PLANTILLAS
from ..models import Evidencia, ModeloCalidad
from .calidad import MIGA, ConEvaluacion, url_evaluacion

SIN_CACHE = "private, no-store"


class InformeView(ConEvaluacion, VistaStaff):
    template_name = "atencion/calidad/informe.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Informe de evaluación")

    def get_breadcrumbs_items(self):
        return [
            MIGA_INICIO,
            MIGA,
            {"url": url_evaluacion(self.evaluacion), "label": self.evaluacion.nombre},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["informe"] = selectors.informe(self.evaluacion)
        return context


class InformePdfView(ConEvaluacion, View):
    """The frozen PDF once approved (checked against its SHA-256); a draft before."""

    def get(self, request, *args, **kwargs):
        ev = self.evaluacion
        nombre = selectors.nombre_informe(ev)
        if ev.informe:
            with ev.informe.open("rb") as guardado:
                intacto = sha256_de(guardado) == ev.informe_sha256
            if not intacto:
                respuesta = prohibido(
                    request,
                    _(
                        "El PDF guardado del informe no coincide con su huella SHA-256 y no se "
                        "entrega. Avise a quien administra el sistema."
                    ),
                )
                respuesta.status_code = 500
                return respuesta
            respuesta = FileResponse(
                ev.informe.storage.open(ev.informe.name, "rb"),
                content_type="application/pdf",
                as_attachment=True,
                filename=nombre,
            )
        else:
            respuesta = HttpResponse(
                pdf_informe(selectors.informe(ev)), content_type="application/pdf"
            )
            respuesta["Content-Disposition"] = f'attachment; filename="borrador-{nombre}"'
        respuesta["Cache-Control"] = SIN_CACHE
        return respuesta


class EvidenciaView(View):
    def get(self, request, pk):
        evidencia = get_object_or_404(
            Evidencia.objects.select_related("calificacion__evaluacion"), pk=pk
        )
        if not permisos.puede_ver_evaluacion(request.user, evidencia.calificacion.evaluacion):
            return prohibido(request)
        respuesta = FileResponse(
            evidencia.archivo.storage.open(evidencia.archivo.name, "rb"),
            as_attachment=True,
            filename=evidencia.nombre_original,
        )
        respuesta["Cache-Control"] = SIN_CACHE
        return respuesta


class ModelosView(VistaStaff):
    """The evaluation models, with a button to load each preset (plantillas)."""

    template_name = "atencion/calidad/modelos.html"
    page_title = gettext_lazy("Modelos de evaluación")
    header_icon = "list-ul"
    breadcrumbs_items = [MIGA_INICIO]

    def dispatch(self, request, *args, **kwargs):
        if not permisos.puede_editar_modelos(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cargadas = set(ModeloCalidad.objects.values_list("nombre", flat=True))
        context.update(
            modelos=ModeloCalidad.objects.prefetch_related("componentes__criterios"),
            plantillas=[
                (p, DESCRIPCIONES.get(p.clave, ""), p.nombre in cargadas)
                for p in PLANTILLAS.values()
            ],
        )
        return context

    def post(self, request):
        try:
            modelo = services.cargar_plantilla(
                request.POST.get("plantilla", ""), usuario=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("El modelo «%(m)s» está listo; puede editar sus componentes y criterios.")
                % {"m": modelo.nombre},
            )
        return redirect(reverse("calidad_evaluacion:modelos"))
