import pytest

from cms import roles
from documentos.models import Escrito
from documentos.services.recepcion import DatosRecepcion, recibir_escrito
from tests.factories import AreaFactory, TemaFactory, UsuarioFactory, imagen_bytes, subida


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


def datos(**cambios) -> DatosRecepcion:
    valores = {
        "tipo": Escrito.Tipo.PETICION,
        "canal": Escrito.Canal.VENTANILLA,
        "remitente_tipo": Escrito.TipoPersona.FISICA,
        "remitente_nombre": "María López Hernández",
        "asunto": "Solicitud de bacheo en la calle Juárez",
        "remitente_sexo": Escrito.Sexo.MUJER,
    }
    valores.update(cambios)
    if "archivos" not in valores:
        valores["archivos"] = [subida("escaneo.png", imagen_bytes(texto=valores["asunto"]))]
    return DatosRecepcion(**valores)


@pytest.fixture
def recibir(oficialia):
    """Receive an escrito at the window with sensible defaults."""

    def _recibir(usuario=oficialia, **cambios):
        return recibir_escrito(datos(**cambios), usuario=usuario, ip="10.0.0.7")

    return _recibir


@pytest.fixture
def tema(db):
    return TemaFactory(nombre="Obras y servicios")
