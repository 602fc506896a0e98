"""Cero papel in real headless Chromium: the área's titular signs an answer with an
e.firma (demo PKI, documentos.firma.demo), and the QR of the signed PDF, scanned on a phone,
opens the verification page that says it is valid without the code ever reaching a URL."""

import re

import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import expect

from cms import roles
from documentos.enlaces import url_verificacion
from documentos.firma.demo import firma_demo
from documentos.models import Firma
from documentos.services import flujo
from documentos.services.recepcion import recibir_escrito
from tests.factories import AreaFactory, UsuarioFactory, datos_recepcion

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLAVE_LLAVE = "Llave de demostración 1"


def _qr_de_la_ultima_pagina(pdf: bytes) -> str:
    documento = pypdfium2.PdfDocument(pdf)
    pagina = documento[len(documento) - 1]
    pypdfium2.raw.FPDFPage_Flatten(pagina.raw, pypdfium2.raw.FLAT_PRINT)
    pagina.close()
    imagen = documento[len(documento) - 1].render(scale=3, may_draw_forms=True).to_pil()
    [codigo] = {r.text for r in zxingcpp.read_barcodes(imagen)}
    return codigo


def test_a_titular_signs_and_a_phone_verifies_the_qr(
    live_server, settings, tmp_path, pagina, movil, axe, captura
):
    settings.FOLIO_FIRMA_RAICES = [str(tmp_path / "ac-demo.pem")]
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the QR's address
    obras = AreaFactory(nombre="Obra Pública", siglas="OP")
    ventanilla = UsuarioFactory(username="ventanilla.firma", roles=[roles.OFICIALIA])
    titular = UsuarioFactory(
        username="titular.firma",
        first_name="Juana",
        last_name="Gómez",
        roles=[roles.AREA],
        areas=[obras],
    )
    escrito = recibir_escrito(datos_recepcion(), usuario=ventanilla)
    flujo.turnar(escrito, obras, usuario=ventanilla)
    flujo.asignar(escrito, titular, usuario=titular)
    flujo.responder(escrito, usuario=titular, sentido="positiva", texto="Se realizará el bacheo.")
    efirma = firma_demo(tmp_path, titular.username, titular.get_full_name(), CLAVE_LLAVE)

    pagina.goto(live_server.url + "/admin/login/")
    pagina.locator("#id_username").fill(titular.username)
    pagina.locator("#id_password").fill("clave-de-prueba")
    pagina.locator("button[type=submit]").click()
    pagina.wait_for_url(re.compile(r"/admin/$"))
    pagina.goto(f"{live_server.url}/admin/documentos/escritos/{escrito.pk}/")
    pagina.get_by_text("Firmar electrónicamente la respuesta").click()
    pagina.get_by_label("Cargo").fill("Directora de Obra Pública")
    pagina.get_by_label("Certificado (.cer)").set_input_files(str(efirma.cer))
    pagina.get_by_label("Llave privada (.key)").set_input_files(str(efirma.key))
    pagina.get_by_label("Contraseña de la llave privada").fill(CLAVE_LLAVE)
    captura(pagina, "e2e-firmar-respuesta")
    pagina.get_by_role("button", name="Firmar", exact=True).click()
    expect(pagina.get_by_text("Respuesta firmada electrónicamente (PAdES B-B).")).to_be_visible()
    expect(pagina.locator(".folio-firmas li")).to_contain_text("Firmó: JUANA GÓMEZ (DEMO)")

    firma = Firma.objects.get()
    codigo = firma.respuesta.codigo_verificacion
    with firma.archivo.abrir() as fichero:
        qr = _qr_de_la_ultima_pagina(fichero.read())
    assert qr == url_verificacion(codigo) == f"{live_server.url}/verificar/#codigo={codigo}"

    pedidas = []
    movil.on("request", lambda r: pedidas.append(r.url))
    movil.goto(qr)
    expect(movil.get_by_text("Firma válida.")).to_be_visible()
    expect(movil.get_by_text("JUANA GÓMEZ (DEMO)")).to_be_visible()
    expect(movil.get_by_text("Firmó: Directora de Obra Pública")).to_be_visible()
    assert "#" not in movil.url and codigo not in movil.url
    assert [u for u in pedidas if codigo in u] == [], "the code is posted, never in a URL"
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    assert escrito.folio not in movil.content()
    axe(movil)
    captura(movil, "e2e-verificar-movil")
