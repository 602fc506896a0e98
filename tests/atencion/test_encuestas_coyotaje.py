"""A "sí" to the coyotaje question: a confidential, anonymous denuncia for the Contraloría
through documentos' intake, which no public page, search or API shows."""

import json

import pytest
from django.urls import reverse

from atencion import services
from atencion import services_encuestas as se
from atencion.models import RespuestaEncuesta
from busqueda import services as busqueda
from busqueda.backends import actual
from cms import roles
from documentos import visibilidad
from documentos.models import Area, EntradaBitacora, Escrito
from tests.factories import AreaFactory, UsuarioFactory

pytestmark = pytest.mark.django_db
RELATO = "Un gestor en la fila me cobró quinientos pesos por pasarme antes"


@pytest.fixture
def tesoreria(db):
    return AreaFactory(nombre="Tesorería Municipal", siglas="TES")


@pytest.fixture
def contraloria(db):
    return AreaFactory(nombre="Contraloría Municipal", siglas="CON", tipo=Area.Tipo.UNIDAD)


@pytest.fixture
def ficha(servicios, ventanillas, tesoreria):
    predial = servicios[0]
    predial.area = tesoreria
    predial.save()
    services.tomar_ficha(predial)
    cajera = UsuarioFactory(username="cajera", roles=[roles.AREA], areas=[tesoreria])
    llamada = services.llamar_siguiente(ventanillas[0], usuario=cajera)
    return services.terminar(services.iniciar_atencion(llamada))


def denunciar(client, ficha):
    datos = {"p_satisfaccion": "2", "coyotaje": "si", "detalle": RELATO}
    return client.post(reverse("atencion:encuesta_ficha", args=[ficha.token]), datos)


def test_a_yes_files_a_confidential_denuncia_turned_to_the_contraloria(
    client, ficha, contraloria, tesoreria
):
    gracias = denunciar(client, ficha)
    assert "se envió a la Contraloría como denuncia anónima" in gracias.content.decode()
    respuesta = RespuestaEncuesta.objects.get()
    denuncia = respuesta.denuncia
    assert respuesta.coyotaje == "si" and respuesta.coyotaje_detalle == RELATO
    assert denuncia.folio not in gracias.content.decode()
    assert denuncia.tipo == Escrito.Tipo.DENUNCIA
    assert denuncia.clasificacion == Escrito.Clasificacion.CONFIDENCIAL
    assert denuncia.estado == Escrito.Estado.TURNADO
    assert denuncia.area_responsable == contraloria
    assert denuncia.folio and denuncia.vence_en
    assert denuncia.remitente_nombre == "Anónimo (encuesta de satisfacción)"
    assert denuncia.remitente_contacto == ""
    for lugar in ("Pago de predial", "Oficialía de Partes Centro", "Ventanilla 1", RELATO):
        assert lugar in denuncia.asunto
    assert "cajera" not in denuncia.asunto
    acciones = set(
        EntradaBitacora.objects.filter(escrito=denuncia).values_list("accion", flat=True)
    )
    assert {EntradaBitacora.Accion.RECEPCION, EntradaBitacora.Accion.TURNO} <= acciones

    # The área involved does not see it; the Contraloría does.
    staff_tesoreria = UsuarioFactory(username="tes", roles=[roles.AREA], areas=[tesoreria])
    staff_contraloria = UsuarioFactory(username="con", roles=[roles.AREA], areas=[contraloria])
    assert not visibilidad.puede_ver(staff_tesoreria, denuncia)
    assert visibilidad.puede_ver(staff_contraloria, denuncia)


def test_without_a_contraloria_the_denuncia_waits_at_the_oficialia(client, ficha):
    denunciar(client, ficha)
    denuncia = RespuestaEncuesta.objects.get().denuncia
    assert denuncia.estado == Escrito.Estado.RECIBIDO and denuncia.area_responsable is None
    assert denuncia.clasificacion == Escrito.Clasificacion.CONFIDENCIAL


def test_a_no_files_nothing(client, ficha, contraloria):
    datos = {"p_satisfaccion": "5", "coyotaje": "no", "detalle": "nada"}
    client.post(reverse("atencion:encuesta_ficha", args=[ficha.token]), datos)
    respuesta = RespuestaEncuesta.objects.get()
    assert respuesta.denuncia is None and respuesta.coyotaje_detalle == ""
    assert not Escrito.objects.exists()


def test_the_denuncia_is_absent_from_public_search_and_api(client, settings, ficha, contraloria):
    settings.ELASTICSEARCH_URL = None
    denunciar(client, ficha)
    busqueda.reconstruir()
    actual().refrescar()
    # Control: it is indexed, and staff of the Contraloría find it.
    client.force_login(UsuarioFactory(username="con", roles=[roles.AREA], areas=[contraloria]))
    interna = json.loads(client.get("/api/busqueda/interna/", {"q": "quinientos"}).content)
    assert interna["total"] == 1
    client.logout()

    folio = RespuestaEncuesta.objects.get().denuncia.folio
    for consulta in ("quinientos", "coyotaje", "predial", "Anónimo", folio):
        api = client.get("/api/busqueda/", {"q": consulta})
        assert api.status_code == 200 and json.loads(api.content)["total"] == 0
        assert "gestor en la fila" not in api.content.decode()
        pagina = client.get("/buscar/", {"q": consulta})
        assert pagina.status_code == 200 and "gestor en la fila" not in pagina.content.decode()
        assert f">{folio}<" not in pagina.content.decode()
    assert client.get(f"/oficialia/archivo/{folio}/version-publica.pdf").status_code == 404


def test_the_turn_is_made_by_a_system_user_without_password(client, ficha, contraloria):
    denunciar(client, ficha)
    sistema = se.usuario_sistema()
    assert not sistema.has_usable_password()
    turno = EntradaBitacora.objects.get(accion=EntradaBitacora.Accion.TURNO)
    assert turno.usuario == sistema
