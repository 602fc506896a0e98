"""Staff screens inside the Wagtail admin (mounted at /admin/documentos/ by wagtail_hooks)."""

from django.urls import path

from .views import acuse, bandeja, escrito, staff

app_name = "documentos_admin"

urlpatterns = [
    path("recepcion/", staff.RecepcionView.as_view(), name="recepcion"),
    path("bandeja/", bandeja.BandejaView.as_view(), name="bandeja"),
    path(
        "bandeja/resultados/",
        bandeja.BandejaView.as_view(results_only=True),
        name="bandeja_resultados",
    ),
    path("escritos/<int:pk>/", escrito.EscritoView.as_view(), name="escrito"),
    path(
        "escritos/<int:pk>/acciones/<slug:accion>/",
        escrito.AccionView.as_view(),
        name="accion",
    ),
    path(
        "escritos/<int:pk>/archivos/<int:archivo_id>/",
        escrito.ArchivoView.as_view(),
        name="archivo",
    ),
    path(
        "escritos/<int:pk>/archivos/<int:archivo_id>/paginas/<int:pagina>.png",
        escrito.PaginaArchivoView.as_view(),
        name="archivo_pagina",
    ),
    path(
        "escritos/<int:pk>/archivos/<int:archivo_id>/ocr/",
        escrito.ReleerOCRView.as_view(),
        name="archivo_ocr",
    ),
    path("escritos/<int:pk>/acuse/", acuse.AcuseView.as_view(), name="acuse"),
    path("escritos/<int:pk>/acuse.pdf", acuse.AcusePdfView.as_view(), name="acuse_pdf"),
]
