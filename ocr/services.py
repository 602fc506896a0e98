"""Writes of OCR results: claim a file, record progress, replace the result atomically,
retry transient errors with backoff, re-queue stuck work, re-run on request."""

import logging
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import cache, partial

import pytesseract
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from documentos.models import Archivo

from . import pipeline
from .models import Legibilidad, PaginaOCR, ResultadoOCR
from .tesseract import tesseract_status

logger = logging.getLogger(__name__)
Estado = ResultadoOCR.Estado


@dataclass(frozen=True)
class Reclamo:
    """A run's hold on one file's result."""

    resultado_id: int
    archivo_id: int
    token: uuid.UUID
    intento: int


class Reemplazado(Exception):
    """Another run took the file over (a re-run or the sweeper): stop quietly."""


class TrabajadorPerdido(Exception):
    """Recorded on a dead worker's task row when the sweeper takes its file back."""


@cache
def motor() -> str:
    version = tesseract_status().version or "?"
    return f"Tesseract {version} + folio-ocr {pipeline.ajustes.VERSION_PIPELINE}"


def ajustes_para(archivo: Archivo, ajustes: pipeline.Ajustes) -> dict:
    return {**ajustes.como_dict(), "sha256": archivo.sha256}


def _atascado(resultado: ResultadoOCR) -> bool:
    limite = timezone.now() - timedelta(minutes=settings.FOLIO_OCR_ATASCADO_MIN)
    return resultado.actualizado_en < limite


def reclamar(archivo_id: int, ajustes: pipeline.Ajustes) -> Reclamo | None:
    """Mark the file's result en_proceso for this run, or None when there is nothing to
    do: the file is gone, it is already read with the same bytes and settings, or another
    live run holds it."""
    with transaction.atomic():
        archivo = Archivo.objects.filter(pk=archivo_id).first()
        if archivo is None:
            return None
        resultado, _creado = ResultadoOCR.objects.get_or_create(archivo=archivo)
        resultado = ResultadoOCR.objects.select_for_update().get(pk=resultado.pk)
        esperados = ajustes_para(archivo, ajustes)
        if resultado.estado == Estado.TERMINADO and resultado.ajustes == esperados:
            return None
        if resultado.estado == Estado.EN_PROCESO and not _atascado(resultado):
            return None
        resultado.estado = Estado.EN_PROCESO
        resultado.ejecucion = uuid.uuid4()
        resultado.intentos += 1
        resultado.motivo = ""
        resultado.motor = motor()
        resultado.ajustes = esperados
        resultado.paginas_total = archivo.paginas
        resultado.paginas_hechas = 0
        resultado.iniciado_en = timezone.now()
        resultado.terminado_en = None
        resultado.save()
        return Reclamo(resultado.pk, archivo.pk, resultado.ejecucion, resultado.intentos)


def avanzar(reclamo: Reclamo, hechas: int) -> None:
    """Record progress (also the heartbeat the sweeper looks at)."""
    actualizados = ResultadoOCR.objects.filter(
        pk=reclamo.resultado_id, ejecucion=reclamo.token
    ).update(
        paginas_hechas=hechas,
        paginas_total=Greatest("paginas_total", hechas),
        actualizado_en=timezone.now(),
    )
    if not actualizados:
        raise Reemplazado


def _notificar(archivo_id: int, estado: str, paginas: dict[str, list[int]] | None = None) -> None:
    """Once the result commits, documentos records it (bitácora, and the file's readability
    for the bandeja) and announces the escrito's new text, which busqueda indexes.
    `paginas`: {"dudosa": [numbers], "ilegible": [numbers]} of a finished read."""
    from documentos.services.archivos import registrar_ocr

    transaction.on_commit(partial(registrar_ocr, archivo_id, estado, paginas=paginas or {}))


_ORDEN = [Legibilidad.LEGIBLE, Legibilidad.DUDOSA, Legibilidad.ILEGIBLE]


def legibilidad_de(paginas: list[pipeline.ResultadoPagina]) -> str:
    """A file's verdict: its worst page's ("" for a file without pages)."""
    veredictos = [p.legibilidad for p in paginas if p.legibilidad in _ORDEN]
    return max(veredictos, key=_ORDEN.index) if veredictos else ""


def tiempos_de(paginas: list[pipeline.ResultadoPagina]) -> dict:
    """Seconds per step summed over the pages, and per page (to explain a slow one)."""
    pasos: dict[str, float] = {}
    for pagina in paginas:
        for paso, segundos in pagina.tiempos.items():
            pasos[paso] = round(pasos.get(paso, 0.0) + segundos, 3)
    return {
        "pasos": pasos,
        "paginas": [{"numero": p.numero, **p.tiempos} for p in paginas],
    }


def guardar(reclamo: Reclamo, paginas: list[pipeline.ResultadoPagina], segundos: float) -> bool:
    """Replace the file's pages with these, in one transaction. False if superseded."""
    with transaction.atomic():
        resultado = ResultadoOCR.objects.select_for_update().get(pk=reclamo.resultado_id)
        if resultado.ejecucion != reclamo.token:
            return False
        resultado.paginas.all().delete()
        PaginaOCR.objects.bulk_create(
            PaginaOCR(
                resultado=resultado,
                numero=p.numero,
                texto=p.texto,
                confianza=p.confianza,
                palabras=[w.como_lista() for w in p.palabras],
                origen=p.origen,
                ancho=p.ancho,
                alto=p.alto,
                legibilidad=p.legibilidad,
                calidad=p.calidad,
            )
            for p in paginas
        )
        confianzas = [p.confianza for p in paginas if p.confianza is not None]
        resultado.estado = Estado.TERMINADO
        resultado.motivo = ""
        resultado.paginas_total = resultado.paginas_hechas = len(paginas)
        resultado.confianza = round(sum(confianzas) / len(confianzas), 1) if confianzas else None
        resultado.segundos = round(segundos, 2)
        resultado.tiempos = tiempos_de(paginas)
        resultado.legibilidad = legibilidad_de(paginas)
        resultado.terminado_en = timezone.now()
        resultado.ejecucion = None
        resultado.save()
        senaladas = {
            v: [p.numero for p in paginas if p.legibilidad == v]
            for v in (Legibilidad.DUDOSA, Legibilidad.ILEGIBLE)
        }
        _notificar(reclamo.archivo_id, resultado.estado, {k: v for k, v in senaladas.items() if v})
    return True


def fallar(reclamo: Reclamo, motivo: str) -> bool:
    """End as fallo with a reason. The pages of an earlier success are kept (not shown
    while the state is fallo) so that nothing read before is lost."""
    with transaction.atomic():
        resultado = ResultadoOCR.objects.select_for_update().get(pk=reclamo.resultado_id)
        if resultado.ejecucion != reclamo.token:
            return False
        resultado.estado = Estado.FALLO
        resultado.motivo = motivo
        resultado.legibilidad = ""
        resultado.terminado_en = timezone.now()
        resultado.ejecucion = None
        resultado.save()
        _notificar(reclamo.archivo_id, resultado.estado)
    return True


def espera(intento: int) -> timedelta:
    """Backoff before attempt `intento + 1`: base, 2x base, 4x base, ..."""
    return timedelta(seconds=settings.FOLIO_OCR_ESPERA_S * 2 ** max(intento - 1, 0))


def al_guardar_archivo(sender, archivo_id: int, **kwargs) -> None:
    """Receiver of documentos.eventos.senal_archivo_guardado: read the new file."""
    encolar(archivo_id)


def encolar(archivo_id: int, *, despues: timedelta | None = None) -> None:
    """Queue the file's OCR once the current transaction commits: the one place the OCR
    task is queued. Queued twice, the second run finds nothing to do (reclamar)."""
    from .tasks import ocr_archivo

    tarea = ocr_archivo
    if despues and tarea.get_backend().supports_defer:
        tarea = tarea.using(run_after=timezone.now() + despues)
    transaction.on_commit(partial(tarea.enqueue, archivo_id))


def reintentar(reclamo: Reclamo, motivo: str) -> str:
    """A transient error: back to pendiente and re-queued later, or fallo after the last
    attempt. Returns the new state."""
    if reclamo.intento >= settings.FOLIO_OCR_INTENTOS:
        fallar(
            reclamo,
            _("%(motivo)s (tras %(n)s intentos)") % {"motivo": motivo, "n": reclamo.intento},
        )
        return Estado.FALLO
    with transaction.atomic():
        actualizados = ResultadoOCR.objects.filter(
            pk=reclamo.resultado_id, ejecucion=reclamo.token
        ).update(
            estado=Estado.PENDIENTE,
            motivo=_("Intento %(n)s falló: %(motivo)s. Se reintentará.")
            % {"n": reclamo.intento, "motivo": motivo},
            ejecucion=None,
            actualizado_en=timezone.now(),
        )
        if actualizados:
            encolar(reclamo.archivo_id, despues=espera(reclamo.intento))
    return Estado.PENDIENTE


def leer_archivo(archivo_id: int) -> str | None:
    """Run the pipeline on a stored file and keep the result. Safe to run twice.
    Returns the final state, or None when there was nothing to do."""
    ajustes = pipeline.ajustes_actuales()
    reclamo = reclamar(archivo_id, ajustes)
    if reclamo is None:
        return None
    inicio = time.monotonic()
    archivo = Archivo.objects.get(pk=archivo_id)
    try:
        with archivo.abrir() as fichero:
            contenido = fichero.read()
        paginas = []
        for pagina in pipeline.paginas(contenido, archivo.mime, ajustes):
            paginas.append(pagina)
            avanzar(reclamo, len(paginas))
    except Reemplazado:
        return None
    except pipeline.ArchivoIlegible as exc:
        fallar(reclamo, str(exc))
        return Estado.FALLO
    except pipeline.ErrorTransitorio as exc:
        return reintentar(reclamo, str(exc))
    except pytesseract.TesseractNotFoundError:
        return reintentar(reclamo, _("Tesseract no está instalado"))
    except OSError as exc:
        return reintentar(
            reclamo, _("No se pudo leer el archivo guardado (%(error)s)") % {"error": exc}
        )
    except Exception as exc:
        logger.exception("OCR del archivo %s", archivo_id)
        fallar(reclamo, _("Error inesperado al leer el archivo: %(error)s") % {"error": exc})
        return Estado.FALLO
    if not guardar(reclamo, paginas, time.monotonic() - inicio):
        return None
    return Estado.TERMINADO


def volver_a_leer(archivo_ids, *, encolar_ya: bool = True) -> int:
    """Re-run OCR on these files (staff's "Volver a leer", ocr_reprocess): back to
    pendiente and queued (unless the caller reads them itself). A run still going is
    superseded: its result is discarded. Returns how many files."""
    archivo_ids = list(
        Archivo.objects.filter(pk__in=list(archivo_ids)).values_list("pk", flat=True)
    )
    with transaction.atomic():
        existentes = set(
            ResultadoOCR.objects.filter(archivo_id__in=archivo_ids).values_list(
                "archivo_id", flat=True
            )
        )
        ResultadoOCR.objects.bulk_create(
            ResultadoOCR(archivo_id=pk) for pk in archivo_ids if pk not in existentes
        )
        ResultadoOCR.objects.filter(archivo_id__in=archivo_ids).update(
            estado=Estado.PENDIENTE,
            motivo="",
            intentos=0,
            paginas_hechas=0,
            ejecucion=None,
            actualizado_en=timezone.now(),
        )
        if encolar_ya:
            for pk in archivo_ids:
                encolar(pk)
    return len(archivo_ids)


def _cerrar_huerfanas(archivo_ids: set[int], limite) -> None:
    """End the dead workers' OCR task rows of the database task backend (it would show
    them RUNNING forever)."""
    if not archivo_ids or not apps.is_installed("django_tasks_db"):
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from .tasks import ocr_archivo

    huerfanas = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, task_path=ocr_archivo.module_path, started_at__lt=limite
    )
    for fila in huerfanas:
        if (fila.args_kwargs.get("args") or [None])[0] in archivo_ids:
            fila.set_failed(
                TrabajadorPerdido(_("El worker se detuvo; el OCR se volvió a encolar."))
            )


def barrer(minutos: int | None = None) -> tuple[int, int]:
    """Re-queue OCR left en_proceso with no progress for `minutos` (a worker died: the
    database task backend leaves its task RUNNING forever, so that row is ended too).
    A file that has used all its attempts ends as fallo. Returns (re-queued, failed)."""
    minutos = settings.FOLIO_OCR_ATASCADO_MIN if minutos is None else minutos
    limite = timezone.now() - timedelta(minutes=minutos)
    reencolados = fallidos = 0
    with transaction.atomic():
        atascados = list(
            ResultadoOCR.objects.select_for_update().filter(
                estado=Estado.EN_PROCESO, actualizado_en__lt=limite
            )
        )
        for resultado in atascados:
            if resultado.intentos >= settings.FOLIO_OCR_INTENTOS:
                resultado.estado = Estado.FALLO
                resultado.motivo = _(
                    "El proceso de OCR se detuvo %(n)s veces sin terminar (¿archivo demasiado "
                    "grande para el servidor?)."
                ) % {"n": resultado.intentos}
                resultado.terminado_en = timezone.now()
                fallidos += 1
                _notificar(resultado.archivo_id, resultado.estado)
            else:
                resultado.estado = Estado.PENDIENTE
                resultado.motivo = _("El proceso anterior se detuvo; se volvió a encolar.")
                encolar(resultado.archivo_id)
                reencolados += 1
            resultado.ejecucion = None
            resultado.save()
        _cerrar_huerfanas({r.archivo_id for r in atascados}, limite)
    return reencolados, fallidos
