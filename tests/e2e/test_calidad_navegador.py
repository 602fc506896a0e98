"""The diagnóstico and the prioritisation in real headless Chromium, checked with axe: the
máxima autoridad opens an área's diagnóstico, records its infrastructure checklist, reads
the ranking and prioritises the first trámite."""

import re

import pytest
from playwright.sync_api import expect

from atencion.models import Evaluacion
from tests.atencion import conftest as atencion
from tests.atencion.calidad import conftest as calidad
from tests.e2e.sesion import entrar

# The fixtures of the quality tests, for this module.
sede = atencion.sede
area_calidad, catalogo_calidad, junio_calidad = (
    calidad.area_calidad,
    calidad.catalogo_calidad,
    calidad.junio_calidad,
)
maxima_autoridad, modelo = calidad.maxima_autoridad, calidad.modelo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
JUNIO = "desde=2026-06-01&hasta=2026-06-30"


def test_diagnostico_y_priorizacion_en_el_navegador(
    live_server, junio_calidad, area_calidad, modelo, maxima_autoridad, pagina, axe, captura
):
    entrar(pagina, live_server, maxima_autoridad)
    pagina.get_by_role("button", name="Calidad del servicio").click()
    pagina.get_by_role("link", name="Diagnóstico").click()
    pagina.wait_for_url(re.compile(r"/admin/calidad/diagnostico/"))
    pagina.get_by_label("Área").select_option(label="Dirección de Catastro")
    pagina.get_by_label("Desde").fill("2026-06-01")
    pagina.get_by_label("Hasta").fill("2026-06-30")
    pagina.get_by_role("button", name="Ver diagnóstico").click()
    inventario = pagina.get_by_role("region", name="Inventario de trámites y servicios")
    fila = inventario.get_by_role("row", name=re.compile("Constancia de no adeudo"))
    expect(fila).to_contain_text("3,14 (7)")
    axe(pagina)
    captura(pagina, "e2e-diagnostico")

    pagina.get_by_role("link", name="Registrar revisión de infraestructura").click()
    # .all() does not wait: let the whole form arrive before checking every group.
    expect(pagina.get_by_role("group", name=re.compile("Protección civil"))).to_be_visible()
    for grupo in pagina.locator("fieldset").all():
        grupo.get_by_label("Adecuado", exact=True).check()
    pagina.get_by_role("group", name="Asientos y sala de espera").get_by_label("Inadecuado").check()
    pagina.get_by_label("Notas: Asientos y sala de espera").fill("Seis sillas para 40 personas.")
    axe(pagina)
    captura(pagina, "e2e-diagnostico-infraestructura")
    pagina.get_by_role("button", name="Registrar").click()
    expect(pagina.get_by_text("Se registró la revisión de infraestructura.")).to_be_visible()
    expect(
        pagina.get_by_text("Infraestructura: Asientos y sala de espera en estado inadecuado.")
    ).to_be_visible()

    pagina.get_by_role("link", name="Ver el informe").click()
    expect(pagina.get_by_role("heading", name="Hallazgos")).to_be_visible()
    axe(pagina)
    captura(pagina, "e2e-diagnostico-informe")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Descargar PDF").click()
    assert descarga.value.suggested_filename == "diagnostico-cat-2026-06-01-2026-06-30.pdf"

    pagina.goto(f"{live_server.url}/admin/calidad/priorizacion/?{JUNIO}")
    primera = pagina.locator("table.folio-priorizacion tbody tr").first
    expect(primera).to_contain_text("Constancia de no adeudo")
    expect(primera).to_contain_text("86,0")
    axe(pagina)
    captura(pagina, "e2e-priorizacion")
    primera.get_by_role("link", name=re.compile("Priorizar")).click()
    pagina.get_by_label("Modelo de evaluación").select_option(label=modelo.nombre)
    pagina.get_by_label("Motivo de la priorización").fill(
        "Primer lugar: quejas, demoras y coyotaje."
    )
    axe(pagina)
    pagina.get_by_role("button", name="Priorizar").click()
    expect(pagina.get_by_text("Se priorizó «Constancia de no adeudo»")).to_be_visible()
    expect(pagina.locator("table.folio-priorizacion tbody tr").first).to_contain_text(
        "En curso: Priorizada"
    )
    assert Evaluacion.objects.get().priorizacion["total"] == 86.0
