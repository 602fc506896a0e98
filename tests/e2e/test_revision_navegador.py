"""The review of a versión pública in real headless Chromium: the queue, toggling a
suggestion, drawing a box, a term everywhere, the public view, approving, publishing and
the public PDF (escrito read by the real OCR)."""

import re

import pytest
from playwright.sync_api import expect

from cms import roles
from documentos.models import CajaTestada, Escrito, VersionPublica
from documentos.testado.tipos import Categoria
from tests.e2e.sesion import entrar
from tests.factories import UsuarioFactory, version_por_revisar

pytestmark = [
    pytest.mark.browser,
    pytest.mark.tesseract,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NOMBRE = "Hermenegildo Zubiria Quintanar"


def test_a_reviewer_reviews_approves_and_publishes_an_escrito(
    live_server, leer_escrito, recibir_sin_leer, pagina, movil, axe, captura
):
    escrito = leer_escrito()
    version = version_por_revisar(
        escrito,
        [
            (NOMBRE, Categoria.NOMBRE, "nombre del remitente"),
            ("5548219370", Categoria.TELEFONO, "teléfono de 10 dígitos"),
        ],
    )
    pendiente = recibir_sin_leer()
    contralor = UsuarioFactory(username="contralor.navegador", roles=[roles.CONTRALORIA])

    entrar(pagina, live_server, contralor)
    pagina.goto(live_server.url + "/admin/documentos/versiones-publicas/")
    pestanas = pagina.get_by_role("navigation", name="Listados de versiones públicas")
    expect(pestanas.get_by_role("link", name="Por revisar 1")).to_have_attribute(
        "aria-current", "page"
    )
    expect(pestanas.get_by_role("link", name="Sin versión pública 1")).to_be_visible()
    axe(pagina)
    captura(pagina, "e2e-versiones-publicas")
    pagina.get_by_role("link", name=escrito.folio).click()
    pagina.wait_for_url(re.compile(rf"/versiones-publicas/{version.pk}/"))

    primera = escrito.archivos.order_by("orden", "pk").first()
    cajas = list(version.cajas.filter(archivo=primera).order_by("y", "x"))
    nombre, telefono = cajas[0], next(c for c in cajas if c.categoria == Categoria.TELEFONO)
    lienzo = pagina.locator("svg[data-cajas]")
    expect(lienzo).to_have_attribute("role", "group")  # the script made the boxes buttons
    axe(pagina)
    captura(pagina, "e2e-revision")

    # Toggle a suggestion with the mouse, another with the keyboard, reject one in the list.
    pagina.locator(f'rect[data-caja="{nombre.pk}"]').click()
    expect(pagina.locator(f'rect[data-caja="{nombre.pk}"]')).to_have_attribute(
        "data-estado", "aceptada"
    )
    expect(pagina.locator("[data-revision-aviso]")).to_have_text("1 caja aceptada.")
    otra = next(c for c in cajas if c.categoria == Categoria.NOMBRE and c.pk != nombre.pk)
    pagina.locator(f'rect[data-caja="{otra.pk}"]').focus()
    pagina.keyboard.press("Enter")
    expect(pagina.locator(f'rect[data-caja="{otra.pk}"]')).to_have_attribute(
        "data-estado", "aceptada"
    )
    expect(pagina.locator(f'rect[data-caja="{otra.pk}"]')).to_be_focused()
    pagina.locator(f'tr[data-fila-caja="{telefono.pk}"]').get_by_role(
        "button", name="Rechazar"
    ).click()
    expect(pagina.locator(f'rect[data-caja="{telefono.pk}"]')).to_have_attribute(
        "data-estado", "rechazada"
    )

    # Draw a box on the blank lower half of the page and say what it covers.
    caja = lienzo.bounding_box()
    x0, y0 = caja["x"] + caja["width"] * 0.2, caja["y"] + caja["height"] * 0.7
    pagina.mouse.move(x0, y0)
    pagina.mouse.down()
    pagina.mouse.move(x0 + 120, y0 + 30, steps=5)
    pagina.mouse.up()
    formulario = pagina.locator("form[data-form-dibujar]")
    expect(formulario).to_be_visible()
    formulario.get_by_label("¿Qué dato cubre la caja?").select_option(Categoria.FIRMA)
    formulario.get_by_role("button", name="Agregar la caja").click()
    expect(pagina.locator("[data-revision-aviso]")).to_have_text(
        "Caja agregada: se testará al aprobar."
    )
    dibujada = version.cajas.get(origen=CajaTestada.Origen.MANUAL)
    assert dibujada.categoria == Categoria.FIRMA and dibujada.y > 0
    expect(pagina.locator(f'rect[data-caja="{dibujada.pk}"]')).to_have_attribute(
        "data-estado", "aceptada"
    )

    # A term on every page.
    pagina.get_by_label("Palabra o frase").fill("fresnos")
    pagina.get_by_label("¿Qué dato es?").select_option(Categoria.OTRO)
    pagina.get_by_role("button", name="Testar en todo el escrito").click()
    expect(pagina.locator("[data-revision-aviso]")).to_contain_text("Término testado: 1 palabra")

    # The next page without a full reload, then the rest of the suggestions.
    pagina.get_by_role("link", name="Siguiente").click()
    expect(pagina.locator("#revision-pagina-titulo")).to_contain_text("hoja-2.png")
    assert "pagina=2" in pagina.url
    pagina.get_by_role("button", name="Aceptar todas las sugerencias del escrito").click()
    expect(pagina.locator("[data-revision-estado]")).to_have_text("Por revisar")
    expect(pagina.locator("[data-revision-aviso]")).to_have_text("1 caja aceptada.")
    assert not version.cajas.filter(estado=CajaTestada.Estado.SUGERIDA).exists()

    # What the public will see on the first page.
    pagina.get_by_role("link", name="Anterior").click()
    expect(pagina.locator("#revision-pagina-titulo")).to_contain_text("hoja-1.png")
    pagina.get_by_role("link", name="Vista pública de esta página").click()
    publica = pagina.locator("img[data-revision-publica]")
    expect(publica).to_be_visible()
    pagina.wait_for_function(
        "() => { const i = document.querySelector('img[data-revision-publica]');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    axe(pagina)
    captura(pagina, "e2e-revision-vista-publica")

    # Approve (confirmation), publish, open the public PDF.
    pagina.get_by_role("link", name="Aprobar la versión pública").click()
    expect(pagina.get_by_role("button", name="Sí, aprobar la versión pública")).to_be_visible()
    axe(pagina)
    pagina.get_by_role("button", name="Sí, aprobar la versión pública").click()
    expect(pagina.locator(".messages .success")).to_contain_text("Versión pública aprobada")
    pagina.get_by_role("button", name="Publicar en el archivo público").click()
    expect(pagina.locator(".messages .success")).to_have_text(
        "Escrito publicado en el archivo público."
    )
    enlace = pagina.get_by_role("link", name="Abrir el PDF público")
    href = enlace.get_attribute("href")
    assert href == f"/oficialia/archivo/{escrito.folio}/version-publica.pdf"
    captura(pagina, "e2e-revision-publicada")
    with pagina.context.expect_page() as nueva:
        enlace.click()
    pdf = pagina.request.get(live_server.url + href)
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    nueva.value.close()
    version.refresh_from_db()
    assert version.estado == VersionPublica.Estado.APROBADA
    assert Escrito.objects.get(pk=escrito.pk).publicado

    # The queue on a phone.
    entrar(movil, live_server, contralor)
    movil.goto(live_server.url + "/admin/documentos/versiones-publicas/?pestana=aprobadas")
    expect(movil.get_by_role("link", name=escrito.folio)).to_be_visible()
    movil.get_by_role("link", name="Sin versión pública 1").click()
    expect(movil.get_by_role("link", name=pendiente.folio)).to_be_visible()
    expect(movil.get_by_role("button", name="Preparar las elegidas")).to_be_visible()
    axe(movil)
    captura(movil, "e2e-versiones-publicas-movil")


@pytest.fixture
def recibir_sin_leer(db):
    """A public escrito received at the window, not read (the queue's "sin versión")."""
    from documentos.services.recepcion import recibir_escrito
    from tests.factories import datos_recepcion

    ventanilla = UsuarioFactory(username="ventanilla.navegador", roles=[roles.OFICIALIA])

    def _recibir():
        return recibir_escrito(
            datos_recepcion(asunto="Alumbrado en la calle Juárez"),
            usuario=ventanilla,
            ip="10.0.0.8",
        )

    return _recibir
