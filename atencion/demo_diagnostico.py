"""Demo diagnóstico for `make run`: a clima laboral survey and an infrastructure checklist for
two áreas with trámites and window servicios (Finanzas and Obra Pública), recorded through the
services by each área's titular, over the last 30 days (so the default period shows them).
Idempotent: an área that already has a clima survey gets nothing."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from documentos.models import Area

from .calidad.services_diagnostico import registrar_clima, registrar_infraestructura
from .models import ElementoInfraestructura, EncuestaClima

# siglas -> (respondents, staff, means per dimension, {element: (estado, notas)}, notes)
DIAGNOSTICOS = {
    "FIN": (
        14,
        17,
        {
            "liderazgo": 3.9,
            "comunicacion": 3.4,
            "condiciones": 2.7,
            "reconocimiento": 2.9,
            "capacitacion": 3.6,
            "trabajo_en_equipo": 4.1,
        },
        {
            "sala_espera": (
                "inadecuado",
                "Doce sillas para hasta 60 personas en los días de pago.",
            ),
            "conectividad": ("mejorable", "La red de las cajas se satura a fin de mes."),
            "senalizacion": ("mejorable", "No hay letreros de los requisitos del predial."),
        },
        "Encuesta anónima en línea; el personal pide capacitación en el sistema de cobro.",
    ),
    "DOP": (
        9,
        12,
        {
            "liderazgo": 3.2,
            "comunicacion": 2.8,
            "condiciones": 3.1,
            "reconocimiento": 2.6,
            "capacitacion": 2.4,
            "trabajo_en_equipo": 3.5,
        },
        {
            "accesibilidad": (
                "inadecuado",
                "La ventanilla está en el primer piso, sin rampa ni elevador.",
            ),
            "equipo_computo": ("mejorable", "Dos de cinco equipos no abren los planos digitales."),
            "sanitarios": ("no_aplica", "Se usan los del Palacio Municipal."),
        },
        "Aplicada en papel durante la reunión mensual.",
    ),
}


def _quien(area: Area):
    """The área's demo titular, or the demo administrator."""
    modelo = get_user_model()
    return (
        area.personal.filter(username__startswith="titular.").first()
        or modelo.objects.filter(is_superuser=True).order_by("pk").first()
    )


def cargar() -> int:
    """Record what is missing; returns how many áreas got their diagnóstico."""
    hoy = timezone.localdate()
    desde = hoy - dt.timedelta(days=30)
    hechas = 0
    for siglas, (respondieron, personal, medias, revisados, notas) in DIAGNOSTICOS.items():
        area = Area.objects.filter(siglas=siglas).first()
        if area is None or EncuestaClima.objects.filter(area=area).exists():
            continue
        usuario = _quien(area)
        if usuario is None:
            continue
        registrar_clima(
            area,
            desde=desde,
            hasta=hoy,
            participantes=respondieron,
            personal=personal,
            resultados=medias,
            observaciones=notas,
            usuario=usuario,
        )
        elementos = {e: {"estado": "adecuado", "notas": ""} for e in ElementoInfraestructura.values}
        elementos |= {
            e: {"estado": estado, "notas": texto} for e, (estado, texto) in revisados.items()
        }
        registrar_infraestructura(
            area, desde=desde, hasta=hoy, elementos=elementos, usuario=usuario
        )
        hechas += 1
    return hechas
