"""Demo data for `make run`: the Palacio Municipal's Oficialía with 3 windows, 4 servicios and
about ten working days of past turnos, plus a few waiting today.

Past fichas are written directly with their times (the services stamp "now"); the day is
simulated: each free window calls a preferente first, otherwise the earliest arrival.
Idempotent: the past days are only made when the sede has no fichas yet.
"""

import random
import secrets
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from documentos.models import Area

from .models import Ficha, SecuenciaFicha, Sede, Servicio, Ventanilla

SEDE = (
    "palacio",
    "Oficialía de Partes — Palacio Municipal",
    "Plaza de la Constitución s/n, Centro",
)
# (letter, name, área siglas, trámite title, estimated minutes)
SERVICIOS = [
    (
        "A",
        "Recepción de escritos",
        "OFP",
        "Presentación de escritos ante la Oficialía de Partes",
        6,
    ),
    ("B", "Pago del impuesto predial", "FIN", "Pago del impuesto predial", 8),
    ("C", "Licencias de construcción", "DOP", "Licencia de construcción", 15),
    ("D", "Información y orientación", "UT", "Solicitud de acceso a la información pública", 5),
]
# Window number -> letters it attends.
VENTANILLAS = {1: "AD", 2: "AB", 3: "BC"}
DIAS = 10
E = Ficha.Estado


def _sede() -> tuple[Sede, dict[str, Servicio]]:
    slug, nombre, direccion = SEDE
    sede, _creada = Sede.objects.get_or_create(
        slug=slug, defaults={"nombre": nombre, "direccion": direccion, "preferente_cada": 3}
    )
    servicios = {}
    for prefijo, nombre, siglas, tramite, minutos in SERVICIOS:
        servicios[prefijo], _creado = Servicio.objects.get_or_create(
            sede=sede,
            prefijo=prefijo,
            defaults={
                "nombre": nombre,
                "area": Area.objects.filter(siglas=siglas).first(),
                "tramite": Page.objects.filter(title=tramite).first(),
                "minutos_estimados": minutos,
            },
        )
    for numero, letras in VENTANILLAS.items():
        ventanilla, creada = Ventanilla.objects.get_or_create(sede=sede, numero=numero)
        if creada:
            ventanilla.servicios.set([servicios[letra] for letra in letras])
    return sede, servicios


def _dias_habiles(hoy, cuantos: int) -> list:
    dias, dia = [], hoy
    while len(dias) < cuantos:
        dia -= timedelta(days=1)
        if dia.weekday() < 5:
            dias.append(dia)
    return sorted(dias)


def _llegadas(dia, servicios, azar) -> list[dict]:
    """Arrivals between 9:00 and 14:30, busier mid-morning."""
    inicio = timezone.make_aware(datetime.combine(dia, time(9, 0)))
    letras, pesos = list(servicios), [4, 3, 1, 2]
    llegadas = []
    for _i in range(azar.randint(35, 55)):
        minuto = min(329.0, max(0.0, azar.triangular(0, 330, 110)))
        llegadas.append(
            {
                "servicio": servicios[azar.choices(letras, pesos)[0]],
                "tomada_en": inicio + timedelta(minutes=minuto, seconds=azar.randint(0, 59)),
                "preferente": azar.random() < 0.12,
                "canal": Ficha.Canal.VENTANILLA if azar.random() < 0.2 else Ficha.Canal.KIOSCO,
            }
        )
    return sorted(llegadas, key=lambda f: f["tomada_en"])


def _simular(sede, dia, servicios, ventanillas, personal, azar) -> list[Ficha]:
    llegadas = _llegadas(dia, servicios, azar)
    for numero, llegada in enumerate(llegadas, start=1):
        llegada["numero"] = numero
    libre = {v.pk: llegadas[0]["tomada_en"] for v in ventanillas}
    atiende = {v.pk: {s.pk for s in v.servicios.all()} for v in ventanillas}
    atendidos = set().union(*atiende.values())
    pendientes = [f for f in llegadas if f["servicio"].pk in atendidos]
    fichas = []
    while pendientes:
        ventanilla = min(ventanillas, key=lambda v: libre[v.pk])
        ahora = libre[ventanilla.pk]
        suyas = [f for f in pendientes if f["servicio"].pk in atiende[ventanilla.pk]]
        if not suyas:
            libre[ventanilla.pk] = max(libre.values()) + timedelta(days=1)
            continue
        llegadas_ya = [f for f in suyas if f["tomada_en"] <= ahora]
        if not llegadas_ya:
            libre[ventanilla.pk] = min(f["tomada_en"] for f in suyas)
            continue
        elegida = next((f for f in llegadas_ya if f["preferente"]), llegadas_ya[0])
        pendientes.remove(elegida)
        servicio = elegida["servicio"]
        llamada = ahora + timedelta(seconds=azar.randint(5, 40))
        ficha = Ficha(
            sede=sede,
            fecha=dia,
            prefijo=servicio.prefijo,
            token=secrets.token_urlsafe(16),
            ventanilla=ventanilla,
            atendida_por=azar.choice(personal) if personal else None,
            llamadas=1,
            llamada_en=llamada,
            **elegida,
        )
        if azar.random() < 0.06:
            ficha.estado, ficha.llamadas = E.NO_SE_PRESENTO, 2
            ficha.terminada_en = llamada + timedelta(minutes=2)
        else:
            ficha.estado = E.TERMINADA
            ficha.iniciada_en = llamada + timedelta(seconds=azar.randint(30, 120))
            minutos = max(
                2.0, azar.gauss(servicio.minutos_estimados, servicio.minutos_estimados / 3)
            )
            ficha.terminada_en = ficha.iniciada_en + timedelta(minutes=minutos)
        libre[ventanilla.pk] = ficha.terminada_en
        fichas.append(ficha)
    return fichas


def _hoy(sede, servicios, azar) -> int:
    """A few turnos waiting right now (taken over the last minutes)."""
    hoy = timezone.localdate()
    if Ficha.objects.filter(sede=sede, fecha=hoy).exists():
        return 0
    ahora = timezone.now()
    letras = "AABBCDAB"
    for numero, letra in enumerate(letras, start=1):
        Ficha.objects.create(
            sede=sede,
            servicio=servicios[letra],
            fecha=hoy,
            numero=numero,
            prefijo=letra,
            preferente=numero == 5,
            canal=Ficha.Canal.KIOSCO,
            token=secrets.token_urlsafe(16),
            tomada_en=ahora - timedelta(minutes=3 * (len(letras) - numero) + 1),
        )
    SecuenciaFicha.objects.update_or_create(sede=sede, fecha=hoy, defaults={"ultimo": len(letras)})
    return len(letras)


@transaction.atomic
def cargar(semilla: int = 2026) -> int:
    """Create the demo sede and its turnos; returns how many fichas were created."""
    azar = random.Random(semilla)  # noqa: S311 - demo data, not security
    sede, servicios = _sede()
    creadas = 0
    if not Ficha.objects.filter(sede=sede).exists():
        ventanillas = list(sede.ventanillas.prefetch_related("servicios"))
        personal = list(get_user_model().objects.filter(username__endswith=".ofp"))
        for dia in _dias_habiles(timezone.localdate(), DIAS):
            fichas = _simular(sede, dia, servicios, ventanillas, personal, azar)
            Ficha.objects.bulk_create(fichas)
            SecuenciaFicha.objects.update_or_create(
                sede=sede, fecha=dia, defaults={"ultimo": len(fichas)}
            )
            creadas += len(fichas)
    return creadas + _hoy(sede, servicios, azar)
