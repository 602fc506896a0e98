import hashlib
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from documentos.models import Archivo, EntradaBitacora, Escrito
from documentos.services import bitacora
from documentos.services.recepcion import ALFABETO_CODIGO, PosibleDuplicado
from tests.factories import imagen_bytes, pdf_bytes, subida

pytestmark = pytest.mark.django_db
MX = ZoneInfo("America/Mexico_City")


def _archivos_privados() -> list[Path]:
    raiz = Path(settings.PRIVATE_MEDIA_ROOT)
    return [p for p in raiz.rglob("*") if p.is_file()] if raiz.exists() else []


def test_intake_gives_folio_code_deadline_files_and_bitacora(recibir, oficialia):
    escaneo = pdf_bytes(paginas=2)
    escrito = recibir(
        archivos=[subida("Escaneo Juárez.pdf", escaneo), subida("anexo.jpg", imagen_bytes("JPEG"))],
        recibido_en=datetime(2026, 3, 2, 10, 0, tzinfo=MX),
    )

    assert re.fullmatch(r"OP-2026-\d{6}", escrito.folio)
    assert len(escrito.codigo_acceso) == 10 and set(escrito.codigo_acceso) <= set(ALFABETO_CODIGO)
    assert escrito.estado == Escrito.Estado.RECIBIDO
    assert escrito.fojas == 3  # pages of every file, when the clerk does not say
    assert escrito.vence_en is not None and escrito.recibido_por == oficialia

    primero, segundo = escrito.archivos.order_by("orden")
    assert (primero.mime, primero.paginas, primero.nombre_original) == (
        "application/pdf",
        2,
        "Escaneo Juárez.pdf",
    )
    assert primero.sha256 == hashlib.sha256(escaneo).hexdigest()
    with primero.abrir() as guardado:
        assert guardado.read() == escaneo
    assert segundo.mime == "image/jpeg"
    assert not primero.archivo.is_public

    entrada = EntradaBitacora.objects.get(escrito=escrito)
    assert entrada.accion == EntradaBitacora.Accion.RECEPCION
    assert entrada.usuario == oficialia and entrada.ip == "10.0.0.7"
    assert escrito.folio in entrada.descripcion


def test_stored_files_are_not_under_the_public_media_root(recibir):
    escrito = recibir()
    ruta = Path(escrito.archivos.get().archivo.file.path)
    assert Path(settings.PRIVATE_MEDIA_ROOT) in ruta.parents
    assert Path(settings.MEDIA_ROOT) not in ruta.parents


def test_folios_are_consecutive_per_year(recibir):
    a = recibir(recibido_en=datetime(2025, 12, 31, 23, 50, tzinfo=MX))
    b = recibir(recibido_en=datetime(2026, 1, 1, 0, 5, tzinfo=MX), asunto="Otro asunto")
    c = recibir(recibido_en=datetime(2026, 1, 2, 9, 0, tzinfo=MX), asunto="Tercero")
    assert a.folio == "OP-2025-000001"
    assert (b.folio, c.folio) == ("OP-2026-000001", "OP-2026-000002")


def test_duplicate_submission_warns_and_can_be_confirmed(recibir, oficialia):
    archivo = imagen_bytes(texto="mismo escrito")
    primero = recibir(archivos=[subida("a.png", archivo)])

    with pytest.raises(PosibleDuplicado) as aviso:
        recibir(archivos=[subida("b.png", archivo)], remitente_nombre="maría lópez hernández ")
    assert primero.folio in aviso.value.messages[0]
    assert Escrito.objects.count() == 1

    from documentos.services.recepcion import recibir_escrito
    from tests.factories import datos_recepcion

    segundo = recibir_escrito(
        datos_recepcion(archivos=[subida("b.png", archivo)]),
        usuario=oficialia,
        confirmar_duplicado=True,
    )
    assert segundo.folio != primero.folio


def test_failure_after_files_are_written_leaves_no_escrito_and_no_bytes(recibir, monkeypatch):
    def falla(*args, **kwargs):
        raise RuntimeError("disco lleno")

    antes = set(_archivos_privados())
    monkeypatch.setattr(bitacora, "registrar", falla)
    with pytest.raises(RuntimeError):
        recibir()
    assert not Escrito.objects.exists() and not Archivo.objects.exists()
    assert set(_archivos_privados()) == antes


def test_folio_number_is_given_back_when_intake_fails(recibir, monkeypatch):
    primero = recibir()
    monkeypatch.setattr(bitacora, "registrar", lambda *a, **k: (_ for _ in ()).throw(OSError()))
    with pytest.raises(OSError):
        recibir(asunto="Falla")
    monkeypatch.undo()
    siguiente = recibir(asunto="Siguiente")
    assert int(siguiente.folio[-6:]) == int(primero.folio[-6:]) + 1


def test_staff_without_oficialia_role_cannot_receive(recibir, staff_finanzas):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        recibir(usuario=staff_finanzas)
    assert not Escrito.objects.exists()


def test_files_are_queued_for_ocr_and_escrito_for_search_after_commit(
    recibir, django_capture_on_commit_callbacks, monkeypatch
):
    """The hand-offs are stubbed at the ocr/busqueda task boundary. The search outbox row is
    written inside the transaction; the task that applies it starts after commit."""
    from busqueda import tasks as busqueda_tasks
    from busqueda.models import PendienteIndice
    from ocr import tasks as ocr_tasks

    class Cola(list):
        def enqueue(self, *valores):
            self.append(valores)

    ocr, indice = Cola(), Cola()
    monkeypatch.setattr(ocr_tasks, "ocr_archivo", ocr)
    monkeypatch.setattr(busqueda_tasks, "aplicar_pendientes", indice)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        escrito = recibir()
        assert ocr == [] and indice == []  # nothing before commit
        assert PendienteIndice.objects.filter(tipo="escrito", objeto_id=escrito.pk).exists()
    for callback in callbacks:
        callback()
    assert [a for (a,) in ocr] == list(escrito.archivos.values_list("pk", flat=True))
    assert indice and set(indice) == {()}


def test_validation_error_messages_are_spanish(recibir):
    with pytest.raises(ValidationError) as error:
        recibir(tipo="inventado")
    assert "no es una opción válida" in " ".join(error.value.messages)
