"""Demo survey answers for `make run`: some finished fichas and answered escritos get their
survey (through services_encuestas, so a coyotaje "sí" files a real denuncia). Idempotent:
does nothing when answers already exist; needs the demo fichas/escritos to exist first."""

import random

from django.db.models import Exists, OuterRef

from documentos.models import Escrito, Respuesta

from . import services_encuestas as se
from .models import Ficha, RespuestaEncuesta

COMENTARIOS = [
    "Me atendieron rápido y con amabilidad.",
    "La fila era larga pero la atención fue buena.",
    "No había dónde sentarse mientras esperaba.",
    "Me explicaron claramente qué documentos faltaban.",
    "",
    "",
]


def _valores(azar: random.Random) -> dict:
    satisfaccion = azar.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 8, 6])[0]
    cerca = lambda: max(1, min(5, satisfaccion + azar.choice([-1, 0, 0, 1])))  # noqa: E731
    return {
        "satisfaccion": satisfaccion,
        "trato": cerca(),
        "claridad": cerca(),
        "espera": max(1, cerca() - 1),
        "instalaciones": cerca(),
        "resuelto": azar.choices(["si", "parcial", "no"], weights=[7, 2, 1])[0],
        "recomendacion": min(10, max(0, satisfaccion * 2 + azar.choice([-1, 0, 0, 1]))),
        "comentario": azar.choice(COMENTARIOS),
    }


def cargar() -> int:
    """Answer about 70 % of the finished fichas and half of the answered escritos."""
    if RespuestaEncuesta.objects.exists():
        return 0
    azar = random.Random(13)  # noqa: S311 - demo data, not security
    version = se.version_vigente()
    fichas = list(Ficha.objects.filter(estado=Ficha.Estado.TERMINADA).order_by("pk")[:400])
    respondidos = Escrito.objects.filter(
        Exists(Respuesta.objects.filter(escrito=OuterRef("pk")))
    ).exclude(remitente_nombre=se.REMITENTE_ANONIMO)
    escritos = list(respondidos.order_by("pk")[:200])
    creadas = 0
    denuncia_hecha = False
    for objeto in [*fichas, *escritos]:
        if azar.random() > (0.7 if isinstance(objeto, Ficha) else 0.5):
            continue
        coyotaje, detalle = "no", ""
        if not denuncia_hecha and isinstance(objeto, Ficha) and creadas == 6:
            coyotaje = "si"
            detalle = "Una persona afuera ofreció conseguirme un turno rápido por 200 pesos."
            denuncia_hecha = True
        clave = "ficha" if isinstance(objeto, Ficha) else "escrito"
        respuesta = se.responder(
            version, _valores(azar), coyotaje=coyotaje, detalle=detalle, **{clave: objeto}
        )
        # On the day it was attended or answered, so the monthly results spread out.
        cuando = (
            objeto.terminada_en
            if isinstance(objeto, Ficha)
            else objeto.respuestas.order_by("-pk").first().respondido_en
        )
        if cuando:
            RespuestaEncuesta.objects.filter(pk=respuesta.pk).update(respondida_en=cuando)
        creadas += 1
    return creadas
