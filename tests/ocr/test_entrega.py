"""escrito -> OCR -> search, end to end with real Tesseract and the database search backend.

Nothing is stubbed: the intake stores the scan, the OCR task reads it after commit, the
bitácora records it, and busqueda's outbox makes the page text searchable."""

import pytest

from busqueda import services as busqueda
from busqueda.consulta import Consulta
from busqueda.selectors import buscar
from documentos.models import EntradaBitacora
from ocr.models import ResultadoOCR
from ocr.selectors import textos_por_archivo

pytestmark = [pytest.mark.tesseract, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def base_de_datos(settings):
    settings.ELASTICSEARCH_URL = None


def test_a_received_escrito_is_read_and_found_by_its_text(
    recibir, escaneo, django_capture_on_commit_callbacks, texto_plano
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
    assert entrada.despues == {
        "archivo": archivo.pk,
        "estado": "terminado",
        "legibilidad": "legible",
    }

    # "Guadalupe" is only in the scan, not in the asunto or the remitente.
    [hallado] = buscar(Consulta(q="guadalupe"), usuario=escrito.recibido_por).resultados
    assert hallado.escrito_id == escrito.pk
    assert [(f.archivo_id, f.pagina) for f in hallado.fragmentos] == [(archivo.pk, 1)]
    assert busqueda.pendientes() == 0


def test_a_failed_file_is_also_reported(recibir, escaneo, django_capture_on_commit_callbacks):
    from .conftest import estropear

    escrito = recibir(("escaneo.png", escaneo))
    archivo = escrito.archivos.get()
    estropear(archivo, escaneo[:1500])
    from ocr.tasks import ocr_archivo

    with django_capture_on_commit_callbacks(execute=True):
        ocr_archivo.enqueue(archivo.pk)
    entrada = EntradaBitacora.objects.get(escrito=escrito, accion=EntradaBitacora.Accion.OCR)
    assert entrada.despues["estado"] == "fallo"
    # The escrito is still found by its metadata, and nothing is left pending.
    [hallado] = buscar(Consulta(q="licencia"), usuario=escrito.recibido_por).resultados
    assert hallado.escrito_id == escrito.pk
    assert busqueda.pendientes() == 0


def test_the_reading_and_what_it_invalidates_are_signed_by_the_system_not_a_citizen(
    recibir, escaneo, django_capture_on_commit_callbacks
):
    """The OCR task runs without a request: its bitácora entries (the reading, and the
    versión pública the new text invalidates) name the system, not the public citizen."""
    from ocr.tasks import ocr_archivo
    from tests.factories import version_aprobada

    escrito = recibir(("escaneo.png", escaneo))  # not read yet: its commit hooks never run
    version_aprobada(escrito, ["Texto de antes de la lectura."], anunciar=False)
    with django_capture_on_commit_callbacks(execute=True):
        ocr_archivo.enqueue(escrito.archivos.get().pk)
    A = EntradaBitacora.Accion
    lectura = escrito.bitacora.get(accion=A.OCR)
    invalidacion = escrito.bitacora.get(accion=A.VERSION_PUBLICA)
    assert "se volvió a leer (OCR)" in invalidacion.descripcion
    assert [lectura.actor, invalidacion.actor] == ["Sistema (OCR)", "Sistema (OCR)"]
    assert lectura.usuario is None and invalidacion.usuario is None
