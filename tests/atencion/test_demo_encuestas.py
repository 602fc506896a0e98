"""Demo survey answers: added for finished fichas, once."""

import pytest

from atencion import demo_encuestas, services
from atencion.models import RespuestaEncuesta
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


def test_demo_answers_some_finished_fichas_once(servicios, ventanillas):
    cajera = UsuarioFactory(username="cajera")
    for _ in range(10):
        services.tomar_ficha(servicios[0])
        ficha = services.llamar_siguiente(ventanillas[0], usuario=cajera)
        services.terminar(services.iniciar_atencion(ficha))
    services.tomar_ficha(servicios[1])  # still waiting: no survey
    creadas = demo_encuestas.cargar()
    assert 3 <= creadas <= 10
    assert RespuestaEncuesta.objects.count() == creadas
    assert not RespuestaEncuesta.objects.filter(ficha__estado="espera").exists()
    assert all(r.servidor == cajera for r in RespuestaEncuesta.objects.all())
    assert demo_encuestas.cargar() == 0
    assert RespuestaEncuesta.objects.count() == creadas
