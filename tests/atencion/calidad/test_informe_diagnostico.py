"""The «Diagnóstico de la situación actual» report of an área, web and PDF: its inventory
with the figures, the clima laboral, the infrastructure and the automatic findings. The PDF's
text is read back with pdftotext and its first page rendered with pdftoppm."""

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from atencion.calidad.services_diagnostico import registrar_clima, registrar_infraestructura
from atencion.models import ElementoInfraestructura
from tests.pdfs import imagenes

pytestmark = pytest.mark.django_db
JUNIO_GET = "desde=2026-06-01&hasta=2026-06-30"
D = dt.date


@pytest.fixture
def con_registros(junio_calidad, area_calidad, modernizacion):
    registrar_clima(
        area_calidad,
        desde=D(2026, 6, 1),
        hasta=D(2026, 6, 15),
        participantes=18,
        personal=24,
        resultados={"liderazgo": 3.9, "comunicacion": 2.6, "capacitacion": 3.1},
        observaciones="Aplicada en línea del 1 al 15 de junio.",
        usuario=modernizacion,
    )
    elementos = {e: {"estado": "adecuado", "notas": ""} for e in ElementoInfraestructura.values}
    elementos["sala_espera"] = {"estado": "inadecuado", "notas": "Seis sillas para 40 personas."}
    elementos["conectividad"] = {"estado": "mejorable", "notas": "La red falla por las tardes."}
    registrar_infraestructura(
        area_calidad,
        desde=D(2026, 6, 1),
        hasta=D(2026, 6, 30),
        elementos=elementos,
        usuario=modernizacion,
    )
    return junio_calidad


HALLAZGOS = [
    "«Constancia de no adeudo»: solo el 60,0 % de los escritos se respondió en plazo (menos de 80 %).",
    "«Constancia de no adeudo»: satisfacción de 3,14 de 5 en las encuestas (menos de 3,5).",
    "«Constancia de no adeudo»: 2 quejas o denuncias en el periodo.",
    "«Constancia de no adeudo»: 1 reporte de posible coyotaje en las encuestas.",
    "Clima laboral: Comunicación con promedio de 2,60 de 5 (menos de 3,0).",
    "Infraestructura: Asientos y sala de espera en estado inadecuado.",
]


def test_el_informe_web(client, con_registros, area_calidad, maxima_autoridad):
    client.force_login(maxima_autoridad)
    html = client.get(
        f"/admin/calidad/diagnostico/{area_calidad.pk}/informe/?{JUNIO_GET}"
    ).content.decode()
    assert "Diagnóstico de la situación actual" in html
    assert "Periodo: 01/06/2026 al 30/06/2026" in html
    assert "<td>3,14 (7)</td>" in html
    assert "Respondieron 18 personas de 24 (75,0 %)." in html
    assert "registrado por" in html and "Aplicada en línea del 1 al 15 de junio." in html
    assert "Seis sillas para 40 personas." in html
    for hallazgo in HALLAZGOS:
        assert hallazgo in html, html[html.index('id="hallazgos"') :]
    assert "No hay encuesta de clima laboral" not in html
    assert "Registrar encuesta" not in html  # the report is read-only


def _texto(pdf: Path) -> str:
    return subprocess.run(
        [shutil.which("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_el_informe_pdf(client, con_registros, area_calidad, maxima_autoridad, tmp_path):
    client.force_login(maxima_autoridad)
    respuesta = client.get(f"/admin/calidad/diagnostico/{area_calidad.pk}/informe/pdf/?{JUNIO_GET}")
    assert respuesta["Content-Type"] == "application/pdf"
    assert (
        respuesta["Content-Disposition"]
        == 'attachment; filename="diagnostico-cat-2026-06-01-2026-06-30.pdf"'
    )
    pdf = tmp_path / "diagnostico.pdf"
    pdf.write_bytes(respuesta.content)
    texto = _texto(pdf)
    unido = " ".join(texto.split())
    for esperado in [
        "Diagnóstico de la situación actual",
        "Dirección de Catastro",
        "Periodo: 01/06/2026 al 30/06/2026",
        "1. Inventario de trámites y servicios",
        "Constancia de no adeudo (CAT-01)",
        "Avalúo catastral (CAT-02)",
        "Escritos respondidos en plazo por trámite (%); línea: 80 %",
        "2. Clima laboral",
        "Respondieron 18 personas de 24 (75,0 %).",
        "Promedio por dimensión (1 a 5); línea: 3,0",
        "Trabajo en equipo",
        "3. Infraestructura física y tecnológica",
        "Seis sillas para 40 personas.",
        "La red falla por las tardes.",
        "4. Hallazgos",
        *HALLAZGOS,
    ]:
        assert esperado in unido, esperado
    # The inventory's rows, figure by figure (layout keeps a row on one line).
    constancia = next(linea for linea in texto.splitlines() if "Constancia de no adeudo" in linea)
    assert constancia.split()[-11:] == [
        "5",
        "4",
        "3,5",
        "12,0",
        "60,0",
        "22,5",
        "34,0",
        "3,14",
        "(7)",
        "2",
        "1",
    ]
    total = next(linea for linea in texto.splitlines() if "Total del área" in linea)
    assert total.split()[-11:] == [
        "8",
        "4",
        "2,0",
        "10,0",
        "71,4",
        "22,5",
        "34,0",
        "3,44",
        "(9)",
        "2",
        "1",
    ]
    assert imagenes(respuesta.content) == 0  # the charts are vector drawings


def test_la_primera_pagina_se_dibuja(
    client, con_registros, area_calidad, maxima_autoridad, tmp_path
):
    """Render page 1 (saved to FOLIO_SHOTS, /tmp/shots, to look at) and check it is not blank."""
    from PIL import Image

    client.force_login(maxima_autoridad)
    pdf = tmp_path / "diagnostico.pdf"
    pdf.write_bytes(
        client.get(f"/admin/calidad/diagnostico/{area_calidad.pk}/informe/pdf/?{JUNIO_GET}").content
    )
    subprocess.run(
        [
            shutil.which("pdftoppm"),
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    with Image.open(png) as imagen:
        assert imagen.size == (660, 510)  # letter, landscape, at 60 dpi
        oscuros = sum(imagen.convert("L").histogram()[:128])
    assert oscuros > 2000
    destino = Path(os.environ.get("FOLIO_SHOTS", "/tmp/shots"))  # noqa: S108
    destino.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, destino / "diagnostico-pagina-1.png")
    shutil.copy(pdf, destino / "diagnostico.pdf")
