"""Recording the clima laboral survey and the infrastructure checklist of an área: who may,
what is refused (a Spanish message and nothing stored) and which record the diagnosis reads."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from atencion.calidad import permisos
from atencion.calidad import selectors_diagnostico as sel
from atencion.calidad.services_diagnostico import registrar_clima, registrar_infraestructura
from atencion.models import (
    DimensionClima,
    ElementoInfraestructura,
    EncuestaClima,
    RevisionInfraestructura,
)
from cms import roles
from tests.factories import AreaFactory, UsuarioFactory

pytestmark = pytest.mark.django_db
D = dt.date
RESULTADOS = {"liderazgo": 3.8, "comunicacion": 2.75, "reconocimiento": 4}


def completa(**cambios) -> dict:
    elementos = {e: {"estado": "adecuado", "notas": ""} for e in ElementoInfraestructura.values}
    elementos.update(cambios)
    return elementos


@pytest.fixture
def personal_catastro(area_calidad):
    return UsuarioFactory(username="catastro", roles=[roles.AREA], areas=[area_calidad])


def clima(area, usuario, **cambios):
    datos = {
        "desde": D(2026, 6, 1),
        "hasta": D(2026, 6, 30),
        "participantes": 18,
        "personal": 22,
        "resultados": RESULTADOS,
        "observaciones": "  Aplicada en línea.  ",
    }
    return registrar_clima(area, usuario=usuario, **(datos | cambios))


def test_el_personal_del_area_registra_el_clima(area_calidad, personal_catastro):
    encuesta = clima(area_calidad, personal_catastro)
    encuesta.refresh_from_db()
    assert encuesta.resultados == {"liderazgo": 3.8, "comunicacion": 2.75, "reconocimiento": 4.0}
    assert (encuesta.registrada_por, encuesta.observaciones) == (
        personal_catastro,
        "Aplicada en línea.",
    )
    assert encuesta.participacion_pct == 81.8
    assert encuesta.dimensiones()[1] == ("comunicacion", "Comunicación", 2.75)
    assert encuesta.dimensiones()[2] == ("condiciones", "Condiciones de trabajo", None)
    assert len(encuesta.dimensiones()) == len(DimensionClima) == 6


def test_quien_registra_el_diagnostico(
    area_calidad, personal_catastro, maxima_autoridad, modernizacion
):
    otra = AreaFactory(nombre="Tesorería", siglas="TES")
    contraloria = UsuarioFactory(roles=[roles.CONTRALORIA])
    ajeno = UsuarioFactory(roles=[roles.AREA], areas=[otra])
    for usuario in (personal_catastro, maxima_autoridad, modernizacion):
        assert permisos.puede_registrar_diagnostico(usuario, area_calidad)
    for usuario in (contraloria, ajeno):
        assert not permisos.puede_registrar_diagnostico(usuario, area_calidad)
        with pytest.raises(PermissionDenied):
            clima(area_calidad, usuario)
        with pytest.raises(PermissionDenied):
            registrar_infraestructura(
                area_calidad,
                desde=D(2026, 6, 1),
                hasta=D(2026, 6, 30),
                elementos=completa(),
                usuario=usuario,
            )
    assert not EncuestaClima.objects.exists() and not RevisionInfraestructura.objects.exists()
    # Who sees it: the roles every área, the staff their own.
    assert set(permisos.areas_de_diagnostico(contraloria)) == {area_calidad, otra}
    assert list(permisos.areas_de_diagnostico(ajeno)) == [otra]
    assert permisos.puede_ver_diagnostico(ajeno) and not permisos.puede_ver_diagnostico(
        ajeno, area_calidad
    )
    assert not permisos.puede_ver_diagnostico(UsuarioFactory())
    area_calidad.activa = False
    area_calidad.save()
    assert not permisos.puede_registrar_diagnostico(personal_catastro, area_calidad)


@pytest.mark.parametrize(
    ("cambios", "campo", "mensaje"),
    [
        ({"resultados": {}}, "resultados", "Anote el promedio de al menos una dimensión."),
        (
            {"resultados": {"liderazgo": 5.5}},
            "resultados",
            "Cada promedio va de 1 a 5, con dos decimales como máximo.",
        ),
        (
            {"resultados": {"liderazgo": 0}},
            "resultados",
            "Cada promedio va de 1 a 5, con dos decimales como máximo.",
        ),
        (
            {"resultados": {"liderazgo": 3.333}},
            "resultados",
            "Cada promedio va de 1 a 5, con dos decimales como máximo.",
        ),
        (
            {"resultados": {"liderazgo": "alto"}},
            "resultados",
            "Cada promedio va de 1 a 5, con dos decimales como máximo.",
        ),
        (
            {"resultados": {"liderazgo": True}},
            "resultados",
            "Cada promedio va de 1 a 5, con dos decimales como máximo.",
        ),
        (
            {"resultados": {"salario": 3}},
            "resultados",
            "Hay dimensiones que no existen en la encuesta.",
        ),
        ({"resultados": [3, 4]}, "resultados", "Anote el promedio de al menos una dimensión."),
        (
            {"participantes": 30},
            "participantes",
            "Respondieron más personas de las que laboran en el área.",
        ),
        (
            {"participantes": 0},
            "participantes",
            "mayor o igual a 1.",
        ),
        ({"hasta": D(2026, 5, 1)}, "periodo_hasta", "El periodo termina antes de empezar."),
        (
            {"hasta": dt.date.today() + dt.timedelta(days=3)},
            "periodo_hasta",
            "El periodo no puede terminar después de hoy.",
        ),
    ],
)
def test_un_clima_incorrecto_no_se_guarda(area_calidad, personal_catastro, cambios, campo, mensaje):
    with pytest.raises(ValidationError) as error:
        clima(area_calidad, personal_catastro, **cambios)
    assert any(mensaje in m for m in error.value.message_dict[campo])
    assert not EncuestaClima.objects.exists()


def test_la_revision_califica_cada_elemento(area_calidad, personal_catastro):
    revision = registrar_infraestructura(
        area_calidad,
        desde=D(2026, 6, 1),
        hasta=D(2026, 6, 30),
        elementos=completa(
            sala_espera={"estado": "inadecuado", "notas": " 6 sillas para 40 personas "}
        ),
        usuario=personal_catastro,
    )
    revision.refresh_from_db()
    fila = next(f for f in revision.revisados() if f[0] == "sala_espera")
    assert fila == (
        "sala_espera",
        "Asientos y sala de espera",
        "inadecuado",
        "Inadecuado",
        "6 sillas para 40 personas",
    )
    assert (revision.cuenta("adecuado"), revision.cuenta("inadecuado")) == (7, 1)


@pytest.mark.parametrize(
    ("elementos", "mensaje"),
    [
        (
            {"accesibilidad": {"estado": "adecuado"}},
            "Califique cada elemento de la lista, y solo esos.",
        ),
        (
            completa(helipuerto={"estado": "adecuado"}),
            "Califique cada elemento de la lista, y solo esos.",
        ),
        (
            completa(conectividad={"estado": "regular"}),
            "Cada elemento necesita un estado de la lista.",
        ),
        (completa(conectividad="adecuado"), "Cada elemento necesita un estado de la lista."),
        (
            completa(conectividad={"estado": "mejorable", "notas": "x" * 501}),
            "Las notas de un elemento tienen 500 caracteres como máximo.",
        ),
    ],
)
def test_una_revision_incompleta_no_se_guarda(area_calidad, personal_catastro, elementos, mensaje):
    with pytest.raises(ValidationError) as error:
        registrar_infraestructura(
            area_calidad,
            desde=D(2026, 6, 1),
            hasta=D(2026, 6, 30),
            elementos=elementos,
            usuario=personal_catastro,
        )
    assert error.value.message_dict["elementos"] == [mensaje]
    assert not RevisionInfraestructura.objects.exists()


def test_el_diagnostico_lee_el_registro_mas_reciente_del_periodo(area_calidad, personal_catastro):
    marzo = clima(area_calidad, personal_catastro, desde=D(2026, 3, 1), hasta=D(2026, 3, 31))
    primera = clima(area_calidad, personal_catastro)
    correccion = clima(area_calidad, personal_catastro, resultados={"liderazgo": 4.1})
    clima(AreaFactory(nombre="Tesorería", siglas="TES"), UsuarioFactory(is_superuser=True))
    del_periodo = sel.climas(area_calidad, D(2026, 6, 1), D(2026, 6, 30))
    assert del_periodo == [correccion, primera]
    assert sel.climas(area_calidad, D(2026, 3, 15), D(2026, 6, 1)) == [correccion, primera, marzo]
    assert sel.revisiones(area_calidad, D(2026, 6, 1), D(2026, 6, 30)) == []
