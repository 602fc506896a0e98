"""Writes for the catálogo: import rows into a borrador version, approve it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documentos.services import bitacora

from .models import CatalogoVersion, ReglaDisposicion, Seccion, Serie, Subserie
from .services import ACCION

D = ReglaDisposicion.Destino
_DESTINOS = {
    "conservacion": D.CONSERVACION,
    "conservación": D.CONSERVACION,
    "conservacion total": D.CONSERVACION,
    "conservación total": D.CONSERVACION,
    "historico": D.CONSERVACION,
    "histórico": D.CONSERVACION,
    "ct": D.CONSERVACION,
    "baja": D.BAJA,
    "eliminacion": D.BAJA,
    "eliminación": D.BAJA,
    "e": D.BAJA,
    "seleccion": D.SELECCION,
    "selección": D.SELECCION,
    "s": D.SELECCION,
    "digitalizacion": D.DIGITALIZACION,
    "digitalización": D.DIGITALIZACION,
    "d": D.DIGITALIZACION,
    "m": D.DIGITALIZACION,
}
_SI = {"sí", "si", "s", "x", "1", "true", "verdadero"}
_NO = {"", "no", "n", "0", "false", "falso"}
MAX_ANIOS = 100


def _anios(valor: str, columna: str, errores: list) -> int | None:
    try:
        anios = int(valor)
    except ValueError:
        errores.append(_("%(columna)s debe ser un número entero de años") % {"columna": columna})
        return None
    if not 0 <= anios <= MAX_ANIOS:
        errores.append(
            _("%(columna)s debe estar entre 0 y %(max)s años")
            % {"columna": columna, "max": MAX_ANIOS}
        )
        return None
    return anios


def _booleano(valor: str, columna: str, errores: list) -> bool:
    if valor.lower() in _SI:
        return True
    if valor.lower() not in _NO:
        errores.append(
            _("«%(valor)s» en %(columna)s: escriba sí o no") % {"valor": valor, "columna": columna}
        )
    return False


def _validar(filas: list[dict]) -> list[dict]:
    """Every row checked; all problems reported together, each naming its row."""
    problemas, limpias, vistas = [], [], {}
    for numero, fila in enumerate(filas, start=2):  # row 1 is the header
        errores = []
        serie, subserie = fila.get("codigo_serie", ""), fila.get("codigo_subserie", "")
        if not serie or not fila.get("serie"):
            errores.append(_("falta el código o el nombre de la serie"))
        if subserie and not fila.get("subserie"):
            errores.append(_("falta el nombre de la subserie"))
        destino = _DESTINOS.get(fila.get("destino", "").lower())
        if destino is None:
            errores.append(
                _(
                    "destino «%(valor)s» desconocido (conservación, baja, selección o "
                    "digitalización)"
                )
                % {"valor": fila.get("destino", "")}
            )
        limpia = {
            "codigo_serie": serie,
            "serie": fila.get("serie", ""),
            "codigo_subserie": subserie,
            "subserie": fila.get("subserie", ""),
            "codigo_seccion": fila.get("codigo_seccion") or serie.split(".")[0],
            "seccion": fila.get("seccion", ""),
            "anios_tramite": _anios(fila.get("AT", ""), "AT", errores),
            "anios_concentracion": _anios(fila.get("AC", ""), "AC", errores),
            "valor_administrativo": _booleano(
                fila.get("administrativo", ""), "administrativo", errores
            ),
            "valor_legal": _booleano(fila.get("legal", ""), "legal", errores),
            "valor_fiscal": _booleano(fila.get("fiscal", ""), "fiscal", errores),
            "destino": destino,
            "base_legal": fila.get("base_legal", ""),
            "observaciones": fila.get("observaciones", ""),
        }
        clave = (serie, subserie)
        if serie and clave in vistas:
            errores.append(_("repite la serie de la fila %(fila)s") % {"fila": vistas[clave]})
        vistas.setdefault(clave, numero)
        if subserie:
            existente = Subserie.objects.filter(codigo=subserie).select_related("serie").first()
            if existente is not None and existente.serie.codigo != serie:
                errores.append(
                    _("la subserie %(sub)s ya pertenece a la serie %(serie)s")
                    % {"sub": subserie, "serie": existente.serie.codigo}
                )
        if errores:
            problemas.append(
                _("Fila %(fila)s: %(errores)s.") % {"fila": numero, "errores": "; ".join(errores)}
            )
        limpias.append(limpia)
    if not filas:
        problemas.append(_("El archivo no tiene filas de reglas."))
    if problemas:
        raise ValidationError(problemas)
    return limpias


def importar(version: CatalogoVersion, filas: list[dict], usuario) -> int:
    """Replace a borrador version's rules with the rows (all or nothing). Series and
    subseries missing from the cuadro are created; existing ones keep their names."""
    if version.estado != CatalogoVersion.Estado.BORRADOR:
        raise ValidationError(
            _("La versión «%(version)s» ya está aprobada: importe en un borrador.")
            % {"version": version}
        )
    limpias = _validar(filas)
    with transaction.atomic():
        version = CatalogoVersion.objects.select_for_update().get(pk=version.pk)
        if version.estado != CatalogoVersion.Estado.BORRADOR:
            raise ValidationError(_("La versión se aprobó mientras se importaba."))
        version.reglas.all().delete()
        for f in limpias:
            seccion, _creada = Seccion.objects.get_or_create(
                codigo=f["codigo_seccion"], defaults={"nombre": f["seccion"] or f["codigo_seccion"]}
            )
            serie, _creada = Serie.objects.get_or_create(
                codigo=f["codigo_serie"], defaults={"nombre": f["serie"], "seccion": seccion}
            )
            subserie = None
            if f["codigo_subserie"]:
                subserie, _creada = Subserie.objects.get_or_create(
                    codigo=f["codigo_subserie"], defaults={"nombre": f["subserie"], "serie": serie}
                )
            ReglaDisposicion.objects.create(
                version=version,
                serie=serie,
                subserie=subserie,
                **{
                    k: f[k]
                    for k in (
                        "valor_administrativo",
                        "valor_legal",
                        "valor_fiscal",
                        "anios_tramite",
                        "anios_concentracion",
                        "destino",
                        "base_legal",
                        "observaciones",
                    )
                },
            )
        bitacora.registrar(
            ACCION,
            _("Catálogo «%(version)s»: %(n)s reglas importadas.")
            % {"version": version, "n": len(limpias)},
            usuario=usuario,
            despues={"version": version.pk, "reglas": len(limpias)},
        )
    return len(limpias)


def aprobar(version: CatalogoVersion, usuario) -> CatalogoVersion:
    """Approve a borrador: new expedientes open under it (older ones keep theirs)."""
    with transaction.atomic():
        version = CatalogoVersion.objects.select_for_update().get(pk=version.pk)
        if version.estado == CatalogoVersion.Estado.APROBADA:
            raise ValidationError(
                _("La versión «%(version)s» ya está aprobada.") % {"version": version}
            )
        if not version.reglas.exists():
            raise ValidationError(
                _("La versión «%(version)s» no tiene reglas.") % {"version": version}
            )
        version.estado = CatalogoVersion.Estado.APROBADA
        version.aprobada_en = timezone.now()
        version.aprobada_por = usuario if usuario and usuario.is_authenticated else None
        version.save(update_fields=["estado", "aprobada_en", "aprobada_por"])
        bitacora.registrar(
            ACCION,
            _("Catálogo «%(version)s» aprobado.") % {"version": version},
            usuario=usuario,
            despues={"version": version.pk},
        )
    return version
