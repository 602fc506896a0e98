"""Presets of evaluation models become editable rows, once."""

import pytest
from django.core.exceptions import ValidationError

from atencion.calidad import services
from atencion.models import ComponenteModelo, Criterio, ModeloCalidad
from cms import roles
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db

PERU = [
    "Conocer las necesidades y expectativas de las personas",
    "Identificar el valor del servicio",
    "Fortalecer el servicio",
    "Medición y análisis de la calidad del servicio",
    "Liderazgo y compromiso de la Alta Dirección",
    "Cultura de calidad en el servicio a las personas",
]
OAXACA = [
    "Diagnóstico de la Situación Actual",
    "Mejora de Procesos",
    "Cultura de Atención al Ciudadano",
    "Mejoramiento de Infraestructura Física y Tecnológica",
    "Mejora Continua",
]


def test_la_plantilla_de_peru_crea_los_seis_componentes_de_la_norma():
    modelo = services.cargar_plantilla("peru")
    assert "006-2019-PCM/SGP" in modelo.nombre and "006-2019-PCM/SGP" in modelo.base_legal
    componentes = list(modelo.componentes.order_by("numero"))
    assert [c.nombre for c in componentes] == PERU
    assert [c.numero for c in componentes] == [1, 2, 3, 4, 5, 6]
    assert all(2 <= c.criterios.count() <= 4 for c in componentes)


def test_la_plantilla_de_oaxaca_crea_los_cinco_componentes_del_manual():
    modelo = services.cargar_plantilla("oaxaca")
    assert [c.nombre for c in modelo.componentes.order_by("numero")] == OAXACA
    assert all(2 <= c.criterios.count() <= 4 for c in modelo.componentes.all())


def test_cargarla_otra_vez_no_duplica_ni_pisa_lo_editado():
    modelo = services.cargar_plantilla("peru")
    criterios = Criterio.objects.filter(componente__modelo=modelo).count()
    criterio = Criterio.objects.get(componente__modelo=modelo, componente__numero=1, numero=1)
    criterio.texto = "Texto ajustado por la unidad de modernización"
    criterio.save()
    Criterio.objects.filter(componente__modelo=modelo, componente__numero=6, numero=2).delete()

    assert services.cargar_plantilla("peru") == modelo
    assert ModeloCalidad.objects.count() == 1
    assert ComponenteModelo.objects.filter(modelo=modelo).count() == 6
    assert Criterio.objects.filter(componente__modelo=modelo).count() == criterios
    criterio.refresh_from_db()
    assert criterio.texto == "Texto ajustado por la unidad de modernización"


def test_una_plantilla_que_no_existe_y_quien_no_puede_cargarla():
    with pytest.raises(ValidationError, match="No existe la plantilla «chile»"):
        services.cargar_plantilla("chile")
    area = UsuarioFactory(roles=[roles.AREA])
    with pytest.raises(ValidationError, match="Solo la unidad de modernización"):
        services.cargar_plantilla("peru", usuario=area)
    assert not ModeloCalidad.objects.exists()
    moderniza = UsuarioFactory(roles=[roles.MODERNIZACION])
    assert services.cargar_plantilla("peru", usuario=moderniza).componentes.count() == 6
