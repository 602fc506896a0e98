"""Intake: validate, store files, give the folio and write the bitácora in one transaction."""

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import eventos, permisos
from ..models import Archivo, Area, EntradaBitacora, Escrito, Notificacion, Tema
from ..plazos import vencimiento
from ..validacion import ArchivoValidado, validar_archivo
from . import bitacora
from .archivos import borrar_archivos_si_falla, contenido_activo, guardar_archivo
from .folios import siguiente_folio

# No 0/O or 1/I/L: the code is read aloud at the window and typed on phones.
ALFABETO_CODIGO = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LARGO_CODIGO = 10


def generar_codigo() -> str:
    return "".join(secrets.choice(ALFABETO_CODIGO) for _ in range(LARGO_CODIGO))


@dataclass
class DatosRecepcion:
    tipo: str
    canal: str
    remitente_tipo: str
    remitente_nombre: str
    asunto: str
    remitente_contacto: str = ""
    remitente_sexo: str = Escrito.Sexo.NO_DECLARA
    tema: Tema | None = None
    fojas: int | None = None
    anexos: int | None = None  # None: the files after the first one
    clasificacion: str = Escrito.Clasificacion.PUBLICA
    recibido_en: object = None
    archivos: list = field(default_factory=list)
    tramite: str = ""
    area_sugerida: Area | None = None
    token_envio: str | None = None  # the form's one-time token (a second submit is a repeat)


class PosibleDuplicado(ValidationError):
    """The same file, or the same asunto, from the same remitente arrived minutes ago."""

    def __init__(self, escrito: Escrito):
        self.escrito = escrito
        super().__init__(
            _(
                "Este escrito parece duplicado: hace unos minutos se recibió del mismo remitente "
                "el mismo asunto o archivo con el folio %(folio)s. Confirme si desea registrarlo "
                "de nuevo."
            )
            % {"folio": escrito.folio},
            code="duplicado",
        )


class EnvioRepetido(Exception):
    """This form (its one-time token) was already received: `escrito` is the first one."""

    def __init__(self, escrito: Escrito):
        self.escrito = escrito
        super().__init__(escrito.folio)


def _envio_previo(token: str | None) -> Escrito | None:
    return Escrito.objects.filter(token_envio=token).first() if token else None


def _validar_archivos(archivos) -> list[ArchivoValidado]:
    validados, errores = [], []
    for archivo in archivos:
        try:
            validados.append(validar_archivo(archivo))
        except ValidationError as error:
            errores.extend(error.messages)
    if errores:
        raise ValidationError(errores)
    return validados


def _duplicado(datos: DatosRecepcion, validados: list[ArchivoValidado]) -> Escrito | None:
    """An escrito of the same remitente received minutes ago with the same asunto or one
    of the same files (with or without files)."""
    desde = timezone.now() - timedelta(minutes=settings.FOLIO_VENTANA_DUPLICADOS_MIN)
    del_remitente = Escrito.objects.filter(
        remitente_nombre__iexact=datos.remitente_nombre.strip(), creado_en__gte=desde
    )
    mismo_asunto = del_remitente.filter(asunto__iexact=datos.asunto.strip()).first()
    if mismo_asunto is not None or not validados:
        return mismo_asunto
    archivo = (
        Archivo.objects.filter(
            sha256__in=[v.sha256 for v in validados],
            subido_en__gte=desde,
            escrito__in=del_remitente,
        )
        .select_related("escrito")
        .first()
    )
    return archivo.escrito if archivo else None


def recibir_escrito(
    datos: DatosRecepcion, *, usuario=None, ip: str | None = None, confirmar_duplicado=False
) -> Escrito:
    """Receive a writing. Bad input raises ValidationError (Spanish) and changes nothing; a
    form already received (same token_envio) raises EnvioRepetido with the first escrito."""
    if usuario is not None and usuario.is_authenticated:
        permisos.exigir(permisos.puede_recibir(usuario))
    if previo := _envio_previo(datos.token_envio):
        raise EnvioRepetido(previo)
    validados = _validar_archivos(datos.archivos)
    if not validados and datos.canal != Escrito.Canal.EN_LINEA:
        raise ValidationError(_("Adjunte el escaneo del escrito (PDF, PNG, JPEG o TIFF)."))
    if not confirmar_duplicado and (previo := _duplicado(datos, validados)):
        raise PosibleDuplicado(previo)

    recibido_en = datos.recibido_en or timezone.now()
    escrito = Escrito(
        tipo=datos.tipo,
        canal=datos.canal,
        remitente_tipo=datos.remitente_tipo,
        remitente_nombre=datos.remitente_nombre.strip(),
        remitente_contacto=datos.remitente_contacto.strip(),
        remitente_sexo=datos.remitente_sexo or Escrito.Sexo.NO_DECLARA,
        asunto=datos.asunto.strip(),
        tema=datos.tema,
        recibido_en=recibido_en,
        fojas=datos.fojas if datos.fojas is not None else sum(v.paginas for v in validados),
        anexos=datos.anexos if datos.anexos is not None else max(len(validados) - 1, 0),
        clasificacion=datos.clasificacion,
        tramite=datos.tramite,
        area_sugerida=datos.area_sugerida,
        token_envio=datos.token_envio or None,
        vence_en=vencimiento(datos.tipo, recibido_en),
        codigo_acceso=generar_codigo(),
        recibido_por=usuario if usuario is not None and usuario.is_authenticated else None,
    )
    escrito.anio = timezone.localdate(recibido_en).year
    escrito.full_clean(exclude=["folio", "consecutivo", "token_envio"])

    with borrar_archivos_si_falla(), transaction.atomic():
        escrito.consecutivo, escrito.folio = siguiente_folio(escrito.anio)
        # A double click: the first request held the folio lock until it committed.
        if previo := _envio_previo(datos.token_envio):
            raise EnvioRepetido(previo)
        escrito.save()
        for orden, validado in enumerate(validados):
            guardar_archivo(escrito, validado, usuario=usuario, orden=orden)
        descripcion = _("Recibió el escrito %(folio)s (%(canal)s) con %(n)s archivo(s).") % {
            "folio": escrito.folio,
            "canal": escrito.get_canal_display(),
            "n": len(validados),
        }
        despues = {
            "folio": escrito.folio,
            "estado": escrito.estado,
            "tipo": escrito.tipo,
            "vence_en": escrito.vence_en,
            "archivos": [v.sha256 for v in validados],
        }
        if datos.tramite:
            despues["tramite"] = datos.tramite
        if limpiados := contenido_activo(validados):
            descripcion = " ".join([descripcion, *(v.aviso for v in validados if v.quitado)])
            despues["contenido_activo"] = limpiados
        bitacora.registrar(
            EntradaBitacora.Accion.RECEPCION,
            descripcion,
            escrito=escrito,
            usuario=usuario,
            ip=ip,
            actor=None if escrito.recibido_por_id else bitacora.CIUDADANO,
            despues=despues,
        )
        eventos.escrito_cambiado(escrito.pk)
        eventos.remitente_por_notificar(escrito.pk, Notificacion.Motivo.RECEPCION)
    return escrito
