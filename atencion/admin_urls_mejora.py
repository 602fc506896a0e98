"""Admin routes of the acciones de mejora (namespace atencion_mejora)."""

from django.urls import path

from .views import mejora

app_name = "atencion_mejora"
urlpatterns = [
    path("", mejora.AccionesView.as_view(), name="acciones"),
    path("<int:pk>/", mejora.AccionView.as_view(), name="accion"),
    path("planes/", mejora.PlanesView.as_view(), name="planes"),
    path("planes/<int:pk>/", mejora.PlanView.as_view(), name="plan"),
    path("planes/<int:pk>/informe.pdf", mejora.informe_pdf, name="informe_pdf"),
    path(
        "oportunidades/<int:pk>/planificar/",
        mejora.PlanificarView.as_view(),
        name="planificar",
    ),
]
