"""Writes of the evaluation of a servicio (RSGP 006-2019-PCM/SGP): the máxima autoridad
designates the equipo evaluador, the team starts, scores each criterion with evidence and
records oportunidades de mejora, its responsable sends the informe, and the máxima autoridad
approves it (the PDF is frozen with its checksum) or sends it back with a note.

Every transition locks the evaluation's row (select_for_update) and checks the permission on
the locked row, so of two approvals at once one wins and the other gets the message. Bad input
raises ValidationError in Spanish and changes nothing; files are written and verified before
the rows that point at them commit, and deleted again if the transaction fails."""

import secrets
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from documentos.validacion import sha256_de, validar_archivo

from ..models import (
    Calificacion,
    ComponenteModelo,
    Criterio,
    Evaluacion,
    Evidencia,
    MiembroEquipo,
    ModeloCalidad,
    OportunidadMejora,
)
from . import permisos, selectors
from .informe_pdf import pdf_informe
from .plantillas import PLANTILLAS
from .registro import anotar

E = Evaluacion.Estado

# action -> (permission, what it is, who may do it)
REGLAS = {
    "equipo": (
        permisos.puede_designar_equipo,
        gettext_lazy("cambiar el equipo evaluador"),
        gettext_lazy("Solo la máxima autoridad administrativa designa al equipo evaluador."),
    ),
    "iniciar": (
        permisos.puede_iniciar,
        gettext_lazy("iniciar la evaluación"),
        gettext_lazy("Solo el equipo evaluador puede iniciar la evaluación."),
    ),
    "evaluar": (
        permisos.puede_evaluar,
        gettext_lazy("modificar la evaluación"),
        gettext_lazy("Solo el equipo evaluador califica, registra oportunidades y concluye."),
    ),
    "enviar": (
        permisos.puede_enviar_informe,
        gettext_lazy("enviar el informe"),
        gettext_lazy("Solo la persona responsable del equipo evaluador envía el informe."),
    ),
    "aprobar": (
        permisos.puede_aprobar,
        gettext_lazy("aprobar el informe"),
        gettext_lazy("Solo la máxima autoridad administrativa aprueba el informe."),
    ),
    "devolver": (
        permisos.puede_devolver,
        gettext_lazy("devolver el informe"),
        gettext_lazy("Solo la máxima autoridad administrativa devuelve el informe."),
    ),
}
# The states in which each action is possible at all (to tell "not now" from "not you").
ESTADOS = {
    "equipo": (E.PRIORIZADA, E.EN_EVALUACION),
    "iniciar": (E.PRIORIZADA,),
    "evaluar": (E.PRIORIZADA, E.EN_EVALUACION),
    "enviar": (E.EN_EVALUACION,),
    "aprobar": (E.EN_REVISION,),
    "devolver": (E.EN_REVISION,),
}


def exigir(accion: str, usuario, evaluacion: Evaluacion) -> None:
    permiso, que, quien = REGLAS[accion]
    if permiso(usuario, evaluacion):
        return
    if evaluacion.estado not in ESTADOS[accion]:
        raise ValidationError(
            _("No se puede %(accion)s: la evaluación está en estado «%(estado)s».")
            % {"accion": que, "estado": evaluacion.get_estado_display()},
            code="estado",
        )
    raise ValidationError(str(quien), code="permiso")


@contextmanager
def _bloqueada(evaluacion: Evaluacion, accion: str, usuario):
    """A transaction holding the evaluation's row, checked again once locked."""
    with transaction.atomic():
        fila = Evaluacion.objects.select_for_update().get(pk=evaluacion.pk)
        exigir(accion, usuario, fila)
        yield fila


def _al_dia(evaluacion: Evaluacion, fila: Evaluacion) -> Evaluacion:
    """Copy the saved row's fields into the caller's instance."""
    for campo in Evaluacion._meta.concrete_fields:
        setattr(evaluacion, campo.attname, getattr(fila, campo.attname))
    return evaluacion


@contextmanager
def _borrar_si_falla(storage):
    guardados: list[str] = []
    try:
        yield guardados
    except BaseException:
        for nombre in guardados:
            storage.delete(nombre)
        raise


def _guardar(storage, nombre: str, contenido: File, sha256: str, guardados: list) -> str:
    """Write the bytes, read them back and compare the checksum."""
    guardado = storage.save(nombre, contenido)
    guardados.append(guardado)
    with storage.open(guardado, "rb") as leido:
        if sha256_de(File(leido)) != sha256:
            raise ValidationError(
                _("No se pudo guardar «%(nombre)s» íntegramente; intente de nuevo.")
                % {"nombre": nombre.rsplit("/", 1)[-1]}
            )
    return guardado


# The instrument ---------------------------------------------------------------------------------


def cargar_plantilla(clave: str, usuario=None) -> ModeloCalidad:
    """Create the evaluation model of a preset (plantillas.PLANTILLAS); when it already exists
    only what is missing is added, so staff edits are kept. Idempotent."""
    if usuario is not None and not permisos.puede_editar_modelos(usuario):
        raise ValidationError(_("Solo la unidad de modernización carga modelos de evaluación."))
    plantilla = PLANTILLAS.get(clave)
    if plantilla is None:
        raise ValidationError(_("No existe la plantilla «%(clave)s».") % {"clave": clave})
    with transaction.atomic():
        modelo, _creado = ModeloCalidad.objects.get_or_create(
            nombre=plantilla.nombre, defaults={"base_legal": plantilla.base_legal}
        )
        for numero, datos in enumerate(plantilla.componentes, start=1):
            componente, _creado = ComponenteModelo.objects.get_or_create(
                modelo=modelo,
                numero=numero,
                defaults={"nombre": datos.nombre, "descripcion": datos.descripcion},
            )
            for n, criterio in enumerate(datos.criterios, start=1):
                Criterio.objects.get_or_create(
                    componente=componente,
                    numero=n,
                    defaults={"texto": criterio.texto, "guia": criterio.guia},
                )
    return modelo


# The team and the start ---------------------------------------------------------------------------


def designar_equipo(evaluacion: Evaluacion, *, responsable, evaluadores=(), usuario) -> None:
    """Replace the equipo evaluador: exactly one responsable and any evaluadores."""
    exigir("equipo", usuario, evaluacion)
    if responsable is None:
        raise ValidationError(_("Elija a la persona responsable del equipo evaluador."))
    otros = list({u.pk: u for u in evaluadores if u.pk != responsable.pk}.values())
    errores = [
        _("%(nombre)s no tiene acceso a la administración; pida que le asignen un rol.")
        % {"nombre": selectors.nombre(u)}
        for u in [responsable, *otros]
        if not (u.is_active and u.has_perm("wagtailadmin.access_admin"))
    ]
    if errores:
        raise ValidationError(errores)
    with _bloqueada(evaluacion, "equipo", usuario) as fila:
        fila.equipo.all().delete()
        MiembroEquipo.objects.create(
            evaluacion=fila, usuario=responsable, rol=MiembroEquipo.Rol.RESPONSABLE
        )
        for otro in otros:
            MiembroEquipo.objects.create(evaluacion=fila, usuario=otro)
        anotar(
            fila,
            "atencion.calidad.equipo",
            usuario,
            responsable=responsable.get_username(),
            evaluadores=[u.get_username() for u in otros],
        )


def iniciar(evaluacion: Evaluacion, *, usuario) -> Evaluacion:
    with _bloqueada(evaluacion, "iniciar", usuario) as fila:
        fila.estado = E.EN_EVALUACION
        fila.save(update_fields=["estado"])
        anotar(fila, "atencion.calidad.iniciar", usuario)
    return _al_dia(evaluacion, fila)


# Scoring ----------------------------------------------------------------------------------------


def _puntaje(valor) -> int:
    try:
        puntaje = int(valor)
    except (TypeError, ValueError):
        puntaje = -1
    if not 0 <= puntaje <= selectors.MAXIMO:
        raise ValidationError(_("Elija un nivel de 0 a 4 para el criterio."), code="puntaje")
    return puntaje


def _validar_evidencias(evidencias) -> list:
    validados, errores = [], []
    for archivo in evidencias:
        try:
            validados.append(validar_archivo(archivo))
        except ValidationError as error:
            errores.extend(error.messages)
    if errores:
        raise ValidationError(errores, code="evidencia")
    return validados


def calificar(
    evaluacion: Evaluacion, criterio: Criterio, puntaje, notas: str, usuario, evidencias=()
) -> Calificacion:
    """Score one criterion (0 to 4) with notes; each evidence file (PDF, PNG, JPEG or TIFF) is
    checked, stored and verified by its SHA-256 before the rows commit."""
    exigir("evaluar", usuario, evaluacion)
    if criterio.componente.modelo_id != evaluacion.modelo_id:
        raise ValidationError(_("Ese criterio no es del modelo de esta evaluación."))
    puntaje = _puntaje(puntaje)
    validados = _validar_evidencias(evidencias)
    storage = Evidencia._meta.get_field("archivo").storage
    with _borrar_si_falla(storage) as guardados, _bloqueada(evaluacion, "evaluar", usuario) as fila:
        calificacion, _creada = Calificacion.objects.update_or_create(
            evaluacion=fila,
            criterio=criterio,
            defaults={
                "puntaje": puntaje,
                "notas": (notas or "").strip(),
                "calificada_por": usuario,
            },
        )
        for validado in validados:
            # An unguessable name: the file is internal and must not be found by its path.
            nombre = f"calidad/evidencias/{fila.pk}/{secrets.token_hex(12)}-{validado.nombre}"
            evidencia = Evidencia(
                calificacion=calificacion,
                nombre_original=validado.nombre_original,
                sha256=validado.sha256,
                subida_por=usuario,
            )
            validado.fichero.seek(0)
            evidencia.archivo.name = _guardar(
                storage, nombre, File(validado.fichero), validado.sha256, guardados
            )
            evidencia.save()
        anotar(
            fila,
            "atencion.calidad.calificar",
            usuario,
            criterio=str(criterio),
            puntaje=puntaje,
            evidencias=[v.sha256 for v in validados],
        )
    return calificacion


def registrar_oportunidad(
    evaluacion: Evaluacion, *, componente, descripcion: str, causa: str, prioridad: str, usuario
) -> OportunidadMejora:
    exigir("evaluar", usuario, evaluacion)
    errores = {}
    if componente is not None and componente.modelo_id != evaluacion.modelo_id:
        errores["componente"] = _("Ese componente no es del modelo de esta evaluación.")
    if not (descripcion or "").strip():
        errores["descripcion"] = _("Describa la oportunidad de mejora.")
    if not (causa or "").strip():
        errores["causa"] = _("Escriba la causa que la origina.")
    if prioridad not in OportunidadMejora.Prioridad.values:
        errores["prioridad"] = _("Elija la prioridad: alta, media o baja.")
    if errores:
        raise ValidationError(errores)
    with _bloqueada(evaluacion, "evaluar", usuario) as fila:
        oportunidad = OportunidadMejora.objects.create(
            evaluacion=fila,
            componente=componente,
            descripcion=descripcion.strip(),
            causa=causa.strip(),
            prioridad=prioridad,
            registrada_por=usuario,
        )
        anotar(fila, "atencion.calidad.oportunidad", usuario, oportunidad=oportunidad.pk)
    return oportunidad


def redactar_conclusiones(evaluacion: Evaluacion, *, conclusiones: str, usuario) -> Evaluacion:
    with _bloqueada(evaluacion, "evaluar", usuario) as fila:
        fila.conclusiones = (conclusiones or "").strip()
        fila.save(update_fields=["conclusiones"])
        anotar(fila, "atencion.calidad.conclusiones", usuario)
    return _al_dia(evaluacion, fila)


# The informe ------------------------------------------------------------------------------------


def _completa(fila: Evaluacion) -> None:
    if faltan := selectors.sin_calificar(fila):
        lista = ", ".join(f"{c.componente.numero}.{c.numero}" for c in faltan)
        raise ValidationError(
            ngettext(
                "Falta calificar %(n)s criterio (%(lista)s) antes de enviar el informe.",
                "Faltan por calificar %(n)s criterios (%(lista)s) antes de enviar el informe.",
                len(faltan),
            )
            % {"n": len(faltan), "lista": lista},
            code="incompleta",
        )
    if not fila.oportunidades.exists() and not fila.conclusiones.strip():
        raise ValidationError(
            _(
                "Registre al menos una oportunidad de mejora o escriba las conclusiones antes "
                "de enviar el informe."
            ),
            code="incompleta",
        )


def enviar_informe(evaluacion: Evaluacion, *, usuario) -> Evaluacion:
    with _bloqueada(evaluacion, "enviar", usuario) as fila:
        _completa(fila)
        fila.estado = E.EN_REVISION
        fila.enviada_en = timezone.now()
        fila.save(update_fields=["estado", "enviada_en"])
        anotar(fila, "atencion.calidad.enviar", usuario)
    return _al_dia(evaluacion, fila)


def aprobar(evaluacion: Evaluacion, *, usuario) -> Evaluacion:
    """Approve the informe: its PDF is rendered with the approval, stored and verified by its
    SHA-256 before the state changes; that frozen PDF is what downloads from then on."""
    storage = Evaluacion._meta.get_field("informe").storage
    with _borrar_si_falla(storage) as guardados, _bloqueada(evaluacion, "aprobar", usuario) as fila:
        fila.aprobada_por, fila.aprobada_en = usuario, timezone.now()
        contenido = pdf_informe(selectors.informe(fila))
        sha256 = sha256_de(ContentFile(contenido))
        nombre = f"calidad/informe-evaluacion-{fila.pk}-{secrets.token_hex(12)}.pdf"
        fila.informe.name = _guardar(storage, nombre, ContentFile(contenido), sha256, guardados)
        fila.informe_sha256 = sha256
        fila.estado = E.APROBADA
        fila.save(
            update_fields=["estado", "aprobada_por", "aprobada_en", "informe", "informe_sha256"]
        )
        anotar(fila, "atencion.calidad.aprobar", usuario, sha256=sha256)
    return _al_dia(evaluacion, fila)


def devolver(evaluacion: Evaluacion, *, nota: str, usuario) -> Evaluacion:
    """Send the informe back to the team (EN_EVALUACION) with what to correct."""
    exigir("devolver", usuario, evaluacion)
    if not (nota or "").strip():
        raise ValidationError(_("Escriba qué debe corregir el equipo evaluador."), code="nota")
    with _bloqueada(evaluacion, "devolver", usuario) as fila:
        fila.estado = E.EN_EVALUACION
        fila.enviada_en = None
        fila.save(update_fields=["estado", "enviada_en"])
        anotar(fila, "atencion.calidad.devolver", usuario, nota=nota.strip())
    return _al_dia(evaluacion, fila)
