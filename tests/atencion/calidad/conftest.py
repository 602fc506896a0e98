"""Fixtures of the quality cycle: a small evaluation model, the roles, one evaluation."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from atencion.models import (
    ComponenteModelo,
    Criterio,
    Evaluacion,
    MiembroEquipo,
    ModeloCalidad,
    OportunidadMejora,
)
from cms import roles
from tests.atencion.calidad import mejora
from tests.factories import AreaFactory, TemaFactory, UsuarioFactory


@pytest.fixture
def modelo(db):
    """Two components with two criteria each."""
    modelo = ModeloCalidad.objects.create(nombre="Modelo de prueba", base_legal="Norma de prueba")
    for numero, nombre in ((1, "Necesidades de las personas"), (2, "Gestión de procesos")):
        componente = ComponenteModelo.objects.create(modelo=modelo, numero=numero, nombre=nombre)
        for n in (1, 2):
            Criterio.objects.create(
                componente=componente, numero=n, texto=f"Criterio {numero}.{n} de {nombre}"
            )
    return modelo


@pytest.fixture
def area_calidad(db):
    return AreaFactory(nombre="Dirección de Catastro", siglas="CAT")


@pytest.fixture
def maxima_autoridad(db):
    return UsuarioFactory(username="gerente", roles=[roles.MAXIMA_AUTORIDAD])


@pytest.fixture
def modernizacion(db):
    return UsuarioFactory(username="modernizacion", roles=[roles.MODERNIZACION])


@pytest.fixture
def evaluador_responsable(db):
    return UsuarioFactory(username="evaluadora")


@pytest.fixture
def evaluador(db):
    return UsuarioFactory(username="evaluador")


@pytest.fixture
def evaluacion(modelo, area_calidad, maxima_autoridad, evaluador_responsable, evaluador):
    """A prioritised evaluation of the área's servicio with its two-person team."""
    evaluacion = Evaluacion.objects.create(
        nombre="Constancia de no adeudo predial",
        modelo=modelo,
        area=area_calidad,
        tema=TemaFactory(nombre="Predial"),
        periodo_desde=dt.date(2026, 1, 1),
        periodo_hasta=dt.date(2026, 6, 30),
        motivo="Muchas quejas por demora.",
        creada_por=maxima_autoridad,
    )
    MiembroEquipo.objects.create(
        evaluacion=evaluacion, usuario=evaluador_responsable, rol=MiembroEquipo.Rol.RESPONSABLE
    )
    MiembroEquipo.objects.create(evaluacion=evaluacion, usuario=evaluador)
    return evaluacion


# --- diagnosis and prioritisation: a small catalog with hand-checked figures (June 2026) ---

JUNIO = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))


@pytest.fixture
def catalogo_calidad(area_calidad, sede):
    """Catastro: «Constancia de no adeudo» (tema Predial, servicio A) and «Avalúo catastral»
    (tema Avalúos, no servicio); Obras: «Licencia de construcción» (tema Licencias, servicio
    B) and «Cambio de uso de suelo» (no data); a draft trámite that is not in the catalog.
    The figures every test checks are in tests/atencion/calidad/test_inventario.py."""
    from atencion.models import Servicio
    from tests.atencion.calidad import datos

    obras = AreaFactory(nombre="Dirección de Obras", siglas="OBR")
    predial, avaluos = TemaFactory(nombre="Predial"), TemaFactory(nombre="Avalúos")
    licencias, suelo = TemaFactory(nombre="Licencias"), TemaFactory(nombre="Uso de suelo")
    paginas = {
        "constancia": datos.tramite(
            "Constancia de no adeudo", area_calidad, predial, clave="CAT-01"
        ),
        "avaluo": datos.tramite("Avalúo catastral", area_calidad, avaluos, clave="CAT-02"),
        "licencia": datos.tramite("Licencia de construcción", obras, licencias),
        "suelo": datos.tramite("Cambio de uso de suelo", obras, suelo),
        "borrador": datos.tramite("Trámite en borrador", obras, suelo, live=False),
    }
    a = Servicio.objects.create(
        sede=sede,
        nombre="Constancias",
        prefijo="A",
        area=area_calidad,
        tramite=paginas["constancia"],
    )
    b = Servicio.objects.create(
        sede=sede, nombre="Licencias", prefijo="B", area=obras, tramite=paginas["licencia"]
    )
    return {"obras": obras, "temas": (predial, avaluos, licencias, suelo), "servicios": (a, b)}


# (received, área, tema, due, first answer, tipo, survey of the answer) in 2026.
ESCRITOS_JUNIO = [
    # Constancia (Catastro, Predial): business days 2, 5, 15 (late), 1; a queja overdue.
    ((6, 1), "cat", "predial", (6, 15), (6, 3), "peticion", 5),
    ((6, 1), "cat", "predial", (6, 15), (6, 8), "peticion", 4),
    ((6, 2), "cat", "predial", (6, 16), (6, 23), "peticion", 3),
    ((6, 3), "cat", "predial", (6, 17), None, "queja", None),
    ((6, 4), "cat", "predial", (6, 18), (6, 5), "denuncia", 1),
    ((5, 29), "cat", "predial", (6, 12), (6, 1), "peticion", None),  # May: not counted
    # Avalúo (Catastro, Avalúos): 2 and 2 business days, on time; two surveys (< k).
    ((6, 8), "cat", "avaluos", (6, 22), (6, 10), "peticion", 4),
    ((6, 9), "cat", "avaluos", (6, 23), (6, 11), "peticion", 5),
    ((6, 10), "cat", None, None, None, "peticion", None),  # no tema: área totals only
    # Licencia (Obras, Licencias): 9 business days, on time.
    ((6, 1), "obr", "licencias", (6, 15), (6, 12), "peticion", 3),
]
# (servicio, day, arrival, wait in minutes, survey) in 2026; None: not surveyed.
FICHAS_JUNIO = [
    ("A", (6, 1), (9, 0), 10, 4),
    ("A", (6, 1), (9, 5), 40, 2),  # with a coyotaje report
    ("A", (6, 2), (10, 0), 20, 3),
    ("A", (7, 1), (9, 0), 90, None),  # July: not counted
    *(
        ("B", (6, 3), (9, n), espera, s)
        for n, (espera, s) in enumerate(((60, 2), (60, 2), (30, 3), (30, 1), (20, 2)))
    ),
]


@pytest.fixture
def junio_calidad(catalogo_calidad, area_calidad):
    """The escritos, fichas and surveys above, a cancelled queja and a no-show (wait 20)."""
    from tests.atencion.calidad import datos
    from tests.atencion.fichas import E, ficha

    D = dt.date
    predial, avaluos, licencias, _suelo = catalogo_calidad["temas"]
    areas = {"cat": area_calidad, "obr": catalogo_calidad["obras"]}
    temas = {"predial": predial, "avaluos": avaluos, "licencias": licencias, None: None}
    servicios = dict(zip("AB", catalogo_calidad["servicios"], strict=True))
    for recibido, area, tema, vence, respuesta, tipo, satisfaccion in ESCRITOS_JUNIO:
        nuevo = datos.escrito(
            D(2026, *recibido),
            areas[area],
            temas[tema],
            vence=vence and D(2026, *vence),
            respuesta=respuesta and D(2026, *respuesta),
            tipo=tipo,
        )
        if satisfaccion:
            datos.encuesta(satisfaccion, escrito=nuevo)
    datos.escrito(D(2026, 6, 5), area_calidad, predial, estado="cancelado", tipo="queja")
    for n, (letra, dia, llegada, espera, satisfaccion) in enumerate(FICHAS_JUNIO):
        atendida = datos.atendida(servicios[letra], D(2026, *dia), llegada, espera)
        if satisfaccion:
            coyotaje = "si" if n == 1 else "no"
            datos.encuesta(satisfaccion, ficha=atendida, coyotaje=coyotaje)
    ficha(
        servicios["A"],
        tomada=datos.hora(D(2026, 6, 2), 10, 30),
        llamada=datos.hora(D(2026, 6, 2), 10, 50),
        estado=E.NO_SE_PRESENTO,
    )
    return catalogo_calidad


# The evaluation cycle (atencion.calidad.services) ----------------------------------------------


@pytest.fixture
def personal_evaluador(evaluador_responsable, evaluador):
    """The team's two people may enter the admin (área staff)."""
    for usuario in (evaluador_responsable, evaluador):
        usuario.groups.add(Group.objects.get_or_create(name=roles.AREA)[0])
    return evaluador_responsable, evaluador


@pytest.fixture
def en_curso(evaluacion, evaluador):
    from atencion.calidad import services

    return services.iniciar(evaluacion, usuario=evaluador)


@pytest.fixture
def lista_para_enviar(en_curso, evaluador):
    """Every criterion scored (3, 2, 1, 0 in order) and one oportunidad de mejora."""
    from atencion.calidad import services

    criterios = Criterio.objects.filter(componente__modelo=en_curso.modelo).order_by(
        "componente__numero", "numero"
    )
    for puntaje, criterio in zip((3, 2, 1, 0), criterios, strict=True):
        services.calificar(en_curso, criterio, puntaje, f"Notas de {criterio}", evaluador)
    services.registrar_oportunidad(
        en_curso,
        componente=en_curso.modelo.componentes.get(numero=2),
        descripcion="Publicar los requisitos del trámite en la ventanilla",
        causa="Las personas llegan sin la documentación completa",
        prioridad="alta",
        usuario=evaluador,
    )
    return en_curso


@pytest.fixture
def en_revision(lista_para_enviar, evaluador_responsable):
    from atencion.calidad import services

    return services.enviar_informe(lista_para_enviar, usuario=evaluador_responsable)


# --- acciones de mejora ---


@pytest.fixture
def aprobada(evaluacion, servicios, maxima_autoridad):
    """The evaluation with its informe approved, its window servicio (of the área) and
    one oportunidad de mejora."""
    servicio = servicios[0]
    servicio.area = evaluacion.area
    servicio.save(update_fields=["area"])
    evaluacion.servicios.set([servicio])
    evaluacion.estado = Evaluacion.Estado.APROBADA
    evaluacion.aprobada_por = maxima_autoridad
    evaluacion.save(update_fields=["estado", "aprobada_por"])
    return evaluacion


@pytest.fixture
def oportunidad(aprobada, evaluador_responsable):
    return OportunidadMejora.objects.create(
        evaluacion=aprobada,
        componente=aprobada.modelo.componentes.first(),
        descripcion="Reducir la espera en ventanilla",
        causa="Una sola ventanilla atiende en las horas de mayor afluencia.",
        prioridad=OportunidadMejora.Prioridad.ALTA,
        registrada_por=evaluador_responsable,
    )


@pytest.fixture
def responsable_mejora(area_calidad):
    """Staff of the área that gives the servicio (responsable de mejoras by área)."""
    return UsuarioFactory(
        username="responsable.cat",
        email="responsable.cat@ejemplo.gob.mx",
        roles=[roles.AREA],
        areas=[area_calidad],
    )


@pytest.fixture
def contralor(db):
    return UsuarioFactory(
        username="contralor", email="contralor@ejemplo.gob.mx", roles=[roles.CONTRALORIA]
    )


@pytest.fixture
def datos_conocidos(aprobada, servicios):
    """Live data with hand-checked figures (tests/atencion/calidad/mejora.py)."""
    mejora.datos_conocidos(
        aprobada.area, aprobada.tema, servicios[0], AreaFactory(nombre="Dirección de Obras")
    )
