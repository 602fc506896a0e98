"""The acuse PDF: its text read back with pdfium, its QR decoded by a real decoder (zxing)."""

from urllib.parse import parse_qs, urlsplit

import pypdfium2
import pytest
import zxingcpp
from django.test import Client
from django.urls import reverse

from documentos.acuse import pdf_acuse
from documentos.enlaces import url_consulta
from documentos.models import Escrito
from documentos.selectors import formatear_codigo
from documentos.services import flujo
from tests import pdfs
from tests.factories import TEXTOS_HOSTILES, AreaFactory

pytestmark = pytest.mark.django_db


def _leer(pdf: bytes) -> tuple[str, list[str], tuple[float, float]]:
    """(text, decoded QR codes, page size in points) of the one-page acuse."""
    documento = pypdfium2.PdfDocument(pdf)
    try:
        assert len(documento) == 1
        pagina = documento[0]
        texto = pagina.get_textpage().get_text_range()
        imagen = pagina.render(scale=2).to_pil()
        tamano = pagina.get_size()
    finally:
        documento.close()
    codigos = [
        r.text for r in zxingcpp.read_barcodes(imagen) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]
    return texto, codigos, tamano


def test_the_staff_acuse_pdf_has_the_folio_and_a_qr_to_the_status_page(
    como, oficialia, recibir, obras, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://folio.example.gob.mx"
    escrito = recibir(fojas=4, anexos=2)
    flujo.turnar(escrito, obras, usuario=oficialia)
    respuesta = como(oficialia).get(reverse("documentos_admin:acuse_pdf", args=[escrito.pk]))
    assert respuesta["Content-Type"] == "application/pdf"
    assert f'filename="acuse-{escrito.folio}.pdf"' in respuesta["Content-Disposition"]

    texto, codigos, _ = _leer(respuesta.content)
    assert escrito.folio in texto
    assert formatear_codigo(escrito.codigo_acceso) in texto
    assert "Obra Pública" in texto  # área, since it was turned
    assert "María López Hernández" in texto
    assert "Número de fojas 4" in texto and "Número de anexos 2" in texto

    assert len(codigos) == 1
    url = urlsplit(codigos[0])
    assert (url.scheme, url.netloc, url.path, url.query) == (
        "https",
        "folio.example.gob.mx",
        "/oficialia/consulta/",
        "",
    )
    # Folio and code travel in the fragment, which browsers never send to the server.
    assert parse_qs(url.fragment) == {"folio": [escrito.folio], "codigo": [escrito.codigo_acceso]}


def test_the_qr_fills_a_working_lookup(client, recibir, settings):
    """What consulta.js does with the QR's fragment: post it as the form."""
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    escrito = recibir()
    _, codigos, _ = _leer(pdf_acuse(escrito))
    url = urlsplit(codigos[0])
    formulario = {k: v[0] for k, v in parse_qs(url.fragment).items()}
    html = client.post(url.path, formulario, follow=True).content.decode()
    assert f"Folio {escrito.folio}" in html and "Recibido" in html


def test_paper_size_follows_the_setting(recibir, settings):
    escrito = recibir()
    settings.FOLIO_ACUSE_PAPEL = "carta"
    assert _leer(pdf_acuse(escrito))[2] == pytest.approx((612, 792))
    settings.FOLIO_ACUSE_PAPEL = "a4"
    assert _leer(pdf_acuse(escrito))[2] == pytest.approx((595.28, 841.89), abs=0.1)


def test_reception_time_is_local(recibir):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    escrito = recibir(recibido_en=datetime(2026, 3, 2, 1, 30, tzinfo=ZoneInfo("UTC")))
    texto, _, _ = _leer(pdf_acuse(escrito))
    assert "1 de marzo de 2026, 19:30 h" in texto  # America/Mexico_City (UTC-6)


def test_url_falls_back_to_the_request_host(rf, recibir, settings):
    settings.WAGTAILADMIN_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["oficialia.local"]
    escrito = recibir()
    url = url_consulta(escrito, rf.get("/", HTTP_HOST="oficialia.local"))
    assert url.startswith("http://oficialia.local/oficialia/consulta/#folio=")


def _acuse_publico(client, escrito) -> bytes:
    """Look the escrito up with its code, then download the acuse in that session."""
    client.post(
        reverse("documentos:consulta"), {"folio": escrito.folio, "codigo": escrito.codigo_acceso}
    )
    return client.get(reverse("documentos:acuse", args=[escrito.folio])).content


def test_the_public_copy_follows_the_status_page_rules(client, recibir):
    confidencial = recibir(
        clasificacion="confidencial", asunto="Denuncia contra el funcionario ABC"
    )
    texto, codigos, _ = _leer(_acuse_publico(client, confidencial))
    assert confidencial.folio in texto and "M. L. H." in texto
    assert "María López Hernández" not in texto
    assert "Denuncia contra el funcionario ABC" not in texto
    assert len(codigos) == 1

    publico = recibir(asunto="Bacheo en la calle Hidalgo")
    texto, _, _ = _leer(_acuse_publico(client, publico))
    assert "Bacheo en la calle Hidalgo" in texto and "María López Hernández" not in texto


def test_right_after_submitting_the_citizen_gets_the_full_acuse(client):
    client.post(
        "/oficialia/enviar/",
        {
            "tipo": "peticion",
            "remitente_tipo": "fisica",
            "remitente_nombre": "Lucía Fernández",
            "remitente_sexo": "no_declara",
            "asunto": "Poda de un árbol en la calle Morelos",
        },
    )
    escrito = Escrito.objects.get()
    texto, codigos, _ = _leer(client.get(reverse("documentos:enviado_acuse")).content)
    assert escrito.folio in texto and "Lucía Fernández" in texto
    assert escrito.codigo_acceso in codigos[0]
    otro = Client()
    assert otro.get(reverse("documentos:enviado_acuse"))["Location"] == "/oficialia/enviar/"


@pytest.mark.parametrize("texto", TEXTOS_HOSTILES)
def test_the_acuse_shows_what_was_typed_literally(como, oficialia, recibir, texto):
    escrito = recibir(remitente_nombre=f"Remitente {texto}", asunto=f"Asunto {texto}")
    flujo.turnar(escrito, AreaFactory(nombre=f"Área {texto}", siglas="HOST"), usuario=oficialia)
    respuesta = como(oficialia).get(reverse("documentos_admin:acuse_pdf", args=[escrito.pk]))
    assert respuesta.status_code == 200
    contenido = pdfs.texto(respuesta.content)
    for campo in ("Remitente", "Asunto", "Área"):
        assert pdfs.sin_espacios(f"{campo} {texto}") in contenido
    assert pdfs.imagenes(respuesta.content) == 1  # the QR code only
    assert pdfs.anotaciones(respuesta.content) == []


def test_the_acuse_pdf_lists_the_files_with_sha256_the_receiver_and_the_entity(
    como, oficialia, recibir
):
    escrito = recibir(fojas=None, anexos=None)
    archivo = escrito.archivos.get()
    respuesta = como(oficialia).get(reverse("documentos_admin:acuse_pdf", args=[escrito.pk]))
    texto, _, _ = _leer(respuesta.content)
    assert "Archivos recibidos" in texto and archivo.nombre_original in texto
    assert archivo.sha256 in texto.replace("\r", "").replace("\n", "")
    assert "Recibió" in texto and (oficialia.get_full_name() or oficialia.username) in texto
    assert "Número de anexos 0" in texto
    html = como(oficialia).get(reverse("documentos_admin:acuse", args=[escrito.pk])).content
    assert archivo.sha256 in html.decode()
