"""The OCR task and its services against real Tesseract and the real task backends:
idempotency, atomic re-runs, clean failures, bounded retries with backoff, the sweeper."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from ocr import services
from ocr.models import PaginaOCR, ResultadoOCR
from ocr.selectors import textos_por_archivo
from ocr.tasks import ocr_archivo
from tests.factories import (
    sobrescribir_guardado,
    tareas_con,
    tiff_bytes,
    tiff_con_pagina_danada,
)

from .conftest import estropear
from .imagenes import LINEAS

pytestmark = [pytest.mark.tesseract, pytest.mark.django_db]

ESPERADO = " ".join(LINEAS)
DUMMY = tareas_con("django_tasks.backends.dummy.DummyBackend")
BASE_DE_DATOS = tareas_con("django_tasks_db.DatabaseBackend")


def test_the_task_reads_a_stored_file(recibir, escaneo, texto_plano):
    escrito = recibir(("escaneo.png", escaneo))
    archivo = escrito.archivos.get()
    assert ocr_archivo.enqueue(archivo.pk).return_value == "terminado"
    resultado = ResultadoOCR.objects.get(archivo=archivo)
    assert resultado.estado == ResultadoOCR.Estado.TERMINADO
    assert resultado.motor.startswith("Tesseract 5")
    assert resultado.ajustes["sha256"] == archivo.sha256
    assert resultado.ajustes["idioma"] == "spa"
    assert resultado.intentos == 1
    assert (resultado.paginas_total, resultado.paginas_hechas) == (1, 1)
    assert resultado.confianza > 80 and resultado.segundos > 0
    assert resultado.iniciado_en <= resultado.terminado_en
    [pagina] = resultado.paginas.all()
    assert texto_plano(pagina.texto) == ESPERADO
    assert pagina.origen == PaginaOCR.Origen.OCR
    texto, confianza, x, y, ancho, alto = pagina.palabras[0]
    assert x >= 0 and y >= 0
    assert texto == "Solicitud" and confianza > 50 and ancho > 0 and alto > 0
    assert textos_por_archivo([archivo.pk]) == {archivo.pk: [(1, pagina.texto)]}


def test_running_twice_leaves_one_result(recibir, escaneo):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    ocr_archivo.enqueue(archivo.pk)
    paginas = list(PaginaOCR.objects.values_list("pk", flat=True))
    # Same bytes and settings: nothing to do.
    assert ocr_archivo.enqueue(archivo.pk).return_value is None
    assert ResultadoOCR.objects.count() == 1
    assert list(PaginaOCR.objects.values_list("pk", flat=True)) == paginas


def test_a_missing_file_row_is_nothing_to_do(db):
    assert ocr_archivo.enqueue(987654).return_value is None
    assert not ResultadoOCR.objects.exists()


def test_rerunning_replaces_the_result_whole(recibir, escaneo, django_capture_on_commit_callbacks):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    ocr_archivo.enqueue(archivo.pk)
    antes = set(PaginaOCR.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.volver_a_leer([archivo.pk]) == 1
    resultado = ResultadoOCR.objects.get(archivo=archivo)
    assert resultado.estado == ResultadoOCR.Estado.TERMINADO
    despues = set(resultado.paginas.values_list("pk", flat=True))
    assert len(despues) == 1 and not despues & antes
    assert PaginaOCR.objects.count() == 1


def test_a_superseded_run_discards_its_work(recibir, escaneo):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    reclamo = services.reclamar(archivo.pk, services.pipeline.ajustes_actuales())
    services.volver_a_leer([archivo.pk], encolar_ya=False)  # staff asked again meanwhile
    assert services.guardar(reclamo, [], 1.0) is False
    assert ResultadoOCR.objects.get(archivo=archivo).estado == ResultadoOCR.Estado.PENDIENTE


def test_a_live_run_is_not_taken_over(recibir, escaneo):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    ajustes = services.pipeline.ajustes_actuales()
    assert services.reclamar(archivo.pk, ajustes) is not None
    assert services.reclamar(archivo.pk, ajustes) is None


def test_a_corrupt_file_fails_cleanly_and_the_others_finish(
    recibir, escaneo, django_capture_on_commit_callbacks
):
    escrito = recibir(("escaneo.png", escaneo), ("anexo.png", escaneo))
    bueno, malo = escrito.archivos.order_by("orden", "pk")
    estropear(malo, escaneo[:2000])  # truncated on disk
    with django_capture_on_commit_callbacks(execute=True):
        for archivo in (malo, bueno):
            ocr_archivo.enqueue(archivo.pk)
    fallido = ResultadoOCR.objects.get(archivo=malo)
    assert fallido.estado == ResultadoOCR.Estado.FALLO
    assert "dañada o incompleta" in fallido.motivo
    assert fallido.intentos == 1  # permanent: no retries
    assert ResultadoOCR.objects.get(archivo=bueno).estado == ResultadoOCR.Estado.TERMINADO


@pytest.mark.parametrize(
    ("paginas", "motivo"),
    [
        (tiff_bytes([(100, 100)] * 6 + [(1500, 1500)]), "La página 7 es demasiado grande"),
        (tiff_con_pagina_danada(8, danada=7), "La página 7 está dañada o incompleta"),
    ],
    ids=["bomba", "dañada"],
)
def test_a_stored_tiff_with_a_bad_later_page_fails_naming_it(
    recibir, escaneo, limite_pixeles, paginas, motivo
):
    """Rows received before every page was checked: a clear reason, never a crash."""
    limite_pixeles(1_000_000)
    archivo = recibir(("expediente.tif", escaneo)).archivos.get()
    sobrescribir_guardado(archivo, paginas)
    assert ocr_archivo.enqueue(archivo.pk).return_value == "fallo"
    fallido = ResultadoOCR.objects.get(archivo=archivo)
    assert fallido.motivo.startswith(motivo)
    assert fallido.intentos == 1


@override_settings(FOLIO_OCR_TIMEOUT=0.001, FOLIO_OCR_INTENTOS=3)
def test_transient_errors_are_retried_then_fail(
    recibir, escaneo, django_capture_on_commit_callbacks
):
    """A real Tesseract timeout. The immediate backend runs each retry at once."""
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    with django_capture_on_commit_callbacks(execute=True):
        ocr_archivo.enqueue(archivo.pk)
    resultado = ResultadoOCR.objects.get(archivo=archivo)
    assert resultado.estado == ResultadoOCR.Estado.FALLO
    assert resultado.intentos == 3
    assert "Tesseract tardó" in resultado.motivo and "tras 3 intentos" in resultado.motivo


@override_settings(FOLIO_OCR_TIMEOUT=0.001, FOLIO_OCR_ESPERA_S=30, TASKS=DUMMY)
def test_retries_back_off_exponentially(recibir, escaneo, django_capture_on_commit_callbacks):
    from django_tasks import default_task_backend

    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    esperas = []
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.leer_archivo(archivo.pk) == ResultadoOCR.Estado.PENDIENTE
        encolada = default_task_backend.results[-1]
        assert encolada.args == [archivo.pk]
        esperas.append((encolada.task.run_after - timezone.now()).total_seconds())
    assert 25 < esperas[0] <= 30 and 55 < esperas[1] <= 60
    resultado = ResultadoOCR.objects.get(archivo=archivo)
    assert resultado.estado == ResultadoOCR.Estado.PENDIENTE
    assert "Se reintentará" in resultado.motivo


def _atascar(archivo, minutos=45, intentos=1):
    ResultadoOCR.objects.update_or_create(
        archivo=archivo, defaults={"estado": ResultadoOCR.Estado.EN_PROCESO, "intentos": intentos}
    )
    ResultadoOCR.objects.filter(archivo=archivo).update(
        actualizado_en=timezone.now() - timedelta(minutes=minutos)
    )


def test_the_sweeper_requeues_stale_work(recibir, escaneo, django_capture_on_commit_callbacks):
    archivo, reciente = recibir(("escaneo.png", escaneo), ("anexo.png", escaneo)).archivos.all()
    _atascar(archivo)
    _atascar(reciente, minutos=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.barrer() == (1, 0)
    assert ResultadoOCR.objects.get(archivo=archivo).estado == ResultadoOCR.Estado.TERMINADO
    assert ResultadoOCR.objects.get(archivo=reciente).estado == ResultadoOCR.Estado.EN_PROCESO


def test_the_sweeper_gives_up_after_the_last_attempt(recibir, escaneo):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    _atascar(archivo, intentos=4)
    assert services.barrer() == (0, 1)
    resultado = ResultadoOCR.objects.get(archivo=archivo)
    assert resultado.estado == ResultadoOCR.Estado.FALLO
    assert "se detuvo 4 veces" in resultado.motivo


@override_settings(TASKS=BASE_DE_DATOS)
def test_a_dead_worker_is_recovered_with_the_database_backend(
    recibir, escaneo, django_capture_on_commit_callbacks, capsys, monkeypatch
):
    """The real django-tasks database backend and `db_worker`: a worker claimed the OCR task
    and died. Only the worker's closing of "old" connections is switched off: inside the
    test's transaction it would close the connection the test runs in."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    with django_capture_on_commit_callbacks(execute=True):
        archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    huerfana = DBTaskResult.objects.get(task_path="ocr.tasks.ocr_archivo")
    huerfana.claim("worker-muerto")
    DBTaskResult.objects.filter(pk=huerfana.pk).update(
        started_at=timezone.now() - timedelta(minutes=50)
    )
    _atascar(archivo)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ocr_barrer")
    assert "1 archivo(s) encolado(s) de nuevo" in capsys.readouterr().out
    listas = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path="ocr.tasks.ocr_archivo"
    )
    assert list(listas.values_list("args_kwargs", flat=True)) == [
        {"args": [archivo.pk], "kwargs": {}}
    ]
    call_command(
        "db_worker", "--queue-name", "ocr", "--batch", "--interval", "0", "--no-startup-delay"
    )
    assert ResultadoOCR.objects.get(archivo=archivo).estado == ResultadoOCR.Estado.TERMINADO
    # The backend never ends the dead worker's task row; the sweeper did.
    huerfana.refresh_from_db()
    assert huerfana.status == TaskResultStatus.FAILED
    assert huerfana.exception_class_path == "ocr.services.TrabajadorPerdido"
