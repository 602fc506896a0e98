"""manage.py version_publica: the backlog command, on escritos read by the real OCR."""

import io

import pypdfium2
import pytest
from django.core.management import CommandError, call_command
from PIL import ImageStat

from cms import roles
from documentos.models import Escrito, VersionPublica
from tests.factories import UsuarioFactory

E = VersionPublica.Estado


def _correr(*argumentos):
    salida, errores = io.StringIO(), io.StringIO()
    call_command("version_publica", *argumentos, stdout=salida, stderr=errores, verbosity=0)
    return salida.getvalue(), errores.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "argumentos, mensaje",
    [
        ((), "Indique --folio FOLIO o --todos"),
        (("--folio", "OP-2026-000001", "--todos"), "Indique --folio FOLIO o --todos"),
        (("--todos", "--aprobar"), "indique --usuario"),
        (("--todos", "--aprobar", "--usuario", "nadie"), "No existe el usuario activo"),
        (("--folio", "OP-2026-999999"), "No hay un escrito público con el folio"),
    ],
)
def test_argumentos_erroneos_dicen_que_falta_y_no_cambian_nada(argumentos, mensaje):
    with pytest.raises(CommandError, match=mensaje):
        _correr(*argumentos)
    assert not VersionPublica.objects.exists()


@pytest.mark.tesseract
@pytest.mark.django_db
def test_folio_prepara_sugerencias_para_revisar(leer_escrito):
    escrito = leer_escrito()
    salida, _ = _correr("--folio", escrito.folio.lower())
    version = VersionPublica.objects.get(escrito=escrito)
    assert version.estado == E.POR_REVISAR and version.cajas.exists()
    assert "1 preparadas, 0 aprobadas, 0 sin preparar" in salida
    assert not Escrito.objects.get(pk=escrito.pk).publicado


@pytest.mark.tesseract
@pytest.mark.django_db
def test_todos_con_aprobar_en_lote_y_dos_veces_sin_dano(leer_escrito, settings):
    contralor = UsuarioFactory(username="contralor.lote", roles=[roles.CONTRALORIA])
    leido = leer_escrito()
    reservado = leer_escrito(clasificacion=Escrito.Clasificacion.RESERVADA)
    sin_leer = leer_escrito()
    sin_leer.archivos.first().ocr.delete()  # not read yet: cannot be prepared

    salida, errores = _correr("--todos", "--aprobar", "--usuario", contralor.username)
    assert "1 preparadas, 1 aprobadas, 1 sin preparar" in salida
    assert sin_leer.folio in errores and "leer" in errores
    version = VersionPublica.objects.get(escrito=leido)
    assert version.estado == E.APROBADA and version.automatica
    assert version.aprobada_por == contralor
    assert all("Zubiria" not in p["texto"] for p in version.paginas)
    assert not VersionPublica.objects.filter(escrito=reservado).exists()

    salida, _ = _correr("--todos", "--aprobar", "--usuario", contralor.username)
    assert "0 preparadas, 0 aprobadas, 1 sin preparar" in salida  # the approved one is kept
    assert VersionPublica.objects.filter(escrito=leido).count() == 1


@pytest.mark.tesseract
@pytest.mark.django_db
def test_en_lote_una_pagina_poco_confiable_se_publica_cubierta(leer_escrito, settings):
    contralor = UsuarioFactory(username="contralor.cubre", roles=[roles.CONTRALORIA])
    escrito = leer_escrito(paginas=[["Solicitud de poda de arboles en el parque Morelos"]])
    settings.FOLIO_TESTADO_CONFIANZA_MIN = 101  # no reading is trusted
    _correr("--folio", escrito.folio, "--aprobar", "--usuario", contralor.username)
    version = VersionPublica.objects.get(escrito=escrito)
    assert version.estado == E.APROBADA
    pdf = pypdfium2.PdfDocument(version.pdf.file.read())
    try:
        pagina = pdf[0].render(scale=0.5).to_pil().convert("L")
        leyenda = pdf[len(pdf) - 1].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert ImageStat.Stat(pagina).mean[0] < 20  # the whole page is black
    assert "Fundamento legal" in leyenda
    assert version.paginas[0]["texto"].strip() == "[testado]"
