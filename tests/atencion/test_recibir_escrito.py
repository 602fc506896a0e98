"""'Recibir escrito' from the ficha in attention: documentos' intake, then the ficha keeps it."""

import pytest
from django.urls import reverse

from atencion import services
from cms import roles
from documentos.models import Escrito
from tests.factories import UsuarioFactory, pdf_bytes, subida

pytestmark = pytest.mark.django_db
RECEPCION = reverse("documentos_admin:recepcion")


def _datos(texto="Solicitud de bacheo"):
    return {
        "remitente_nombre": "María López Hernández",
        "remitente_tipo": "fisica",
        "remitente_contacto": "maria@example.com",
        "remitente_sexo": "mujer",
        "asunto": f"{texto} en la calle Juárez",  # same asunto, same remitente: a duplicate
        "tipo": "peticion",
        "tema": "",
        "fojas": "",
        "anexos": "0",
        "canal": "ventanilla",
        "clasificacion": "publica",
        "confirmar_duplicado": "False",
        "archivos": [subida("escaneo.pdf", pdf_bytes(paginas=1, texto=texto))],
    }


@pytest.fixture
def oficialia(db):
    return UsuarioFactory(username="ventanilla", roles=[roles.OFICIALIA])


@pytest.fixture
def en_atencion(servicios, ventanillas, oficialia):
    ficha = services.tomar_ficha(servicios[0])
    services.llamar_siguiente(ventanillas[0], usuario=oficialia)
    return services.iniciar_atencion(ficha)


def test_the_window_screen_links_to_the_intake_with_the_ficha(client, oficialia, en_atencion):
    client.force_login(oficialia)
    client.post(reverse("atencion_ventanilla:elegir"), {"ventanilla": en_atencion.ventanilla_id})
    html = client.get(reverse("atencion_ventanilla:ventanilla")).content.decode()
    assert f'href="{RECEPCION}?ficha={en_atencion.pk}"' in html
    formulario = client.get(f"{RECEPCION}?ficha={en_atencion.pk}").content.decode()
    assert 'value="María' not in formulario  # nothing is prefilled


def test_an_intake_from_the_ficha_is_kept_on_it(client, oficialia, en_atencion):
    client.force_login(oficialia)
    respuesta = client.post(f"{RECEPCION}?ficha={en_atencion.pk}", _datos())
    assert respuesta.status_code == 302
    en_atencion.refresh_from_db()
    assert en_atencion.escrito == Escrito.objects.get()
    client.post(reverse("atencion_ventanilla:elegir"), {"ventanilla": en_atencion.ventanilla_id})
    html = client.get(reverse("atencion_ventanilla:ventanilla")).content.decode()
    assert en_atencion.escrito.folio in html and "Recibir escrito" not in html


def test_someone_elses_or_a_bad_ficha_links_nothing_and_the_escrito_is_received(
    client, en_atencion
):
    otra = UsuarioFactory(username="otra", roles=[roles.OFICIALIA])
    client.force_login(otra)
    assert client.post(f"{RECEPCION}?ficha={en_atencion.pk}", _datos()).status_code == 302
    assert client.post(f"{RECEPCION}?ficha=x1", _datos("Otra solicitud")).status_code == 302
    assert Escrito.objects.count() == 2
    en_atencion.refresh_from_db()
    assert en_atencion.escrito is None
