"""The informe de mejora as a PDF: its text (pdftotext) shows the evaluation, each
oportunidad with its actions, the indicator's ficha with the figures Folio measured, the
seguimientos with their evidence and the lecciones aprendidas."""

import datetime as dt
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from atencion.calidad import selectors_mejora as sel
from atencion.calidad import services_mejora as sm
from atencion.calidad.informe_mejora import barras, pdf_informe
from atencion.models import Indicador, OportunidadMejora
from tests.atencion.calidad.mejora import DESPUES_DEL_FIN, accion, seguimiento
from tests.factories import UsuarioFactory, pdf_bytes, subida

pytestmark = pytest.mark.django_db
PDFTOTEXT, PDFTOPPM = shutil.which("pdftotext"), shutil.which("pdftoppm")
C = Indicador.Calculo
D = Decimal


def texto_pdf(contenido: bytes, tmp_path: Path) -> str:
    ruta = tmp_path / "informe.pdf"
    ruta.write_bytes(contenido)
    salida = subprocess.run([PDFTOTEXT, str(ruta), "-"], capture_output=True, check=True, text=True)
    return " ".join(salida.stdout.split())


@pytest.fixture
def ciclo(datos_conocidos, oportunidad, area_calidad, responsable_mejora, evaluador):
    """A computed action with two seguimientos (one with evidence), a manual one, and an
    oportunidad without actions."""
    espera = accion(
        oportunidad,
        nombre="Abrir una segunda ventanilla",
        calculo=C.ESPERA_MEDIA,
        meta=D("12"),
        mayor_es_mejor=False,
        area=area_calidad,
        responsable=UsuarioFactory(username="lucia", first_name="Lucía", last_name="Pérez"),
    )
    espera.indicador.unidad = "minutos"
    espera.indicador.formula = "Promedio de minutos de espera"
    espera.indicador.save()
    sm.registrar_seguimiento(
        espera,
        fecha=dt.date(2026, 7, 15),
        avance=40,
        descripcion="Se habilitó el mobiliario.",
        evidencia=subida("acta-de-instalacion.pdf", pdf_bytes()),
        usuario=responsable_mejora,
    )
    seguimiento(espera, dt.date(2026, 9, 30), 100, descripcion="Ventanilla 2 en servicio.")
    manual = accion(
        oportunidad,
        nombre="Capacitar al personal",
        linea_base=D("0"),
        meta=D("12"),
        area=area_calidad,
    )
    seguimiento(manual, dt.date(2026, 8, 20), 50, valor=D("7"), descripcion="Primer curso.")
    OportunidadMejora.objects.create(
        evaluacion=oportunidad.evaluacion,
        descripcion="Señalizar los requisitos",
        causa="Los requisitos no están a la vista.",
        registrada_por=evaluador,
    )
    evaluacion = oportunidad.evaluacion
    evaluacion.lecciones_aprendidas = "Medir la espera antes de abrir ventanillas."
    evaluacion.save(update_fields=["lecciones_aprendidas"])
    return evaluacion


def test_pdf_text_shows_the_cycle_with_measured_figures(ciclo, tmp_path):
    contenido = pdf_informe(sel.informe(ciclo, hoy=DESPUES_DEL_FIN))
    assert contenido.startswith(b"%PDF-")
    texto = texto_pdf(contenido, tmp_path)
    for esperado in (
        "Informe de mejora",
        "Constancia de no adeudo predial",
        "Área: Dirección de Catastro",
        "Periodo evaluado: del 01/01/2026 al 30/06/2026",
        "Oportunidad de mejora 1",
        "Reducir la espera en ventanilla",
        "Causa: Una sola ventanilla atiende en las horas de mayor afluencia.",
        "1.1 Abrir una segunda ventanilla",
        "Dirección de Catastro · Lucía Pérez",
        "del 01/07/2026 al 30/09/2026",
        "100 % · Concluida",
        "Promedio de minutos de espera",
        # Measured: 20 minutes in the evaluated period, 10 during the action.
        "Antes 20 · medido por Folio del 01/01/2026 al 30/06/2026 (periodo evaluado)",
        # (the chart's labels sit beside the ficha, so they may fall in between)
        "10 · medido por Folio del 01/07/2026 al 30/09/2026",
        "meta 12",
        "Resultado Meta alcanzada",
        "Se habilitó el mobiliario.",
        "acta-de-instalacion.pdf",
        "1.2 Capacitar al personal",
        "Antes 0 · línea base de la ficha",
        "Después 7 · registrado en el seguimiento del 20/08/2026",
        "Resultado Meta no alcanzada",
        "Oportunidad de mejora 2",
        "Sin acciones de mejora planificadas.",
        "Lecciones aprendidas",
        "Medir la espera antes de abrir ventanillas.",
    ):
        assert esperado in texto, esperado
    # The first page, rendered, for a person to look at (FOLIO_SHOTS).
    carpeta = Path(os.environ.get("FOLIO_SHOTS", tmp_path))
    carpeta.mkdir(parents=True, exist_ok=True)
    (tmp_path / "informe.pdf").write_bytes(contenido)
    subprocess.run(
        [
            PDFTOPPM,
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "informe.pdf"),
            str(carpeta / "informe-mejora"),
        ],
        check=True,
    )
    assert list(carpeta.glob("informe-mejora*.png"))


def test_closing_reason_is_in_the_informe(ciclo, modernizacion, tmp_path):
    sm.cerrar(ciclo, "Lecciones del ciclo.", modernizacion, motivo="Falta un curso.")
    ciclo.refresh_from_db()
    texto = texto_pdf(pdf_informe(sel.informe(ciclo, hoy=DESPUES_DEL_FIN)), tmp_path)
    assert "Cierre con acciones sin concluir Falta un curso." in texto
    assert "Estado: Mejora concluida" in texto


def test_web_bars_scale_to_the_largest_value(ciclo):
    espera = sel.informe(ciclo, hoy=DESPUES_DEL_FIN).acciones[0]
    geometria = barras(espera.medicion)
    antes, despues = geometria["columnas"]
    assert (antes["texto"], despues["texto"], geometria["meta"]["texto"]) == ("20", "10", "12")
    assert antes["alto"] == pytest.approx(2 * despues["alto"], abs=0.2)
    assert despues["y"] > antes["y"]
