"""The escrito page's one next step per person and state, in real headless Chromium:
Turnar (the clerk) → Asignar (the área's titular) → Responder (the person assigned) →
Concluir with its confirmation and note. Counts the clicks of each path (README)."""

import pytest
from playwright.sync_api import expect

from cms import roles
from documentos.models import Escrito
from documentos.services.recepcion import recibir_escrito
from ocr.models import Legibilidad, PaginaOCR, ResultadoOCR
from tests.e2e.sesion import entrar
from tests.factories import AreaFactory, UsuarioFactory, datos_recepcion

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Contador:
    """Every click, option picked or field typed into is one click."""

    def __init__(self, page):
        self.page, self.n = page, 0

    def clic(self, locator):
        locator.click()
        self.n += 1

    def elegir(self, locator, etiqueta):
        locator.select_option(label=etiqueta)
        self.n += 1

    def escribir(self, locator, texto):
        locator.fill(texto)
        self.n += 1


def _siguiente(page):
    return page.locator(".folio-acciones__siguiente")


def test_each_person_sees_their_next_step_first(live_server, pagina, movil, axe, captura):
    obras = AreaFactory(nombre="Obra Pública", siglas="OP")
    finanzas = AreaFactory(nombre="Finanzas", siglas="FIN")
    ventanilla = UsuarioFactory(username="ventanilla.nav", roles=[roles.OFICIALIA])
    titular = UsuarioFactory(
        username="titular.nav",
        first_name="Rosa",
        last_name="Téllez",
        roles=[roles.AREA],
        areas=[obras],
    )
    operativo = UsuarioFactory(
        username="operativo.nav",
        first_name="Luis",
        last_name="Pérez",
        roles=[roles.AREA],
        areas=[obras],
    )
    UsuarioFactory(
        username="finanzas.nav",
        first_name="Ana",
        last_name="Ruiz",
        roles=[roles.AREA],
        areas=[finanzas],
    )
    escrito = recibir_escrito(datos_recepcion(), usuario=ventanilla)
    archivo = escrito.archivos.get()
    ResultadoOCR.objects.update_or_create(
        archivo=archivo,
        defaults={"estado": ResultadoOCR.Estado.EN_PROCESO, "paginas_total": 1},
    )

    # Intake → turnado, from the acuse the clerk lands on after the intake form.
    entrar(pagina, live_server, ventanilla)
    pagina.goto(f"{live_server.url}/admin/documentos/escritos/{escrito.pk}/acuse/")
    clics = Contador(pagina)
    clics.clic(pagina.get_by_role("link", name="Ver el escrito"))
    # OCR progress updates by itself (no reload); the fallback link is hidden.
    celda = pagina.locator(f"#ocr-{archivo.pk}")
    expect(celda).to_contain_text("En proceso")
    expect(pagina.get_by_role("link", name="Actualizar el avance")).to_be_hidden()
    pagina.evaluate("window.sinRecargar = true")
    # a legible reading (the tiny generated scan itself would be judged ilegible)
    PaginaOCR.objects.filter(resultado__archivo=archivo).update(legibilidad=Legibilidad.LEGIBLE)
    ResultadoOCR.objects.filter(archivo=archivo).update(
        estado=ResultadoOCR.Estado.TERMINADO, paginas_hechas=1, legibilidad=Legibilidad.LEGIBLE
    )
    expect(celda).to_contain_text("Terminado", timeout=10_000)
    expect(pagina.get_by_text("Lectura con OCR terminada.")).to_be_visible()
    assert pagina.evaluate("window.sinRecargar") is True

    siguiente = _siguiente(pagina)
    expect(siguiente.get_by_role("button", name="Turnar")).to_be_visible()
    otras = pagina.locator("#otras-acciones")
    expect(otras).not_to_have_attribute("open", "")
    expect(otras.get_by_role("button", name="Publicar en el archivo público")).to_be_hidden()
    persona = siguiente.get_by_label("A la persona (opcional)")
    clics.elegir(siguiente.get_by_label("Turnar a"), "Obra Pública")
    # Only the people of Obra Pública are offered.
    expect(persona.locator("option:not([hidden])")).to_have_count(3)
    expect(persona.locator("option", has_text="Ana Ruiz")).to_be_hidden()
    expect(siguiente.get_by_label("Plazo")).to_have_attribute("type", "date")
    axe(pagina)
    captura(pagina, "e2e-escrito-turnar")
    clics.clic(siguiente.get_by_role("button", name="Turnar"))
    expect(pagina.get_by_text("Escrito turnado a Obra Pública.")).to_be_visible()
    turnar_clics = clics.n
    escrito.refresh_from_db()
    assert escrito.estado == Escrito.Estado.TURNADO

    # Asignación → respuesta → conclusión.
    url = f"{live_server.url}/admin/documentos/escritos/{escrito.pk}/"
    entrar(pagina, live_server, titular)
    pagina.goto(url)
    clics = Contador(pagina)
    siguiente = _siguiente(pagina)
    clics.elegir(siguiente.get_by_label("Asignar a"), "Luis Pérez")
    clics.clic(siguiente.get_by_role("button", name="Asignar"))
    expect(pagina.get_by_text("Atención asignada a Luis Pérez.")).to_be_visible()

    entrar(pagina, live_server, operativo)
    pagina.goto(url)
    siguiente = _siguiente(pagina)
    expect(siguiente.get_by_role("heading", name="Siguiente paso")).to_be_visible()
    clics.escribir(siguiente.get_by_label("Texto de la respuesta"), "Se programó el bacheo.")
    axe(pagina)
    captura(pagina, "e2e-escrito-responder")
    clics.clic(siguiente.get_by_role("button", name="Registrar respuesta"))
    expect(pagina.get_by_text("Respuesta registrada.")).to_be_visible()
    respuesta_clics = clics.n

    siguiente = _siguiente(pagina)
    confirmar = siguiente.get_by_role("button", name="Sí, concluir el escrito")
    expect(confirmar).to_be_hidden()  # a second, deliberate step
    clics.clic(siguiente.locator("summary", has_text="Concluir"))
    clics.escribir(siguiente.get_by_label("Nota de conclusión"), "Oficio entregado.")
    axe(pagina)
    captura(pagina, "e2e-escrito-concluir")
    clics.clic(confirmar)
    expect(pagina.get_by_text("Escrito concluido.")).to_be_visible()
    escrito.refresh_from_db()
    assert escrito.estado == Escrito.Estado.CONCLUIDO
    assert escrito.bitacora.filter(descripcion__contains="Nota: Oficio entregado.").exists()
    assert (turnar_clics, respuesta_clics, clics.n - respuesta_clics) == (3, 4, 3)  # README

    # The same page on a phone: no sideways scroll.
    entrar(movil, live_server, ventanilla)
    movil.goto(url)
    expect(_siguiente(movil).get_by_role("button", name="Archivar")).to_be_visible()
    assert movil.locator(".folio-acciones__siguiente").bounding_box()["y"] < 844  # no scrolling
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-escrito-movil")
