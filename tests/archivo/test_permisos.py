import pytest
from django.core.exceptions import PermissionDenied

from archivo import permisos
from archivo.models import Expediente
from cms.roles import AREA, OFICIALIA
from tests.factories import AreaFactory, UsuarioFactory

from .fabricas import abrir

pytestmark = pytest.mark.django_db


@pytest.fixture
def expedientes(obras, serie, archivista):
    finanzas = AreaFactory(siglas="DF")
    return abrir(obras, serie, archivista), abrir(finanzas, serie, archivista)


def test_archivo_ve_y_gestiona_todo(archivista, expedientes):
    de_obras, de_finanzas = expedientes
    Expediente.objects.filter(pk=de_obras.pk).update(etapa=Expediente.Etapa.CONCENTRACION)
    de_obras.refresh_from_db()
    assert set(permisos.expedientes_visibles(archivista)) == {de_obras, de_finanzas}
    assert permisos.puede_gestionar(archivista, de_obras)
    assert permisos.puede_clasificar(archivista, de_obras)
    assert permisos.puede_administrar(archivista)


def test_el_area_solo_lo_suyo_y_en_tramite(obras, expedientes):
    de_obras, de_finanzas = expedientes
    staff = UsuarioFactory(roles=[AREA], areas=[obras])
    assert list(permisos.expedientes_visibles(staff)) == [de_obras]
    assert permisos.puede_ver(staff, de_obras)
    assert not permisos.puede_ver(staff, de_finanzas)
    assert permisos.puede_abrir(staff, obras)
    assert not permisos.puede_abrir(staff, de_finanzas.area)
    assert permisos.puede_gestionar(staff, de_obras)
    assert not permisos.puede_gestionar(staff, de_finanzas)
    assert not permisos.puede_administrar(staff)
    Expediente.objects.filter(pk=de_obras.pk).update(etapa=Expediente.Etapa.CONCENTRACION)
    de_obras.refresh_from_db()
    assert permisos.puede_ver(staff, de_obras)
    assert not permisos.puede_gestionar(staff, de_obras)
    assert not permisos.puede_clasificar(staff, de_obras)


def test_miembro_del_area_sin_el_rol_no_ve_nada(obras, expedientes):
    sin_rol = UsuarioFactory(areas=[obras])
    assert not permisos.expedientes_visibles(sin_rol).exists()
    assert not permisos.puede_ver(sin_rol, expedientes[0])


def test_oficialia_clasifica_en_tramite(expedientes):
    oficialia = UsuarioFactory(roles=[OFICIALIA])
    assert permisos.puede_clasificar(oficialia, expedientes[0])
    assert not permisos.puede_gestionar(oficialia, expedientes[0])
    assert not permisos.expedientes_visibles(oficialia).exists()


def test_exigir():
    permisos.exigir(True)
    with pytest.raises(PermissionDenied, match="No tiene permiso"):
        permisos.exigir(False)
