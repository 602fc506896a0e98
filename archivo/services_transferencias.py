"""Transfers: the área sends what is due (primaria) or concentración sends to histórico
(secundaria); the receiving archive confirms, and the expedientes change stage."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import retencion, selectors
from .models import Expediente, Transferencia, TransferenciaExpediente
from .services import _registrar

T = Transferencia.Tipo
_DEBE = {
    T.PRIMARIA: (Expediente.Etapa.TRAMITE, retencion.Pendiente.TRANSFERENCIA_PRIMARIA),
    T.SECUNDARIA: (Expediente.Etapa.CONCENTRACION, retencion.Pendiente.TRANSFERENCIA_SECUNDARIA),
}
_DESTINO = {T.PRIMARIA: Expediente.Etapa.CONCENTRACION, T.SECUNDARIA: Expediente.Etapa.HISTORICO}


def crear(tipo, area, expedientes, usuario, *, cajas=0, hoy: dt.date | None = None):
    """A transfer of `expedientes` (all due, all of `area`, none already on its way)."""
    hoy = hoy or timezone.localdate()
    if tipo not in _DEBE:
        raise ValidationError(_("Tipo de transferencia desconocido."))
    if not expedientes:
        raise ValidationError(_("Elija al menos un expediente para transferir."))
    etapa, pendiente = _DEBE[tipo]
    with transaction.atomic():
        bloqueados = list(
            Expediente.objects.select_for_update()
            .filter(pk__in=[e.pk for e in expedientes])
            .order_by("clave")
        )
        en_camino = set(
            TransferenciaExpediente.objects.filter(
                expediente__in=bloqueados, transferencia__recibida_en__isnull=True
            ).values_list("expediente__clave", flat=True)
        )
        problemas = []
        reglas = dict((e.pk, r) for e, r in selectors.con_regla(bloqueados))
        for e in bloqueados:
            regla = reglas.get(e.pk)
            if regla is None:
                problemas.append(_("%(clave)s no tiene regla en su catálogo.") % {"clave": e.clave})
                continue
            if e.area_id != area.pk:
                problemas.append(_("%(clave)s no es del área.") % {"clave": e.clave})
            elif e.clave in en_camino:
                problemas.append(_("%(clave)s ya está en otra transferencia.") % {"clave": e.clave})
            elif e.etapa != etapa or retencion.pendiente(e.cerrado_en, regla, e.etapa, hoy) != (
                pendiente
            ):
                problemas.append(_("%(clave)s todavía no debe transferirse.") % {"clave": e.clave})
        if problemas:
            raise ValidationError(problemas)
        transferencia = Transferencia.objects.create(
            tipo=tipo,
            area=area,
            enviada_por=usuario if usuario and usuario.is_authenticated else None,
            cajas=cajas,
        )
        TransferenciaExpediente.objects.bulk_create(
            [TransferenciaExpediente(transferencia=transferencia, expediente=e) for e in bloqueados]
        )
        _registrar(
            _("%(tipo)s de %(area)s con %(n)s expedientes.")
            % {"tipo": transferencia.get_tipo_display(), "area": area, "n": len(bloqueados)},
            usuario,
            despues={
                "transferencia": transferencia.pk,
                "expedientes": [e.clave for e in bloqueados],
            },
        )
    return transferencia


def recibir(transferencia, usuario, *, cajas=None) -> Transferencia:
    """The receiving archive confirms (who, when, how many boxes): the stage changes."""
    with transaction.atomic():
        transferencia = Transferencia.objects.select_for_update().get(pk=transferencia.pk)
        if transferencia.recibida_en is not None:
            raise ValidationError(_("Esta transferencia ya se recibió."))
        transferencia.recibida_en = timezone.now()
        transferencia.recibida_por = usuario if usuario and usuario.is_authenticated else None
        if cajas is not None:
            transferencia.cajas = cajas
        transferencia.save(update_fields=["recibida_en", "recibida_por", "cajas"])
        claves = list(
            transferencia.partidas.order_by("expediente__clave").values_list(
                "expediente__clave", flat=True
            )
        )
        Expediente.objects.filter(transferencias__transferencia=transferencia).update(
            etapa=_DESTINO[transferencia.tipo]
        )
        _registrar(
            _("%(tipo)s recibida: %(n)s expedientes en %(cajas)s cajas.")
            % {
                "tipo": transferencia.get_tipo_display(),
                "n": len(claves),
                "cajas": transferencia.cajas,
            },
            usuario,
            despues={"transferencia": transferencia.pk, "expedientes": claves},
        )
    return transferencia


def inventario(transferencia) -> tuple[list[str], list[list]]:
    """The inventory's columns and rows, as the XLSX/PDF show them."""
    columnas = [
        _("Clave"),
        _("Asunto"),
        _("Serie"),
        _("Apertura"),
        _("Cierre"),
        _("Valor"),
        _("Fojas"),
        _("Ubicación"),
    ]
    filas = []
    partidas = transferencia.partidas.select_related(
        "expediente__serie", "expediente__ubicacion"
    ).order_by("expediente__clave")
    for p in partidas:
        e = p.expediente
        ubicacion = getattr(e, "ubicacion", None)
        filas.append(
            [
                e.clave,
                e.asunto,
                e.serie.codigo,
                e.abierto_en,
                e.cerrado_en,
                e.get_valor_display(),
                ubicacion.fojas if ubicacion else None,
                str(ubicacion) if ubicacion else "",
            ]
        )
    return columnas, filas
