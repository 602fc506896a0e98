"""Routes of the encuestas (included by atencion/urls.py)."""

from django.urls import path

from .views import encuestas as views_encuestas

urlpatterns = [
    path(
        "encuesta/turno/<str:token>/",
        views_encuestas.EncuestaFichaView.as_view(),
        name="encuesta_ficha",
    ),
    path(
        "encuesta/escrito/<str:token>/",
        views_encuestas.EncuestaEscritoView.as_view(),
        name="encuesta_escrito",
    ),
]
