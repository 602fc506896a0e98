"""The versión pública's page source (ocr.testado) on stored files read by the real OCR:
scans, PDFs with and without a text layer, a multi-page TIFF, a JPEG turned by EXIF."""

import contextlib
import io

import pikepdf
import pypdfium2
import pytesseract
import pytest
from django.core.exceptions import ValidationError
from PIL import Image, ImageCms
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from documentos.testado import fuente
from documentos.testado.fuente import NoSePuedeTestar
from documentos.testado.tipos import MARCA, Caja, CajaTestar, Categoria, fundamento
from ocr import services
from ocr.models import PaginaOCR
from ocr.pipeline import rasterizador
from ocr.testado import FuenteOCR
from tests.factories import sobrescribir_guardado

from .conftest import estropear, tapada
from .imagenes import como_bytes, pagina

pytestmark = pytest.mark.django_db

DATOS = [
    "Solicitud de licencia de construccion",
    "Solicitante: Maria Guadalupe Perez",
    "Por medio del presente solicito la revision",
    "del expediente 245 de la colonia Centro.",
]
NOMBRE = ("Maria", "Guadalupe", "Perez")
CURP = "PEGM800101MDFRRR09"
MOTIVACION = "Se testan los datos personales de particulares que obran en el escrito."


def _leyenda() -> list[str]:
    """Paragraphs as documentos writes them: the motivación and the legal ground."""
    return [MOTIVACION, f"Fundamento legal: {fundamento()}"]


@pytest.fixture
def leer(recibir):
    """Receive an escrito with these files and read them with the real OCR."""

    def _leer(*archivos):
        escrito = recibir(*archivos)
        lista = list(escrito.archivos.order_by("orden", "pk"))
        for archivo in lista:
            assert services.leer_archivo(archivo.pk) == "terminado"
        return escrito, lista

    return _leer


def _leida(archivo, numero=1) -> PaginaOCR:
    return PaginaOCR.objects.get(resultado__archivo=archivo, numero=numero)


def _caja(archivo, numero, textos, categoria=Categoria.NOMBRE, margen=4) -> CajaTestar:
    """One box around these words as the OCR found them on that page (what a reviewer
    accepts from detection)."""
    palabras = [p for p in _leida(archivo, numero).palabras if p[0].strip(".,:") in textos]
    assert len(palabras) == len(textos), palabras
    x0 = min(p[2] for p in palabras) - margen
    y0 = min(p[3] for p in palabras) - margen
    x1 = max(p[2] + p[4] for p in palabras) + margen
    y1 = max(p[3] + p[5] for p in palabras) + margen
    return CajaTestar(archivo.pk, numero, Caja(x0, y0, x1 - x0, y1 - y0), categoria)


def _pagina_publica(contenido: bytes, indice: int, ancho: int) -> Image.Image:
    """A page of the public PDF rendered at the OCR's resolution (`ancho` pixels wide), by
    the one rasteriser (its sizes carry no float noise: pixel for pixel the burned page)."""
    return rasterizador.pagina(contenido, indice + 1, dpi=1200, ancho_max=ancho, gris=True)


def _leer_imagen(imagen: Image.Image) -> str:
    return pytesseract.image_to_string(imagen, lang="spa", config="--psm 3")


def _sin_texto(contenido: bytes, paginas: int) -> str:
    """The public PDF's text, checking that its page images carry no text layer at all."""
    documento = pypdfium2.PdfDocument(contenido)
    try:
        assert len(documento) == paginas + 1  # and the legend
        for indice in range(paginas):
            assert documento[indice].get_textpage().count_chars() == 0
        return "".join(
            documento[i].get_textpage().get_text_bounded() for i in range(len(documento))
        )
    finally:
        documento.close()


def _todos_los_bytes(contenido: bytes) -> bytes:
    """The file and every stream decoded: what a determined reader can get out of it."""
    partes = [contenido]
    with pikepdf.open(io.BytesIO(contenido)) as pdf:
        for objeto in pdf.objects:
            if isinstance(objeto, pikepdf.Stream):
                partes.append(objeto.read_raw_bytes())
                with contextlib.suppress(pikepdf.PdfError):  # DCT images: checked raw
                    partes.append(objeto.read_bytes())
    return b"\n".join(partes)


def _sin_metadatos(contenido: bytes, folio: str) -> None:
    with pikepdf.open(io.BytesIO(contenido)) as pdf:
        assert dict(pdf.docinfo) == {"/Title": f"Versión pública {folio}"}
        assert "/Metadata" not in pdf.Root
        for objeto in pdf.objects:
            if isinstance(objeto, pikepdf.Stream | pikepdf.Dictionary):
                assert objeto.get("/Type") != "/Metadata"
                assert objeto.get("/Subtype") != "/XML"
                espacio = objeto.get("/ColorSpace")
                assert not (isinstance(espacio, pikepdf.Array) and espacio[0] == "/ICCBased")


@pytest.mark.tesseract
def test_a_scan_is_testado_burned_in_with_its_text_and_legend(leer):
    nombre_archivo = "solicitud-guadalupe-perez-2026.png"
    escrito, [archivo] = leer((nombre_archivo, como_bytes(pagina(DATOS), dpi=(300, 300))))
    caja = _caja(archivo, 1, NOMBRE)
    testado = FuenteOCR().testar([archivo.pk], [caja], _leyenda())

    texto_pdf = _sin_texto(testado.pdf, 1)
    for palabra in (*NOMBRE, nombre_archivo, "solicitud-guadalupe"):
        assert palabra not in texto_pdf
        assert palabra.encode() not in _todos_los_bytes(testado.pdf)
    _sin_metadatos(testado.pdf, escrito.folio)
    imagen = _pagina_publica(testado.pdf, 0, _leida(archivo).ancho)
    assert imagen.size == (1400, 700)
    assert tapada(imagen, caja.caja)
    leido = _leer_imagen(imagen)
    assert not any(p in leido for p in NOMBRE)
    assert "Solicitante" in leido and "licencia de construccion" in leido
    assert "Solicitante: [testado" in leido  # the label is legible, on the line it replaces
    [publica] = testado.paginas
    assert (publica.archivo_id, publica.numero) == (archivo.pk, 1)
    assert f"Solicitante: {MARCA}" in publica.texto
    assert "expediente 245" in publica.texto
    assert not any(p in publica.texto for p in NOMBRE)
    # The legend: the caller's motivación, what was testado where, the legal ground.
    assert MOTIVACION in texto_pdf.replace("\r\n", " ").replace("\n", " ")
    assert "nombre de una persona (1)" in texto_pdf
    assert "Artículo 115 de la Ley General de Transparencia" in texto_pdf.replace("\r\n", " ")
    assert 0 < testado.segundos < 60


def _pdf_mixto() -> bytes:
    """Page 1 with a text layer, page 2 a scan (an image only), page 3 text without personal
    data, page 4 with a text layer turned by /Rotate."""
    salida = io.BytesIO()
    hoja = canvas.Canvas(salida, pagesize=letter)
    for pagina_texto in (
        ["Oficio 12/2026 de la colonia Centro", f"CURP del solicitante {CURP}"],
        None,
        ["Tercera hoja del expediente sin datos"],
        [f"Cuarta hoja, CURP {CURP} al margen"],
    ):
        if pagina_texto is None:
            hoja.drawImage(ImageReader(pagina(DATOS)), 0, 300, width=612, height=306)
        else:
            hoja.setFont("Helvetica", 16)
            for i, linea in enumerate(pagina_texto):
                hoja.drawString(72, 700 - i * 24, linea)
        hoja.showPage()
    hoja.save()
    with pikepdf.open(io.BytesIO(salida.getvalue())) as pdf:
        pdf.pages[3].Rotate = 90
        girado = io.BytesIO()
        pdf.save(girado)
    return girado.getvalue()


@pytest.mark.tesseract
def test_a_pdf_with_and_without_text_layer_loses_every_text_layer(leer, texto_plano):
    escrito, [archivo] = leer(("oficio.pdf", _pdf_mixto()))
    assert [p.origen for p in PaginaOCR.objects.filter(resultado__archivo=archivo)] == [
        "texto_pdf",
        "ocr",
        "texto_pdf",
        "texto_pdf",
    ]
    cajas = [
        _caja(archivo, 1, (CURP,), Categoria.CURP),
        _caja(archivo, 2, NOMBRE),
        _caja(archivo, 4, (CURP,), Categoria.CURP),
    ]
    testado = FuenteOCR().testar([archivo.pk], cajas, _leyenda())

    texto_pdf = _sin_texto(testado.pdf, 4)
    assert CURP not in texto_pdf and CURP.encode() not in _todos_los_bytes(testado.pdf)
    _sin_metadatos(testado.pdf, escrito.folio)
    documento = pypdfium2.PdfDocument(testado.pdf)
    tamanos = [documento[i].get_size() for i in range(4)]
    documento.close()
    assert tamanos[:3] == [pytest.approx((612, 792), abs=0.5)] * 3
    assert tamanos[3] == pytest.approx((792, 612), abs=0.5)
    for indice, caja in ((0, cajas[0]), (1, cajas[1]), (3, cajas[2])):
        imagen = _pagina_publica(testado.pdf, indice, _leida(archivo, caja.numero).ancho)
        assert tapada(imagen, caja.caja)
    leidas = [
        _leer_imagen(_pagina_publica(testado.pdf, i, 2550 if i < 3 else 3300)) for i in range(4)
    ]
    # The turned page, read upright: the CURP is gone from where the reader sees it.
    leidas[3] = _leer_imagen(_pagina_publica(testado.pdf, 3, 3300).rotate(90, expand=True))
    assert "Oficio 12/2026" in leidas[0] and "Cuarta hoja" in leidas[3]
    assert "Solicitante" in leidas[1] and "Tercera hoja" in leidas[2]
    assert not any(CURP[:8] in leido for leido in leidas)
    assert not any(p in leidas[1] for p in NOMBRE)
    textos = [p.texto for p in testado.paginas]
    assert textos[0] == f"Oficio 12/2026 de la colonia Centro\nCURP del solicitante {MARCA}"
    assert f"Solicitante: {MARCA}" in textos[1]
    assert textos[2] == _leida(archivo, 3).texto
    assert textos[3] == f"Cuarta hoja, CURP {MARCA} al margen"
    assert "CURP (1)" in texto_pdf and "nombre de una persona (1)" in texto_pdf


@pytest.mark.tesseract
def test_a_multipage_tiff_is_testado_on_the_right_page(leer, texto_plano):
    primera = pagina(["Primera hoja firmada por", "Maria Guadalupe Perez"])
    segunda = pagina(DATOS)
    salida = io.BytesIO()
    primera.save(salida, "TIFF", save_all=True, append_images=[segunda], compression="tiff_lzw")
    _escrito, [archivo] = leer(("expediente.tif", salida.getvalue()))
    caja = _caja(archivo, 2, NOMBRE)
    testado = FuenteOCR().testar([archivo.pk], [caja], _leyenda())

    _sin_texto(testado.pdf, 2)
    leidas = [_leer_imagen(_pagina_publica(testado.pdf, i, 1400)) for i in range(2)]
    assert "Maria Guadalupe Perez" in leidas[0]  # no box on page 1
    assert not any(p in leidas[1] for p in NOMBRE) and "expediente 245" in leidas[1]
    assert tapada(_pagina_publica(testado.pdf, 1, 1400), caja.caja)
    primera_publica, segunda_publica = testado.paginas
    assert primera_publica.texto == _leida(archivo, 1).texto
    assert f"Solicitante: {MARCA}" in segunda_publica.texto


@pytest.mark.tesseract
def test_a_jpeg_turned_by_exif_is_testado_where_the_reader_sees_it(leer):
    girada = pagina(DATOS).rotate(90, expand=True).convert("RGB")  # stored sideways
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 270": upright as shown
    exif[0x013B] = "Maria Guadalupe Perez"  # Artist: personal data in the metadata
    perfil = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    contenido = como_bytes(girada, "JPEG", quality=95, exif=exif, icc_profile=perfil)
    _escrito, [archivo] = leer(("foto.jpg", contenido))
    assert (_leida(archivo).ancho, _leida(archivo).alto) == (1400, 700)
    caja = _caja(archivo, 1, NOMBRE)
    testado = FuenteOCR().testar([archivo.pk], [caja], _leyenda())

    _sin_metadatos(testado.pdf, _escrito.folio)
    todo = _todos_los_bytes(testado.pdf)
    assert b"Guadalupe" not in todo and b"Exif" not in todo and b"ICC_PROFILE" not in todo
    imagen = _pagina_publica(testado.pdf, 0, 1400)
    assert imagen.size == (1400, 700)
    assert tapada(imagen, caja.caja)
    leido = _leer_imagen(imagen)
    assert "Solicitante" in leido and not any(p in leido for p in NOMBRE)


@pytest.mark.tesseract
def test_several_files_make_one_public_copy_in_their_order(leer):
    _escrito, [escaneo, oficio] = leer(
        ("escaneo.png", como_bytes(pagina(DATOS), dpi=(300, 300))),
        ("oficio.pdf", _pdf_mixto()),
    )
    cajas = [_caja(oficio, 1, (CURP,), Categoria.CURP), _caja(escaneo, 1, NOMBRE)]
    testado = FuenteOCR().testar([escaneo.pk, oficio.pk], cajas, _leyenda())
    texto_pdf = _sin_texto(testado.pdf, 5)
    assert [(p.archivo_id, p.numero) for p in testado.paginas] == [
        (escaneo.pk, 1),
        *[(oficio.pk, n) for n in (1, 2, 3, 4)],
    ]
    assert "1 (archivo 1 de 2, página 1)" in texto_pdf
    assert "2 (archivo 2 de 2, página 1)" in texto_pdf
    assert "3 (archivo" not in texto_pdf  # page 2 of the PDF has no box


def test_a_file_not_read_yet_or_whose_reading_failed_cannot_be_testado(recibir):
    """A ValidationError, which documentos' views and commands show to staff."""
    escrito = recibir(
        ("pendiente.png", como_bytes(pagina())), ("roto.png", como_bytes(pagina(["Otra"])))
    )
    pendiente, roto = escrito.archivos.order_by("orden", "pk")
    with pytest.raises(ValidationError, match=r"«pendiente\.png» aún no se ha leído"):
        FuenteOCR().testar([pendiente.pk], [], _leyenda())
    estropear(roto)
    assert services.leer_archivo(roto.pk) == "fallo"
    with pytest.raises(NoSePuedeTestar, match=r"lectura \(OCR\) del archivo «roto\.png» falló"):
        FuenteOCR().testar([roto.pk], [], _leyenda())
    with pytest.raises(NoSePuedeTestar, match="No hay archivos"):
        FuenteOCR().testar([], [], _leyenda())


@pytest.mark.tesseract
def test_a_box_that_would_not_be_burned_is_refused(leer):
    _escrito, [archivo] = leer(("escaneo.png", como_bytes(pagina(DATOS))))
    otra = CajaTestar(archivo.pk + 99, 1, Caja(10, 10, 50, 20), Categoria.NOMBRE)
    sin_pagina = CajaTestar(archivo.pk, 2, Caja(10, 10, 50, 20), Categoria.NOMBRE)
    vacia = CajaTestar(archivo.pk, 1, Caja(10, 10, 0, 20), Categoria.NOMBRE)
    fuera = CajaTestar(archivo.pk, 1, Caja(1400, 10, 50, 20), Categoria.NOMBRE)  # 1400 x 700
    for caja, mensaje in (
        (otra, "no la tiene"),
        (sin_pagina, "no la tiene"),
        (vacia, "vacía"),
        (fuera, "fuera de la página"),
    ):
        with pytest.raises(NoSePuedeTestar, match=mensaje):
            FuenteOCR().testar([archivo.pk], [caja], _leyenda())


@pytest.mark.tesseract
def test_a_stored_file_that_changed_since_it_was_read_is_refused(leer):
    _escrito, [archivo] = leer(("escaneo.png", como_bytes(pagina(DATOS))))
    sobrescribir_guardado(archivo, como_bytes(pagina(["Otra hoja distinta"])))
    with pytest.raises(NoSePuedeTestar, match="no coincide con su huella"):
        FuenteOCR().testar([archivo.pk], [], _leyenda())


@pytest.mark.tesseract
def test_the_pages_read_and_their_fingerprint(leer):
    _escrito, [escaneo, oficio] = leer(
        ("escaneo.png", como_bytes(pagina(DATOS))), ("oficio.pdf", _pdf_mixto())
    )
    fuente_ocr = FuenteOCR()
    leidas = fuente_ocr.paginas_leidas([escaneo.pk, oficio.pk])
    assert [p.numero for p in leidas[oficio.pk]] == [1, 2, 3, 4]
    [pagina_escaneo] = leidas[escaneo.pk]
    fila = _leida(escaneo)
    assert pagina_escaneo.texto == fila.texto and pagina_escaneo.confianza == fila.confianza
    assert (pagina_escaneo.ancho, pagina_escaneo.alto) == (1400, 700)
    assert [p.texto for p in pagina_escaneo.palabras] == [p[0] for p in fila.palabras]
    assert leidas[oficio.pk][0].confianza is None  # a PDF's own text
    assert leidas[oficio.pk][1].confianza > 50  # the scanned page
    huella = fuente_ocr.huella([escaneo.pk, oficio.pk])
    assert huella == fuente_ocr.huella([escaneo.pk, oficio.pk])
    services.volver_a_leer([escaneo.pk], encolar_ya=False)
    assert fuente_ocr.paginas_leidas([escaneo.pk]) == {}
    pendiente = fuente_ocr.huella([escaneo.pk, oficio.pk])
    assert services.leer_archivo(escaneo.pk) == "terminado"
    leida_otra_vez = fuente_ocr.huella([escaneo.pk, oficio.pk])
    assert len({huella, pendiente, leida_otra_vez}) == 3


def test_ocr_registers_itself_as_the_page_source():
    assert isinstance(fuente.fuente(), FuenteOCR)
