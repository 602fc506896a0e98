"""The escrito's page from the outside: visibility, files, viewer, timeline and actions."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from documentos.models import Archivo, EntradaBitacora, Escrito
from documentos.services import flujo
from tests.factories import (
    imagen_bytes,
    imagen_ruido_bytes,
    pdf_bytes,
    sobrescribir_guardado,
    subida,
    tiff_bytes,
    tiff_con_pagina_danada,
    version_aprobada,
)

pytestmark = pytest.mark.django_db
A = EntradaBitacora.Accion


def _url(escrito, *sufijo):
    return reverse("documentos_admin:escrito", args=[escrito.pk]) + "".join(sufijo)


def _accion(escrito, accion):
    return reverse("documentos_admin:accion", args=[escrito.pk, accion])


@pytest.fixture
def de_obras(recibir, oficialia, obras):
    escrito = recibir(
        archivos=[
            subida("escaneo.pdf", pdf_bytes(paginas=2)),
            subida("anexo.png", imagen_bytes()),
        ],
        remitente_contacto="maria@example.com",
    )
    flujo.turnar(escrito, obras, usuario=oficialia, instruccion="Revisar y atender")
    escrito.refresh_from_db()
    return escrito


# --- visibility from the outside ---------------------------------------------------------


def test_area_staff_cannot_open_download_or_view_another_areas_escrito(
    como, staff_finanzas, de_obras
):
    cliente = como(staff_finanzas)
    archivo = de_obras.archivos.first()
    assert cliente.get(_url(de_obras)).status_code == 404
    assert (
        cliente.get(reverse("documentos_admin:archivo", args=[de_obras.pk, archivo.pk])).status_code
        == 404
    )
    pagina = reverse("documentos_admin:archivo_pagina", args=[de_obras.pk, archivo.pk, 1])
    assert cliente.get(pagina).status_code == 404
    assert cliente.get(reverse("documentos_admin:acuse_pdf", args=[de_obras.pk])).status_code == 404
    assert cliente.post(_accion(de_obras, "cancelar"), {"cancelar-motivo": "x"}).status_code == 404
    assert not de_obras.bitacora.filter(accion=A.CONSULTA_ARCHIVO).exists()


def test_a_file_is_only_served_under_its_own_escrito(como, oficialia, de_obras, recibir):
    otro = recibir(asunto="Otro escrito")
    archivo = de_obras.archivos.first()
    url = reverse("documentos_admin:archivo", args=[otro.pk, archivo.pk])
    assert como(oficialia).get(url).status_code == 404


def test_the_page_shows_data_remitente_files_turnos_and_ocr_slot(como, titular_obras, de_obras):
    html = como(titular_obras).get(_url(de_obras)).content.decode()
    for texto in (
        de_obras.folio,
        "María López Hernández",
        "maria@example.com",
        "escaneo.pdf",
        "anexo.png",
        "Revisar y atender",
        "Obra Pública",
        "Texto (OCR)",
    ):
        assert texto in html, texto


# --- files and viewer --------------------------------------------------------------------


def test_download_streams_the_original_with_headers_and_writes_the_bitacora(
    como, titular_obras, de_obras
):
    archivo = de_obras.archivos.get(nombre_original="escaneo.pdf")
    url = reverse("documentos_admin:archivo", args=[de_obras.pk, archivo.pk])
    respuesta = como(titular_obras).get(url + "?descargar=1")
    contenido = b"".join(respuesta.streaming_content)
    with archivo.abrir() as original:
        assert contenido == original.read()
    assert respuesta["Content-Type"] == "application/pdf"
    assert respuesta["Content-Disposition"].startswith("attachment")
    assert 'filename="escaneo.pdf"' in respuesta["Content-Disposition"]
    assert "no-store" in respuesta["Cache-Control"]

    en_linea = como(titular_obras).get(url)
    assert en_linea["Content-Disposition"].startswith("inline")
    b"".join(en_linea.streaming_content)

    consultas = de_obras.bitacora.filter(accion=A.CONSULTA_ARCHIVO)
    assert consultas.count() == 2
    entrada = consultas.first()
    assert entrada.usuario == titular_obras and entrada.ip == "127.0.0.1"
    assert entrada.despues["sha256"] == archivo.sha256


def test_pagina_opens_the_viewer_at_that_page_across_files(como, titular_obras, de_obras):
    cliente = como(titular_obras)
    pdf = de_obras.archivos.get(nombre_original="escaneo.pdf")
    png = de_obras.archivos.get(nombre_original="anexo.png")

    html = cliente.get(_url(de_obras, "?pagina=2")).content.decode()
    assert "Página 2 de 3" in html
    assert reverse("documentos_admin:archivo_pagina", args=[de_obras.pk, pdf.pk, 2]) in html

    html = cliente.get(_url(de_obras, "?pagina=3")).content.decode()
    assert reverse("documentos_admin:archivo_pagina", args=[de_obras.pk, png.pk, 1]) in html

    html = cliente.get(_url(de_obras, f"?archivo={png.pk}")).content.decode()
    assert "Página 3 de 3" in html

    assert 'id="visor-section"' not in cliente.get(_url(de_obras)).content.decode()


def test_page_images_are_png_and_logged(como, titular_obras, de_obras):
    pdf = de_obras.archivos.get(nombre_original="escaneo.pdf")
    cliente = como(titular_obras)
    respuesta = cliente.get(
        reverse("documentos_admin:archivo_pagina", args=[de_obras.pk, pdf.pk, 2])
    )
    assert respuesta["Content-Type"] == "image/png"
    assert respuesta.content.startswith(b"\x89PNG")
    fuera = reverse("documentos_admin:archivo_pagina", args=[de_obras.pk, pdf.pk, 3])
    assert cliente.get(fuera).status_code == 404
    assert de_obras.bitacora.filter(accion=A.CONSULTA_ARCHIVO).count() == 1


@pytest.mark.parametrize(
    ("paginas", "mensaje"),
    [
        (
            tiff_bytes([(100, 100)] * 6 + [(1500, 1500)]),
            "La página 7 de «expediente.tif» es demasiado grande (más de 1 megapíxeles).",
        ),
        (
            tiff_con_pagina_danada(7, danada=7),
            "La página 7 de «expediente.tif» está dañada o incompleta.",
        ),
    ],
    ids=["bomba", "dañada"],
)
def test_a_stored_page_that_cannot_be_shown_gets_a_clear_message(
    como, oficialia, recibir, limite_pixeles, paginas, mensaje
):
    """A row received before every page was checked: the viewer says why, it does not 500."""
    limite_pixeles(1_000_000)
    escrito = recibir(archivos=[subida("expediente.tif", tiff_bytes([(100, 100)] * 7))])
    archivo = escrito.archivos.get()
    sobrescribir_guardado(archivo, paginas)
    cliente = como(oficialia)
    url = reverse("documentos_admin:archivo_pagina", args=[escrito.pk, archivo.pk, 7])
    respuesta = cliente.get(url)
    assert respuesta.status_code == 422
    assert respuesta["Content-Type"] == "image/svg+xml"
    assert mensaje in respuesta.content.decode()
    primera = reverse("documentos_admin:archivo_pagina", args=[escrito.pk, archivo.pk, 1])
    assert cliente.get(primera)["Content-Type"] == "image/png"


# --- timeline ----------------------------------------------------------------------------


def test_timeline_shows_who_when_what_and_before_after_in_both_orders(
    como, titular_obras, de_obras
):
    cliente = como(titular_obras)
    html = cliente.get(_url(de_obras)).content.decode()
    assert html.index("Cambio de estado") < html.index(">Recepción<")
    assert "ventanilla" in html  # the actor (username) of the intake
    assert re.search(r"Estado: <del>Recibido</del> → <ins>Turnado</ins>", html)
    asc = cliente.get(_url(de_obras, "?bitacora=asc")).content.decode()
    assert asc.index(">Recepción<") < asc.index("Cambio de estado")


# --- actions -----------------------------------------------------------------------------


def test_actions_are_offered_only_when_permitted(
    como, oficialia, titular_obras, staff_finanzas, recibir, obras, finanzas
):
    nuevo = recibir()
    html = como(oficialia).get(_url(nuevo)).content.decode()
    assert 'id="accion-turnar"' in html and 'id="accion-cancelar"' in html
    assert 'id="accion-responder"' not in html and 'id="accion-asignar"' not in html

    flujo.turnar(nuevo, obras, usuario=oficialia, copias=[finanzas])
    html = como(staff_finanzas).get(_url(nuevo)).content.decode()  # only a copy
    assert 'id="accion-' not in html
    assert "No hay acciones disponibles" in html
    html = como(titular_obras).get(_url(nuevo)).content.decode()
    assert 'id="accion-asignar"' in html and 'id="accion-cancelar"' not in html


def test_turnar_with_person_deadline_and_copies(
    como, oficialia, recibir, obras, finanzas, operativo_obras
):
    escrito = recibir()
    plazo = timezone.localdate() + timedelta(days=10)
    respuesta = como(oficialia).post(
        _accion(escrito, "turnar"),
        {
            "turnar-area": obras.pk,
            "turnar-a_usuario": operativo_obras.pk,
            "turnar-instruccion": "Atender con prioridad",
            "turnar-plazo": plazo.isoformat(),
            "turnar-copias": [finanzas.pk],
        },
        follow=True,
    )
    assert "Escrito turnado a Obra Pública" in respuesta.content.decode()
    escrito.refresh_from_db()
    assert (escrito.estado, escrito.area_responsable) == ("turnado", obras)
    turno = escrito.turnos.get(es_copia=False)
    assert (turno.a_usuario, turno.plazo, turno.instruccion) == (
        operativo_obras,
        plazo,
        "Atender con prioridad",
    )
    assert escrito.turnos.filter(es_copia=True, a_area=finanzas).exists()


def test_a_whole_life_through_the_screens(
    como, oficialia, titular_obras, operativo_obras, de_obras
):
    cliente = como(titular_obras)
    r = cliente.post(
        _accion(de_obras, "asignar"),
        {"asignar-asignado_a": operativo_obras.pk, "asignar-instruccion": "Visita"},
        follow=True,
    )
    assert "Atención asignada a" in r.content.decode()

    cliente = como(operativo_obras)
    r = cliente.post(
        _accion(de_obras, "responder"),
        {
            "responder-sentido": "positiva",
            "responder-texto": "Se programó el bacheo.",
            "responder-fecha": timezone.localdate().isoformat(),
            "responder-archivo": subida("oficio-firmado.pdf", pdf_bytes()),
        },
        follow=True,
    )
    assert "Respuesta registrada" in r.content.decode()
    assert de_obras.archivos.filter(tipo=Archivo.Tipo.RESPUESTA).exists()

    r = cliente.post(_accion(de_obras, "reabrir"), {"reabrir-motivo": "Falta anexo"}, follow=True)
    assert "Escrito reabierto" in r.content.decode()
    de_obras.refresh_from_db()
    assert de_obras.estado == "en_atencion"
    cliente.post(
        _accion(de_obras, "responder"),
        {
            "responder-sentido": "parcial",
            "responder-texto": "Se atendió en parte.",
            "responder-fecha": timezone.localdate().isoformat(),
        },
    )
    r = cliente.post(_accion(de_obras, "concluir"), {"concluir-nota": "Atendido."}, follow=True)
    assert "Escrito concluido" in r.content.decode()

    cliente = como(oficialia)
    cliente.post(_accion(de_obras, "archivar"))
    version_aprobada(de_obras, [])
    r = cliente.post(_accion(de_obras, "publicar"), follow=True)
    assert "publicado en el archivo público" in r.content.decode()
    de_obras.refresh_from_db()
    assert (de_obras.estado, de_obras.publicado) == ("archivado", True)
    cliente.post(_accion(de_obras, "retirar"))
    de_obras.refresh_from_db()
    assert de_obras.publicado is False


def test_an_answer_whose_file_passes_the_total_limit_is_not_recorded(
    como, titular_obras, operativo_obras, de_obras, settings
):
    """Past the cap the file never reaches the view: the answer must not go in without it."""
    settings.FOLIO_MAX_ENVIO_MB = 1
    como(titular_obras).post(
        _accion(de_obras, "asignar"), {"asignar-asignado_a": operativo_obras.pk}
    )
    r = como(operativo_obras).post(
        _accion(de_obras, "responder"),
        {
            "responder-sentido": "positiva",
            "responder-texto": "Se programó el bacheo.",
            "responder-fecha": timezone.localdate().isoformat(),
            "responder-archivo": subida("oficio-firmado.png", imagen_ruido_bytes(1100)),
        },
        follow=True,
    )
    assert "El envío supera el máximo de 1 MB en total" in r.content.decode()
    assert not de_obras.respuestas.exists()
    de_obras.refresh_from_db()
    assert de_obras.estado == "en_atencion"


def test_cancelar_needs_a_reason_and_then_cancels(como, oficialia, recibir):
    escrito = recibir()
    cliente = como(oficialia)
    html = cliente.post(_accion(escrito, "cancelar"), {"cancelar-motivo": ""}).content.decode()
    assert "Este campo es necesario" in html
    escrito.refresh_from_db()
    assert escrito.estado == "recibido"

    r = cliente.post(_accion(escrito, "cancelar"), {"cancelar-motivo": "Presentado dos veces"})
    assert r.status_code == 302
    escrito.refresh_from_db()
    assert escrito.estado == "cancelado"


def test_service_refusals_become_spanish_messages(como, titular_obras, de_obras):
    cliente = como(titular_obras)
    r = cliente.post(_accion(de_obras, "concluir"), {"concluir-nota": "Listo."}, follow=True)
    assert "primero registre su respuesta" in r.content.decode()
    de_obras.refresh_from_db()
    assert de_obras.estado == "turnado"


def test_publishing_a_confidential_escrito_is_refused(como, oficialia, recibir):
    escrito = recibir(clasificacion=Escrito.Clasificacion.CONFIDENCIAL)
    r = como(oficialia).post(_accion(escrito, "publicar"), follow=True)
    assert "Solo los escritos con clasificación pública" in r.content.decode()
    escrito.refresh_from_db()
    assert escrito.publicado is False


def test_publishing_without_an_approved_version_publica_is_refused(como, oficialia, recibir):
    escrito = recibir()
    r = como(oficialia).post(_accion(escrito, "publicar"), follow=True)
    assert "primero apruebe su versión pública" in r.content.decode()
    escrito.refresh_from_db()
    assert escrito.publicado is False


def test_actions_without_permission_get_403(como, oficialia, staff_finanzas, recibir, finanzas):
    escrito = recibir()
    flujo.turnar(escrito, finanzas, usuario=oficialia)
    r = como(staff_finanzas).post(_accion(escrito, "cancelar"), {"cancelar-motivo": "No"})
    assert r.status_code == 403
    escrito.refresh_from_db()
    assert escrito.estado == "turnado"


def test_unknown_action_is_404(como, oficialia, recibir):
    escrito = recibir()
    assert como(oficialia).post(_accion(escrito, "borrar")).status_code == 404
    assert como(oficialia).get(_accion(escrito, "cancelar")).status_code == 405
