"""Planning acciones de mejora, their seguimientos with evidence, and closing the cycle:
who may, what is measured rather than typed, and that a refusal changes nothing."""

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from atencion.calidad import services_mejora as sm
from atencion.models import Actividad, Evaluacion, Indicador, Seguimiento
from tests.atencion.calidad.mejora import FIN, INICIO, accion, seguimiento
from tests.factories import UsuarioFactory, imagen_bytes, pdf_bytes, subida

pytestmark = pytest.mark.django_db
C = Indicador.Calculo
D = Decimal
Documento = get_document_model()


def datos(**cambios) -> dict:
    base = {
        "nombre": "Abrir una segunda ventanilla de predial",
        "meta": "Dos ventanillas en horas de mayor afluencia",
        "area_responsable": None,
        "responsable": None,
        "inicio": INICIO,
        "fin": FIN,
        "indicador_nombre": "Mediana de días para responder",
        "indicador_formula": "",
        "indicador_fuente": "",
        "indicador_calculo": C.RESPUESTA_MEDIANA,
        "indicador_frecuencia": Indicador.Frecuencia.MENSUAL,
        "indicador_unidad": "",
        "indicador_linea_base": None,
        "indicador_meta": D("3"),
        "indicador_mayor_es_mejor": True,
    }
    return base | cambios


def sin_cambios():
    return (Actividad.objects.count(), Indicador.objects.count(), Seguimiento.objects.count())


def archivos_media() -> set[Path]:
    raiz = Path(settings.MEDIA_ROOT)
    return {p for p in raiz.rglob("*") if p.is_file()} if raiz.exists() else set()


# --- planificar ---


def test_computed_indicator_gets_its_linea_base_measured_over_the_evaluated_period(
    datos_conocidos, oportunidad, modernizacion, area_calidad
):
    actividad = sm.planificar_accion(
        oportunidad, datos(area_responsable=area_calidad), modernizacion
    )
    indicador = actividad.indicador
    assert actividad.oportunidad == oportunidad
    assert (actividad.inicio, actividad.fin) == (INICIO, FIN)
    # Median of 2, 5 and 8 business days (April 2026); lower is better whatever was typed.
    assert indicador.linea_base == D("5")
    assert indicador.mayor_es_mejor is False
    assert indicador.unidad == "días hábiles"
    assert indicador.fuente == "Escritos y respuestas de Folio"
    assert indicador.formula.startswith("Mediana de días hábiles")
    assert indicador.frecuencia == Indicador.Frecuencia.MENSUAL


def test_a_typed_linea_base_of_a_computed_indicator_is_refused(
    datos_conocidos, oportunidad, modernizacion, area_calidad
):
    antes = sin_cambios()
    with pytest.raises(ValidationError) as error:
        sm.planificar_accion(
            oportunidad,
            datos(area_responsable=area_calidad, indicador_linea_base=D("9")),
            modernizacion,
        )
    assert "se mide con los datos de Folio" in error.value.message_dict["indicador_linea_base"][0]
    assert sin_cambios() == antes


def test_the_meta_must_improve_the_measured_linea_base(
    datos_conocidos, oportunidad, modernizacion, area_calidad
):
    with pytest.raises(ValidationError) as error:
        sm.planificar_accion(
            oportunidad, datos(area_responsable=area_calidad, indicador_meta=D("6")), modernizacion
        )
    assert error.value.message_dict["indicador_meta"] == [
        "La meta debe mejorar la línea base (5 días hábiles; un valor menor es mejor)."
    ]
    assert sin_cambios() == (0, 0, 0)


def test_manual_indicator_needs_its_linea_base_and_bad_input_is_explained(
    oportunidad, modernizacion
):
    with pytest.raises(ValidationError) as error:
        sm.planificar_accion(
            oportunidad,
            datos(
                nombre="  ",
                inicio=dt.date(2026, 6, 15),  # inside the evaluated period
                fin=dt.date(2026, 6, 1),
                indicador_calculo=C.MANUAL,
                indicador_nombre="Personas capacitadas",
            ),
            modernizacion,
        )
    errores = error.value.message_dict
    assert errores["nombre"] == ["Escriba qué acción de mejora se hará."]
    assert errores["inicio"][0].startswith("La acción debe empezar después del periodo evaluado")
    assert errores["area_responsable"] == ["Indique el área o la persona responsable de la mejora."]
    assert errores["indicador_linea_base"] == ["Indique la línea base del indicador."]
    assert sin_cambios() == (0, 0, 0)
    actividad = sm.planificar_accion(
        oportunidad,
        datos(
            indicador_calculo=C.MANUAL,
            indicador_nombre="Personas capacitadas",
            indicador_linea_base=D("0"),
            indicador_meta=D("12"),
            indicador_unidad="personas",
            responsable=UsuarioFactory(username="capacitadora"),
        ),
        modernizacion,
    )
    assert actividad.indicador.linea_base == D("0")
    assert actividad.indicador.mayor_es_mejor is True


def test_who_may_plan(oportunidad, evaluador, responsable_mejora, maxima_autoridad, area_calidad):
    with pytest.raises(PermissionDenied):
        sm.planificar_accion(oportunidad, datos(area_responsable=area_calidad), evaluador)
    assert sin_cambios() == (0, 0, 0)
    # Staff of the área that gives the servicio, and the máxima autoridad, may.
    sm.planificar_accion(oportunidad, datos(area_responsable=area_calidad), responsable_mejora)
    sm.planificar_accion(oportunidad, datos(area_responsable=area_calidad), maxima_autoridad)
    assert Actividad.objects.filter(oportunidad=oportunidad).count() == 2


def test_no_planning_before_the_informe_is_approved(oportunidad, modernizacion, area_calidad):
    Evaluacion.objects.filter(pk=oportunidad.evaluacion_id).update(
        estado=Evaluacion.Estado.EN_REVISION
    )
    oportunidad.evaluacion.refresh_from_db()
    with pytest.raises(PermissionDenied):
        sm.planificar_accion(oportunidad, datos(area_responsable=area_calidad), modernizacion)
    assert sin_cambios() == (0, 0, 0)


# --- seguimiento ---


@pytest.fixture
def manual(oportunidad, area_calidad):
    return accion(oportunidad, area=area_calidad, linea_base=D("40"), meta=D("80"))


def test_the_responsables_add_seguimientos_with_the_manual_valor(
    manual, responsable_mejora, evaluador
):
    with pytest.raises(PermissionDenied):
        sm.registrar_seguimiento(
            manual, fecha=dt.date(2026, 7, 20), avance=10, valor=D("45"), usuario=evaluador
        )
    with pytest.raises(ValidationError) as error:
        sm.registrar_seguimiento(
            manual, fecha=dt.date(2026, 7, 20), avance=10, usuario=responsable_mejora
        )
    assert error.value.message_dict["valor"] == [
        "Registre el valor del indicador «Indicador de Acción de prueba» en este corte."
    ]
    assert Seguimiento.objects.count() == 0
    corte = sm.registrar_seguimiento(
        manual,
        fecha=dt.date(2026, 7, 20),
        avance=10,
        descripcion=" Se capacitó al primer grupo. ",
        valor=D("45"),
        usuario=responsable_mejora,
    )
    assert (corte.avance, corte.valor, corte.descripcion) == (
        10,
        D("45"),
        "Se capacitó al primer grupo.",
    )
    assert corte.registrado_por == responsable_mejora
    # The person named responsable may too, without being staff of the área.
    persona = UsuarioFactory(username="encargada")
    propia = accion(manual.oportunidad, responsable=persona, linea_base=D("1"), meta=D("3"))
    sm.registrar_seguimiento(
        propia, fecha=dt.date(2026, 7, 21), avance=5, valor=D("1"), usuario=persona
    )


def test_progress_may_go_down_only_saying_why(manual, responsable_mejora):
    seguimiento(manual, dt.date(2026, 8, 1), 60, valor=D("50"))
    with pytest.raises(ValidationError) as error:
        sm.registrar_seguimiento(
            manual, fecha=dt.date(2026, 8, 15), avance=40, valor=D("50"), usuario=responsable_mejora
        )
    assert error.value.message_dict["descripcion"] == [
        "El avance baja de 60 % a 40 %: explique por qué."
    ]
    assert Seguimiento.objects.count() == 1
    sm.registrar_seguimiento(
        manual,
        fecha=dt.date(2026, 8, 15),
        avance=40,
        descripcion="Se canceló un curso por falta de sala.",
        valor=D("50"),
        usuario=responsable_mejora,
    )
    assert Seguimiento.objects.count() == 2


@pytest.mark.parametrize(
    ("fecha", "avance", "campo", "mensaje"),
    [
        (dt.date(2099, 1, 1), 10, "fecha", "La fecha del corte no puede ser futura."),
        (
            dt.date(2026, 6, 30),
            10,
            "fecha",
            "La fecha del corte no puede ser anterior al inicio de la acción (01/07/2026).",
        ),
        (
            dt.date(2026, 7, 31),
            10,
            "fecha",
            "Ya hay un seguimiento del 01/08/2026: registre los cortes en orden.",
        ),
        (dt.date(2026, 8, 2), 101, "avance", "El avance es un número entero de 0 a 100."),
        (None, 10, "fecha", "Indique la fecha del corte."),
    ],
)
def test_bad_cortes_are_refused(manual, responsable_mejora, fecha, avance, campo, mensaje):
    seguimiento(manual, dt.date(2026, 8, 1), 5, valor=D("41"))
    with pytest.raises(ValidationError) as error:
        sm.registrar_seguimiento(
            manual, fecha=fecha, avance=avance, valor=D("42"), usuario=responsable_mejora
        )
    assert error.value.message_dict[campo] == [mensaje]
    assert Seguimiento.objects.count() == 1


def test_a_computed_indicator_takes_no_typed_valor(oportunidad, area_calidad, responsable_mejora):
    calculada = accion(oportunidad, area=area_calidad, calculo=C.ESPERA_MEDIA, meta=D("10"))
    with pytest.raises(ValidationError) as error:
        sm.registrar_seguimiento(
            calculada,
            fecha=dt.date(2026, 7, 10),
            avance=10,
            valor=D("12"),
            usuario=responsable_mejora,
        )
    assert "se calcula con los datos de Folio" in error.value.message_dict["valor"][0]


def test_evidence_becomes_a_checksummed_document_of_a_restricted_collection(
    manual, responsable_mejora
):
    contenido = pdf_bytes(texto="Lista de asistencia")
    corte = sm.registrar_seguimiento(
        manual,
        fecha=dt.date(2026, 7, 20),
        avance=10,
        valor=D("45"),
        evidencia=subida("asistencia.pdf", contenido),
        usuario=responsable_mejora,
    )
    documento = corte.evidencia
    assert documento.title == "asistencia.pdf"
    assert documento.collection.name == "Evidencias de mejora"
    assert documento.uploaded_by_user == responsable_mejora
    with documento.open_file() as f:
        guardado = f.read()
    assert guardado == contenido
    assert documento.file_hash == hashlib.sha1(contenido).hexdigest()  # noqa: S324
    assert documento.file_size == len(contenido)
    (restriccion,) = documento.collection.get_view_restrictions()
    assert restriccion.restriction_type == CollectionViewRestriction.LOGIN
    # A second evidence goes to the same collection.
    otro = sm.registrar_seguimiento(
        manual,
        fecha=dt.date(2026, 7, 21),
        avance=20,
        valor=D("46"),
        evidencia=subida("foto.png", imagen_bytes()),
        usuario=responsable_mejora,
    )
    assert otro.evidencia.collection == documento.collection


def test_bad_evidence_is_refused_and_nothing_is_stored(manual, responsable_mejora):
    antes = archivos_media()
    with pytest.raises(ValidationError) as error:
        sm.registrar_seguimiento(
            manual,
            fecha=dt.date(2026, 7, 20),
            avance=10,
            valor=D("45"),
            evidencia=subida("notas.pdf", b"esto no es un PDF"),
            usuario=responsable_mejora,
        )
    assert error.value.message_dict["evidencia"]
    assert Seguimiento.objects.count() == 0
    assert Documento.objects.count() == 0
    assert archivos_media() == antes


def test_a_refused_corte_leaves_its_valid_evidence_unstored(manual, responsable_mejora):
    antes = archivos_media()
    with pytest.raises(ValidationError):
        sm.registrar_seguimiento(
            manual,
            fecha=dt.date(2026, 7, 20),
            avance=10,  # no valor: refused
            evidencia=subida("asistencia.pdf", pdf_bytes()),
            usuario=responsable_mejora,
        )
    assert Documento.objects.count() == 0
    assert archivos_media() == antes


# --- cierre ---


def test_closing_with_open_actions_needs_a_reason(manual, modernizacion, maxima_autoridad):
    evaluacion = manual.oportunidad.evaluacion
    with pytest.raises(PermissionDenied):
        sm.cerrar(evaluacion, "Lecciones", maxima_autoridad)
    with pytest.raises(ValidationError) as error:
        sm.cerrar(evaluacion, "  ", modernizacion)
    errores = error.value.message_dict
    assert errores["lecciones"] == ["Escriba las lecciones aprendidas del ciclo de mejora."]
    assert errores["motivo"] == [
        "Hay acciones sin concluir: Acción de prueba. Explique por qué se cierra el ciclo así."
    ]
    evaluacion.refresh_from_db()
    assert evaluacion.estado == Evaluacion.Estado.APROBADA
    assert evaluacion.lecciones_aprendidas == ""
    cerrada = sm.cerrar(
        evaluacion,
        "Capacitar antes de abrir la ventanilla.",
        modernizacion,
        motivo="La segunda etapa pasa al plan del próximo año.",
    )
    cerrada.refresh_from_db()
    assert cerrada.estado == Evaluacion.Estado.CERRADA
    assert cerrada.lecciones_aprendidas == "Capacitar antes de abrir la ventanilla."
    assert cerrada.motivo_cierre == "La segunda etapa pasa al plan del próximo año."
    assert cerrada.cerrada_por == modernizacion and cerrada.cerrada_en is not None
    # A closed cycle takes no more seguimientos.
    manual.refresh_from_db()
    with pytest.raises(ValidationError):
        sm.registrar_seguimiento(
            manual,
            fecha=dt.date(2026, 8, 1),
            avance=50,
            valor=D("60"),
            usuario=UsuarioFactory(is_superuser=True, username="raiz"),
        )


def test_closing_with_every_action_done_needs_no_reason(manual, modernizacion):
    seguimiento(manual, dt.date(2026, 9, 30), 100, valor=D("80"))
    cerrada = sm.cerrar(manual.oportunidad.evaluacion, "Lecciones.", modernizacion, motivo="x")
    assert cerrada.estado == Evaluacion.Estado.CERRADA
    assert cerrada.motivo_cierre == ""
