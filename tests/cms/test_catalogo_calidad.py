"""cms offers its live trámites to atencion's quality cycle through a registry (atencion
never imports cms): ids, titles, claves, área, tema and the window servicios of each."""

import pytest

from atencion.calidad import catalogo as calidad
from atencion.calidad.indicadores import Ambito
from atencion.models import Sede, Servicio
from cms.models import TramitePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def con_servicios(catalogo):
    sede = Sede.objects.create(nombre="Palacio", slug="palacio")
    licencia, predial = catalogo["licencia"], catalogo["predial"]
    uno = Servicio.objects.create(sede=sede, nombre="Licencias", prefijo="L", tramite=licencia)
    dos = Servicio.objects.create(sede=sede, nombre="Ventanilla 2", prefijo="M", tramite=licencia)
    Servicio.objects.create(sede=sede, nombre="Orientación", prefijo="O")  # no trámite
    TramitePage.objects.filter(pk=predial.pk).update(clave="FIN-001")
    return catalogo, (uno.pk, dos.pk)


def test_el_catalogo_son_los_tramites_publicados_con_sus_servicios(
    con_servicios, obras, finanzas, tema_obras, tema_pagos
):
    paginas, servicios = con_servicios
    paginas["bacheo"].unpublish()
    tramites = calidad.tramites()
    assert [t.titulo for t in tramites] == ["Licencia de construcción", "Pago del impuesto predial"]
    licencia, predial = tramites
    assert licencia == calidad.TramiteCatalogo(
        paginas["licencia"].pk,
        "Licencia de construcción",
        "",
        obras.pk,
        tema_obras.pk,
        tuple(sorted(servicios)),
    )
    assert (predial.clave, predial.area_id, predial.tema_id) == (
        "FIN-001",
        finanzas.pk,
        tema_pagos.pk,
    )
    assert predial.servicio_ids == ()
    assert [t.titulo for t in calidad.tramites(area_id=finanzas.pk)] == [predial.titulo]
    assert calidad.tramite(licencia.id) == licencia
    assert calidad.tramite(paginas["bacheo"].pk) is None


def test_cada_tramite_tiene_su_ambito(con_servicios, obras, finanzas, tema_obras, tema_pagos):
    _paginas, servicios = con_servicios
    licencia = calidad.tramites(area_id=obras.pk)[0]
    predial = calidad.tramites(area_id=finanzas.pk)[0]
    assert licencia.ambito == Ambito(obras.pk, tema_obras.pk, tuple(sorted(servicios)))
    # No servicio linked: its escritos, but none of the área's turnos.
    assert predial.ambito == Ambito(finanzas.pk, tema_pagos.pk, (), con_ventanilla=False)
