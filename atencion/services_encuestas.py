"""Satisfaction surveys: the version asked, the escrito's token, recording one answer and the
coyotaje denuncia sent to the Contraloría through documentos' intake."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms import roles
from documentos.models import Area, Escrito
from documentos.services import flujo
from documentos.services.recepcion import DatosRecepcion, recibir_escrito

from .models import Cuestionario, Ficha, RespuestaEncuesta, VersionCuestionario

ESCALA5, ESCALA10, SI_NO_PARCIAL, TEXTO = "escala5", "escala10", "si_no_parcial", "texto"
PREGUNTAS_INICIALES = [
    (
        ESCALA5,
        "satisfaccion",
        gettext_noop("En general, ¿qué tan satisfecho quedó con la atención?"),
        True,
    ),
    (ESCALA5, "trato", gettext_noop("¿Cómo fue el trato que recibió?"), False),
    (ESCALA5, "claridad", gettext_noop("¿Qué tan clara fue la información que le dieron?"), False),
    (ESCALA5, "espera", gettext_noop("¿Cómo califica el tiempo de espera?"), False),
    (
        ESCALA5,
        "instalaciones",
        gettext_noop("¿Cómo califica las instalaciones y su accesibilidad?"),
        False,
    ),
    (SI_NO_PARCIAL, "resuelto", gettext_noop("¿Se resolvió su asunto?"), False),
    (
        ESCALA10,
        "recomendacion",
        gettext_noop("¿Qué tan probable es que recomiende este servicio?"),
        False,
    ),
    (TEXTO, "comentario", gettext_noop("¿Quiere dejarnos un comentario?"), False),
]
PREGUNTA_COYOTAJE = gettext_noop(
    "¿Alguien le pidió dinero o un regalo, o le ofreció agilizar su trámite a cambio de algo?"
)
CONTRALORIA_SIGLAS = "CON"
USUARIO_SISTEMA = "sistema-encuestas"
REMITENTE_ANONIMO = "Anónimo (encuesta de satisfacción)"
_FIRMA_ESCRITO = signing.Signer(salt="atencion.encuesta.escrito", sep=".")


def preguntas_de(cuestionario: Cuestionario) -> list[dict]:
    return [
        {
            "clave": b.value["clave"],
            "tipo": b.value["tipo"],
            "texto": b.value["texto"],
            "obligatoria": bool(b.value["obligatoria"]),
        }
        for b in cuestionario.preguntas
    ]


def cuestionario_vigente() -> Cuestionario:
    """The vigente cuestionario; the default questions when there is none yet."""
    cuestionario = Cuestionario.objects.filter(vigente=True).order_by("pk").first()
    if cuestionario is None:
        cuestionario = Cuestionario.objects.create(
            nombre=_("Encuesta de satisfacción"),
            preguntas=[
                (
                    "pregunta",
                    {"tipo": t, "clave": c, "texto": _(texto), "obligatoria": o},
                )
                for t, c, texto, o in PREGUNTAS_INICIALES
            ],
        )
    return cuestionario


@transaction.atomic
def publicar(cuestionario: Cuestionario) -> VersionCuestionario:
    """The cuestionario's latest version; a new one when its questions changed since."""
    Cuestionario.objects.select_for_update().filter(pk=cuestionario.pk).first()
    cuestionario.refresh_from_db()
    preguntas = preguntas_de(cuestionario)
    ultima = cuestionario.versiones.order_by("-numero").first()
    if ultima is not None and ultima.preguntas == preguntas:
        return ultima
    claves = [p["clave"] for p in preguntas]
    if len(set(claves)) != len(claves):
        raise ValidationError(_("Dos preguntas tienen la misma clave."))
    return VersionCuestionario.objects.create(
        cuestionario=cuestionario,
        numero=(ultima.numero + 1) if ultima else 1,
        preguntas=preguntas,
    )


def version_vigente() -> VersionCuestionario:
    return publicar(cuestionario_vigente())


# The escrito's survey token: signed with SECRET_KEY here, so documentos needs to know nothing.
def token_escrito(escrito: Escrito) -> str:
    return _FIRMA_ESCRITO.sign(str(escrito.pk))


def escrito_por_token(token: str) -> Escrito | None:
    try:
        pk = int(_FIRMA_ESCRITO.unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return Escrito.objects.select_related("area_responsable").filter(pk=pk).first()


def ficha_por_token(token: str) -> Ficha | None:
    return (
        Ficha.objects.select_related("servicio", "sede", "ventanilla").filter(token=token).first()
    )


def ficha_encuestable(ficha: Ficha) -> bool:
    return ficha.estado == Ficha.Estado.TERMINADA


def escrito_encuestable(escrito: Escrito) -> bool:
    """Answered (it has a respuesta) and not itself a denuncia from a survey."""
    return (
        escrito.respuestas.exists()
        and escrito.remitente_nombre != REMITENTE_ANONIMO
        and escrito.estado != Escrito.Estado.CANCELADO
    )


def ya_respondida(*, ficha=None, escrito=None) -> bool:
    if ficha is not None:
        return RespuestaEncuesta.objects.filter(ficha=ficha).exists()
    return RespuestaEncuesta.objects.filter(escrito=escrito).exists()


def _contexto(ficha, escrito) -> dict:
    if escrito is not None:
        # An escrito received at a window keeps where it was received.
        ficha = Ficha.objects.filter(escrito=escrito).select_related("servicio").first()
        respuesta = escrito.respuestas.order_by("-pk").first()
        datos = {"area": escrito.area_responsable, "servidor": respuesta.respondido_por}
    else:
        datos = {"area": ficha.servicio.area, "servidor": ficha.atendida_por}
    if ficha is not None:
        datos |= {"sede": ficha.sede, "servicio": ficha.servicio, "ventanilla": ficha.ventanilla}
    return datos


def responder(
    version: VersionCuestionario,
    valores: dict,
    *,
    coyotaje: str = "",
    detalle: str = "",
    ficha: Ficha | None = None,
    escrito: Escrito | None = None,
) -> RespuestaEncuesta:
    """Record the one answer of a ficha or escrito; a second one raises ValidationError and
    changes nothing. A "sí" to coyotaje files a denuncia in the same transaction."""
    if ficha is not None and not ficha_encuestable(ficha):
        raise ValidationError(_("La encuesta se abre cuando termina su atención."))
    if escrito is not None and not escrito_encuestable(escrito):
        raise ValidationError(_("La encuesta se abre cuando su escrito tiene respuesta."))
    if ya_respondida(ficha=ficha, escrito=escrito):
        raise ValidationError(_("Esta encuesta ya fue respondida. Gracias por su opinión."))
    claves = {p["clave"] for p in version.preguntas}
    satisfaccion = valores.get("satisfaccion")
    respuesta = RespuestaEncuesta(
        version=version,
        ficha=ficha,
        escrito=escrito,
        valores={c: v for c, v in valores.items() if c in claves and v not in (None, "")},
        satisfaccion=satisfaccion if isinstance(satisfaccion, int) else None,
        coyotaje=coyotaje,
        coyotaje_detalle=detalle.strip() if coyotaje == RespuestaEncuesta.Coyotaje.SI else "",
        **_contexto(ficha, escrito),
    )
    try:
        with transaction.atomic():
            respuesta.save()
            if coyotaje == RespuestaEncuesta.Coyotaje.SI:
                respuesta.denuncia = denunciar(respuesta)
                respuesta.save(update_fields=["denuncia"])
    except IntegrityError as error:  # the same token answered at the same instant
        raise ValidationError(
            _("Esta encuesta ya fue respondida. Gracias por su opinión.")
        ) from error
    return respuesta


def usuario_sistema():
    """The account the survey acts as when it turns a denuncia (no password: cannot log in)."""
    usuario, creado = get_user_model().objects.get_or_create(
        username=USUARIO_SISTEMA,
        defaults={"first_name": "Sistema", "last_name": "(encuestas)", "is_active": True},
    )
    if creado:
        usuario.set_unusable_password()
        usuario.save(update_fields=["password"])
        grupo, _creado = Group.objects.get_or_create(name=roles.OFICIALIA)
        usuario.groups.add(grupo)
    return usuario


def _asunto(respuesta: RespuestaEncuesta) -> str:
    partes = [_("Posible coyotaje o cobro indebido reportado en una encuesta de satisfacción.")]
    lugar = [
        str(x) for x in (respuesta.servicio, respuesta.sede, respuesta.ventanilla) if x is not None
    ]
    if lugar:
        partes.append(_("Atención: %(lugar)s.") % {"lugar": ", ".join(lugar)})
    if respuesta.area is not None:
        partes.append(_("Área: %(area)s.") % {"area": respuesta.area})
    if respuesta.ficha is not None:
        partes.append(
            _("Turno %(codigo)s del %(fecha)s.")
            % {
                "codigo": respuesta.ficha.codigo,
                "fecha": respuesta.ficha.fecha.strftime("%d/%m/%Y"),
            }
        )
    if respuesta.coyotaje_detalle:
        partes.append(_("Relato: %(detalle)s") % {"detalle": respuesta.coyotaje_detalle})
    return " ".join(partes)[:2000]


def denunciar(respuesta: RespuestaEncuesta) -> Escrito:
    """A confidential denuncia for the Contraloría (turned to its área when there is one)."""
    denuncia = recibir_escrito(
        DatosRecepcion(
            tipo=Escrito.Tipo.DENUNCIA,
            canal=Escrito.Canal.EN_LINEA,
            remitente_tipo=Escrito.TipoPersona.FISICA,
            remitente_nombre=REMITENTE_ANONIMO,
            asunto=_asunto(respuesta),
            clasificacion=Escrito.Clasificacion.CONFIDENCIAL,
        ),
        usuario=None,
        confirmar_duplicado=True,  # anonymous denuncias share a remitente
    )
    contraloria = Area.objects.filter(siglas=CONTRALORIA_SIGLAS, activa=True).first()
    if contraloria is not None:
        flujo.turnar(
            denuncia,
            contraloria,
            usuario=usuario_sistema(),
            instruccion=_("Denuncia anónima por posible coyotaje, recibida en una encuesta."),
        )
    return denuncia


def enlace_encuesta_escrito(escrito: Escrito) -> tuple[str, str] | None:
    """What documentos shows after the answer (status page, notification): registered in
    apps.py through documentos.enlaces.ofrecer_tras_respuesta."""
    if not escrito_encuestable(escrito) or ya_respondida(escrito=escrito):
        return None
    ruta = reverse("atencion:encuesta_escrito", args=[token_escrito(escrito)])
    return _("Responda la encuesta de satisfacción (anónima, 1 minuto)"), ruta
