"""The fast quality check at intake (ocr.pipeline.calidad): clean pages pass, clearly bad
ones are named with what is wrong, and every page costs well under a second."""

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from ocr.pipeline import calidad
from ocr.pipeline.calidad import ArchivoNoRevisable, revisar

from .imagenes import como_bytes, en_angulo, hoja

MUESTRAS = Path("/work/shared")
LIMPIAS = sorted((MUESTRAS / "ocr-samples").glob("scan_*.[pj][np]g"))
DIFICILES = sorted((MUESTRAS / "ocr-samples-hard").glob("hard_*.[pj][np]g"))


@pytest.fixture(scope="module")
def limpia() -> Image.Image:
    return hoja(300)


def _una(contenido: bytes, mime: str = ""):
    (pagina,) = revisar(contenido, mime)
    return pagina


def _pdf(*, imagen: Image.Image | None = None, texto: str | None = None) -> bytes:
    salida = io.BytesIO()
    lienzo = canvas.Canvas(salida, pagesize=letter)
    if imagen is not None:
        lienzo.drawImage(ImageReader(imagen), 0, 0, width=letter[0], height=letter[1])
    if texto:
        lienzo.setFont("Helvetica", 12)
        lienzo.drawString(72, 700, texto)
    lienzo.showPage()
    lienzo.save()
    return salida.getvalue()


def test_a_clean_scan_passes_fast(limpia):
    pagina = _una(como_bytes(limpia))
    assert pagina.problemas == () and pagina.legibilidad == "legible"
    assert pagina.dpi == pytest.approx(300, abs=5)
    assert pagina.segundos < 1.0


def test_a_clean_jpeg_photo_at_200_dpi_passes():
    pagina = _una(como_bytes(hoja(200), "JPEG", quality=80))
    assert pagina.problemas == ()


@pytest.mark.parametrize(
    ("nombre", "degradar", "problema"),
    [
        ("borrosa", lambda i: i.filter(ImageFilter.GaussianBlur(6)), "borrosa"),
        ("100 dpi", lambda i: i.resize((i.width // 3, i.height // 3)), "resolucion"),
        ("oscura", lambda i: Image.eval(i, lambda v: int(v * 0.28)), "oscura"),
        ("desvaida", lambda i: Image.eval(i, lambda v: 255 - int((255 - v) * 0.1)), "contraste"),
        ("girada", lambda i: i.rotate(25, expand=True, fillcolor=255), "inclinada"),
    ],
)
def test_a_clearly_bad_page_is_named_with_its_problem(limpia, nombre, degradar, problema):
    pagina = _una(como_bytes(degradar(limpia)))
    assert pagina.problemas[0] == problema, nombre
    assert pagina.legibilidad in {"dudosa", "ilegible"}
    assert pagina.segundos < 1.0


def test_streaks_that_hide_the_lines_are_noise(limpia):
    a = np.asarray(limpia, dtype=np.int16).copy()
    azar = np.random.default_rng(5)
    for x in azar.choice(a.shape[1], 500, replace=False):
        a[:, x : x + 3] -= azar.integers(60, 140)  # a photocopier's drum streaks
    pagina = _una(como_bytes(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))))
    assert "ruido" in pagina.problemas


def test_a_photo_taken_at_an_angle_is_told_to_be_taken_from_the_front():
    pagina = hoja(200)
    assert _una(como_bytes(en_angulo(pagina, 0.2))).problemas == ("perspectiva",)
    assert _una(como_bytes(en_angulo(pagina, 0.05))).problemas == ()


def test_a_small_blur_or_skew_is_not_a_problem(limpia):
    assert _una(como_bytes(limpia.filter(ImageFilter.GaussianBlur(2)))).problemas == ()
    girada = _una(como_bytes(limpia.rotate(8, expand=True, fillcolor=255)))
    assert girada.problemas == () and abs(girada.inclinacion) == pytest.approx(8, abs=0.5)


def test_a_blank_page_is_not_warned():
    pagina = _una(como_bytes(Image.new("L", (2550, 3300), 250)))
    assert pagina.en_blanco and pagina.problemas == ()


def test_each_page_of_a_tiff_is_checked_on_its_own(limpia):
    salida = io.BytesIO()
    borrosa = limpia.filter(ImageFilter.GaussianBlur(7))
    limpia.save(salida, "TIFF", save_all=True, append_images=[borrosa], compression="tiff_lzw")
    primera, segunda = revisar(salida.getvalue())
    assert (primera.numero, primera.problemas) == (1, ())
    assert (segunda.numero, segunda.problemas[0]) == (2, "borrosa")


def test_a_pdf_scan_is_judged_by_its_image_resolution(limpia):
    assert _una(_pdf(imagen=limpia), "application/pdf").problemas == ()
    chica = limpia.resize((limpia.width // 3, limpia.height // 3))
    pagina = _una(_pdf(imagen=chica), "application/pdf")
    assert pagina.problemas[0] == "resolucion" and pagina.dpi == pytest.approx(100, abs=2)


def test_a_born_digital_pdf_page_is_not_measured():
    pagina = _una(_pdf(texto="Solicitud de licencia de construccion, colonia Centro."))
    assert pagina.texto_digital and pagina.problemas == ()


def test_a_file_object_is_read_as_well(limpia):
    fichero = io.BytesIO(como_bytes(limpia.filter(ImageFilter.GaussianBlur(6))))
    assert next(calidad.paginas(fichero)).problemas[0] == "borrosa"


def test_what_is_not_an_image_cannot_be_checked():
    with pytest.raises(ArchivoNoRevisable):
        revisar(b"esto no es una imagen")


@pytest.mark.skipif(not LIMPIAS, reason="the shared OCR samples are not on this machine")
@pytest.mark.parametrize("ruta", LIMPIAS, ids=lambda r: r.name)
def test_the_shared_clean_and_mild_samples_do_not_warn(ruta):
    assert _una(ruta.read_bytes()).problemas == ()


@pytest.mark.skipif(not DIFICILES, reason="the shared OCR samples are not on this machine")
def test_of_the_shared_hard_samples_only_the_streaked_photo_warns():
    """Seven are hard but readable by a person (and meant to be read by the pipeline); the
    streaked, low-contrast photo (bare Tesseract reads nothing of it) gets a warning."""
    avisadas = {r.name for r in DIFICILES if _una(r.read_bytes()).problemas}
    assert avisadas == {"hard_77_007.jpg"}
