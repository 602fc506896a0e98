"""The OCR management commands, with real Tesseract."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from documentos.models import Archivo
from ocr.models import ResultadoOCR

from .conftest import estropear
from .imagenes import como_bytes, pagina

pytestmark = [pytest.mark.tesseract]


def test_ocr_file_writes_one_text_per_file_pages_split_by_form_feed(tmp_path, texto_plano):
    dos_hojas = tmp_path / "expediente.tif"
    pagina().save(dos_hojas, "TIFF", save_all=True, append_images=[pagina(["Segunda hoja"])])
    una = tmp_path / "oficio.png"
    una.write_bytes(como_bytes(pagina(angulo=-2)))
    salida = io.StringIO()
    call_command(
        "ocr_file", str(dos_hojas), str(una), "--out", str(tmp_path / "txt"), stdout=salida
    )
    primera, segunda = (tmp_path / "txt" / "expediente.txt").read_text().split("\f")
    assert "expediente 245" in texto_plano(primera)
    assert texto_plano(segunda) == "Segunda hoja"
    assert "expediente 245" in texto_plano((tmp_path / "txt" / "oficio.txt").read_text())
    assert "2 página(s): legible, legible" in salida.getvalue()


def test_ocr_file_reports_unreadable_files_and_goes_on(tmp_path):
    roto = tmp_path / "roto.png"
    roto.write_bytes(b"no es una imagen")
    bueno = tmp_path / "bueno.png"
    bueno.write_bytes(como_bytes(pagina()))
    errores = io.StringIO()
    with pytest.raises(CommandError, match="1 de 2"):
        call_command("ocr_file", str(roto), str(bueno), "--out", str(tmp_path), stderr=errores)
    assert "no es una imagen" in errores.getvalue()
    assert (tmp_path / "bueno.txt").exists() and not (tmp_path / "roto.txt").exists()


@pytest.mark.django_db
def test_ocr_reprocess_needs_a_filter():
    with pytest.raises(CommandError, match="Indique qué leer"):
        call_command("ocr_reprocess")


@pytest.mark.django_db
def test_ocr_reprocess_failed_only_here_with_progress(recibir, escaneo):
    escrito = recibir(("escaneo.png", escaneo), ("anexo.png", escaneo))
    bueno, malo = escrito.archivos.order_by("orden", "pk")
    original = malo.archivo.file.storage.open(malo.archivo.file.name).read()
    estropear(malo, escaneo[:1000])
    call_command("ocr_reprocess", "--todos", "--aqui", stdout=io.StringIO())
    assert ResultadoOCR.objects.get(archivo=malo).estado == ResultadoOCR.Estado.FALLO
    terminado_en = ResultadoOCR.objects.get(archivo=bueno).terminado_en
    estropear(malo, original)  # repaired from a backup
    salida = io.StringIO()
    call_command("ocr_reprocess", "--fallidos", "--aqui", stdout=salida)
    assert "1/1 leídos" in salida.getvalue() and "1 terminado" in salida.getvalue()
    assert ResultadoOCR.objects.get(archivo=malo).estado == ResultadoOCR.Estado.TERMINADO
    assert ResultadoOCR.objects.get(archivo=bueno).terminado_en == terminado_en


@pytest.mark.django_db
def test_ocr_reprocess_by_file_and_dates_queues_for_the_worker(
    recibir, escaneo, django_capture_on_commit_callbacks
):
    uno = recibir(("escaneo.png", escaneo), ("anexo.png", escaneo))
    otro = recibir(("escaneo.png", escaneo))
    Archivo.objects.filter(escrito=otro).update(subido_en=timezone.now() - timedelta(days=40))
    elegido = uno.archivos.order_by("pk").last()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ocr_reprocess", "--archivo", str(elegido.pk), stdout=io.StringIO())
    assert list(ResultadoOCR.objects.values_list("archivo", flat=True)) == [elegido.pk]
    hace_un_mes = (timezone.localdate() - timedelta(days=30)).isoformat()
    salida = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ocr_reprocess", "--hasta", hace_un_mes, stdout=salida)
    assert "1/1 encolados" in salida.getvalue()
    assert ResultadoOCR.objects.get(archivo__escrito=otro).estado == ResultadoOCR.Estado.TERMINADO
    with pytest.raises(CommandError, match="Fecha no válida"):
        call_command("ocr_reprocess", "--desde", "ayer")


@pytest.mark.django_db
def test_ocr_reprocess_refuses_files_that_do_not_exist_and_changes_nothing(recibir, escaneo):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    with pytest.raises(CommandError, match="No hay archivos con estos números: 987654"):
        call_command("ocr_reprocess", "--archivo", str(archivo.pk), "987654")
    with pytest.raises(CommandError, match="Número de archivo no válido: 'OP-2026-000001'"):
        call_command("ocr_reprocess", "--archivo", "OP-2026-000001")
    assert not ResultadoOCR.objects.exists()


def test_ocr_commands_select_files_not_folios():
    """A folio is documentos' word: its filter is documentos' folio_releer."""
    from ocr.management.commands.ocr_reprocess import Command

    opciones = {a.dest for a in Command().create_parser("manage.py", "ocr_reprocess")._actions}
    assert "archivo" in opciones and "folio" not in opciones
