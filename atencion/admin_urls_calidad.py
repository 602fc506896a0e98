"""The evaluation screens in the admin (mounted at /admin/calidad/ by hooks_calidad)."""

from django.urls import path

from .views import calidad, calidad_informe

app_name = "calidad_evaluacion"

urlpatterns = [
    path("evaluaciones/", calidad.ListaView.as_view(), name="lista"),
    path("evaluaciones/<int:pk>/", calidad.EvaluacionView.as_view(), name="evaluacion"),
    path("evaluaciones/<int:pk>/equipo/", calidad.EquipoView.as_view(), name="equipo"),
    path(
        "evaluaciones/<int:pk>/informe/",
        calidad_informe.InformeView.as_view(),
        name="informe",
    ),
    path(
        "evaluaciones/<int:pk>/informe.pdf",
        calidad_informe.InformePdfView.as_view(),
        name="informe_pdf",
    ),
    # POST only: iniciar, enviar, aprobar, devolver.
    path(
        "evaluaciones/<int:pk>/<slug:accion>/",
        calidad.TransicionView.as_view(),
        name="transicion",
    ),
    path("evidencias/<int:pk>/", calidad_informe.EvidenciaView.as_view(), name="evidencia"),
    path("modelos/", calidad_informe.ModelosView.as_view(), name="modelos"),
]
