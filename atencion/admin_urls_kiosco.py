"""Admin screens of the kiosco part (mounted at /admin/atencion/turnos/ by hooks_kiosco)."""

from django.urls import path

from .views.dar_turno import DarTurnoView

app_name = "atencion_kiosco_admin"

urlpatterns = [path("dar/", DarTurnoView.as_view(), name="dar_turno")]
