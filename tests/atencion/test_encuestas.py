"""Satisfaction surveys: one anonymous answer per ficha, the rate limit, versioned questions."""

import pytest
from django.urls import reverse

from atencion import services
from atencion import services_encuestas as se
from atencion.models import Cuestionario, RespuestaEncuesta
from tests.factories import AreaFactory, UsuarioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cajera(db):
    return UsuarioFactory(username="cajera", first_name="Rosa", last_name="Méndez")


@pytest.fixture
def terminar(servicios, ventanillas, cajera):
    """A finished ficha of servicio A at window 1, attended by the cajera."""

    def _terminar(servicio=None):
        services.tomar_ficha(servicio or servicios[0])
        ficha = services.llamar_siguiente(ventanillas[0], usuario=cajera)
        return services.terminar(services.iniciar_atencion(ficha))

    return _terminar


def respuestas(**cambios) -> dict:
    datos = {
        "p_satisfaccion": "4",
        "p_trato": "5",
        "p_resuelto": "si",
        "p_recomendacion": "9",
        "p_comentario": "Muy amables.",
        "coyotaje": "no",
    }
    datos.update(cambios)
    return {k: v for k, v in datos.items() if v is not None}


def url(ficha) -> str:
    return reverse("atencion:encuesta_ficha", args=[ficha.token])


def test_a_finished_ficha_gets_one_anonymous_answer(client, terminar, cajera):
    ficha = terminar()
    ficha.servicio.area = AreaFactory(nombre="Tesorería")
    ficha.servicio.save()
    pagina = client.get(url(ficha))
    assert pagina.status_code == 200
    assert "¿Alguien le pidió dinero o un regalo" in pagina.content.decode()
    assert pagina["Cache-Control"] == "private, no-store"

    gracias = client.post(url(ficha), respuestas(), REMOTE_ADDR="10.1.1.1")
    assert gracias.status_code == 200 and "Gracias por responder" in gracias.content.decode()
    respuesta = RespuestaEncuesta.objects.get()
    assert respuesta.ficha == ficha and respuesta.satisfaccion == 4
    assert respuesta.valores == {
        "satisfaccion": 4,
        "trato": 5,
        "resuelto": "si",
        "recomendacion": 9,
        "comentario": "Muy amables.",
    }
    assert (respuesta.servicio, respuesta.sede, respuesta.ventanilla) == (
        ficha.servicio,
        ficha.sede,
        ficha.ventanilla,
    )
    assert respuesta.servidor == cajera and respuesta.area.nombre == "Tesorería"
    # Anonymous: nothing about the citizen or their connection is stored.
    campos = {f.name for f in RespuestaEncuesta._meta.get_fields()}
    assert not campos & {"usuario", "ip", "user", "remitente", "correo"}
    assert "10.1.1.1" not in str(RespuestaEncuesta.objects.values().get())
    assert respuesta.denuncia is None

    otra = client.post(url(ficha), respuestas(p_satisfaccion="1"))
    assert "Esta encuesta ya fue respondida" in otra.content.decode()
    assert RespuestaEncuesta.objects.get().satisfaccion == 4
    assert "Esta encuesta ya fue respondida" in client.get(url(ficha)).content.decode()


def test_only_after_the_attention_ends_and_bad_answers_change_nothing(client, servicios):
    esperando = services.tomar_ficha(servicios[0])
    aviso = client.post(url(esperando), respuestas())
    assert "cuando termina su atención" in aviso.content.decode()
    assert client.get("/encuesta/turno/no-existe/").status_code == 404
    assert not RespuestaEncuesta.objects.exists()


def test_invalid_answers_get_spanish_errors(client, terminar):
    ficha = terminar()
    mala = client.post(url(ficha), respuestas(p_satisfaccion="9", coyotaje=None))
    assert mala.status_code == 400
    texto = mala.content.decode()
    assert "Revise las respuestas marcadas" in texto
    assert "Este campo es obligatorio" in texto or "obligatorio" in texto
    assert not RespuestaEncuesta.objects.exists()


def test_answers_are_rate_limited_per_address(client, settings, terminar, servicios):
    settings.FOLIO_ENCUESTAS_POR_HORA = 2
    fichas = [terminar() for _ in range(3)]
    for ficha in fichas[:2]:
        assert client.post(url(ficha), respuestas(), REMOTE_ADDR="10.0.0.7").status_code == 200
    tercera = client.post(url(fichas[2]), respuestas(), REMOTE_ADDR="10.0.0.7")
    assert tercera.status_code == 429
    assert "número máximo de encuestas" in tercera.content.decode()
    assert RespuestaEncuesta.objects.count() == 2
    otra_red = client.post(url(fichas[2]), respuestas(), REMOTE_ADDR="10.0.0.8")
    assert otra_red.status_code == 200 and RespuestaEncuesta.objects.count() == 3


def test_editing_the_questions_keeps_old_answers_on_their_version(client, terminar):
    primera, segunda, tercera = terminar(), terminar(), terminar()
    client.post(url(primera), respuestas())
    v1 = RespuestaEncuesta.objects.get(ficha=primera).version
    assert v1.numero == 1 and v1.preguntas[0]["clave"] == "satisfaccion"

    # The form is shown with version 1, then communications staff edit the questions.
    assert f'value="{v1.pk}"' in client.get(url(segunda)).content.decode()
    cuestionario = Cuestionario.objects.get()
    bloques = list(cuestionario.preguntas.raw_data)
    bloques[1]["value"]["texto"] = "¿Le trataron con respeto?"
    bloques.append(
        {
            "type": "pregunta",
            "value": {"tipo": "si_no_parcial", "clave": "volveria", "texto": "¿Volvería?"},
        }
    )
    cuestionario.preguntas = bloques
    cuestionario.save()

    # What was shown is what is recorded: the answer to the old form stays on version 1.
    client.post(url(segunda), respuestas(version=str(v1.pk)))
    assert RespuestaEncuesta.objects.get(ficha=segunda).version == v1

    nueva = client.get(url(tercera)).content.decode()
    assert "¿Le trataron con respeto?" in nueva and "¿Volvería?" in nueva
    client.post(url(tercera), respuestas(p_volveria="si", version=str(se.version_vigente().pk)))
    v2 = RespuestaEncuesta.objects.get(ficha=tercera).version
    assert v2.numero == 2 and v2.preguntas[1]["texto"] == "¿Le trataron con respeto?"
    assert RespuestaEncuesta.objects.get(ficha=tercera).valores["volveria"] == "si"
    v1.refresh_from_db()
    assert v1.preguntas[1]["texto"] == "¿Cómo fue el trato que recibió?"
    assert "volveria" not in [p["clave"] for p in v1.preguntas]
    # Nothing changed: the version stays.
    assert se.version_vigente() == v2
