"""Survey results: groups under k = 5 answers show no averages, a servidor is listed (and
sees their own) only from 5 answers; the admin report follows the same rules."""

import pytest

from atencion import selectors_encuestas as sel
from atencion import services
from atencion import services_encuestas as se
from cms import roles
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def encuestado(servicios, ventanillas):
    """Finish a ficha of `servicio` attended by `servidor` and answer its survey."""

    def _encuestado(servidor, satisfaccion, servicio=servicios[0]):
        services.tomar_ficha(servicio)
        ficha = services.llamar_siguiente(ventanillas[0], usuario=servidor)
        ficha = services.terminar(services.iniciar_atencion(ficha))
        valores = {"satisfaccion": satisfaccion, "resuelto": "si", "recomendacion": 8}
        return se.responder(se.version_vigente(), valores, coyotaje="no", ficha=ficha)

    return _encuestado


@pytest.fixture
def ana(db):
    return UsuarioFactory(username="ana", first_name="Ana", last_name="Ruiz", roles=[roles.AREA])


@pytest.fixture
def beto(db):
    return UsuarioFactory(username="beto", first_name="Beto", last_name="Paz", roles=[roles.AREA])


@pytest.fixture
def nueve(encuestado, ana, beto, servicios):
    """Ana: 5 answers of predial (4, 4, 5, 5, 2); Beto: 4 of licencias (1, 2, 3, 4)."""
    for n in (4, 4, 5, 5, 2):
        encuestado(ana, n)
    for n in (1, 2, 3, 4):
        encuestado(beto, n, servicios[1])


def test_averages_only_from_five_answers(nueve, servicios):
    filas = {f.clave: f for f in sel.resultados("servicio")}
    predial, licencias = filas["Pago de predial"], filas["Licencias de construcción"]
    assert (predial.respuestas, predial.satisfaccion, predial.resueltos_pct) == (5, 4.0, 100.0)
    assert predial.recomendacion == 8.0
    assert (licencias.respuestas, licencias.satisfaccion, licencias.resueltos_pct) == (
        4,
        None,
        None,
    )
    (sede,) = sel.resultados("sede")
    assert (sede.respuestas, sede.satisfaccion) == (9, 3.3)
    (mes,) = sel.resultados("mes")
    assert mes.respuestas == 9


def test_a_servidor_is_listed_and_sees_their_own_only_from_five(nueve, ana, beto):
    assert [r.clave for r in sel.por_servidor()] == [ana.pk]
    assert sel.de_servidor(ana).satisfaccion == 4.0
    assert sel.de_servidor(beto) is None


def test_the_report_shows_everything_to_the_contraloria_and_only_their_own_to_staff(
    client, nueve, ana, beto
):
    url = "/admin/encuestas/resultados/"
    client.force_login(UsuarioFactory(username="contralora", roles=[roles.CONTRALORIA]))
    todo = client.get(url).content.decode()
    assert "Ana Ruiz" in todo and "Beto Paz" not in todo
    assert "Pago de predial" in todo and "Licencias de construcción" in todo

    client.force_login(beto)
    propio = client.get(url).content.decode()
    assert "Aún no tiene 5 respuestas" in propio
    assert "Ana Ruiz" not in propio and "Pago de predial" not in propio

    client.force_login(ana)
    propio = client.get(url).content.decode()
    assert "Mis resultados" in propio and "Pago de predial" not in propio
    assert "<dd>4,0</dd>" in propio
