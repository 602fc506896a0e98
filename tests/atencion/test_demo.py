"""The demo sede: windows, servicios linked to áreas and trámites, realistic past turnos."""

import itertools

import pytest
from django.db.models import F
from django.utils import timezone

from atencion import demo, selectors, services
from atencion.models import Ficha, Sede
from cms.demo_contenido import cargar_paginas

pytestmark = pytest.mark.django_db
E = Ficha.Estado


def test_the_demo_sede_has_ten_working_days_of_turnos_and_some_waiting_today(db):
    cargar_paginas()  # the trámite catalogue (and the áreas)
    creadas = demo.cargar()
    sede = Sede.objects.get(slug="palacio")
    assert sede.nombre == "Oficialía de Partes — Palacio Municipal"
    assert sede.ventanillas.count() == 3
    servicios = {s.prefijo: s for s in sede.servicios.all()}
    assert [servicios[p].area.siglas for p in "ABCD"] == ["OFP", "FIN", "DOP", "UT"]
    assert servicios["B"].tramite.title == "Pago del impuesto predial"
    fichas = Ficha.objects.filter(sede=sede)
    assert fichas.count() == creadas > 10 * 30
    hoy = timezone.localdate()
    pasadas = fichas.exclude(fecha=hoy)
    assert pasadas.values("fecha").distinct().count() == 10
    assert all(f.weekday() < 5 for f in pasadas.values_list("fecha", flat=True))
    assert not pasadas.filter(estado__in=[E.EN_ESPERA, E.LLAMADA, E.EN_ATENCION]).exists()
    assert pasadas.filter(estado=E.NO_SE_PRESENTO).exists()
    assert pasadas.filter(preferente=True).exists()
    terminadas = pasadas.filter(estado=E.TERMINADA)
    assert not terminadas.exclude(
        tomada_en__lte=F("llamada_en"),
        llamada_en__lte=F("iniciada_en"),
        iniciada_en__lt=F("terminada_en"),
    ).exists()
    # A window attends one person at a time and only its own servicios.
    for ventanilla in sede.ventanillas.all():
        suyas = list(terminadas.filter(ventanilla=ventanilla).order_by("llamada_en"))
        assert all(a.terminada_en <= b.llamada_en for a, b in itertools.pairwise(suyas))
        assert {f.servicio_id for f in suyas} <= set(
            ventanilla.servicios.values_list("pk", flat=True)
        )
    esperan = fichas.filter(fecha=hoy, estado=E.EN_ESPERA)
    en_espera = esperan.count()
    assert en_espera >= 3
    assert selectors.por_delante(esperan.filter(servicio=servicios["A"]).last()) >= 1
    # Numbering continues where the demo left it, and a second run adds nothing.
    assert services.tomar_ficha(servicios["A"]).numero == en_espera + 1
    assert demo.cargar() == 0
    assert Ficha.objects.filter(sede=sede).count() == creadas + 1
