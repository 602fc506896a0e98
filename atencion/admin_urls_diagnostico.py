"""The diagnóstico and the prioritisation in the admin (mounted at /admin/calidad/ by
hooks_diagnostico)."""

from django.urls import path

from .views import diagnostico, priorizacion

app_name = "atencion_calidad_diagnostico"

urlpatterns = [
    path("diagnostico/", diagnostico.DiagnosticoView.as_view(), name="diagnostico"),
    path("diagnostico/<int:area_id>/clima/", diagnostico.ClimaView.as_view(), name="clima"),
    path(
        "diagnostico/<int:area_id>/infraestructura/",
        diagnostico.InfraestructuraView.as_view(),
        name="infraestructura",
    ),
    path("diagnostico/<int:area_id>/informe/", diagnostico.InformeView.as_view(), name="informe"),
    path(
        "diagnostico/<int:area_id>/informe/pdf/",
        diagnostico.InformePdfView.as_view(),
        name="informe_pdf",
    ),
    path("priorizacion/", priorizacion.PriorizacionView.as_view(), name="priorizacion"),
    path(
        "priorizacion/<int:tramite_id>/priorizar/",
        priorizacion.PriorizarView.as_view(),
        name="priorizar",
    ),
]
