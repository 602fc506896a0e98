"""Each pipeline step against the real Tesseract, on small generated pages."""

import io

import numpy as np
import pytesseract
import pytest
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from ocr.pipeline import Ajustes, ArchivoIlegible, ErrorTransitorio, procesar
from ocr.pipeline.cargar import cargar
from ocr.pipeline.enderezar import enderezar, medir
from ocr.pipeline.normalizar import aplanar, normalizar

from .imagenes import LINEAS, como_bytes, degradar, pagina

pytestmark = pytest.mark.tesseract

ESPERADO = " ".join(LINEAS)


def _pdf(*, texto: str | None = None, imagen: Image.Image | None = None) -> bytes:
    salida = io.BytesIO()
    hoja = canvas.Canvas(salida, pagesize=letter)
    if texto:
        hoja.setFont("Helvetica", 12)
        for i, linea in enumerate(texto.split("\n")):
            hoja.drawString(72, 700 - i * 18, linea)
    if imagen is not None:
        hoja.drawImage(ImageReader(imagen), 0, 300, width=612, height=306)
    hoja.showPage()
    hoja.save()
    return salida.getvalue()


def test_a_clean_page_is_read_exactly(texto_plano):
    [resultado] = procesar(como_bytes(pagina()), "image/png")
    assert texto_plano(resultado.texto) == ESPERADO
    assert resultado.origen == "ocr"
    assert resultado.confianza > 85
    assert (resultado.ancho, resultado.alto) == (1400, 700)


@pytest.mark.parametrize("angulo", [-3.0, 2.5])
def test_skew_is_measured_and_straightened(angulo, texto_plano):
    girada = pagina(angulo=angulo)
    medido, vertical = medir(np.asarray(girada))
    assert not vertical
    # Positive skew means lines fall to the right: a counter-clockwise turn undoes it.
    assert medido == pytest.approx(-angulo, abs=0.15)
    preparada, _ = enderezar(normalizar(next(cargar(como_bytes(girada)))))
    assert preparada.inclinacion == pytest.approx(-angulo, abs=0.15)
    [resultado] = procesar(como_bytes(girada))
    assert texto_plano(resultado.texto) == ESPERADO


def test_a_degraded_skewed_scan_is_read_exactly(texto_plano):
    """Skew, uneven light, noise, blur and JPEG together: the case that costs bare
    Tesseract whole paragraphs."""
    import difflib

    [resultado] = procesar(degradar(pagina(angulo=-2.8)), "image/jpeg")
    leido = texto_plano(resultado.texto)
    # Every line is there; at most a letter differs (the Spanish model likes "María").
    assert all(linea in leido for linea in LINEAS[:3])
    assert difflib.SequenceMatcher(None, leido, ESPERADO).ratio() > 0.99


def test_an_upside_down_page_is_turned(texto_plano):
    volteada = pagina().rotate(180)
    [resultado] = procesar(como_bytes(volteada))
    assert resultado.giro == 180
    assert texto_plano(resultado.texto) == ESPERADO


def test_a_sideways_page_is_turned(texto_plano):
    de_lado = pagina(alto=1400).rotate(90, expand=True)
    [resultado] = procesar(como_bytes(de_lado))
    assert resultado.giro == 270
    assert texto_plano(resultado.texto) == ESPERADO


def test_word_boxes_are_in_original_page_coordinates():
    """A 150 dpi page is upsampled and deskewed; the boxes still point at the original."""
    original = pagina(angulo=2.0).resize((700, 350))
    [resultado] = procesar(como_bytes(original, dpi=(150, 150)))
    palabras = {p.texto: p for p in resultado.palabras}
    assert (resultado.ancho, resultado.alto) == (700, 350)
    numero = palabras["245"]
    # Where "245" really is: dark pixels inside its box, paper right around it.
    recorte = np.asarray(
        original.crop((numero.x, numero.y, numero.x + numero.ancho, numero.y + numero.alto))
    )
    assert recorte.min() < 100
    assert 130 < numero.x + numero.ancho / 2 < 220
    assert 100 < numero.y < 200
    assert all(
        p.x >= 0 and p.x + p.ancho <= 700 and p.y + p.alto <= 350 for p in resultado.palabras
    )


@pytest.mark.parametrize("angulo", [0.0, 2.5])
def test_word_boxes_match_where_the_words_were_drawn(angulo):
    """Upsampled (150 -> 300 dpi), deskewed and cropped: the box still lands on the word
    as drawn on the original page."""
    import math

    from PIL import ImageDraw, ImageFont

    imagen = Image.new("L", (1275, 600), 255)
    dibujo = ImageDraw.Draw(imagen)
    fuente = ImageFont.load_default(size=24)
    for i, linea in enumerate(["Expediente 4821 de Obras", "Solicitud de copia simple"]):
        dibujo.text((300, 250 + 40 * i), linea, fill=0, font=fuente)
    x0, y0, x1, y1 = dibujo.textbbox((300, 250), "Expediente", font=fuente)
    imagen = imagen.rotate(angulo, Image.Resampling.BICUBIC, fillcolor=255)
    # Where PIL's rotation (counter-clockwise, about the centre) put the word's corners.
    t, (cx, cy) = math.radians(angulo), (imagen.width / 2, imagen.height / 2)
    xs, ys = [], []
    for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        xs.append(cx + (x - cx) * math.cos(t) + (y - cy) * math.sin(t))
        ys.append(cy - (x - cx) * math.sin(t) + (y - cy) * math.cos(t))
    esperado = (min(xs), min(ys), max(xs), max(ys))
    [resultado] = procesar(como_bytes(imagen, dpi=(150, 150)))
    palabra = next(p for p in resultado.palabras if p.texto == "Expediente")
    caja = (palabra.x, palabra.y, palabra.x + palabra.ancho, palabra.y + palabra.alto)
    assert caja == pytest.approx(esperado, abs=5)


def test_exif_orientation_is_applied(texto_plano):
    girada = pagina().rotate(90, expand=True)  # stored sideways, EXIF says "turn 270"
    exif = Image.Exif()
    exif[0x0112] = 6
    [resultado] = procesar(como_bytes(girada.convert("RGB"), "JPEG", quality=95, exif=exif))
    assert (resultado.ancho, resultado.alto) == (1400, 700)
    assert resultado.giro == 0
    assert texto_plano(resultado.texto) == ESPERADO


def test_uneven_light_is_flattened():
    imagen = np.asarray(pagina(), dtype=np.float32)
    luz = np.linspace(1.0, 0.45, imagen.shape[1], dtype=np.float32)[None, :]
    oscura = (imagen * luz).astype(np.uint8)
    plana = aplanar(oscura)
    papel = plana[600:, :]  # no text down there
    assert papel.min() > 200
    assert plana.min() < 60


def test_low_resolution_pages_are_upsampled():
    chica = pagina().resize((700, 350))
    preparada = normalizar(next(cargar(como_bytes(chica, dpi=(150, 150)))))
    assert preparada.escala == pytest.approx(2.0)
    enderezada, _ = enderezar(preparada)
    assert enderezada.matriz[0, 0] == pytest.approx(2.0)  # resampled at 300 dpi
    # ...and cropped to the text with a margin of paper.
    assert enderezada.imagen.shape[0] < 700 and enderezada.imagen.shape[1] < 1400


def test_a_multipage_tiff_gives_every_page(texto_plano):
    primera, segunda = pagina(), pagina(["Segunda hoja del expediente"])
    salida = io.BytesIO()
    primera.save(salida, "TIFF", save_all=True, append_images=[segunda], compression="tiff_lzw")
    resultados = procesar(salida.getvalue(), "image/tiff")
    assert [r.numero for r in resultados] == [1, 2]
    assert texto_plano(resultados[1].texto) == "Segunda hoja del expediente"


def test_a_pdf_page_with_a_text_layer_is_not_ocred(monkeypatch):
    def sin_ocr(*args, **kwargs):
        raise AssertionError("Tesseract no debía usarse")

    monkeypatch.setattr(pytesseract, "image_to_data", sin_ocr)
    contenido = _pdf(texto="Oficio 12/2024\nSolicitud de copia certificada del acta")
    [resultado] = procesar(contenido, "application/pdf")
    assert resultado.origen == "texto_pdf"
    assert resultado.texto == "Oficio 12/2024\nSolicitud de copia certificada del acta"
    assert [p.texto for p in resultado.palabras][:2] == ["Oficio", "12/2024"]
    oficio = resultado.palabras[0]
    # 72 pt from the left at 300 dpi is 300 px; the baseline is 92 pt from the top.
    assert oficio.x == pytest.approx(300, abs=3)
    assert 300 < oficio.y < 92 * 300 / 72
    assert (resultado.ancho, resultado.alto) == (2550, 3300)


def test_a_scanned_pdf_page_is_ocred(texto_plano):
    [resultado] = procesar(_pdf(imagen=pagina()), "application/pdf")
    assert resultado.origen == "ocr"
    assert texto_plano(resultado.texto) == ESPERADO


@pytest.mark.parametrize(
    ("contenido", "mime", "mensaje"),
    [
        (b"", "image/png", "vacío"),
        (b"\x89PNG\r\n\x1a\nbasura" * 20, "image/png", "no es una imagen"),
        (b"%PDF-1.4\nbasura sin objetos", "application/pdf", "PDF está dañado"),
        (como_bytes(pagina())[:3000], "image/png", "dañada o incompleta"),
        (como_bytes(pagina(), "GIF"), "image/gif", "Formato no admitido"),
    ],
)
def test_a_corrupt_file_fails_cleanly(contenido, mime, mensaje):
    with pytest.raises(ArchivoIlegible, match=mensaje):
        procesar(contenido, mime)


def test_a_tesseract_timeout_is_transient():
    with pytest.raises(ErrorTransitorio, match="Tesseract tardó"):
        procesar(como_bytes(pagina()), "image/png", Ajustes(timeout=0.001))


def test_a_poster_size_pdf_page_is_rendered_within_the_pixel_limit():
    from ocr.pipeline.normalizar import MAX_PIXELES

    salida = io.BytesIO()
    hoja = canvas.Canvas(salida, pagesize=(100 * 72, 100 * 72))  # 100 x 100 inches
    hoja.rect(72, 72, 144, 144, fill=1)
    hoja.showPage()
    hoja.save()
    [pagina_pdf] = list(cargar(salida.getvalue(), "application/pdf"))
    assert pagina_pdf.ancho * pagina_pdf.alto <= MAX_PIXELES
    assert normalizar(pagina_pdf).escala == 1.0


@pytest.mark.parametrize(
    ("giro", "recorte"), [(0, None), (90, None), (180, None), (270, None), (0, (50, 60, 562, 752))]
)
def test_text_layer_word_boxes_follow_the_page_rotation_and_crop_box(giro, recorte):
    """A PDF page turned by /Rotate or cut by a /CropBox is shown (and rendered) turned or
    cut: its words' boxes must land on the words as rendered, or a testado box drawn from
    them would miss the data."""
    import pikepdf
    import pypdfium2

    contenido = _pdf(texto="Expediente 4821 de la colonia Centro, solicitud de copia simple")
    with pikepdf.open(io.BytesIO(contenido)) as pdf:
        pdf.pages[0].Rotate = giro
        if recorte:
            pdf.pages[0].CropBox = list(recorte)
        salida = io.BytesIO()
        pdf.save(salida)
    [hoja] = list(cargar(salida.getvalue(), "application/pdf"))
    assert hoja.texto.startswith("Expediente 4821")
    documento = pypdfium2.PdfDocument(salida.getvalue())
    imagen = np.asarray(documento[0].render(scale=300 / 72, grayscale=True).to_pil())
    documento.close()
    assert abs(imagen.shape[1] - hoja.ancho) <= 1 and abs(imagen.shape[0] - hoja.alto) <= 1
    for palabra in hoja.palabras[:3]:
        x0, y0 = max(palabra.x, 0), max(palabra.y, 0)
        recorte_palabra = imagen[y0 : palabra.y + palabra.alto, x0 : palabra.x + palabra.ancho]
        assert recorte_palabra.size and recorte_palabra.min() < 100, palabra
    # All the ink of the line lies inside the union of its words' boxes.
    tinta = imagen < 128
    cubierta = np.zeros_like(tinta)
    for p in hoja.palabras:
        cubierta[max(p.y, 0) : p.y + p.alto + 1, max(p.x, 0) : p.x + p.ancho + 1] = True
    assert (tinta & ~cubierta).sum() < 0.02 * tinta.sum()
