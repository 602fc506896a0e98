"""Who may testar: the per-escrito rule and its queryset form say the same for every kind
of user (the queue lists exactly what its actions allow)."""

import pytest

from cms import roles
from documentos import permisos
from documentos.models import Asignacion, Escrito
from documentos.services import flujo
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def usuarios(oficialia, titular_obras, operativo_obras, staff_finanzas):
    return {
        "oficialia": oficialia,
        "contraloria": UsuarioFactory(username="contralor.p", roles=[roles.CONTRALORIA]),
        "archivo": UsuarioFactory(username="archivista.p", roles=[roles.ARCHIVO]),
        "comunicacion": UsuarioFactory(username="editora.p", roles=[roles.COMUNICACION]),
        "titular_obras": titular_obras,
        "operativo_obras": operativo_obras,
        "finanzas": staff_finanzas,
        "sin_rol": UsuarioFactory(username="sin.rol"),
        "superusuario": UsuarioFactory(username="raiz.p", is_superuser=True),
    }


def test_escritos_testables_is_puede_testar_for_every_user(
    recibir, oficialia, obras, finanzas, titular_obras, operativo_obras, usuarios
):
    de_obras = recibir(asunto="Bacheo")
    flujo.turnar(de_obras, obras, usuario=oficialia)
    asignado = recibir(asunto="Alumbrado")
    flujo.turnar(asignado, obras, usuario=oficialia)
    flujo.asignar(asignado, operativo_obras, usuario=titular_obras)
    copia = recibir(asunto="Con copia a Finanzas")
    flujo.turnar(copia, obras, usuario=oficialia, copias=[finanzas])
    recibir(asunto="Sin turnar")
    # Someone who left the área keeps what was assigned to them (an old row).
    exasignado = UsuarioFactory(username="antes.en.obras")
    Asignacion.objects.create(
        escrito=copia, area=obras, asignado_a=exasignado, asignado_por=titular_obras
    )
    usuarios["exasignado"] = exasignado
    escritos = list(Escrito.objects.all())
    for nombre, usuario in usuarios.items():
        esperados = {e.pk for e in escritos if permisos.puede_testar(usuario, e)}
        obtenidos = set(permisos.escritos_testables(usuario).values_list("pk", flat=True))
        assert obtenidos == esperados, nombre
        assert permisos.puede_testar_alguno(usuario) == bool(esperados), nombre
    assert set(permisos.escritos_testables(titular_obras)) == {de_obras, asignado, copia}
    assert set(permisos.escritos_testables(exasignado)) == {copia}
    assert not permisos.escritos_testables(usuarios["finanzas"]).exists()
