"""OCR runs on its own queue: a worker of the default queue (search updates, Wagtail's page
indexing) never waits behind scans, with the real database task backend and db_worker."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from busqueda.tasks import aplicar_pendientes
from documentos.models import Archivo
from ocr.tasks import ocr_archivo
from tests.factories import datos_recepcion, tareas_con

pytestmark = pytest.mark.django_db(transaction=True)
ESCANEOS = 6
BASE_DE_DATOS = tareas_con("django_tasks_db.DatabaseBackend")


def test_interactive_work_never_waits_behind_ocr(settings):
    settings.TASKS = BASE_DE_DATOS
    from documentos.services.recepcion import recibir_escrito

    # Scans arrive first (each queues its OCR), then a search update.
    for n in range(ESCANEOS):
        recibir_escrito(datos_recepcion(asunto=f"Escrito {n}"), usuario=None)
    aplicar_pendientes.enqueue()
    assert DBTaskResult.objects.filter(queue_name="ocr").count() == ESCANEOS

    call_command("db_worker", queue_name="default", batch=True, no_startup_delay=True, verbosity=0)

    hechas = DBTaskResult.objects.filter(status="SUCCESSFUL")
    assert hechas.filter(task_path="busqueda.tasks.aplicar_pendientes").exists()
    assert not hechas.filter(queue_name="ocr").exists()  # still waiting for the OCR workers
    assert DBTaskResult.objects.filter(queue_name="ocr", status="READY").count() == ESCANEOS

    call_command("db_worker", queue_name="ocr", batch=True, no_startup_delay=True, verbosity=0)
    assert DBTaskResult.objects.filter(queue_name="ocr", status="SUCCESSFUL").count() == ESCANEOS
    assert Archivo.objects.count() == ESCANEOS


def test_the_ocr_task_declares_its_queue_and_the_backend_knows_it(settings):
    settings.TASKS = BASE_DE_DATOS
    assert ocr_archivo.queue_name == "ocr"
    assert aplicar_pendientes.queue_name == "default"
