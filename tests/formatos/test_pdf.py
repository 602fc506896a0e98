"""The one escaping of text given to reportlab (formatos.pdf), drawn into real PDFs."""

import io

import pytest
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import SimpleDocTemplate

from formatos.pdf import escapar, parrafo, parrafo_marcado
from tests import pdfs
from tests.factories import TEXTOS_HOSTILES, imagen_en_disco

ESTILO = getSampleStyleSheet()["Normal"]


def _pdf(*flowables) -> bytes:
    salida = io.BytesIO()
    SimpleDocTemplate(salida).build(list(flowables))
    return salida.getvalue()


def test_escapar_turns_every_markup_character_into_an_entity():
    assert escapar("A<B & \"C\">'D'") == "A&lt;B &amp; &quot;C&quot;&gt;&#39;D&#39;"
    assert escapar(42) == "42"


@pytest.mark.parametrize("texto", TEXTOS_HOSTILES)
def test_parrafo_draws_the_text_literally(texto):
    pdf = _pdf(parrafo(texto, ESTILO))
    assert pdfs.texto(pdf) == pdfs.sin_espacios(texto)
    assert pdfs.imagenes(pdf) == 0 and pdfs.anotaciones(pdf) == []


def test_parrafo_never_embeds_a_file_from_disk(tmp_path):
    texto = imagen_en_disco(tmp_path)
    pdf = _pdf(parrafo(texto, ESTILO))
    assert pdfs.imagenes(pdf) == 0
    assert pdfs.texto(pdf) == pdfs.sin_espacios(texto)


def test_markup_written_by_folio_applies_and_the_values_stay_text():
    enlace = '<a href="javascript:alert(1)">x</a>'
    p = parrafo_marcado("<b>%(etiqueta)s</b> %(valor)s", ESTILO, etiqueta="Asunto:", valor=enlace)
    negrita = "".join(f.text for f in p.frags if f.fontName == "Helvetica-Bold")
    normal = "".join(f.text for f in p.frags if f.fontName == "Helvetica")
    assert (negrita, normal) == ("Asunto:", " " + enlace)
    pdf = _pdf(p)
    assert pdfs.texto(pdf) == pdfs.sin_espacios("Asunto: " + enlace)
    assert pdfs.anotaciones(pdf) == []
