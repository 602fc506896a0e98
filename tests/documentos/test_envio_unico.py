"""No double folios: the one-time form token and the likely-duplicate warning (citizen form
and window), anexos and fojas counted from the files, the acuse's files and receiver."""

import re

import pytest
from django.urls import reverse

from documentos.acuse import datos_acuse
from documentos.models import Escrito
from documentos.services.recepcion import EnvioRepetido, recibir_escrito
from tests.factories import datos_recepcion, imagen_bytes, pdf_bytes, subida

pytestmark = pytest.mark.django_db
ENVIAR = "/oficialia/enviar/"


def _token(client, url=ENVIAR) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="token_envio" value="([^"]+)"', html).group(1)


def _envio(**cambios):
    valores = {
        "tipo": "peticion",
        "remitente_tipo": "fisica",
        "remitente_nombre": "Rosa Martínez Gil",
        "remitente_contacto": "",
        "remitente_sexo": "no_declara",
        "asunto": "Reparación de la luminaria de la calle Pino",
        "tema": "",
        "sitio_web": "",
        "confirmar_duplicado": "False",
    }
    valores.update(cambios)
    return valores


def test_the_same_online_form_sent_twice_gives_one_escrito_and_its_acuse(client):
    token = _token(client)
    assert client.get(ENVIAR).content.decode().count(token) == 0  # one token per form shown
    primero = client.post(ENVIAR, _envio(token_envio=token))
    segundo = client.post(ENVIAR, _envio(token_envio=token))
    assert primero.status_code == segundo.status_code == 302
    assert segundo["Location"] == reverse("documentos:enviado")
    escrito = Escrito.objects.get()
    assert escrito.token_envio == token
    assert escrito.folio in client.get(reverse("documentos:enviado")).content.decode()


def test_the_service_answers_a_repeated_token_with_the_first_escrito(oficialia):
    token = "t" * 32
    primero = recibir_escrito(datos_recepcion(token_envio=token), usuario=oficialia)
    with pytest.raises(EnvioRepetido) as repetido:
        recibir_escrito(
            datos_recepcion(token_envio=token, asunto="Otro"),
            usuario=oficialia,
            confirmar_duplicado=True,
        )
    assert repetido.value.escrito == primero
    assert Escrito.objects.count() == 1


def test_a_likely_duplicate_without_files_is_a_warning_once_then_it_is_received(client):
    assert client.post(ENVIAR, _envio(token_envio=_token(client))).status_code == 302
    token = _token(client)
    aviso = client.post(
        ENVIAR, _envio(token_envio=token, asunto=" reparación de la luminaria de la calle pino ")
    )
    html = aviso.content.decode()
    assert aviso.status_code == 200
    assert "¿Ya nos envió este escrito?" in html and "Enviar de todos modos" in html
    assert "No se envió el escrito" not in html  # a warning, not an error
    assert Escrito.objects.get().folio not in html  # only its owner holds its code
    assert re.search(r'name="confirmar_duplicado" value="1"', html)
    assert Escrito.objects.count() == 1

    otra_vez = client.post(ENVIAR, _envio(token_envio=token, confirmar_duplicado="1"))
    assert otra_vez.status_code == 302
    assert Escrito.objects.count() == 2


def test_the_window_warns_once_about_the_same_asunto_and_a_repeat_opens_the_first_acuse(
    como, oficialia
):
    cliente = como(oficialia)
    url = reverse("documentos_admin:recepcion")
    base = {
        "remitente_nombre": "Rosa Martínez Gil",
        "remitente_tipo": "fisica",
        "remitente_contacto": "",
        "remitente_sexo": "mujer",
        "asunto": "Solicitud de poda",
        "tipo": "peticion",
        "tema": "",
        "fojas": "",
        "anexos": "",
        "canal": "ventanilla",
        "clasificacion": "publica",
    }
    token = _token(cliente, url)
    datos = {**base, "token_envio": token, "archivos": [subida("a.png", imagen_bytes(texto="a"))]}
    assert cliente.post(url, datos).status_code == 302
    primero = Escrito.objects.get()
    repetido = cliente.post(url, {**datos, "archivos": [subida("a.png", imagen_bytes(texto="a"))]})
    assert repetido["Location"] == reverse("documentos_admin:acuse", args=[primero.pk])

    otro = {**base, "token_envio": _token(cliente, url)}
    aviso = cliente.post(url, {**otro, "archivos": [subida("b.png", imagen_bytes(texto="b"))]})
    assert "Posible duplicado" in aviso.content.decode() and Escrito.objects.count() == 1
    confirmado = {**otro, "confirmar_duplicado": "1"}
    cliente.post(url, {**confirmado, "archivos": [subida("b.png", imagen_bytes(texto="b"))]})
    assert Escrito.objects.count() == 2


def test_anexos_and_fojas_are_counted_from_the_files(oficialia):
    archivos = [
        subida("escrito.pdf", pdf_bytes(paginas=3, texto="escrito")),
        subida("anexo1.png", imagen_bytes(texto="anexo 1")),
        subida("anexo2.png", imagen_bytes(texto="anexo 2")),
    ]
    escrito = recibir_escrito(datos_recepcion(archivos=archivos), usuario=oficialia)
    assert (escrito.fojas, escrito.anexos) == (5, 2)
    # What the clerk types wins.
    dado = recibir_escrito(datos_recepcion(asunto="Otro", fojas=9, anexos=0), usuario=oficialia)
    assert (dado.fojas, dado.anexos) == (9, 0)


def test_the_acuse_lists_the_files_with_sha256_and_who_received_it(client, oficialia, recibir):
    escrito = recibir(archivos=[subida("solicitud.png", imagen_bytes(texto="hola"))])
    archivo = escrito.archivos.get()
    acuse = datos_acuse(escrito)
    assert [(a.nombre, a.paginas, a.sha256) for a in acuse.archivos] == [
        ("solicitud.png", 1, archivo.sha256)
    ]
    assert acuse.recibido_por == (oficialia.get_full_name() or oficialia.get_username())
    # A public copy does not name the files (a name may carry personal data).
    assert datos_acuse(escrito, publico=True).archivos[0].nombre == "Archivo 1"

    client.post(ENVIAR, _envio(token_envio=_token(client), archivos=[subida("q.pdf", pdf_bytes())]))
    en_linea = Escrito.objects.get(canal=Escrito.Canal.EN_LINEA)
    html = client.get(reverse("documentos:enviado")).content.decode()
    assert "Recepción en línea" in html
    assert en_linea.archivos.get().sha256 in html and "q.pdf" in html
