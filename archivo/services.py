"""Writes for the archive. Each checks first (a Spanish ValidationError changes nothing)
and records what it did in documentos' bitácora."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documentos.models import EntradaBitacora, Escrito
from documentos.services import bitacora

from . import selectors
from .models import (
    Expediente,
    ExpedienteEscrito,
    Prestamo,
    Retencion,
    SecuenciaExpediente,
    Ubicacion,
)

# documentos' bitácora has no archive action of its own yet: archive changes are
# recorded as state changes, their description saying what happened.
ACCION = EntradaBitacora.Accion.CAMBIO_ESTADO

# From least to most restrictive, for escritos and for expedientes.
_RANGO_ESCRITO = {
    Escrito.Clasificacion.PUBLICA: 0,
    Escrito.Clasificacion.RESERVADA: 1,
    Escrito.Clasificacion.CONFIDENCIAL: 2,
}
_RANGO_EXPEDIENTE = {
    Expediente.Valor.PUBLICO: 0,
    Expediente.Valor.RESERVADO: 1,
    Expediente.Valor.CONFIDENCIAL: 2,
}


def _registrar(descripcion, usuario, *, escrito=None, antes=None, despues=None):
    bitacora.registrar(
        ACCION, descripcion, escrito=escrito, usuario=usuario, antes=antes, despues=despues
    )


def abrir_expediente(
    area, serie, subserie, asunto, usuario, valor=Expediente.Valor.PUBLICO, abierto_en=None
) -> Expediente:
    """Open an expediente under the approved catálogo; its clave is ÁREA/SERIE/AÑO/NNNN."""
    if subserie is not None and subserie.serie_id != serie.pk:
        raise ValidationError(
            _("La subserie %(sub)s no pertenece a la serie %(serie)s.")
            % {"sub": subserie.codigo, "serie": serie.codigo}
        )
    if valor not in _RANGO_EXPEDIENTE:
        raise ValidationError(_("El valor «%(valor)s» no existe.") % {"valor": valor})
    if not (asunto or "").strip():
        raise ValidationError(_("Escriba el asunto del expediente."))
    version = selectors.version_vigente()
    if version is None:
        raise ValidationError(
            _("No hay una versión aprobada del catálogo de disposición documental.")
        )
    if selectors.regla_de(version, serie, subserie) is None:
        raise ValidationError(
            _("El catálogo «%(version)s» no tiene regla para la serie %(serie)s.")
            % {"version": version, "serie": serie.codigo}
        )
    abierto_en = abierto_en or timezone.localdate()
    with transaction.atomic():
        SecuenciaExpediente.objects.bulk_create(
            [SecuenciaExpediente(area=area, serie=serie, anio=abierto_en.year)],
            ignore_conflicts=True,
        )
        secuencia = SecuenciaExpediente.objects.select_for_update().get(
            area=area, serie=serie, anio=abierto_en.year
        )
        secuencia.ultimo += 1
        secuencia.save(update_fields=["ultimo"])
        codigo = (subserie or serie).codigo
        expediente = Expediente.objects.create(
            clave=f"{area.siglas}/{codigo}/{abierto_en.year}/{secuencia.ultimo:04d}",
            asunto=asunto.strip(),
            area=area,
            serie=serie,
            subserie=subserie,
            version=version,
            abierto_en=abierto_en,
            valor=valor,
            creado_por=usuario if usuario and usuario.is_authenticated else None,
        )
        _registrar(
            _("Expediente %(clave)s abierto.") % {"clave": expediente.clave},
            usuario,
            despues={"expediente": expediente.clave, "serie": codigo, "valor": valor},
        )
    return expediente


def clasificar(escrito, expediente, usuario) -> ExpedienteEscrito:
    """File an escrito in an expediente (again in the same one: nothing happens)."""
    with transaction.atomic():
        expediente = Expediente.objects.select_for_update().get(pk=expediente.pk)
        actual = (
            ExpedienteEscrito.objects.filter(escrito=escrito).select_related("expediente").first()
        )
        if actual is not None:
            if actual.expediente_id == expediente.pk:
                return actual
            raise ValidationError(
                _("El escrito %(folio)s ya está en el expediente %(clave)s.")
                % {"folio": escrito.folio, "clave": actual.expediente.clave}
            )
        if expediente.cerrado_en is not None:
            raise ValidationError(
                _("El expediente %(clave)s está cerrado: no admite más escritos.")
                % {"clave": expediente.clave}
            )
        if _RANGO_EXPEDIENTE[expediente.valor] < _RANGO_ESCRITO[escrito.clasificacion]:
            raise ValidationError(
                _(
                    "El escrito %(folio)s es %(clasificacion)s y el expediente %(clave)s es "
                    "%(valor)s: el expediente no puede ser menos restrictivo que sus escritos."
                )
                % {
                    "folio": escrito.folio,
                    "clasificacion": escrito.get_clasificacion_display().lower(),
                    "clave": expediente.clave,
                    "valor": expediente.get_valor_display().lower(),
                }
            )
        try:
            with transaction.atomic():
                enlace = ExpedienteEscrito.objects.create(
                    escrito=escrito,
                    expediente=expediente,
                    agregado_por=usuario if usuario and usuario.is_authenticated else None,
                )
        except IntegrityError:
            raise ValidationError(
                _("El escrito %(folio)s ya está en otro expediente.") % {"folio": escrito.folio}
            ) from None
        _registrar(
            _("Escrito agregado al expediente %(clave)s.") % {"clave": expediente.clave},
            usuario,
            escrito=escrito,
            despues={"expediente": expediente.clave},
        )
    return enlace


def cerrar(expediente, fecha: dt.date, usuario) -> Expediente:
    """Close an expediente: its retention clock starts on `fecha`."""
    with transaction.atomic():
        expediente = Expediente.objects.select_for_update().get(pk=expediente.pk)
        if expediente.cerrado_en is not None:
            raise ValidationError(
                _("El expediente %(clave)s ya se cerró el %(fecha)s.")
                % {"clave": expediente.clave, "fecha": expediente.cerrado_en.strftime("%d/%m/%Y")}
            )
        if fecha < expediente.abierto_en:
            raise ValidationError(
                _("La fecha de cierre no puede ser anterior a la de apertura (%(fecha)s).")
                % {"fecha": expediente.abierto_en.strftime("%d/%m/%Y")}
            )
        expediente.cerrado_en = fecha
        expediente.save(update_fields=["cerrado_en"])
        _registrar(
            _("Expediente %(clave)s cerrado.") % {"clave": expediente.clave},
            usuario,
            despues={"expediente": expediente.clave, "cerrado_en": fecha},
        )
    return expediente


def registrar_ubicacion(
    expediente, usuario, *, deposito, estante="", caja="", legajo="", fojas=0
) -> Ubicacion:
    """Where the paper original is (a move replaces the previous place; the bitácora keeps it)."""
    if not (deposito or "").strip():
        raise ValidationError(_("Indique el archivo o depósito donde está el expediente."))
    if fojas is None or int(fojas) < 0:
        raise ValidationError(_("El número de fojas no puede ser negativo."))
    nuevo = {
        "deposito": deposito.strip(),
        "estante": estante.strip(),
        "caja": caja.strip(),
        "legajo": legajo.strip(),
        "fojas": int(fojas),
    }
    with transaction.atomic():
        anterior = Ubicacion.objects.select_for_update().filter(expediente=expediente).first()
        antes = {campo: getattr(anterior, campo) for campo in nuevo} if anterior is not None else {}
        ubicacion, _creada = Ubicacion.objects.update_or_create(
            expediente=expediente, defaults=nuevo
        )
        _registrar(
            _("Ubicación física del expediente %(clave)s: %(lugar)s.")
            % {"clave": expediente.clave, "lugar": ubicacion},
            usuario,
            antes=antes,
            despues=nuevo | {"expediente": expediente.clave},
        )
    return ubicacion


def prestar(expediente, solicitante, vence_en: dt.date, usuario) -> Prestamo:
    """Lend the paper expediente; one loan at a time."""
    ahora = timezone.now()
    if vence_en < timezone.localdate(ahora):
        raise ValidationError(_("La fecha de devolución no puede estar en el pasado."))
    with transaction.atomic():
        Expediente.objects.select_for_update().get(pk=expediente.pk)
        fuera = expediente.prestamos.filter(devuelto_en__isnull=True).first()
        if fuera is not None:
            raise ValidationError(
                _("El expediente %(clave)s está prestado a %(quien)s desde el %(fecha)s.")
                % {
                    "clave": expediente.clave,
                    "quien": fuera.solicitante.get_full_name() or fuera.solicitante.username,
                    "fecha": timezone.localtime(fuera.prestado_en).strftime("%d/%m/%Y"),
                }
            )
        prestamo = Prestamo.objects.create(
            expediente=expediente, solicitante=solicitante, prestado_en=ahora, vence_en=vence_en
        )
        _registrar(
            _("Expediente %(clave)s prestado.") % {"clave": expediente.clave},
            usuario,
            despues={
                "expediente": expediente.clave,
                "solicitante": solicitante.username,
                "vence_en": vence_en,
            },
        )
    return prestamo


def devolver(prestamo, usuario) -> Prestamo:
    with transaction.atomic():
        prestamo = (
            Prestamo.objects.select_for_update().select_related("expediente").get(pk=prestamo.pk)
        )
        if prestamo.devuelto_en is not None:
            raise ValidationError(
                _("Este préstamo ya se devolvió el %(fecha)s.")
                % {"fecha": timezone.localtime(prestamo.devuelto_en).strftime("%d/%m/%Y")}
            )
        prestamo.devuelto_en = timezone.now()
        prestamo.save(update_fields=["devuelto_en"])
        _registrar(
            _("Expediente %(clave)s devuelto.") % {"clave": prestamo.expediente.clave},
            usuario,
            despues={"expediente": prestamo.expediente.clave, "devuelto_en": prestamo.devuelto_en},
        )
    return prestamo


def retener(expediente, motivo, usuario, *, nota="", desde=None) -> Retencion:
    """Put a hold on an expediente: no baja while it stands."""
    if motivo not in Retencion.Motivo.values:
        raise ValidationError(_("El motivo «%(motivo)s» no existe.") % {"motivo": motivo})
    with transaction.atomic():
        retencion = Retencion.objects.create(
            expediente=expediente,
            motivo=motivo,
            desde=desde or timezone.localdate(),
            nota=nota,
        )
        _registrar(
            _("Retención del expediente %(clave)s: %(motivo)s.")
            % {"clave": expediente.clave, "motivo": retencion.get_motivo_display()},
            usuario,
            despues={"expediente": expediente.clave, "motivo": motivo, "nota": nota},
        )
    return retencion


def levantar(retencion, usuario, fecha=None) -> Retencion:
    with transaction.atomic():
        retencion = (
            Retencion.objects.select_for_update().select_related("expediente").get(pk=retencion.pk)
        )
        if retencion.levantada_en is not None:
            raise ValidationError(_("Esta retención ya se levantó."))
        retencion.levantada_en = fecha or timezone.localdate()
        retencion.save(update_fields=["levantada_en"])
        _registrar(
            _("Retención del expediente %(clave)s levantada.")
            % {"clave": retencion.expediente.clave},
            usuario,
            despues={"expediente": retencion.expediente.clave, "motivo": retencion.motivo},
        )
    return retencion
