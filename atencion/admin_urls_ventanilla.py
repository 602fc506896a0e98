"""The window screen in the admin (mounted at /admin/atencion/ventanilla/ by hooks_ventanilla)."""

from django.urls import path

from .views import ventanilla

app_name = "atencion_ventanilla"

urlpatterns = [
    path("", ventanilla.VentanillaView.as_view(), name="ventanilla"),
    path("elegir/", ventanilla.ElegirView.as_view(), name="elegir"),
    path("acciones/<slug:accion>/", ventanilla.AccionView.as_view(), name="accion"),
    path("tiempos/", ventanilla.TiemposView.as_view(), name="tiempos"),
]
