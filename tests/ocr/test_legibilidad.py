"""The readability verdict (ocr/pipeline/legibilidad.py), the hunspell word check, the words
left out of the text, and the steps' timings."""

import numpy as np
import pytest

from ocr import pipeline
from ocr.pipeline.ajustes import Ajustes
from ocr.pipeline.diccionario import diccionario, diccionario_disponible
from ocr.pipeline.legibilidad import calidad, cobertura, juzgar, se_indexa
from ocr.pipeline.reconocer import _resultado
from ocr.pipeline.tipos import PaginaPreparada, Palabra, ResultadoPagina

from .imagenes import como_bytes, pagina

hay_diccionario = pytest.mark.skipif(
    not diccionario_disponible(), reason="falta el diccionario hunspell-es"
)
ORACION = (
    "Por medio del presente solicito la licencia de construcción para la ampliación de una "
    "vivienda ubicada en la calle Morelos número 788 colonia Centro"
)
FRASE = ORACION.split(" ")


def _pagina(palabras, *, cobertura_=1.0, origen="ocr") -> ResultadoPagina:
    return ResultadoPagina(
        numero=1,
        texto=" ".join(p.texto for p in palabras),
        confianza=None,
        palabras=palabras,
        origen=origen,
        ancho=100,
        alto=100,
        calidad={"cobertura": cobertura_},
    )


def _palabras(textos, confianza=95.0):
    return [Palabra(t, confianza, 0, 0, 10, 10) for t in textos]


@hay_diccionario
def test_the_dictionary_knows_inflections_capitals_and_missing_accents():
    dic = diccionario()
    for palabra in ["solicitudes", "actuaciones", "comunicándole", "SOLICITUD", "Presente"]:
        assert dic.conoce(palabra), palabra
    for palabra in ["construccion", "INFORMACION", "Senor"]:  # typed without accent or ñ
        assert dic.conoce(palabra), palabra
    for ruido in ["xqzt", "Jcnrs", "aaaa", "ptrñk"]:
        assert not dic.conoce(ruido), ruido


@hay_diccionario
def test_a_page_of_sure_spanish_words_is_legible():
    medida = calidad(_pagina(_palabras(FRASE)), Ajustes())
    assert medida.veredicto == pipeline.LEGIBLE
    assert medida.en_diccionario == 1.0 and medida.confianza == 95.0


@hay_diccionario
def test_unsure_or_unknown_words_make_a_page_dudosa():
    assert calidad(_pagina(_palabras(FRASE, 78.0)), Ajustes()).veredicto == pipeline.DUDOSA
    mezcla = [*FRASE[:16], "Jcnrs", "xqztl", "brrrk", "qwpz"]
    assert calidad(_pagina(_palabras(mezcla)), Ajustes()).veredicto == pipeline.DUDOSA


@hay_diccionario
def test_a_page_whose_text_was_partly_skipped_is_dudosa_not_ilegible():
    medida = calidad(_pagina(_palabras(FRASE), cobertura_=0.45), Ajustes())
    assert medida.veredicto == pipeline.DUDOSA


@hay_diccionario
def test_noise_and_empty_pages_are_ilegible_and_keep_no_text():
    ruido = _pagina(_palabras(["Jcnrs", "xqztl", "brrrk", "qwpz", "A", "AA"], 30.0))
    assert calidad(ruido, Ajustes()).veredicto == pipeline.ILEGIBLE
    assert calidad(_pagina([]), Ajustes()).veredicto == pipeline.ILEGIBLE
    juzgada = juzgar(ruido, Ajustes())
    assert juzgada.legibilidad == pipeline.ILEGIBLE and juzgada.texto == ""
    assert len(juzgada.palabras) == 6  # the boxes stay
    assert juzgada.calidad["cobertura"] == 1.0 and juzgada.calidad["bajas"] == 6


@hay_diccionario
def test_a_short_page_is_legible_only_when_sure_and_spanish():
    assert calidad(_pagina(_palabras(["Segunda", "hoja"])), Ajustes()).veredicto == "legible"
    assert calidad(_pagina(_palabras(["Segunda", "hoja"], 70.0)), Ajustes()).veredicto == (
        pipeline.ILEGIBLE
    )
    assert calidad(_pagina(_palabras(["Sgnda", "hoja"])), Ajustes()).veredicto == "ilegible"


def test_a_pdf_text_layer_is_legible():
    texto = _pagina(_palabras(["xqzt"] * 3), origen="texto_pdf")
    assert calidad(texto, Ajustes()).veredicto == pipeline.LEGIBLE


def test_without_a_dictionary_confidence_alone_decides():
    sin = Ajustes(diccionario="")
    assert calidad(_pagina(_palabras(["Jcnrs", "xqztl", "brrrk", "qwpz"])), sin).veredicto == (
        pipeline.LEGIBLE
    )
    missing = Ajustes(diccionario="/no/existe/es_ES")
    assert calidad(_pagina(_palabras(FRASE, 40.0)), missing).veredicto == pipeline.ILEGIBLE


@hay_diccionario
def test_unsure_words_stay_out_of_the_text_unless_spanish():
    a = Ajustes()
    assert se_indexa("qwpz", 95.0, a)
    assert not se_indexa("qwpz", 45.0, a)
    assert se_indexa("particular,", 40.0, a)  # a word Tesseract doubted, but a word
    assert not se_indexa("particular", 10.0, a)
    datos = {
        "text": ["Presente", "Ixq#", "solicito", "licencia"],
        "conf": [96, 12, 95, 35],
        "block_num": [1, 1, 1, 1],
        "par_num": [1, 1, 1, 1],
        "line_num": [1, 1, 2, 2],
        "left": [10, 120, 10, 130],
        "top": [10, 10, 60, 60],
        "width": [100, 40, 110, 90],
        "height": [30, 30, 30, 30],
    }
    preparada = PaginaPreparada(1, np.full((200, 300), 255, np.uint8), np.eye(3), 300, 200)
    resultado = _resultado(preparada, datos, a)
    assert resultado.texto == "Presente\nsolicito licencia"
    assert [p.texto for p in resultado.palabras] == ["Presente", "Ixq#", "solicito", "licencia"]


def test_coverage_is_the_share_of_letter_ink_inside_words_read():
    imagen = np.full((200, 400), 255, np.uint8)
    for x in range(20, 380, 20):  # a row of "letters"
        imagen[50:70, x : x + 10] = 0
        imagen[130:150, x : x + 10] = 0  # and a second row
    assert cobertura(imagen, [(15, 45, 370, 30), (15, 125, 370, 30)]) == 1.0
    assert cobertura(imagen, [(15, 45, 370, 30)]) == 0.5
    assert cobertura(imagen, []) is None
    # A cloud of specks (a shadow, a blotch) far from the text is not text left unread.
    sombra = np.full((400, 400), 255, np.uint8)
    sombra[:200] = imagen
    nube = np.random.default_rng(1).random((120, 200)) < 0.45
    sombra[280:400, 200:400][nube] = 0
    assert cobertura(sombra, [(15, 45, 370, 30), (15, 125, 370, 30)]) == 1.0


@pytest.mark.tesseract
@hay_diccionario
def test_real_pages_blank_noise_and_text(tmp_path):
    """Real Tesseract: a clean page is legible, a blank page and pure noise are ilegible;
    every page carries its steps' timings."""
    rng = np.random.default_rng(7)
    from PIL import Image

    blanco = como_bytes(Image.new("L", (1240, 1754), 250), dpi=(150, 150))
    ruido = como_bytes(
        Image.fromarray(rng.integers(0, 256, (1000, 800), dtype=np.uint8)), dpi=(150, 150)
    )
    texto = como_bytes(pagina(), dpi=(300, 300))
    [limpia] = pipeline.procesar(texto, "image/png")
    assert limpia.legibilidad == pipeline.LEGIBLE and "expediente 245" in limpia.texto
    assert {"cargar", "normalizar", "enderezar", "reconocer", "juzgar"} <= set(limpia.tiempos)
    assert all(s >= 0 for s in limpia.tiempos.values())
    for contenido in (blanco, ruido):
        [juzgada] = pipeline.procesar(contenido, "image/png")
        assert juzgada.legibilidad == pipeline.ILEGIBLE and juzgada.texto == ""
