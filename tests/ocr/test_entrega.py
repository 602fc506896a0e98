"""escrito -> OCR -> search update, end to end with real Tesseract.

Search is stubbed only at the busqueda boundary (its `indexar_escrito` task), which the
search package owns; everything before it is real."""

import pytest

from documentos.models import EntradaBitacora
from ocr.models import ResultadoOCR
from ocr.selectors import textos_por_archivo

pytestmark = [pytest.mark.tesseract, pytest.mark.django_db]


class _Indexador:
    def __init__(self):
        self.escritos = []

    def enqueue(self, escrito_id):
        self.escritos.append(escrito_id)


@pytest.fixture
def indexador(monkeypatch):
    import busqueda.tasks

    falso = _Indexador()
    monkeypatch.setattr(busqueda.tasks, "indexar_escrito", falso)
    return falso


def test_a_received_escrito_is_read_and_sent_to_search(
    recibir, escaneo, indexador, django_capture_on_commit_callbacks, texto_plano
):
    with django_capture_on_commit_callbacks(execute=True):
        escrito = recibir(("escaneo.png", escaneo))
    archivo = escrito.archivos.get()
    resultado = ResultadoOCR.objects.get(archivo=archivo)
    assert resultado.estado == ResultadoOCR.Estado.TERMINADO
    [(numero, texto)] = textos_por_archivo([archivo.pk])[archivo.pk]
    assert numero == 1 and "expediente 245" in texto_plano(texto)
    entrada = EntradaBitacora.objects.filter(
        escrito=escrito, accion=EntradaBitacora.Accion.OCR
    ).get()
    assert entrada.despues == {"archivo": archivo.pk, "estado": "terminado"}
    assert escrito.pk in indexador.escritos


def test_a_failed_file_is_also_reported(
    recibir, escaneo, indexador, django_capture_on_commit_callbacks
):
    from .conftest import estropear

    escrito = recibir(("escaneo.png", escaneo))
    archivo = escrito.archivos.get()
    estropear(archivo, escaneo[:1500])
    from ocr.tasks import ocr_archivo

    with django_capture_on_commit_callbacks(execute=True):
        ocr_archivo.enqueue(archivo.pk)
    entrada = EntradaBitacora.objects.get(escrito=escrito, accion=EntradaBitacora.Accion.OCR)
    assert entrada.despues["estado"] == "fallo"
    assert indexador.escritos == [escrito.pk]
