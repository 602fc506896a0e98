import pytest

from cms.roles import ARCHIVO
from tests.factories import AreaFactory, UsuarioFactory

from .fabricas import CatalogoVersionFactory, ReglaFactory, SerieFactory


@pytest.fixture
def obras(db):
    return AreaFactory(nombre="Dirección de Obras Públicas", siglas="DOP")


@pytest.fixture
def archivista(db):
    return UsuarioFactory(username="archivista", roles=[ARCHIVO])


@pytest.fixture
def catalogo(db):
    return CatalogoVersionFactory(nombre="Catálogo 2026")


@pytest.fixture
def serie(catalogo):
    serie = SerieFactory(seccion__codigo="3S", codigo="3S.1", nombre="Correspondencia")
    ReglaFactory(version=catalogo, serie=serie, anios_tramite=2, anios_concentracion=5)
    return serie
