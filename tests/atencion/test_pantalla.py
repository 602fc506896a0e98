"""The display board: its page and the JSON state it polls (no personal data, cached ~1 s)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from atencion import services
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def servidora(db):
    return UsuarioFactory(username="lucia", first_name="Lucía", last_name="Pérez")


def _estado(client, sede):
    respuesta = client.get(reverse("atencion:pantalla_estado", args=[sede.slug]))
    assert respuesta.status_code == 200
    return respuesta.json()


def test_board_state_shows_calls_and_queues_without_personal_data(
    client, sede, servicios, ventanillas, servidora
):
    predial, licencias = servicios
    for _i in range(7):
        services.tomar_ficha(predial)
    services.tomar_ficha(licencias)
    for _i in range(6):
        services.llamar_siguiente(ventanillas[0], usuario=servidora)
    ultima = services.llamar_siguiente(ventanillas[1], usuario=servidora)
    estado = _estado(client, sede)
    assert estado["actuales"][0] == {
        "id": ultima.pk,
        "codigo": "B008",
        "ventanilla": 2,
        "llamadas": 1,
        "voz": "Turno B 0 0 8, pase a la ventanilla 2",
    }
    assert [c["codigo"] for c in estado["actuales"]] == ["B008", "A006", "A005", "A004"]
    assert [c["codigo"] for c in estado["ultimas"]] == ["A003", "A002", "A001"]
    assert estado["colas"] == [
        {"prefijo": "A", "servicio": "Pago de predial", "en_espera": 1},
        {"prefijo": "B", "servicio": "Licencias de construcción", "en_espera": 0},
    ]
    texto = str(estado)
    assert "Lucía" not in texto and "lucia" not in texto
    assert all(f.token not in texto for f in predial.fichas.all())


def test_a_call_again_counts_and_the_attended_leave_the_current_calls(
    client, sede, servicios, ventanillas, servidora
):
    ficha = services.tomar_ficha(servicios[0])
    services.llamar_siguiente(ventanillas[0], usuario=servidora)
    services.llamar(ficha, ventanillas[0], usuario=servidora)
    assert _estado(client, sede)["actuales"][0]["llamadas"] == 2
    cache.clear()
    services.iniciar_atencion(ficha)
    estado = _estado(client, sede)
    assert estado["actuales"] == []
    assert [c["codigo"] for c in estado["ultimas"]] == ["A001"]


def test_the_state_is_cached_for_a_second(client, sede, servicios, ventanillas, servidora):
    services.tomar_ficha(servicios[0])
    assert _estado(client, sede)["actuales"] == []
    services.llamar_siguiente(ventanillas[0], usuario=servidora)
    assert _estado(client, sede)["actuales"] == []  # the same cached answer
    cache.clear()
    assert [c["codigo"] for c in _estado(client, sede)["actuales"]] == ["A001"]


def test_the_page_works_without_javascript_and_loads_only_static_script(
    client, sede, servicios, ventanillas, servidora
):
    services.tomar_ficha(servicios[0])
    services.llamar_siguiente(ventanillas[0], usuario=servidora)
    respuesta = client.get(reverse("atencion:pantalla", args=[sede.slug]))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "A001" in html and "Ventanilla 1" in html
    assert "Activar voz" in html
    assert '<meta http-equiv="refresh" content="10">' in html  # inside <noscript>
    assert "atencion/pantalla.js" in html and "<script>" not in html
    assert 'data-pantalla="/pantalla/centro/estado.json"' in html


def test_an_inactive_or_unknown_sede_has_no_board(client, sede):
    sede.activa = False
    sede.save()
    assert client.get("/pantalla/centro/").status_code == 404
    assert client.get("/pantalla/centro/estado.json").status_code == 404
    assert client.get("/pantalla/otra/").status_code == 404
