"""documentos.visibilidad on the public side: public means pública, publicado, not cancelled
AND an approved versión pública; `publicado=True` alone (the ORM, an old row) is not enough."""

import pytest
from django.urls import reverse

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


def test_the_public_archive_page_shows_a_public_escrito_and_hides_the_rest(client, recibir):
    publico = recibir(asunto="Bacheo en la calle Hidalgo")
    version_aprobada(publico, textos=["Texto público"], asunto="Bacheo en la calle [testado]")
    Escrito.objects.filter(pk=publico.pk).update(publicado=True)
    url = reverse("documentos:archivo_escrito", args=[publico.folio])
    html = client.get(url).content.decode()
    assert "Bacheo en la calle [testado]" in html and publico.folio in html
    assert "María López" not in html and publico.codigo_acceso not in html

    reservado = recibir(asunto="Asunto reservado", clasificacion=Escrito.Clasificacion.RESERVADA)
    version_aprobada(reservado, textos=["x"])
    sin_publicar = recibir(asunto="Sin publicar")
    version_aprobada(sin_publicar, textos=["x"])
    for escrito in (reservado, sin_publicar):
        url = reverse("documentos:archivo_escrito", args=[escrito.folio])
        assert client.get(url).status_code == 404
    # Published but its versión pública not approved: still nothing.
    Escrito.objects.filter(pk=sin_publicar.pk).update(publicado=True)
    sin_publicar.versiones_publicas.update(estado=V.POR_REVISAR)
    url = reverse("documentos:archivo_escrito", args=[sin_publicar.folio])
    assert client.get(url).status_code == 404
