"""The survey of an answered escrito: offered on the folio lookup and in the answer's e-mail
through documentos.enlaces (documentos knows nothing of atencion), with a signed token."""

import pytest
from django.urls import reverse

from atencion import services_encuestas as se
from atencion.models import RespuestaEncuesta
from cms import roles
from documentos.models import Notificacion, Respuesta
from documentos.services import flujo, notificaciones
from documentos.services.recepcion import recibir_escrito
from tests.factories import AreaFactory, UsuarioFactory, datos_recepcion

pytestmark = pytest.mark.django_db
OFRECE = "Responda la encuesta de satisfacción"


@pytest.fixture
def obras(db):
    return AreaFactory(nombre="Obras Públicas", siglas="OBR")


@pytest.fixture
def operativo(obras):
    return UsuarioFactory(username="operativo", roles=[roles.AREA], areas=[obras])


@pytest.fixture
def recibido(db):
    return recibir_escrito(datos_recepcion(remitente_contacto="maria@example.com"))


@pytest.fixture
def respondido(recibido, obras, operativo):
    jefa = UsuarioFactory(username="jefa", is_superuser=True)
    flujo.turnar(recibido, obras, usuario=jefa)
    flujo.asignar(recibido, operativo, usuario=jefa)
    flujo.responder(
        recibido, usuario=operativo, sentido=Respuesta.Sentido.POSITIVA, texto="Procede."
    )
    recibido.refresh_from_db()
    return recibido


def consultar(client, escrito):
    datos = {"folio": escrito.folio, "codigo": escrito.codigo_acceso}
    return client.post("/oficialia/consulta/", datos, follow=True).content.decode()


def url(escrito) -> str:
    return reverse("atencion:encuesta_escrito", args=[se.token_escrito(escrito)])


def test_the_lookup_and_the_answer_mail_offer_the_survey_once(client, respondido, obras, operativo):
    assert url(respondido) in consultar(client, respondido)
    correo = Notificacion.objects.get(escrito=respondido, motivo=Notificacion.Motivo.RESPUESTA)
    assert OFRECE in (cuerpo := notificaciones.mensaje(correo).body)
    assert url(respondido) in cuerpo
    recepcion = Notificacion.objects.get(escrito=respondido, motivo=Notificacion.Motivo.RECEPCION)
    assert OFRECE not in notificaciones.mensaje(recepcion).body

    assert client.get(url(respondido)).status_code == 200
    datos = {"p_satisfaccion": "5", "p_resuelto": "si", "coyotaje": "no"}
    assert "Gracias por responder" in client.post(url(respondido), datos).content.decode()
    respuesta = RespuestaEncuesta.objects.get()
    assert respuesta.escrito == respondido and respuesta.ficha is None
    assert respuesta.area == obras and respuesta.servidor == operativo

    assert url(respondido) not in consultar(client, respondido)
    otra = client.post(url(respondido), {**datos, "p_satisfaccion": "1"})
    assert "ya fue respondida" in otra.content.decode()
    assert RespuestaEncuesta.objects.get().satisfaccion == 5


def test_not_before_the_answer_and_not_with_a_forged_token(client, recibido):
    assert OFRECE not in consultar(client, recibido)
    aviso = client.post(url(recibido), {"p_satisfaccion": "5", "coyotaje": "no"})
    assert "cuando su escrito tiene respuesta" in aviso.content.decode()
    assert client.get(f"/encuesta/escrito/{recibido.pk}.falsa/").status_code == 404
    assert client.get(f"/encuesta/escrito/{recibido.pk}/").status_code == 404
    assert not RespuestaEncuesta.objects.exists()
