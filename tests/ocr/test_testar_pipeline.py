"""The pure testado step (ocr.pipeline.testar) and the public text, on real images and PDFs."""

import io

import numpy as np
import pikepdf
import pypdfium2
import pytest
from PIL import Image, ImageCms

from documentos.testado.tipos import MARCA, Caja, Palabra
from ocr.pipeline.testar import (
    PaginaQuemada,
    Recuadro,
    codificar,
    etiqueta_que_cabe,
    modo_publico,
    pdf_leyenda,
    pdf_publico,
    quemar,
)
from ocr.testado import texto_publico

from .conftest import tapada
from .imagenes import como_bytes, degradar, pagina


def _ruido_color(ancho=600, alto=400, semilla=1) -> Image.Image:
    arreglo = np.random.default_rng(semilla).integers(0, 256, (alto, ancho, 3), dtype=np.uint8)
    return Image.fromarray(arreglo, "RGB")


def test_every_pixel_inside_a_box_becomes_black_and_nothing_else_changes():
    original = _ruido_color()
    quemada = quemar(original, [Recuadro(50, 60, 200, 30), Recuadro(580, 390, 100, 100)])
    antes, despues = np.asarray(original), np.asarray(quemada)
    assert quemada.mode == "RGB" and quemada.size == original.size
    assert (despues[60:90, 50:250] == 0).all()
    assert (despues[390:, 580:] == 0).all()  # clipped to the page, not dropped
    fuera = np.ones(antes.shape[:2], bool)
    fuera[60:90, 50:250] = fuera[390:, 580:] = False
    assert (despues[fuera] == antes[fuera]).all()


def test_the_label_is_drawn_on_a_white_tag_only_when_it_fits():
    etiquetas = ("[testado: nombre de una persona]", MARCA)
    assert etiqueta_que_cabe(etiquetas, 900, 40)[0] == etiquetas[0]
    assert etiqueta_que_cabe(etiquetas, 200, 40)[0] == MARCA
    assert etiqueta_que_cabe(etiquetas, 60, 40) is None
    assert etiqueta_que_cabe(etiquetas, 900, 25) is None  # under 4.5 pt at 300 dpi
    assert etiqueta_que_cabe(etiquetas, 900, 25, dpi=150)[0] == etiquetas[0]
    fondo = _ruido_color(1000, 200)
    cajas = [Caja(10, 10, 900, 40), Caja(10, 100, 60, 40)]
    quemada = quemar(fondo, [Recuadro(c.x, c.y, c.ancho, c.alto, etiquetas) for c in cajas])
    assert all(tapada(quemada, c, borde=0) for c in cajas)
    gris = np.asarray(quemada.convert("L"))
    assert (gris[10:50, 10:910] == 255).sum() > 2000  # the tag of the first...
    assert (gris[100:140, 10:70] == 0).all()  # ...the second has no room for one


def test_the_page_keeps_the_fewest_channels_that_show_it_and_no_metadata():
    bilevel = Image.new("L", (300, 200), 255)
    bilevel.paste(0, (20, 20, 120, 60))
    assert modo_publico(bilevel).mode == "1"
    assert modo_publico(pagina()).mode == "L"  # anti-aliased text: gray levels
    gris_en_rgb = Image.open(io.BytesIO(degradar(pagina()))).convert("RGB")
    assert modo_publico(gris_en_rgb).mode == "L"
    sello = pagina().convert("RGB")
    sello.paste((30, 60, 200), (900, 400, 1200, 600))
    assert modo_publico(sello).mode == "RGB"
    perfil = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = Image.Exif()
    exif[0x013B] = "Maria Guadalupe Perez"  # Artist
    con_metadatos = Image.open(
        io.BytesIO(como_bytes(sello, "JPEG", exif=exif, icc_profile=perfil, quality=90))
    )
    assert con_metadatos.info.get("icc_profile") and con_metadatos.info.get("exif")
    for formato_salida in (codificar(quemar(con_metadatos, [])),):
        salida = Image.open(io.BytesIO(formato_salida))
        assert "icc_profile" not in salida.info and "exif" not in salida.info
        assert b"Guadalupe" not in formato_salida and b"Exif" not in formato_salida


def test_clean_pages_stay_lossless_and_noisy_scans_become_jpeg():
    limpia = codificar(modo_publico(pagina()))
    assert limpia.startswith(b"\x89PNG")
    ruidosa = modo_publico(Image.open(io.BytesIO(degradar(pagina(ancho=2550, alto=3300)))))
    jpeg = codificar(ruidosa)
    assert jpeg.startswith(b"\xff\xd8")
    assert len(jpeg) < len(como_bytes(ruidosa)) / 2


def _pdf_de_prueba(paginas, leyenda=None) -> bytes:
    leyenda = leyenda or pdf_leyenda(
        "Versión pública OP-2026-000123",
        [
            "Motivación: <b>datos</b> & nombres de particulares.",
            "Fundamento legal: Artículo 115 de la Ley General",
        ],
        [("1 (archivo 1 de 1, página 1)", "nombre de una persona (1)")],
    )
    return pdf_publico(paginas, leyenda, "Versión pública OP-2026-000123")


def test_the_public_pdf_has_the_pages_at_their_size_no_text_layer_and_only_a_title():
    carta = Image.new("L", (2550, 3300), 255)  # letter at 300 dpi
    media = Image.new("L", (700, 350), 255)  # 150 dpi
    contenido = _pdf_de_prueba(
        [PaginaQuemada(codificar(carta), 300.0), PaginaQuemada(codificar(media), 150.0)]
    )
    documento = pypdfium2.PdfDocument(contenido)
    assert len(documento) == 3
    assert documento[0].get_size() == pytest.approx((612, 792), abs=0.01)
    assert documento[1].get_size() == pytest.approx((336, 168), abs=0.01)
    for indice in (0, 1):
        assert documento[indice].get_textpage().count_chars() == 0
    leyenda = documento[2].get_textpage().get_text_bounded()
    # reportlab markup in the caller's text is shown, not interpreted.
    assert "<b>datos</b> & nombres" in leyenda
    # The caller's paragraphs carry the legal ground, once.
    assert leyenda.count("Artículo 115") == 1 and "nombre de una persona (1)" in leyenda
    documento.close()
    with pikepdf.open(io.BytesIO(contenido)) as pdf:
        assert dict(pdf.docinfo) == {"/Title": "Versión pública OP-2026-000123"}
        assert "/Metadata" not in pdf.Root
        for objeto in pdf.objects:
            if isinstance(objeto, pikepdf.Stream | pikepdf.Dictionary):
                assert objeto.get("/Type") != "/Metadata"
    assert b"ReportLab" not in contenido and b"img2pdf" not in contenido


def test_the_same_pages_give_the_same_bytes():
    paginas = [PaginaQuemada(codificar(modo_publico(pagina())), 300.0)]
    assert _pdf_de_prueba(paginas) == _pdf_de_prueba(paginas)


def _palabras(*filas) -> list[Palabra]:
    return [Palabra(t, 90.0, Caja(x, y, 80, 30)) for t, x, y in filas]


PALABRAS = _palabras(
    ("Atentamente,", 80, 80),
    ("Maria", 200, 80),
    ("Guadalupe", 300, 80),
    ("Perez", 400, 80),
    ("CURP", 80, 140),
    ("PEGM800101MDFRRR09", 200, 140),
)
NOMBRE = Caja(195, 75, 300, 40)


def test_the_public_text_replaces_each_covered_run_of_words_in_place():
    texto = "Atentamente, Maria Guadalupe Perez\n\nCURP PEGM800101MDFRRR09"
    curp = Caja(190, 135, 100, 40)
    assert texto_publico(texto, PALABRAS, [NOMBRE, curp]) == (
        f"Atentamente, {MARCA}\n\nCURP {MARCA}"
    )
    assert texto_publico(texto, PALABRAS, []) == texto


def test_a_text_that_does_not_match_its_words_is_rebuilt_from_the_words():
    # e.g. a PDF text layer with text outside the page, or an older reading.
    texto = "Atentamente, Maria Guadalupe Perez CURP PEGM800101MDFRRR09 Maria"
    publico = texto_publico(texto, PALABRAS, [NOMBRE])
    assert publico == f"Atentamente, {MARCA}\nCURP PEGM800101MDFRRR09"
    assert "Maria" not in publico


def test_the_covered_words_are_those_whose_centre_lies_in_a_box():
    from ocr.testado import _tapadas

    azar = np.random.default_rng(5)
    palabras = [
        Palabra(
            "x", 90.0, Caja(*map(int, azar.integers(0, 500, 2)), *map(int, azar.integers(1, 60, 2)))
        )
        for _ in range(400)
    ]
    cajas = [
        Caja(*map(int, azar.integers(0, 500, 2)), *map(int, azar.integers(1, 120, 2)))
        for _ in range(30)
    ]
    esperado = [any(c.cubre_centro_de(p.caja) for c in cajas) for p in palabras]
    assert 20 < sum(esperado) < 380
    assert _tapadas(palabras, cajas) == esperado
    assert _tapadas(palabras, []) == [False] * 400


def test_a_bilevel_fax_page_stays_one_bit_with_its_box_burned():
    from ocr.pipeline.cargar import cargar

    hoja = pagina().point(lambda v: 0 if v < 128 else 255).convert("1")
    [cargada] = list(cargar(como_bytes(hoja, "TIFF", compression="group4", dpi=(200, 200))))
    caja = Caja(70, 70, 600, 50)
    etiquetas = ("[testado: firma]",)
    quemada = quemar(
        cargada.imagen, [Recuadro(caja.x, caja.y, caja.ancho, caja.alto, etiquetas)], 200
    )
    assert quemada.mode == "1"
    contenido = _pdf_de_prueba([PaginaQuemada(codificar(quemada), 200.0)])
    with pikepdf.open(io.BytesIO(contenido)) as pdf:
        [imagen] = pdf.pages[0].get_images().values()
        assert imagen.BitsPerComponent == 1
    documento = pypdfium2.PdfDocument(contenido)
    assert documento[0].get_size() == pytest.approx((1400 * 72 / 200, 700 * 72 / 200), abs=0.01)
    render = documento[0].render(scale=200 / 72, grayscale=True).to_pil()
    documento.close()
    assert tapada(render, caja, borde=0)
    assert np.asarray(render.convert("L"))[caja.y + 60 :, :].min() == 0  # the rest is there
