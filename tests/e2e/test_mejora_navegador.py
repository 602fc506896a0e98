"""Acciones de mejora in real headless Chromium: the responsable sees the alert on the admin
home, opens the action, adds a seguimiento with its evidence through the form; the plan
with the informe de mejora; every screen checked with axe."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from atencion.models import Evaluacion, ModeloCalidad, OportunidadMejora, Seguimiento
from cms import roles
from tests.atencion.calidad.mejora import accion, seguimiento
from tests.e2e.sesion import entrar
from tests.factories import AreaFactory, UsuarioFactory, pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _accion_vencida():
    area = AreaFactory(nombre="Dirección de Catastro", siglas="CAT")
    responsable = UsuarioFactory(username="responsable.navegador", roles=[roles.AREA], areas=[area])
    evaluacion = Evaluacion.objects.create(
        nombre="Constancia de no adeudo predial",
        modelo=ModeloCalidad.objects.create(nombre="Modelo del navegador"),
        area=area,
        periodo_desde=dt.date(2026, 1, 1),
        periodo_hasta=dt.date(2026, 6, 30),
        estado=Evaluacion.Estado.APROBADA,
        creada_por=responsable,
    )
    oportunidad = OportunidadMejora.objects.create(
        evaluacion=evaluacion,
        descripcion="Capacitar a quien atiende",
        causa="Personal nuevo sin inducción.",
        registrada_por=responsable,
    )
    actividad = accion(
        oportunidad,
        nombre="Capacitar al personal",
        area=area,
        linea_base=Decimal("0"),
        meta=Decimal("12"),
    )
    seguimiento(actividad, dt.date(2026, 8, 1), 40, valor=Decimal("5"), descripcion="Primer curso.")
    return responsable, actividad


def test_the_responsable_follows_an_action_in_the_browser(
    live_server, pagina, axe, captura, tmp_path
):
    responsable, actividad = _accion_vencida()
    entrar(pagina, live_server, responsable)
    panel = pagina.locator("#alertas-mejora-content")
    expect(panel).to_contain_text("debía concluir el 30/09/2026 y lleva 40 % de avance")
    axe(pagina)

    panel.get_by_role("link", name="Capacitar al personal").first.click()
    pagina.wait_for_url(re.compile(rf"/admin/calidad/mejora/{actividad.pk}/$"))
    expect(pagina.get_by_role("heading", name="Ficha del indicador")).to_be_visible()
    expect(
        pagina.get_by_role("img", name=re.compile("antes 0, después 5, meta 12"))
    ).to_be_visible()
    axe(pagina)
    captura(pagina, "e2e-accion-de-mejora")

    evidencia = tmp_path / "lista-de-asistencia.pdf"
    evidencia.write_bytes(pdf_bytes())
    pagina.get_by_label("Fecha del corte").fill("2026-10-01")
    pagina.get_by_label("Avance (%)").fill("20")
    pagina.get_by_label("Valor del indicador").fill("9")
    pagina.get_by_label("Evidencia (PDF o imagen)").set_input_files(str(evidencia))
    pagina.get_by_role("button", name="Agregar seguimiento").click()
    expect(pagina.get_by_role("alert")).to_contain_text("No se registró el seguimiento")
    expect(pagina.get_by_text("El avance baja de 40 % a 20 %: explique por qué.")).to_be_visible()
    axe(pagina)
    assert Seguimiento.objects.filter(actividad=actividad).count() == 1

    pagina.get_by_label("Avance (%)").fill("70")
    pagina.get_by_label("Evidencia (PDF o imagen)").set_input_files(str(evidencia))
    pagina.get_by_role("button", name="Agregar seguimiento").click()
    expect(pagina.get_by_text("Seguimiento registrado.")).to_be_visible()
    expect(pagina.get_by_role("link", name="lista-de-asistencia.pdf")).to_be_visible()
    assert Seguimiento.objects.filter(actividad=actividad, avance=70).exists()

    pagina.get_by_role("link", name="Constancia de no adeudo predial").click()
    expect(pagina.get_by_role("heading", name="Informe de mejora")).to_be_visible()
    axe(pagina)
    captura(pagina, "e2e-plan-de-mejora")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Descargar el informe de mejora (PDF)").click()
    assert descarga.value.suggested_filename.startswith("informe-de-mejora-")
