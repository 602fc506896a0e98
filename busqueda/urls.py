"""Public search: the portal page and the JSON endpoints (mounted by cms/urls.py).

Path ids are captured as text and checked by the view, so a malformed one gets the same
JSON 404 as an unknown one (not the portal's HTML page)."""

from django.urls import path, re_path

from . import views

app_name = "busqueda"

urlpatterns = [
    path("buscar/", views.buscar_publico, name="buscar"),
    path("api/busqueda/", views.BusquedaPublica.as_view(), name="api"),
    path("api/busqueda/paginas/", views.Paginas.as_view(), name="api_paginas"),
    path("api/busqueda/interna/", views.BusquedaInterna.as_view(), name="api_staff"),
    re_path(
        r"^api/busqueda/interna/(?P<escrito_id>[^/]*)/similares/$",
        views.SimilaresInternos.as_view(),
        name="api_similares_staff",
    ),
    re_path(
        r"^api/busqueda/(?P<escrito_id>[^/]*)/similares/$",
        views.SimilaresPublicos.as_view(),
        name="api_similares",
    ),
]
