"""The portal's Calidad del servicio page on a 390 px phone, in real Chromium with axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atencion.models import (
    Calificacion,
    ComponenteModelo,
    Criterio,
    Evaluacion,
    ModeloCalidad,
    OportunidadMejora,
)
from cms.models import CalidadServicioPage, HomePage
from tests.factories import ActividadFactory, AreaFactory, UsuarioFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def publicada(db):
    """An approved evaluation with one oportunidad and its acción de mejora, on the page."""
    gerente = UsuarioFactory(username="gerente")
    modelo = ModeloCalidad.objects.create(nombre="Modelo para la Gestión de la Calidad")
    componente = ComponenteModelo.objects.create(
        modelo=modelo, numero=1, nombre="Conocimiento de las necesidades de las personas"
    )
    criterio = Criterio.objects.create(
        componente=componente, numero=1, texto="Se aplican encuestas de satisfacción"
    )
    evaluacion = Evaluacion.objects.create(
        nombre="Pago del impuesto predial",
        modelo=modelo,
        area=AreaFactory(nombre="Secretaría de Finanzas"),
        periodo_desde=dt.date(2026, 1, 1),
        periodo_hasta=dt.date(2026, 6, 30),
        estado=Evaluacion.Estado.APROBADA,
        aprobada_por=gerente,
        aprobada_en=timezone.now(),
        conclusiones="La sala de espera se desborda en la temporada de descuento.",
        creada_por=gerente,
    )
    Calificacion.objects.create(
        evaluacion=evaluacion, criterio=criterio, puntaje=3, notas="Interna", calificada_por=gerente
    )
    oportunidad = OportunidadMejora.objects.create(
        evaluacion=evaluacion,
        componente=componente,
        descripcion="Dar turnos con hora para la temporada de descuento del predial y de la "
        "tenencia, para que nadie espere de pie más de treinta minutos en la sala",
        causa="Una sola ventanilla atiende en las horas de mayor afluencia.",
        registrada_por=gerente,
    )
    ActividadFactory(
        nombre="Abrir una segunda ventanilla en enero",
        oportunidad=oportunidad,
        area_responsable=evaluacion.area,
        inicio=dt.date(2026, 7, 1),
        fin=dt.date(2026, 12, 31),
        cortes=[(dt.date(2026, 8, 1), 30)],
    )
    pagina = CalidadServicioPage(title="Calidad del servicio", slug="calidad")
    HomePage.objects.get().add_child(instance=pagina)
    pagina.evaluaciones.set([evaluacion])
    pagina.save_revision().publish()
    return pagina


def test_la_pagina_de_calidad_en_un_telefono(live_server, publicada, movil, axe, captura):
    movil.goto(live_server.url + publicada.url)
    expect(movil.get_by_role("heading", name="Pago del impuesto predial")).to_be_visible()
    barra = movil.get_by_role(
        "progressbar", name="1. Conocimiento de las necesidades de las personas"
    )
    expect(barra).to_have_attribute("aria-valuenow", "75.0")
    expect(movil.get_by_text("Abrir una segunda ventanilla en enero")).to_be_visible()
    expect(movil.get_by_text("Interna")).to_have_count(0)  # a criterion's notes stay inside
    # Long texts wrap: nothing wider than the phone.
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-calidad-publica-movil")
