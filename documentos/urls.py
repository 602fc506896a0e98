"""Citizen pages of the Oficialía de Partes (mounted at /oficialia/ in cms/urls.py)."""

from django.urls import path

from .views import calidad, publico, version_publica_publica

app_name = "documentos"

urlpatterns = [
    path("enviar/", publico.EnviarView.as_view(), name="enviar"),
    path("enviar/calidad/", calidad.RevisarCalidadPublicaView.as_view(), name="enviar_calidad"),
    path("enviado/", publico.EnviadoView.as_view(), name="enviado"),
    path("enviado/acuse.pdf", publico.EnviadoAcuseView.as_view(), name="enviado_acuse"),
    path("consulta/", publico.ConsultaView.as_view(), name="consulta"),
    path("consulta/<str:folio>/", publico.EstadoView.as_view(), name="estado"),
    path("consulta/<str:folio>/acuse.pdf", publico.AcusePublicoView.as_view(), name="acuse"),
    path(
        "consulta/<str:folio>/respuesta/",
        publico.RespuestaPublicaView.as_view(),
        name="respuesta",
    ),
    # The public archive: only an approved versión pública is ever served.
    path("archivo/<str:folio>/", version_publica_publica.escrito, name="archivo_escrito"),
    path(
        "archivo/<str:folio>/version-publica.pdf",
        version_publica_publica.pdf,
        name="version_publica_pdf",
    ),
    path(
        "archivo/<str:folio>/paginas/<int:numero>.png",
        version_publica_publica.pagina,
        name="version_publica_pagina",
    ),
]
