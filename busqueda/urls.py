"""Public search: the portal page and the JSON endpoints (mounted by cms/urls.py)."""

from django.urls import path

from . import views

app_name = "busqueda"

urlpatterns = [
    path("buscar/", views.buscar_publico, name="buscar"),
    path("api/busqueda/", views.api_publica, name="api"),
    path("api/busqueda/paginas/", views.api_paginas, name="api_paginas"),
    path(
        "api/busqueda/<int:escrito_id>/similares/",
        views.api_similares_publica,
        name="api_similares",
    ),
    path("api/busqueda/interna/", views.api_staff, name="api_staff"),
    path(
        "api/busqueda/interna/<int:escrito_id>/similares/",
        views.api_similares_staff,
        name="api_similares_staff",
    ),
]
