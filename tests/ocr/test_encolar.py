"""How OCR starts: documentos announces a stored file (eventos.archivo_guardado) and ocr,
subscribed in its apps.py, queues it through services.encolar, the one place that does."""

import ast
from pathlib import Path

import pytest
from django.test import override_settings

from documentos.eventos import senal_archivo_guardado
from documentos.models import EntradaBitacora
from ocr.models import PaginaOCR, ResultadoOCR
from tests.factories import tareas_con

RAIZ = Path(__file__).resolve().parents[2]
BASE_DE_DATOS = tareas_con("django_tasks_db.DatabaseBackend")
PAQUETES = ("documentos", "ocr", "busqueda", "atencion", "archivo", "cms", "bench", "scripts")


def _tareas_ocr():
    from django_tasks_db.models import DBTaskResult

    filas = DBTaskResult.objects.filter(task_path="ocr.tasks.ocr_archivo")
    return sorted(f["args"][0] for f in filas.values_list("args_kwargs", flat=True))


@pytest.mark.django_db
@override_settings(TASKS=BASE_DE_DATOS)
def test_a_stored_file_is_queued_once_and_only_after_commit(
    recibir, escaneo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as llamadas:
        escrito = recibir(("escaneo.png", escaneo), ("anexo.png", escaneo))
        assert _tareas_ocr() == []  # nothing is queued inside the intake's transaction
    for llamada in llamadas:
        llamada()
    assert _tareas_ocr() == sorted(escrito.archivos.values_list("pk", flat=True))


@pytest.mark.django_db
@override_settings(TASKS=BASE_DE_DATOS)
def test_rolled_back_intake_queues_nothing(recibir, escaneo, django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        recibir(("escaneo.png", escaneo))
        raise RuntimeError("la recepción falló después de guardar")
    assert _tareas_ocr() == []


@pytest.mark.tesseract
@pytest.mark.django_db
def test_the_announcement_received_twice_reads_the_file_once(
    recibir, escaneo, django_capture_on_commit_callbacks
):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()  # its OCR never committed
    for _vez in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            senal_archivo_guardado.send(sender=None, archivo_id=archivo.pk)
    resultado = ResultadoOCR.objects.get(archivo=archivo)
    assert resultado.estado == ResultadoOCR.Estado.TERMINADO
    assert resultado.intentos == 1  # the second task found nothing to do
    assert PaginaOCR.objects.filter(resultado=resultado).count() == 1
    leido = archivo.escrito.bitacora.filter(accion=EntradaBitacora.Accion.OCR)
    assert leido.count() == 1


def test_only_ocr_services_queues_the_ocr_task():
    """Nothing else names the task (no `ocr_archivo.enqueue` anywhere but encolar)."""
    nombran = set()
    for paquete in PAQUETES:
        for ruta in (RAIZ / paquete).rglob("*.py"):
            arbol = ast.parse(ruta.read_text(), filename=str(ruta))
            nombres = {n.id for n in ast.walk(arbol) if isinstance(n, ast.Name)}
            nombres |= {
                a.name for n in ast.walk(arbol) if isinstance(n, ast.ImportFrom) for a in n.names
            }
            if "ocr_archivo" in nombres:
                nombran.add(str(ruta.relative_to(RAIZ)))
    # tasks.py defines it (def); services.py queues it (encolar) and ends dead workers' rows.
    assert nombran == {"ocr/services.py"}
