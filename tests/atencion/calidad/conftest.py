"""Fixtures of the quality cycle: a small evaluation model, the roles, one evaluation."""

import datetime as dt

import pytest

from atencion.models import (
    ComponenteModelo,
    Criterio,
    Evaluacion,
    MiembroEquipo,
    ModeloCalidad,
)
from cms import roles
from tests.factories import AreaFactory, TemaFactory, UsuarioFactory


@pytest.fixture
def modelo(db):
    """Two components with two criteria each."""
    modelo = ModeloCalidad.objects.create(nombre="Modelo de prueba", base_legal="Norma de prueba")
    for numero, nombre in ((1, "Necesidades de las personas"), (2, "Gestión de procesos")):
        componente = ComponenteModelo.objects.create(modelo=modelo, numero=numero, nombre=nombre)
        for n in (1, 2):
            Criterio.objects.create(
                componente=componente, numero=n, texto=f"Criterio {numero}.{n} de {nombre}"
            )
    return modelo


@pytest.fixture
def area_calidad(db):
    return AreaFactory(nombre="Dirección de Catastro", siglas="CAT")


@pytest.fixture
def maxima_autoridad(db):
    return UsuarioFactory(username="gerente", roles=[roles.MAXIMA_AUTORIDAD])


@pytest.fixture
def modernizacion(db):
    return UsuarioFactory(username="modernizacion", roles=[roles.MODERNIZACION])


@pytest.fixture
def evaluador_responsable(db):
    return UsuarioFactory(username="evaluadora")


@pytest.fixture
def evaluador(db):
    return UsuarioFactory(username="evaluador")


@pytest.fixture
def evaluacion(modelo, area_calidad, maxima_autoridad, evaluador_responsable, evaluador):
    """A prioritised evaluation of the área's servicio with its two-person team."""
    evaluacion = Evaluacion.objects.create(
        nombre="Constancia de no adeudo predial",
        modelo=modelo,
        area=area_calidad,
        tema=TemaFactory(nombre="Predial"),
        periodo_desde=dt.date(2026, 1, 1),
        periodo_hasta=dt.date(2026, 6, 30),
        motivo="Muchas quejas por demora.",
        creada_por=maxima_autoridad,
    )
    MiembroEquipo.objects.create(
        evaluacion=evaluacion, usuario=evaluador_responsable, rol=MiembroEquipo.Rol.RESPONSABLE
    )
    MiembroEquipo.objects.create(evaluacion=evaluacion, usuario=evaluador)
    return evaluacion
