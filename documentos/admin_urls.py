"""Staff screens inside the Wagtail admin (mounted at /admin/documentos/ by wagtail_hooks)."""

from django.urls import path

from .views import (
    acuse,
    avance,
    bandeja,
    calidad,
    escrito,
    filtros,
    firmar,
    revision,
    staff,
    sustituir,
    versiones,
    visor,
)

app_name = "documentos_admin"

urlpatterns = [
    path("recepcion/", staff.RecepcionView.as_view(), name="recepcion"),
    path(
        "recepcion/calidad/",
        calidad.RevisarCalidadStaffView.as_view(),
        name="recepcion_calidad",
    ),
    path("bandeja/", bandeja.BandejaView.as_view(), name="bandeja"),
    path(
        "bandeja/resultados/",
        bandeja.BandejaView.as_view(results_only=True),
        name="bandeja_resultados",
    ),
    path("bandeja/filtros/", filtros.GuardarFiltroView.as_view(), name="filtro_guardar"),
    path(
        "bandeja/filtros/<int:pk>/borrar/",
        filtros.BorrarFiltroView.as_view(),
        name="filtro_borrar",
    ),
    path("escritos/<int:pk>/", escrito.EscritoView.as_view(), name="escrito"),
    path("escritos/<int:pk>/visor/", visor.VisorView.as_view(), name="visor"),
    path(
        "escritos/<int:pk>/acciones/<slug:accion>/",
        escrito.AccionView.as_view(),
        name="accion",
    ),
    path(
        "escritos/<int:pk>/respuestas/<int:respuesta_id>/firmar/",
        firmar.FirmarRespuestaView.as_view(),
        name="firmar_respuesta",
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
    path("escritos/<int:pk>/ocr/avance.json", avance.AvanceOCRView.as_view(), name="ocr_avance"),
    path(
        "escritos/<int:pk>/archivos/<int:archivo_id>/ocr/",
        escrito.ReleerOCRView.as_view(),
        name="archivo_ocr",
    ),
    path(
        "escritos/<int:pk>/archivos/<int:archivo_id>/sustituir/",
        sustituir.SustituirEscaneoView.as_view(),
        name="archivo_sustituir",
    ),
    path(
        "escritos/<int:pk>/version-publica/preparar/",
        versiones.PrepararView.as_view(),
        name="version_preparar",
    ),
    path(
        "versiones-publicas/", versiones.VersionesPublicasView.as_view(), name="versiones_publicas"
    ),
    path(
        "versiones-publicas/preparar/",
        versiones.PrepararEnBloqueView.as_view(),
        name="versiones_preparar",
    ),
    path("versiones-publicas/<int:pk>/", revision.RevisionView.as_view(), name="revision"),
    path(
        "versiones-publicas/<int:pk>/cajas/",
        revision.DecidirView.as_view(),
        name="revision_decidir",
    ),
    path(
        "versiones-publicas/<int:pk>/dibujar/",
        revision.DibujarView.as_view(),
        name="revision_dibujar",
    ),
    path(
        "versiones-publicas/<int:pk>/cubrir/", revision.CubrirView.as_view(), name="revision_cubrir"
    ),
    path(
        "versiones-publicas/<int:pk>/termino/",
        revision.TerminoView.as_view(),
        name="revision_termino",
    ),
    path(
        "versiones-publicas/<int:pk>/asunto/", revision.AsuntoView.as_view(), name="revision_asunto"
    ),
    path(
        "versiones-publicas/<int:pk>/aprobar/",
        revision.AprobarView.as_view(),
        name="revision_aprobar",
    ),
    path(
        "versiones-publicas/<int:pk>/publicar/",
        revision.PublicarView.as_view(),
        name="revision_publicar",
    ),
    path(
        "versiones-publicas/<int:pk>/archivos/<int:archivo_id>/paginas/<int:pagina>/publica.png",
        revision.VistaPublicaView.as_view(),
        name="revision_vista_publica",
    ),
    path("escritos/<int:pk>/acuse/", acuse.AcuseView.as_view(), name="acuse"),
    path("escritos/<int:pk>/acuse.pdf", acuse.AcusePdfView.as_view(), name="acuse_pdf"),
]
