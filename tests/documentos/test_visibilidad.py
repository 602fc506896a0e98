"""documentos.visibilidad on the public side: public means pública, publicado, not cancelled
AND an approved versión pública; `publicado=True` alone (the ORM, an old row) is not enough."""

import pytest

from documentos import visibilidad
from documentos.models import Escrito, VersionPublica
from tests.factories import version_aprobada

pytestmark = pytest.mark.django_db
V = VersionPublica.Estado


@pytest.fixture
def publicado(recibir):
    """A public escrito marked publicado straight through the ORM."""
    escrito = recibir(asunto="Alumbrado en la colonia Centro")
    Escrito.objects.filter(pk=escrito.pk).update(publicado=True)
    escrito.refresh_from_db()
    return escrito


def _publico(escrito) -> bool:
    en_filtro = visibilidad.escritos_publicos().filter(pk=escrito.pk).exists()
    assert en_filtro == visibilidad.es_publico(escrito)  # one rule, two spellings
    return en_filtro


@pytest.mark.parametrize("estado", [None, V.POR_REVISAR, V.INVALIDADA])
def test_publicado_sin_version_aprobada_no_es_publico(publicado, estado):
    if estado is not None:
        version_aprobada(publicado, [], estado=estado)
    assert not _publico(publicado)
    assert visibilidad.version_aprobada(publicado) is None


def test_con_version_aprobada_es_publico_y_la_devuelve(publicado):
    version_aprobada(publicado, [], estado=V.INVALIDADA)
    aprobada = version_aprobada(publicado, ["Texto público."])
    assert _publico(publicado)
    assert visibilidad.version_aprobada(publicado) == aprobada


def test_la_version_aprobada_no_basta_sin_las_demas_condiciones(recibir):
    borrador = recibir(asunto="Bacheo en la calle Juárez")
    version_aprobada(borrador, [])
    assert not _publico(borrador)  # not publicado
    cancelado = recibir(asunto="Poda en el parque Hidalgo")
    version_aprobada(cancelado, [])
    Escrito.objects.filter(pk=cancelado.pk).update(publicado=True, estado=Escrito.Estado.CANCELADO)
    cancelado.refresh_from_db()
    assert not _publico(cancelado)
