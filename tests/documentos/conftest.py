import pytest

from cms import roles
from documentos.models import Escrito, Respuesta
from documentos.services import flujo
from documentos.services.recepcion import recibir_escrito
from tests.factories import (
    AreaFactory,
    TemaFactory,
    UsuarioFactory,
    datos_recepcion,
    pdf_bytes,
    subida,
)


@pytest.fixture
def obras(db):
    return AreaFactory(nombre="Obra Pública", siglas="OP")


@pytest.fixture
def finanzas(db):
    return AreaFactory(nombre="Finanzas", siglas="FIN")


@pytest.fixture
def oficialia(db):
    return UsuarioFactory(username="ventanilla", roles=[roles.OFICIALIA])


@pytest.fixture
def titular_obras(obras):
    return UsuarioFactory(username="titular.obras", roles=[roles.AREA], areas=[obras])


@pytest.fixture
def operativo_obras(obras):
    return UsuarioFactory(username="operativo.obras", roles=[roles.AREA], areas=[obras])


@pytest.fixture
def staff_finanzas(finanzas):
    return UsuarioFactory(username="staff.finanzas", roles=[roles.AREA], areas=[finanzas])


@pytest.fixture
def recibir(oficialia):
    """Receive an escrito at the window with sensible defaults."""

    def _recibir(usuario=oficialia, **cambios):
        return recibir_escrito(datos_recepcion(**cambios), usuario=usuario, ip="10.0.0.7")

    return _recibir


@pytest.fixture
def ligero(recibir):
    """An escrito received online without files (the fastest intake)."""
    return lambda **datos: recibir(canal=Escrito.Canal.EN_LINEA, archivos=[], **datos)


@pytest.fixture
def tema(db):
    return TemaFactory(nombre="Obras y servicios")


@pytest.fixture
def como(client):
    """Log the test client in as a user: `como(oficialia)`."""

    def _como(usuario):
        client.force_login(usuario)
        return client

    return _como


@pytest.fixture
def respondido(recibir, oficialia, obras, titular_obras, operativo_obras):
    """A pública escrito, turned with an instruction and answered with a text."""

    def _crear(con_archivo=True, **cambios):
        escrito = recibir(**cambios)
        flujo.turnar(escrito, obras, usuario=oficialia, instruccion="Instrucción interna XYZ")
        flujo.asignar(escrito, operativo_obras, usuario=titular_obras)
        flujo.responder(
            escrito,
            usuario=operativo_obras,
            sentido=Respuesta.Sentido.POSITIVA,
            texto="Texto de la respuesta QWE",
            archivo=subida("respuesta-firmada.pdf", pdf_bytes()) if con_archivo else None,
        )
        escrito.refresh_from_db()
        return escrito

    return _crear
