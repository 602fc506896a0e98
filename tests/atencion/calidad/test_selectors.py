"""Reads of an evaluation: the summary per componente, the figures of its period against the
previous one of the same length, who sees which evaluations and which buttons."""

import datetime as dt

import pytest

from atencion.calidad import selectors, services
from cms import roles
from documentos.models import Escrito
from tests.cms.datos import crear_escrito
from tests.factories import AreaFactory, TemaFactory, UsuarioFactory

pytestmark = pytest.mark.django_db
d = dt.date


def test_resumen_por_componente(en_curso, evaluador):
    uno = en_curso.modelo.componentes.get(numero=1).criterios.all()
    services.calificar(en_curso, uno[0], 3, "", evaluador)
    services.calificar(en_curso, uno[1], 2, "", evaluador)
    services.calificar(
        en_curso, en_curso.modelo.componentes.get(numero=2).criterios.first(), 0, "", evaluador
    )
    resumen = selectors.resumen(en_curso)
    assert [
        (c.componente.numero, c.media, c.porcentaje, c.calificados, c.total) for c in resumen
    ] == [
        (1, 2.5, 62.5, 2, 2),
        (2, 0.0, 0.0, 1, 2),
    ]
    assert selectors.media_general(resumen) == pytest.approx(5 / 3, abs=0.01)
    assert [str(c) for c in selectors.sin_calificar(en_curso)] == [
        "2.2 Criterio 2.2 de Gestión de procesos"
    ]


def test_el_periodo_anterior_tiene_la_misma_duracion():
    assert selectors.periodo_anterior(d(2026, 1, 1), d(2026, 6, 30)) == (
        d(2025, 7, 4),
        d(2025, 12, 31),
    )
    assert selectors.periodo_anterior(d(2026, 3, 1), d(2026, 3, 1)) == (
        d(2026, 2, 28),
        d(2026, 2, 28),
    )


def test_cifras_del_periodo_y_del_anterior(evaluacion, area_calidad):
    tema = evaluacion.tema
    for dia in (d(2026, 1, 5), d(2026, 3, 2), d(2026, 6, 30)):
        crear_escrito(dia, area=area_calidad, tema=tema)
    queja = crear_escrito(d(2026, 2, 2), area=area_calidad, tema=tema)
    Escrito.objects.filter(pk=queja.pk).update(tipo=Escrito.Tipo.QUEJA)
    crear_escrito(d(2026, 2, 2), area=AreaFactory(nombre="Otra área"), tema=tema)
    crear_escrito(d(2026, 2, 2), area=area_calidad, tema=TemaFactory(nombre="Otro tema"))
    crear_escrito(d(2025, 7, 4), area=area_calidad, tema=tema)  # first day of the previous
    crear_escrito(d(2025, 7, 3), area=area_calidad, tema=tema)  # before both

    cifras = selectors.cifras_del_periodo(evaluacion)
    assert (cifras.actual.desde, cifras.actual.hasta) == (d(2026, 1, 1), d(2026, 6, 30))
    assert (cifras.anterior.desde, cifras.anterior.hasta) == (d(2025, 7, 4), d(2025, 12, 31))
    assert (cifras.actual.escritos, cifras.actual.quejas) == (4, 1)
    assert (cifras.anterior.escritos, cifras.anterior.quejas) == (1, 0)
    filas = {f.etiqueta: (f.actual, f.anterior) for f in cifras.filas}
    assert filas["Escritos recibidos"] == ("4", "1")
    assert filas["Quejas y denuncias"] == ("1", "0")
    assert filas["Satisfacción (1 a 5)"] == ("—", "—")


def test_quien_ve_que_evaluaciones(evaluacion, evaluador, maxima_autoridad, modernizacion):
    contralor = UsuarioFactory(roles=[roles.CONTRALORIA])
    ajeno = UsuarioFactory(roles=[roles.AREA])
    for usuario in (evaluador, maxima_autoridad, modernizacion, contralor):
        assert list(selectors.evaluaciones_visibles(usuario)) == [evaluacion], usuario
    assert not selectors.evaluaciones_visibles(ajeno).exists()
    assert list(selectors.evaluaciones_visibles(evaluador, "aprobada")) == []


def test_un_boton_por_estado_para_cada_quien(
    en_revision, evaluador, evaluador_responsable, maxima_autoridad
):
    assert [a.clave for a in selectors.acciones(maxima_autoridad, en_revision)] == [
        "aprobar",
        "devolver",
    ]
    assert selectors.acciones(evaluador_responsable, en_revision) == []
    services.devolver(en_revision, nota="Revise el 1.2", usuario=maxima_autoridad)
    assert selectors.ultima_devolucion(en_revision) == "Revise el 1.2"
    assert [a.clave for a in selectors.acciones(evaluador_responsable, en_revision)] == ["enviar"]
    assert selectors.acciones(evaluador, en_revision) == []
    services.enviar_informe(en_revision, usuario=evaluador_responsable)
    assert selectors.ultima_devolucion(en_revision) is None
