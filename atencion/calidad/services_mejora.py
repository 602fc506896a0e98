"""Acciones de mejora: planning one for an oportunidad of an approved evaluation (with the
ficha of its indicator), its seguimientos (the evidence kept as a wagtail Document), and
closing the cycle with the lecciones aprendidas. Bad input raises ValidationError in
Spanish and changes nothing; a user without the role gets PermissionDenied."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils.file import hash_filelike

from documentos.validacion import validar_archivo

from ..models import Actividad, Evaluacion, Indicador, OportunidadMejora, Seguimiento
from . import permisos
from . import selectors_mejora as sel
from .indicadores import Ambito

C = Indicador.Calculo
COLECCION = "Evidencias de mejora"

# What Folio knows of each computed indicator: unit, direction, formula and source.
FICHAS = {
    C.ESPERA_MEDIA: (
        gettext_lazy("minutos"),
        False,
        gettext_lazy("Promedio de minutos entre que se toma el turno y se llama a ventanilla"),
        gettext_lazy("Turnos de Folio (atención en ventanilla)"),
    ),
    C.ESPERA_P90: (
        gettext_lazy("minutos"),
        False,
        gettext_lazy("Minutos de espera que no supera el 90 % de los turnos"),
        gettext_lazy("Turnos de Folio (atención en ventanilla)"),
    ),
    C.RESPUESTA_MEDIANA: (
        gettext_lazy("días hábiles"),
        False,
        gettext_lazy("Mediana de días hábiles entre la recepción y la primera respuesta"),
        gettext_lazy("Escritos y respuestas de Folio"),
    ),
    C.EN_PLAZO: (
        "%",
        True,
        gettext_lazy("Escritos respondidos en plazo / escritos cuyo plazo ya venció, por 100"),
        gettext_lazy("Escritos y respuestas de Folio"),
    ),
    C.SATISFACCION: (
        gettext_lazy("puntos (1 a 5)"),
        True,
        gettext_lazy("Promedio de la satisfacción general (con 5 respuestas o más)"),
        gettext_lazy("Encuestas de satisfacción de Folio"),
    ),
    C.QUEJAS: (
        gettext_lazy("por mes"),
        False,
        gettext_lazy("Quejas y denuncias recibidas por cada 30 días del periodo"),
        gettext_lazy("Escritos de Folio (quejas y denuncias)"),
    ),
}

CAMPOS_INDICADOR = (
    "nombre",
    "formula",
    "fuente",
    "calculo",
    "frecuencia",
    "unidad",
    "linea_base",
    "meta",
    "mayor_es_mejor",
)


def _texto(datos: dict, clave: str) -> str:
    return (datos.get(clave) or "").strip()


def _fecha(valor) -> str:
    return valor.strftime("%d/%m/%Y")


def linea_base_medida(evaluacion: Evaluacion, calculo: str) -> Decimal | None:
    """A computed indicator over the evaluated period: its línea base."""
    periodo = sel.Periodo(evaluacion.periodo_desde, evaluacion.periodo_hasta)
    valor = sel.medir_periodo(calculo, Ambito.de_evaluacion(evaluacion), periodo)
    return None if valor is None else round(valor, 2)


def _errores_accion(evaluacion: Evaluacion, datos: dict) -> dict:
    errores = {}
    if not _texto(datos, "nombre"):
        errores["nombre"] = _("Escriba qué acción de mejora se hará.")
    if not _texto(datos, "meta"):
        errores["meta"] = _("Describa la meta o el producto de la acción.")
    inicio, fin = datos.get("inicio"), datos.get("fin")
    if inicio is None:
        errores["inicio"] = _("Indique la fecha de inicio.")
    elif inicio <= evaluacion.periodo_hasta:
        errores["inicio"] = _(
            "La acción debe empezar después del periodo evaluado (que termina el %(fecha)s): "
            "así se compara el antes con el después."
        ) % {"fecha": _fecha(evaluacion.periodo_hasta)}
    if fin is None:
        errores["fin"] = _("Indique la fecha de fin.")
    elif inicio is not None and fin < inicio:
        errores["fin"] = _("La fecha de fin no puede ser anterior a la de inicio.")
    responsable = datos.get("responsable")
    if responsable is None and datos.get("area_responsable") is None:
        errores["area_responsable"] = _("Indique el área o la persona responsable de la mejora.")
    elif responsable is not None and not responsable.is_active:
        errores["responsable"] = _("La persona responsable no tiene una cuenta activa.")
    return errores


def _indicador(evaluacion: Evaluacion, datos: dict, errores: dict) -> Indicador:
    """The ficha from the form's `indicador_*` values; a computed one is measured."""
    valores = {campo: datos.get(f"indicador_{campo}") for campo in CAMPOS_INDICADOR}
    for campo in ("nombre", "formula", "fuente", "unidad"):
        valores[campo] = (valores[campo] or "").strip()
    valores["mayor_es_mejor"] = bool(valores["mayor_es_mejor"])
    valores["frecuencia"] = valores["frecuencia"] or Indicador.Frecuencia.TRIMESTRAL
    calculo = valores["calculo"] or C.MANUAL
    valores["calculo"] = calculo
    if calculo not in C.values:
        errores["indicador_calculo"] = _("Elija cómo se mide el indicador.")
        return Indicador(**valores)
    if not valores["nombre"]:
        errores["indicador_nombre"] = _("Escriba el nombre del indicador.")
    if valores["meta"] is None:
        errores["indicador_meta"] = _("Indique la meta del indicador.")
    if calculo == C.MANUAL:
        if valores["linea_base"] is None:
            errores["indicador_linea_base"] = _("Indique la línea base del indicador.")
    elif valores["linea_base"] is not None:
        errores["indicador_linea_base"] = _(
            "La línea base de un indicador calculado se mide con los datos de Folio del "
            "periodo evaluado: deje el campo en blanco."
        )
    else:
        unidad, mayor, formula, fuente = FICHAS[calculo]
        valores["linea_base"] = linea_base_medida(evaluacion, calculo)
        valores["mayor_es_mejor"] = mayor
        valores["unidad"] = valores["unidad"] or str(unidad)
        valores["formula"] = valores["formula"] or str(formula)
        valores["fuente"] = valores["fuente"] or str(fuente)
    indicador = Indicador(**valores)
    base, meta = indicador.linea_base, indicador.meta
    comparables = base is not None and meta is not None
    if comparables and not sel.es_mejor(meta, base, indicador.mayor_es_mejor):
        errores.setdefault(
            "indicador_meta",
            _(
                "La meta debe mejorar la línea base (%(base)s %(unidad)s; un valor %(sentido)s "
                "es mejor)."
            )
            % {
                "base": sel.cifra(base),
                "unidad": indicador.unidad,
                "sentido": _("mayor") if indicador.mayor_es_mejor else _("menor"),
            },
        )
    return indicador


def _validar_modelo(objeto, errores: dict, prefijo: str = "", excluir=()) -> None:
    try:
        objeto.full_clean(exclude=list(excluir))
    except ValidationError as error:
        for campo, mensajes in error.message_dict.items():
            errores.setdefault(f"{prefijo}{campo}", mensajes)


def planificar_accion(oportunidad: OportunidadMejora, datos: dict, usuario) -> Actividad:
    """Plan an acción de mejora with its indicator. `datos` holds the action's fields
    (nombre, meta, area_responsable, responsable, inicio, fin) and the ficha's as
    `indicador_<campo>`; a computed indicator's línea base is measured, never typed."""
    evaluacion = oportunidad.evaluacion
    if not permisos.puede_planificar(usuario, evaluacion):
        raise PermissionDenied(
            _("Solo se planifican mejoras de un informe aprobado, con el rol que corresponde.")
        )
    errores = _errores_accion(evaluacion, datos)
    indicador = _indicador(evaluacion, datos, errores)
    _validar_modelo(indicador, errores, "indicador_")
    actividad = Actividad(
        nombre=_texto(datos, "nombre"),
        meta=_texto(datos, "meta"),
        area_responsable=datos.get("area_responsable"),
        responsable=datos.get("responsable"),
        inicio=datos.get("inicio"),
        fin=datos.get("fin"),
        oportunidad=oportunidad,
    )
    _validar_modelo(actividad, errores, excluir=("indicador",))
    if errores:
        raise ValidationError(errores)
    with transaction.atomic():
        indicador.save()
        actividad.indicador = indicador
        actividad.save()
    return actividad


# --- seguimiento ---


def coleccion_evidencias() -> Collection:
    """The collection of the follow-up evidence; only signed-in staff may open its files."""
    raiz = Collection.get_first_root_node()
    # Locked (inside the caller's transaction): two first uploads make one collection.
    Collection.objects.select_for_update().filter(pk=raiz.pk).first()
    coleccion = raiz.get_children().filter(name=COLECCION).first()
    if coleccion is None:
        coleccion = raiz.add_child(name=COLECCION)
        CollectionViewRestriction.objects.create(
            collection=coleccion, restriction_type=CollectionViewRestriction.LOGIN
        )
    return coleccion


def _guardar_evidencia(validado, usuario):
    """Store the checked file as a wagtail Document, checksummed (SHA-1 in file_hash) and
    read back before its row is written; returns the Document (not yet committed)."""
    Documento = get_document_model()
    esperado = hash_filelike(validado.fichero)
    documento = Documento(
        title=validado.nombre_original[:255],
        collection=coleccion_evidencias(),
        uploaded_by_user=usuario,
    )
    validado.fichero.seek(0)
    documento.file.save(validado.nombre, File(validado.fichero), save=False)
    try:
        with documento.open_file() as guardado:
            documento.file_hash = hash_filelike(guardado)
        if documento.file_hash != esperado:
            raise ValidationError(
                {"evidencia": _("La evidencia no se guardó completa; vuelva a subirla.")}
            )
        documento.file_size = documento.file.size
        documento.save()
    except BaseException:
        documento.file.delete(save=False)
        raise
    return documento


def _errores_seguimiento(actividad, ultimo, fecha, avance, descripcion, valor, hoy) -> dict:
    errores = {}
    if fecha is None:
        errores["fecha"] = _("Indique la fecha del corte.")
    elif fecha > hoy:
        errores["fecha"] = _("La fecha del corte no puede ser futura.")
    elif fecha < actividad.inicio:
        errores["fecha"] = _(
            "La fecha del corte no puede ser anterior al inicio de la acción (%(fecha)s)."
        ) % {"fecha": _fecha(actividad.inicio)}
    elif ultimo is not None and fecha < ultimo.fecha:
        errores["fecha"] = _(
            "Ya hay un seguimiento del %(fecha)s: registre los cortes en orden."
        ) % {"fecha": _fecha(ultimo.fecha)}
    if not isinstance(avance, int) or isinstance(avance, bool) or not 0 <= avance <= 100:
        errores["avance"] = _("El avance es un número entero de 0 a 100.")
    elif ultimo is not None and avance < ultimo.avance and not descripcion:
        errores["descripcion"] = _(
            "El avance baja de %(antes)s %% a %(ahora)s %%: explique por qué."
        ) % {"antes": ultimo.avance, "ahora": avance}
    manual = actividad.indicador_id and not actividad.indicador.calculado
    if manual and valor is None:
        errores["valor"] = _("Registre el valor del indicador «%(indicador)s» en este corte.") % {
            "indicador": actividad.indicador.nombre
        }
    elif not manual and valor is not None:
        errores["valor"] = _(
            "Este indicador se calcula con los datos de Folio: deje el valor en blanco."
        )
    return errores


def registrar_seguimiento(
    actividad: Actividad,
    *,
    fecha: dt.date | None,
    avance: int | None,
    descripcion: str = "",
    valor: Decimal | None = None,
    evidencia=None,
    usuario,
) -> Seguimiento:
    """Add a corte: date, progress, what was done, the manual indicator's value and an
    optional evidence file (a PDF or an image, checked by content)."""
    if not permisos.puede_dar_seguimiento(usuario, actividad):
        raise PermissionDenied(
            _("Solo la persona o el área responsable registra el seguimiento de esta acción.")
        )
    evaluacion = actividad.oportunidad.evaluacion if actividad.oportunidad_id else None
    if evaluacion is not None and evaluacion.estado == Evaluacion.Estado.CERRADA:
        raise ValidationError(
            _("El ciclo de mejora de esta evaluación ya se cerró: no admite más seguimientos.")
        )
    descripcion = (descripcion or "").strip()
    validado, error_archivo = None, None
    if evidencia is not None:
        try:
            validado = validar_archivo(evidencia)
        except ValidationError as error:
            error_archivo = error.messages
    with transaction.atomic():
        # One corte at a time per action: the order and the avance rule hold.
        Actividad.objects.select_for_update().filter(pk=actividad.pk).first()
        ultimo = actividad.seguimientos.order_by("-fecha", "-pk").first()
        errores = _errores_seguimiento(
            actividad, ultimo, fecha, avance, descripcion, valor, timezone.localdate()
        )
        if error_archivo:
            errores["evidencia"] = error_archivo
        if errores:
            raise ValidationError(errores)
        seguimiento = Seguimiento(
            actividad=actividad,
            fecha=fecha,
            avance=avance,
            descripcion=descripcion,
            valor=valor,
            registrado_por=usuario,
        )
        _validar_modelo(seguimiento, errores, excluir=("actividad", "evidencia"))
        if errores:
            raise ValidationError(errores)
        if validado is not None:
            seguimiento.evidencia = _guardar_evidencia(validado, usuario)
        try:
            seguimiento.save()
        except BaseException:
            if seguimiento.evidencia is not None:  # its row rolls back: no orphan file
                seguimiento.evidencia.file.delete(save=False)
            raise
    return seguimiento


# --- cierre ---


@transaction.atomic
def cerrar(evaluacion: Evaluacion, lecciones: str, usuario, motivo: str = "") -> Evaluacion:
    """Close the cycle with the lecciones aprendidas. With actions not concluded (or
    oportunidades without one) it says why in `motivo`, or it is refused."""
    evaluacion = Evaluacion.objects.select_for_update().get(pk=evaluacion.pk)
    if not permisos.puede_cerrar(usuario, evaluacion):
        raise PermissionDenied(
            _("Solo la unidad de modernización cierra el ciclo de un informe aprobado.")
        )
    lecciones, motivo = (lecciones or "").strip(), (motivo or "").strip()
    errores = {}
    if not lecciones:
        errores["lecciones"] = _("Escriba las lecciones aprendidas del ciclo de mejora.")
    contenido = sel.informe(evaluacion)
    pendientes = [a.actividad.nombre for a in contenido.pendientes]
    sin_accion = [str(o) for o, lista in contenido.oportunidades if not lista]
    if (pendientes or sin_accion) and not motivo:
        partes = []
        if pendientes:
            partes.append(_("acciones sin concluir: %(lista)s") % {"lista": "; ".join(pendientes)})
        if sin_accion:
            partes.append(
                _("oportunidades sin acción: %(lista)s") % {"lista": "; ".join(sin_accion)}
            )
        errores["motivo"] = _("Hay %(partes)s. Explique por qué se cierra el ciclo así.") % {
            "partes": ", ".join(partes)
        }
    if errores:
        raise ValidationError(errores)
    evaluacion.estado = Evaluacion.Estado.CERRADA
    evaluacion.lecciones_aprendidas = lecciones
    evaluacion.motivo_cierre = motivo if (pendientes or sin_accion) else ""
    evaluacion.cerrada_en = timezone.now()
    evaluacion.cerrada_por = usuario
    evaluacion.save(
        update_fields=[
            "estado",
            "lecciones_aprendidas",
            "motivo_cierre",
            "cerrada_en",
            "cerrada_por",
        ]
    )
    return evaluacion
