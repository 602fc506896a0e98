"""The quality check at intake in real headless Chromium: a blurred phone photo gets its
warning on the card of the file as soon as it is chosen, on a 390 px phone (online form)
and at the window; it can be replaced, or sent anyway with one click."""

import io
from pathlib import Path

import pytest
from PIL import ImageFilter

from cms import roles
from cms.demo_contenido import cargar_ajustes, cargar_paginas
from documentos.models import Escrito
from tests.factories import UsuarioFactory
from tests.ocr.imagenes import hoja

from .sesion import entrar

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
CAPTURAS = Path("/tmp/shots16")  # noqa: S108
BORROSA = "está borrosa"


def _foto(nombre: str, borrosa: bool) -> dict:
    imagen = hoja(150)
    if borrosa:
        imagen = imagen.filter(ImageFilter.GaussianBlur(4))
    salida = io.BytesIO()
    imagen.save(salida, "JPEG", quality=85)
    return {"name": nombre, "mimeType": "image/jpeg", "buffer": salida.getvalue()}


def _captura(page, nombre: str) -> None:
    CAPTURAS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(CAPTURAS / nombre), full_page=True)


@pytest.fixture
def portal(db):
    cargar_ajustes()
    return cargar_paginas()


def test_el_ciudadano_ve_el_aviso_en_su_telefono_y_envia_de_todos_modos(
    live_server, portal, movil, axe, revision_de_calidad
):
    movil.goto(live_server.url + "/oficialia/enviar/")
    movil.get_by_label("Nombre completo o razón social").fill("Rosa Martínez Gil")
    movil.get_by_label("Asunto").fill("Luminaria apagada en la calle Pino")
    movil.locator("input[name=archivos]").set_input_files(_foto("foto.jpg", borrosa=True))
    aviso = movil.locator(".folio-previa__avisos")
    aviso.wait_for()
    assert "La imagen «foto.jpg» está borrosa" in aviso.inner_text()
    assert (
        "puede reemplazar el archivo o enviarlo así" in movil.locator(".folio-previa").inner_text()
    )
    assert movil.locator("input[name=confirmar_calidad]").input_value() == "1"
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    movil.locator(".folio-previa").scroll_into_view_if_needed()
    _captura(movil, "aviso-ventanilla.png")

    movil.get_by_role("button", name="Enviar de todos modos").click()
    movil.wait_for_url("**/oficialia/enviado/")
    movil.locator(".acuse__folio").wait_for()
    escrito = Escrito.objects.get()
    assert [a.nombre_original for a in escrito.archivos.all()] == ["foto.jpg"]


def test_en_la_ventanilla_el_aviso_sale_al_elegir_el_archivo_y_se_puede_reemplazar(
    live_server, pagina, revision_de_calidad
):
    ventanilla = UsuarioFactory(username="ventanilla.calidad", roles=[roles.OFICIALIA])
    entrar(pagina, live_server, ventanilla)
    pagina.goto(live_server.url + "/admin/documentos/recepcion/")
    pagina.get_by_label("Nombre del remitente").fill("María López Hernández")
    pagina.get_by_label("Asunto").fill("Solicitud de bacheo en la calle Juárez")
    pagina.locator("input[name=archivos]").set_input_files(_foto("foto.jpg", borrosa=True))
    aviso = pagina.locator(".folio-previa__avisos")
    aviso.wait_for()
    assert "La imagen «foto.jpg» está borrosa" in aviso.inner_text()
    assert pagina.locator(".folio-previa__datos").bounding_box()["width"] > 200  # readable
    pagina.locator(".folio-previa").scroll_into_view_if_needed()
    _captura(pagina, "aviso-staff.png")

    with pagina.expect_file_chooser() as eleccion:
        pagina.get_by_role("button", name="Reemplazar: foto.jpg").click()
    eleccion.value.set_files(_foto("foto-nueva.jpg", borrosa=False))
    pagina.locator(".folio-previa__bien").wait_for()
    assert pagina.locator(".folio-previa").count() == 1
    assert "foto-nueva.jpg" in pagina.locator(".folio-previa").inner_text()
    assert pagina.locator(".folio-previa__avisos").count() == 0

    pagina.get_by_role("button", name="Registrar y ver acuse").click()
    pagina.wait_for_url("**/acuse/")
    escrito = Escrito.objects.get()
    assert [a.nombre_original for a in escrito.archivos.all()] == ["foto-nueva.jpg"]
    assert BORROSA not in pagina.content()


def test_en_la_ventanilla_se_registra_de_todos_modos_y_el_acuse_lo_avisa(
    live_server, pagina, revision_de_calidad
):
    ventanilla = UsuarioFactory(username="ventanilla.acuse", roles=[roles.OFICIALIA])
    entrar(pagina, live_server, ventanilla)
    pagina.goto(live_server.url + "/admin/documentos/recepcion/")
    pagina.get_by_label("Nombre del remitente").fill("María López Hernández")
    pagina.get_by_label("Asunto").fill("Solicitud de bacheo en la calle Juárez")
    pagina.locator("input[name=archivos]").set_input_files(_foto("foto.jpg", borrosa=True))
    pagina.locator(".folio-previa__avisos").wait_for()
    pagina.get_by_role("button", name="Registrar y ver acuse").click()
    pagina.wait_for_url("**/acuse/")
    aviso = pagina.locator("#aviso-calidad")
    assert "La imagen «foto.jpg» está borrosa" in aviso.inner_text()
    assert "El escrito quedó registrado" in aviso.inner_text()
    assert aviso.is_visible() and pagina.locator(".folio-acuse__folio").inner_text() == (
        Escrito.objects.get().folio
    )
    _captura(pagina, "aviso-acuse.png")
