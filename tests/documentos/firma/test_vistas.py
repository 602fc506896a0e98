"""Signing from the escrito's page and the public verification page, over HTTP."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.urls import reverse

from documentos.firma.credenciales import desde_efirma
from documentos.models import Firma
from documentos.services import firmas
from tests.firma_pki import CLAVE

pytestmark = pytest.mark.django_db
VERIFICAR = "/verificar/"


def _firmar_url(escrito):
    return reverse(
        "documentos_admin:firmar_respuesta", args=[escrito.pk, escrito.respuestas.get().pk]
    )


def _efirma(certificado, clave=CLAVE):
    return {
        "firmar-rol": "firmo",
        "firmar-cargo": "Director de Obra Pública",
        "firmar-cer": SimpleUploadedFile("juana.cer", certificado.cer),
        "firmar-key": SimpleUploadedFile("juana.key", certificado.key()),
        "firmar-clave": clave,
    }


def _leer(archivo) -> bytes:
    with archivo.abrir() as fichero:
        return fichero.read()


@pytest.fixture
def firmado(respondido, firma, titular_obras):
    """An answered escrito whose answer the área's titular signed."""

    def _crear(**cambios):
        escrito = respondido(**cambios)
        credencial = desde_efirma(firma.firmante.cer, firma.firmante.key(), CLAVE)
        firmas.firmar_respuesta(
            escrito.respuestas.get(),
            usuario=titular_obras,
            credencial=credencial,
            rol="firmo",
            cargo="Director de Obra Pública",
        )
        return escrito

    return _crear


def test_staff_sign_on_the_escrito_page_and_the_key_never_touches_the_disk(
    client, monkeypatch, respondido, firma, titular_obras
):
    # The settings stream uploads to temporary files; the signing view keeps them in memory.
    en_disco = []
    original = TemporaryUploadedFile.__init__

    def registrar(self, name, *args, **kwargs):
        en_disco.append(name)
        original(self, name, *args, **kwargs)

    monkeypatch.setattr(TemporaryUploadedFile, "__init__", registrar)
    escrito = respondido()
    client.force_login(titular_obras)
    pagina = client.get(reverse("documentos_admin:escrito", args=[escrito.pk])).content.decode()
    assert "Firmar electrónicamente la respuesta" in pagina and _firmar_url(escrito) in pagina

    respuesta = client.post(_firmar_url(escrito), _efirma(firma.firmante), follow=True)

    assert respuesta.status_code == 200
    assert "Respuesta firmada electrónicamente (PAdES B-B)." in respuesta.content.decode()
    assert Firma.objects.get().usuario == titular_obras
    assert en_disco == [], "no upload was written to a temporary file"


def test_a_wrong_password_is_refused_in_spanish_and_never_echoed(
    client, respondido, firma, titular_obras
):
    escrito = respondido()
    client.force_login(titular_obras)
    otra = "Clave equivocada 987"

    respuesta = client.post(_firmar_url(escrito), _efirma(firma.firmante, otra))

    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "No se firmó la respuesta" in html and "contraseña" in html
    assert otra not in html
    assert not Firma.objects.exists()


def test_who_may_not_sign_sees_no_form_and_is_refused(client, respondido, firma, oficialia):
    escrito = respondido()
    client.force_login(oficialia)
    pagina = client.get(reverse("documentos_admin:escrito", args=[escrito.pk])).content.decode()
    assert "Firmar electrónicamente la respuesta" not in pagina

    respuesta = client.post(_firmar_url(escrito), _efirma(firma.firmante))

    assert respuesta.status_code in (403, 404) or "No se firmó" in respuesta.content.decode()
    assert not Firma.objects.exists()


def test_the_signing_form_needs_the_csrf_token(respondido, firma, titular_obras):
    from django.test import Client

    escrito = respondido()
    client = Client(enforce_csrf_checks=True)
    client.force_login(titular_obras)

    respuesta = client.post(_firmar_url(escrito), _efirma(firma.firmante))

    assert respuesta.status_code == 403
    assert not Firma.objects.exists()


def test_the_verification_page_checks_a_code_as_a_person_types_it(client, firmado):
    escrito = firmado()
    respuesta = escrito.respuestas.get()
    firma = respuesta.firmas.get()
    tecleado = respuesta.codigo_verificacion.replace("-", "").lower()

    html = client.post(VERIFICAR, {"codigo": tecleado}).content.decode()

    assert "Firma válida." in html
    assert "JUANA GÓMEZ MÉNDEZ" in html and "Firmó: Director de Obra Pública" in html
    assert firma.archivo.sha256 in html
    assert "sin sello de tiempo" in html and "PAdES B-B" in html
    # nothing else about the escrito
    assert escrito.folio not in html and escrito.remitente_nombre not in html
    assert escrito.asunto not in html


def test_the_original_downloads_by_post_with_its_code(client, firmado):
    escrito = firmado()
    respuesta = escrito.respuestas.get()
    firma = respuesta.firmas.get()

    descarga = client.post("/verificar/documento.pdf", {"codigo": respuesta.codigo_verificacion})

    assert descarga.status_code == 200 and descarga["Content-Type"] == "application/pdf"
    assert b"".join(descarga.streaming_content) == _leer(firma.archivo)
    assert respuesta.consultada_en is None, "whoever has the code is not the remitente"
    assert escrito.bitacora.filter(descripcion__contains="página de verificación").exists()
    assert client.get("/verificar/documento.pdf").status_code == 405


def test_a_reserved_answer_verifies_but_does_not_download(client, firmado):
    escrito = firmado(clasificacion="reservada")
    codigo = escrito.respuestas.get().codigo_verificacion

    html = client.post(VERIFICAR, {"codigo": codigo}).content.decode()

    assert "Firma válida." in html and "Descargar el documento original" not in html
    assert client.post("/verificar/documento.pdf", {"codigo": codigo}).status_code == 404


def test_an_unknown_code_says_so(client, firmado):
    firmado()
    respuesta = client.post(VERIFICAR, {"codigo": "ZZZZ-ZZZZ-ZZZZ"})
    assert respuesta.status_code == 404
    assert "No hay ningún documento firmado con ese código" in respuesta.content.decode()


def test_an_uploaded_pdf_is_recognised_only_when_exactly_issued(
    client, firmado, firma, operativo_obras
):
    escrito = firmado()
    respuesta = escrito.respuestas.get()
    emitido = _leer(respuesta.firmas.get().archivo)

    def comprobar(contenido):
        archivo = SimpleUploadedFile("respuesta.pdf", contenido, "application/pdf")
        return client.post(VERIFICAR, {"documento": archivo}).content.decode()

    exacto = comprobar(emitido)
    assert "Es exactamente un documento que emitió esta institución." in exacto
    assert "Firma válida." in exacto and "más firmas" not in exacto

    alterado = bytearray(emitido)
    alterado[400] ^= 0x01  # inside the original PDF, which every signature covers
    cambiado = comprobar(bytes(alterado))
    assert "no es un documento que haya emitido esta institución" in cambiado
    assert "La firma no es válida." in cambiado

    # a later signature: the first file is still one Folio issued, not the current one
    otro = desde_efirma(firma.otro.cer, firma.otro.key(), CLAVE)
    firmas.firmar_respuesta(
        respuesta, usuario=operativo_obras, credencial=otro, rol="reviso", cargo="Analista"
    )
    anterior = comprobar(emitido)
    assert "Es exactamente un documento" in anterior and "más firmas" in anterior


def test_verification_is_rate_limited_per_address(client, settings, firmado):
    settings.FOLIO_VERIFICACIONES_POR_HORA = 3
    codigo = firmado().respuestas.get().codigo_verificacion
    for _ in range(3):
        assert client.post(VERIFICAR, {"codigo": codigo}).status_code == 200

    bloqueada = client.post(VERIFICAR, {"codigo": codigo})
    assert bloqueada.status_code == 429
    assert "número máximo de verificaciones" in bloqueada.content.decode()
    assert client.post("/verificar/documento.pdf", {"codigo": codigo}).status_code == 429


def test_the_lookup_says_the_answer_is_signed_and_offers_the_signed_pdf(client, firmado):
    escrito = firmado()
    firma = escrito.respuestas.get().firmas.get()

    html = client.post(
        "/oficialia/consulta/",
        {"folio": escrito.folio, "codigo": escrito.codigo_acceso},
        follow=True,
    ).content.decode()
    assert "Respuesta firmada electrónicamente" in html and "Firma válida." in html
    assert escrito.respuestas.get().codigo_verificacion in html

    descarga = client.get(reverse("documentos:respuesta", args=[escrito.folio]))
    assert b"".join(descarga.streaming_content) == _leer(firma.archivo)
