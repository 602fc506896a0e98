"""The evaluation cycle with its roles: designate, start, score, send, approve or send back.
Every refused step leaves the evaluation as it was and says why in Spanish."""

import pytest
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from wagtail.models import ModelLogEntry

from atencion.calidad import services
from atencion.models import Evaluacion, MiembroEquipo
from cms import roles
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
E = Evaluacion.Estado


def _foto(evaluacion) -> dict:
    fila = Evaluacion.objects.get(pk=evaluacion.pk)
    return {
        **model_to_dict(fila, exclude=["servicios"]),
        "informe": fila.informe.name,
        "equipo": sorted(fila.equipo.values_list("usuario__username", "rol")),
        "calificaciones": sorted(
            fila.calificaciones.values_list("criterio_id", "puntaje", "notas")
        ),
        "oportunidades": fila.oportunidades.count(),
        "historial": ModelLogEntry.objects.for_instance(fila).count(),
    }


def rechazado(evaluacion, mensaje: str, funcion, *args, **kwargs):
    antes = _foto(evaluacion)
    with pytest.raises(ValidationError) as error:
        funcion(*args, **kwargs)
    assert mensaje in " ".join(error.value.messages)
    assert _foto(evaluacion) == antes


def test_el_ciclo_completo_con_quien_puede_cada_paso(
    evaluacion, maxima_autoridad, evaluador_responsable, evaluador, personal_evaluador
):
    ajeno = UsuarioFactory(roles=[roles.AREA])
    contralor = UsuarioFactory(roles=[roles.CONTRALORIA])
    moderniza = UsuarioFactory(roles=[roles.MODERNIZACION])
    nuevo = UsuarioFactory(username="nueva.evaluadora", roles=[roles.AREA])

    # The team: only the máxima autoridad designates it; the responsable is exactly one.
    rechazado(
        evaluacion,
        "Solo la máxima autoridad administrativa designa al equipo evaluador.",
        services.designar_equipo,
        evaluacion,
        responsable=ajeno,
        usuario=evaluador_responsable,
    )
    rechazado(
        evaluacion,
        "Elija a la persona responsable del equipo evaluador.",
        services.designar_equipo,
        evaluacion,
        responsable=None,
        evaluadores=[evaluador],
        usuario=maxima_autoridad,
    )
    sin_rol = UsuarioFactory(username="sin.rol")
    rechazado(
        evaluacion,
        "no tiene acceso a la administración",
        services.designar_equipo,
        evaluacion,
        responsable=evaluador_responsable,
        evaluadores=[sin_rol],
        usuario=maxima_autoridad,
    )
    services.designar_equipo(
        evaluacion,
        responsable=evaluador_responsable,
        evaluadores=[evaluador, nuevo, evaluador_responsable],
        usuario=maxima_autoridad,
    )
    assert sorted(evaluacion.equipo.values_list("usuario__username", "rol")) == [
        ("evaluador", "evaluador"),
        ("evaluadora", "responsable"),
        ("nueva.evaluadora", "evaluador"),
    ]
    assert evaluacion.equipo.filter(rol=MiembroEquipo.Rol.RESPONSABLE).count() == 1

    # Start: the team, not the máxima autoridad, not an outsider.
    for usuario in (maxima_autoridad, ajeno, contralor):
        rechazado(
            evaluacion,
            "Solo el equipo evaluador puede iniciar la evaluación.",
            services.iniciar,
            evaluacion,
            usuario=usuario,
        )
    services.iniciar(evaluacion, usuario=nuevo)
    assert evaluacion.estado == E.EN_EVALUACION
    rechazado(
        evaluacion,
        "No se puede iniciar la evaluación: la evaluación está en estado «En evaluación».",
        services.iniciar,
        evaluacion,
        usuario=evaluador,
    )

    # Scoring is the team's.
    criterios = list(evaluacion.modelo.componentes.get(numero=1).criterios.all())
    rechazado(
        evaluacion,
        "Solo el equipo evaluador califica",
        services.calificar,
        evaluacion,
        criterios[0],
        3,
        "",
        moderniza,
    )
    rechazado(
        evaluacion,
        "Elija un nivel de 0 a 4",
        services.calificar,
        evaluacion,
        criterios[0],
        5,
        "",
        evaluador,
    )
    services.calificar(evaluacion, criterios[0], 4, "Hay caracterización al día.", evaluador)
    services.calificar(evaluacion, criterios[0], 3, "Corregido: falta un grupo.", nuevo)
    assert evaluacion.calificaciones.get().puntaje == 3

    # Sending: the responsable, with every criterion scored and something concluded.
    rechazado(
        evaluacion,
        "Solo la persona responsable del equipo evaluador envía el informe.",
        services.enviar_informe,
        evaluacion,
        usuario=evaluador,
    )
    rechazado(
        evaluacion,
        "Faltan por calificar 3 criterios (1.2, 2.1, 2.2) antes de enviar el informe.",
        services.enviar_informe,
        evaluacion,
        usuario=evaluador_responsable,
    )
    for criterio, puntaje in zip(
        [criterios[1], *evaluacion.modelo.componentes.get(numero=2).criterios.all()],
        (2, 1, 0),
        strict=True,
    ):
        services.calificar(evaluacion, criterio, puntaje, "", evaluador)
    rechazado(
        evaluacion,
        "Registre al menos una oportunidad de mejora o escriba las conclusiones",
        services.enviar_informe,
        evaluacion,
        usuario=evaluador_responsable,
    )
    services.redactar_conclusiones(
        evaluacion, conclusiones="  El servicio cumple a medias.  ", usuario=evaluador
    )
    assert evaluacion.conclusiones == "El servicio cumple a medias."
    services.enviar_informe(evaluacion, usuario=evaluador_responsable)
    assert evaluacion.estado == E.EN_REVISION and evaluacion.enviada_en is not None

    # In review nobody scores and the team cannot be changed.
    rechazado(
        evaluacion,
        "No se puede modificar la evaluación: la evaluación está en estado «Informe en revisión».",
        services.calificar,
        evaluacion,
        criterios[0],
        4,
        "",
        evaluador,
    )
    rechazado(
        evaluacion,
        "No se puede cambiar el equipo evaluador",
        services.designar_equipo,
        evaluacion,
        responsable=nuevo,
        usuario=maxima_autoridad,
    )

    # Sent back with a note (a note is required), then approved by the máxima autoridad.
    rechazado(
        evaluacion,
        "Solo la máxima autoridad administrativa devuelve el informe.",
        services.devolver,
        evaluacion,
        nota="Falta evidencia",
        usuario=evaluador_responsable,
    )
    rechazado(
        evaluacion,
        "Escriba qué debe corregir el equipo evaluador.",
        services.devolver,
        evaluacion,
        nota="   ",
        usuario=maxima_autoridad,
    )
    services.devolver(evaluacion, nota="Sustente el criterio 2.2.", usuario=maxima_autoridad)
    assert evaluacion.estado == E.EN_EVALUACION and evaluacion.enviada_en is None
    services.enviar_informe(evaluacion, usuario=evaluador_responsable)
    for usuario in (evaluador_responsable, moderniza, contralor):
        rechazado(
            evaluacion,
            "Solo la máxima autoridad administrativa aprueba el informe.",
            services.aprobar,
            evaluacion,
            usuario=usuario,
        )
    services.aprobar(evaluacion, usuario=maxima_autoridad)
    fila = Evaluacion.objects.get(pk=evaluacion.pk)
    assert fila.estado == E.APROBADA
    assert fila.aprobada_por == maxima_autoridad and fila.aprobada_en is not None
    assert fila.informe.name and len(fila.informe_sha256) == 64
    rechazado(
        evaluacion,
        "No se puede aprobar el informe: la evaluación está en estado «Informe aprobado».",
        services.aprobar,
        evaluacion,
        usuario=maxima_autoridad,
    )
    acciones = list(
        ModelLogEntry.objects.for_instance(fila).order_by("pk").values_list("action", flat=True)
    )
    assert acciones[0] == "atencion.calidad.equipo"
    assert acciones[-4:] == [
        "atencion.calidad.enviar",
        "atencion.calidad.devolver",
        "atencion.calidad.enviar",
        "atencion.calidad.aprobar",
    ]


def test_una_aprobacion_tardia_con_datos_viejos_no_pisa_la_primera(en_revision, maxima_autoridad):
    """Two approvals at once: the second works on a stale copy; the locked row says no."""
    otra = UsuarioFactory(username="otra.autoridad", roles=[roles.MAXIMA_AUTORIDAD])
    vieja = Evaluacion.objects.get(pk=en_revision.pk)
    services.aprobar(en_revision, usuario=maxima_autoridad)
    antes = _foto(en_revision)
    assert vieja.estado == E.EN_REVISION
    with pytest.raises(ValidationError, match="está en estado «Informe aprobado»"):
        services.aprobar(vieja, usuario=otra)
    assert _foto(en_revision) == antes
    assert Evaluacion.objects.get(pk=en_revision.pk).aprobada_por == maxima_autoridad


def test_oportunidad_mal_llenada_no_se_registra(en_curso, evaluador, modelo):
    otro = type(modelo).objects.create(nombre="Otro modelo")
    ajeno = otro.componentes.create(numero=1, nombre="Ajeno")
    with pytest.raises(ValidationError) as error:
        services.registrar_oportunidad(
            en_curso,
            componente=ajeno,
            descripcion=" ",
            causa="",
            prioridad="urgente",
            usuario=evaluador,
        )
    assert error.value.message_dict == {
        "componente": ["Ese componente no es del modelo de esta evaluación."],
        "descripcion": ["Describa la oportunidad de mejora."],
        "causa": ["Escriba la causa que la origina."],
        "prioridad": ["Elija la prioridad: alta, media o baja."],
    }
    assert not en_curso.oportunidades.exists()
