"""`manage.py folio_releer`: documentos resolves folios to their files and hands the files
to ocr's ocr_reprocess (ocr selects files, not folios)."""

import io

import pytest
from django.core.management import CommandError, call_command

from ocr.models import ResultadoOCR
from tests.factories import imagen_bytes, pdf_bytes, subida

pytestmark = pytest.mark.django_db


def test_the_files_of_a_folio_are_queued_and_no_others(recibir, django_capture_on_commit_callbacks):
    uno = recibir(archivos=[subida("a.pdf", pdf_bytes()), subida("b.png", imagen_bytes())])
    recibir(asunto="Otro asunto", archivos=[subida("c.png", imagen_bytes(texto="Otra hoja"))])
    salida = io.StringIO()
    with django_capture_on_commit_callbacks(execute=False) as llamadas:
        call_command("folio_releer", f" {uno.folio.lower()} ", stdout=salida)
    suyos = set(uno.archivos.values_list("pk", flat=True))
    assert set(ResultadoOCR.objects.values_list("archivo", flat=True)) == suyos
    assert set(ResultadoOCR.objects.values_list("estado", flat=True)) == {"pendiente"}
    assert len(llamadas) == 2  # one OCR task per file, after commit
    assert "2/2 encolados" in salida.getvalue()


def test_a_folio_that_does_not_exist_changes_nothing(recibir):
    escrito = recibir()
    with pytest.raises(CommandError, match=r"No hay un escrito con el folio OP-1999-000001\."):
        call_command("folio_releer", escrito.folio, "OP-1999-000001")
    assert not ResultadoOCR.objects.exists()


def test_an_escrito_without_files_says_so(ligero):
    escrito = ligero()
    with pytest.raises(CommandError, match=f"El escrito {escrito.folio} no tiene archivos"):
        call_command("folio_releer", escrito.folio)


@pytest.mark.tesseract
def test_aqui_reads_them_in_this_process(recibir):
    escrito = recibir(archivos=[subida("oficio.png", imagen_bytes(tamano=(1200, 400)))])
    salida = io.StringIO()
    call_command("folio_releer", escrito.folio, "--aqui", stdout=salida)
    assert "1/1 leídos" in salida.getvalue()
    assert ResultadoOCR.objects.get(archivo__escrito=escrito).estado == "terminado"
