"""The versión pública end to end, from the outside: a scanned letter full of personal data is
received and read (real Tesseract), prepared (detection), reviewed, approved (boxes burned,
PDF rebuilt) and published; then every planted datum is looked for in every public response,
in the public PDF's text layer (pypdfium2) and in what Tesseract reads on the public pages.
On both search backends."""

import io
import re
import string
import unicodedata

import pypdfium2
import pytesseract
import pytest
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont
from stdnum.mx import curp as stdnum_curp

from busqueda import services as busqueda_services
from busqueda.backends import actual
from cms import roles
from documentos.models import CajaTestada, EntradaBitacora, Escrito, VersionPublica
from documentos.services import flujo
from documentos.services import version_publica as servicio
from documentos.services.recepcion import recibir_escrito
from tests.factories import UsuarioFactory, datos_recepcion, subida

# serialized_rollback: the Site, pages and groups the migrations made are restored after the
# flush, as the transactional tests after this one expect.
pytestmark = [
    pytest.mark.tesseract,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
FUENTE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
REMITENTE = "Hermenegildo Zubiría Quintanar"


def _curp_valida() -> str:
    """A CURP with a right check digit (python-stdnum validates it)."""
    base = "ZUQH800514HMCBNR0"
    for digito in string.digits:
        if stdnum_curp.is_valid(base + digito):
            return base + digito
    raise AssertionError("no check digit found")


CURP = _curp_valida()
TELEFONO = "55 3287 1946"
CORREO = "hzubiria@correo.example"
TERCERO = "Filomena Arreola Tinoco"
PLANTADOS = {
    "nombre": REMITENTE,
    "curp": CURP,
    "telefono": TELEFONO,
    "correo": CORREO,
    "tercero": TERCERO,
}


def _carta() -> bytes:
    """A letter-size page at 200 dpi that says what a citizen's letter says."""
    pagina = Image.new("L", (1700, 2200), 255)
    dibujo = ImageDraw.Draw(pagina)
    fuente = ImageFont.truetype(FUENTE, 34)
    lineas = [
        "H. Ayuntamiento de Villa Ejemplo",
        "Asunto: Solicitud de bacheo en la calle Morelos",
        "",
        "Por medio del presente solicito la reparación del pavimento",
        "de la calle Morelos, que lleva tres meses con baches profundos.",
        f"Mi vecina, la Sra. {TERCERO}, sufrió una caída por ello.",
        "",
        f"Mi CURP es {CURP} y mi teléfono es {TELEFONO}.",
        f"Correo electrónico: {CORREO}",
        "",
        "Atentamente",
        "",
        REMITENTE,
    ]
    for n, linea in enumerate(lineas):
        dibujo.text((150, 200 + n * 70), linea, fill=0, font=fuente)
    salida = io.BytesIO()
    pagina.save(salida, "PNG", dpi=(200, 200))
    return salida.getvalue()


def _plegar(texto: str) -> str:
    sin_acentos = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9@.]", "", sin_acentos.lower())


def _contiene(texto: str, dato: str) -> bool:
    """Whether `texto` holds `dato` or any of its words of 4+ characters (names are found by
    their parts too), ignoring accents, case and spacing."""
    plegado = _plegar(texto)
    partes = [dato] + [p for p in dato.split() if len(p) >= 4]
    return any(_plegar(p) in plegado for p in partes)


@pytest.fixture
def publicado(backend, django_capture_on_commit_callbacks):
    """The letter received, read, prepared, reviewed (every suggestion accepted), approved
    and published by the transparency unit."""
    ventanilla = UsuarioFactory(username="ventanilla", roles=[roles.OFICIALIA])
    transparencia = UsuarioFactory(username="transparencia", roles=[roles.CONTRALORIA])
    with django_capture_on_commit_callbacks(execute=True):
        escrito = recibir_escrito(
            datos_recepcion(
                remitente_nombre=REMITENTE,
                asunto=f"Solicitud de bacheo de {REMITENTE} en la calle Morelos",
                archivos=[subida("carta-de-hermenegildo.png", _carta())],
            ),
            usuario=ventanilla,
        )
    escrito.refresh_from_db()
    version = servicio.preparar(escrito, usuario=transparencia)
    sugeridas = version.cajas.values_list("pk", flat=True)
    servicio.decidir(version, list(sugeridas), True, usuario=transparencia)
    with django_capture_on_commit_callbacks(execute=True):
        servicio.aprobar(version, usuario=transparencia)
        flujo.publicar(escrito, True, usuario=transparencia)
    busqueda_services.aplicar_pendientes()
    actual().refrescar()
    return Escrito.objects.get(pk=escrito.pk)


def test_nothing_planted_reaches_any_public_response(client, publicado):
    folio = publicado.folio
    respuestas = {
        "pdf": client.get(reverse("documentos:version_publica_pdf", args=[folio])),
        "pagina": client.get(reverse("documentos:version_publica_pagina", args=[folio, 1])),
    }
    assert respuestas["pdf"]["Content-Type"] == "application/pdf"
    pdf_bytes = b"".join(respuestas["pdf"].streaming_content)
    assert respuestas["pagina"]["Content-Type"] == "image/png"
    # The escrito is public and found by what the public may read.
    encontrado = client.get("/api/busqueda/", {"q": "bacheo Morelos"}).json()
    assert [r["folio"] for r in encontrado["resultados"]] == [folio]
    textos = [client.get("/api/busqueda/", {"q": q}).content.decode() for q in ("bacheo", "*")]
    textos.append(client.get("/buscar/", {"q": "bacheo"}).content.decode())
    textos.append(client.get(f"/api/busqueda/{publicado.pk}/similares/").content.decode())
    for nombre, dato in PLANTADOS.items():
        for q in (dato, *dato.split()):
            cuerpo = client.get("/api/busqueda/", {"q": q}).json()
            assert cuerpo["total"] == 0, f"{nombre}: q={q!r} encuentra el escrito"
        for texto in textos:
            assert not _contiene(texto, dato), f"{nombre} en una respuesta pública"

    pdf = pypdfium2.PdfDocument(pdf_bytes)
    try:
        # No text layer at all; the legend (last page) is drawn text with the legal ground.
        escrito_paginas = len(pdf) - 1
        assert escrito_paginas == 1
        assert pdf[0].get_textpage().get_text_range().strip() == ""
        leyenda = pdf[len(pdf) - 1].get_textpage().get_text_range()
        assert "Fundamento legal" in leyenda and folio in leyenda
        assert not any(_contiene(leyenda, d) for d in PLANTADOS.values())
        metadatos = " ".join(str(v) for v in pdf.get_metadata_dict().values())
        assert "hermenegildo" not in metadatos.lower()
        leido = pytesseract.image_to_string(pdf[0].render(scale=200 / 72).to_pil(), lang="spa")
    finally:
        pdf.close()
    assert b"hermenegildo" not in pdf_bytes.lower()  # not even the file name
    imagen = Image.open(io.BytesIO(respuestas["pagina"].content))
    leido_png = pytesseract.image_to_string(imagen, lang="spa")
    for lectura in (leido, leido_png):
        assert "bacheo" in lectura.lower()  # the page is there and readable...
        for nombre, dato in PLANTADOS.items():
            assert not _contiene(lectura, dato), f"Tesseract lee {nombre} en la copia pública"


def test_staff_still_find_the_original_and_the_log_never_holds_the_data(client, publicado):
    archivista = UsuarioFactory(username="archivista", roles=[roles.ARCHIVO])
    client.force_login(archivista)
    cuerpo = client.get("/api/busqueda/interna/", {"q": "Zubiría"}).json()
    assert [r["folio"] for r in cuerpo["resultados"]] == [publicado.folio]
    version = VersionPublica.objects.get(escrito=publicado)
    assert version.cajas.filter(estado=CajaTestada.Estado.ACEPTADA).count() >= len(PLANTADOS)
    entradas = EntradaBitacora.objects.filter(
        escrito=publicado, accion=EntradaBitacora.Accion.VERSION_PUBLICA
    )
    assert entradas.count() >= 3  # prepared, reviewed, approved
    for entrada in entradas:
        registro = f"{entrada.descripcion} {entrada.antes} {entrada.despues}"
        assert not any(_contiene(registro, d) for d in PLANTADOS.values())


def test_a_new_reading_withdraws_the_public_copy_until_reviewed_again(
    client, publicado, django_capture_on_commit_callbacks
):
    from ocr import services as ocr_services

    archivo = publicado.archivos.get()
    with django_capture_on_commit_callbacks(execute=True):
        ocr_services.volver_a_leer([archivo.pk], encolar_ya=False)
        ocr_services.leer_archivo(archivo.pk)
    busqueda_services.aplicar_pendientes()
    actual().refrescar()
    version = VersionPublica.objects.get(escrito=publicado)
    assert version.estado == VersionPublica.Estado.INVALIDADA
    assert (
        client.get(reverse("documentos:version_publica_pdf", args=[publicado.folio])).status_code
        == 404
    )
    assert client.get("/api/busqueda/", {"q": "bacheo"}).json()["total"] == 0
