"""Routes of the pantalla (included by atencion/urls.py)."""

from django.urls import path

from .views import pantalla

urlpatterns = [
    path("pantalla/<slug:slug>/", pantalla.pantalla, name="pantalla"),
    path("pantalla/<slug:slug>/estado.json", pantalla.estado, name="pantalla_estado"),
]
