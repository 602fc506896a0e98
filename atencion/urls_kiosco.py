"""Routes of the kiosco (included by atencion/urls.py)."""

from django.urls import path

from .views import kiosco

urlpatterns = [
    path("turnos/<slug:slug>/", kiosco.KioscoView.as_view(), name="kiosco"),
    path("turno/<str:token>/", kiosco.FichaView.as_view(), name="ficha"),
    path("turno/<str:token>/estado.json", kiosco.EstadoView.as_view(), name="ficha_estado"),
    path("turno/<str:token>/ficha.pdf", kiosco.FichaPdfView.as_view(), name="ficha_pdf"),
]
