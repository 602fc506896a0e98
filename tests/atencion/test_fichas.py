"""The queue: numbering per sede and day, the state machine of a ficha, priority rules."""

import pytest
from django.core.exceptions import ValidationError

from atencion import services
from atencion.models import Ficha
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
E = Ficha.Estado


@pytest.fixture
def cajera(db):
    return UsuarioFactory(username="cajera")


def test_tickets_are_numbered_per_sede_and_day_and_keep_their_letter(servicios):
    predial, licencias = servicios
    primera = services.tomar_ficha(predial)
    segunda = services.tomar_ficha(licencias, preferente=True)
    assert (primera.codigo, segunda.codigo) == ("A001", "B002")
    assert primera.token != segunda.token and len(primera.token) >= 20
    assert segunda.preferente and segunda.estado == E.EN_ESPERA


def test_a_ticket_lives_from_waiting_to_finished(servicios, ventanillas, cajera):
    ficha = services.tomar_ficha(servicios[0])
    llamada = services.llamar_siguiente(ventanillas[0], usuario=cajera)
    assert llamada == ficha and llamada.estado == E.LLAMADA and llamada.llamadas == 1
    assert llamada.ventanilla == ventanillas[0] and llamada.atendida_por == cajera
    otra_vez = services.llamar(llamada, ventanillas[0], usuario=cajera)
    assert otra_vez.llamadas == 2
    atendida = services.iniciar_atencion(otra_vez)
    terminada = services.terminar(atendida)
    assert terminada.estado == E.TERMINADA
    assert terminada.tomada_en <= terminada.llamada_en <= terminada.iniciada_en
    assert terminada.iniciada_en <= terminada.terminada_en
    with pytest.raises(ValidationError, match="no se puede pasar"):
        services.iniciar_atencion(terminada)


def test_a_no_show_is_closed_and_never_called_again(servicios, ventanillas, cajera):
    services.tomar_ficha(servicios[0])
    ausente = services.no_se_presento(services.llamar_siguiente(ventanillas[0], usuario=cajera))
    assert ausente.estado == E.NO_SE_PRESENTO and ausente.terminada_en
    assert services.llamar_siguiente(ventanillas[0], usuario=cajera) is None


def test_a_window_calls_only_its_servicios_oldest_first(servicios, ventanillas, cajera):
    predial, licencias = servicios
    services.tomar_ficha(predial)
    b1 = services.tomar_ficha(licencias)
    b2 = services.tomar_ficha(licencias)
    assert services.llamar_siguiente(ventanillas[1], usuario=cajera) == b1
    assert services.llamar_siguiente(ventanillas[1], usuario=cajera) == b2
    assert services.llamar_siguiente(ventanillas[1], usuario=cajera) is None


def test_preferentes_go_first_by_default(servicios, ventanillas, cajera):
    normal = services.tomar_ficha(servicios[0])
    preferente = services.tomar_ficha(servicios[0], preferente=True)
    assert services.llamar_siguiente(ventanillas[0], usuario=cajera) == preferente
    assert services.llamar_siguiente(ventanillas[0], usuario=cajera) == normal


def test_one_preferente_every_n_calls(sede, servicios, ventanillas, cajera):
    sede.preferente_cada = 3
    sede.save()
    normales = [services.tomar_ficha(servicios[0]) for _ in range(4)]
    preferentes = [services.tomar_ficha(servicios[0], preferente=True) for _ in range(2)]

    llamadas = [services.llamar_siguiente(ventanillas[0], usuario=cajera) for _ in range(6)]

    # nobody was called yet: the first call is a preferente, then two normales, and so on
    assert llamadas == [
        preferentes[0],
        normales[0],
        normales[1],
        preferentes[1],
        normales[2],
        normales[3],
    ]


def test_a_transferred_ticket_keeps_its_code_and_its_place(servicios, ventanillas, cajera):
    predial, licencias = servicios
    ficha = services.tomar_ficha(predial)
    despues = services.tomar_ficha(licencias)
    llamada = services.llamar_siguiente(ventanillas[0], usuario=cajera)
    assert llamada == ficha

    transferida = services.transferir(llamada, licencias)

    assert transferida.estado == E.EN_ESPERA and transferida.servicio == licencias
    assert transferida.transferida_de == predial and transferida.codigo == "A001"
    assert services.llamar_siguiente(ventanillas[1], usuario=cajera) == ficha
    assert services.llamar_siguiente(ventanillas[1], usuario=cajera) == despues
    with pytest.raises(ValidationError, match="ya es de ese servicio"):
        services.transferir(despues, licencias)


def test_a_ticket_called_at_another_window_cannot_be_called_here(servicios, ventanillas, cajera):
    services.tomar_ficha(servicios[1])
    llamada = services.llamar_siguiente(ventanillas[1], usuario=cajera)
    with pytest.raises(ValidationError, match="otra ventanilla"):
        services.llamar(llamada, ventanillas[0], usuario=cajera)


def test_an_inactive_servicio_gives_no_tickets(servicios):
    servicios[0].activo = False
    servicios[0].save()
    with pytest.raises(ValidationError, match="no está disponible"):
        services.tomar_ficha(servicios[0])
    assert not Ficha.objects.exists()
