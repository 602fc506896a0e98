"""The activities in the admin: Comunicación opens one activity, adds a seguimiento from it,
finds activities by área, estado, dates and words."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from atencion.models import Actividad, Seguimiento
from cms import roles
from tests.factories import ActividadFactory, AreaFactory, UsuarioFactory

pytestmark = pytest.mark.django_db

LISTA = "/admin/snippets/atencion/actividad/"


@pytest.fixture
def comunicacion(client):
    usuaria = UsuarioFactory(username="comunica", roles=[roles.COMUNICACION])
    client.force_login(usuaria)
    return usuaria


@pytest.fixture
def capacitacion(db):
    return ActividadFactory(
        nombre="Capacitar al personal de ventanilla",
        area_responsable=AreaFactory(nombre="Recursos Humanos", siglas="RH"),
        inicio=dt.date(2026, 3, 1),
        fin=dt.date(2026, 9, 30),
        cortes=[(dt.date(2026, 4, 30), 20), (dt.date(2026, 8, 31), 70)],
    )


def _editar(activity) -> str:
    return f"{LISTA}edit/{activity.pk}/"


def _con_corte_nuevo(html: str, **corte):
    """The edit form as rendered, plus one new seguimiento (what 'Agregar' adds)."""
    datos = querydict_from_html(html, form_id="w-editor-form")
    total = int(datos["seguimientos-TOTAL_FORMS"])
    datos["seguimientos-TOTAL_FORMS"] = str(total + 1)
    for campo in ("fecha", "avance", "descripcion", "valor", "evidencia", "id", "DELETE"):
        datos[f"seguimientos-{total}-{campo}"] = corte.get(campo, "")
    return datos


def test_the_seguimientos_are_listed_newest_first_by_date_and_avance(
    client, comunicacion, capacitacion
):
    html = client.get(_editar(capacitacion)).content.decode()
    titulos = re.findall(r"data-panel-heading-text>([^<]+)<", html)
    assert titulos[:4] == ["Actividad", "Responsable y fechas", "Indicador", "Seguimiento"]
    cortes = [t for t in titulos if "— avance" in t]
    assert cortes == ["31 de agosto de 2026 — avance 70 %", "30 de abril de 2026 — avance 20 %"]
    assert html.index("Agregar un seguimiento") < html.index("31 de agosto de 2026 — avance 70 %")
    assert "Nuevo seguimiento" in html  # the heading of the one 'Agregar' adds


def test_comunicacion_adds_a_seguimiento_from_the_activity(client, comunicacion, capacitacion):
    html = client.get(_editar(capacitacion)).content.decode()
    datos = _con_corte_nuevo(
        html, fecha="2026-09-30", avance="100", descripcion="Ochenta personas capacitadas."
    )
    respuesta = client.post(_editar(capacitacion), datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    ultimo = capacitacion.seguimientos.order_by("-fecha").first()
    assert (ultimo.fecha, ultimo.avance, ultimo.descripcion) == (
        dt.date(2026, 9, 30),
        100,
        "Ochenta personas capacitadas.",
    )
    assert ultimo.registrado_por == comunicacion
    assert capacitacion.seguimientos.count() == 3
    assert set(
        Seguimiento.objects.exclude(pk=ultimo.pk).values_list("registrado_por", flat=True)
    ) == {None}


def test_an_avance_over_100_is_refused_in_spanish_and_nothing_is_saved(
    client, comunicacion, capacitacion
):
    html = client.get(_editar(capacitacion)).content.decode()
    respuesta = client.post(
        _editar(capacitacion), _con_corte_nuevo(html, fecha="2026-09-30", avance="150")
    )
    assert respuesta.status_code == 200
    assert "Asegúrese de que este valor es menor o igual a 100." in respuesta.content.decode()
    assert capacitacion.seguimientos.count() == 2


def test_the_list_filters_by_area_estado_and_dates_and_searches(client, comunicacion, capacitacion):
    hoy = timezone.localdate()
    contraloria = AreaFactory(nombre="Contraloría Municipal", siglas="CON")
    vencida, en_curso, concluida, programada = (
        ActividadFactory(
            nombre=nombre, area_responsable=contraloria, inicio=inicio, fin=fin, cortes=cortes
        )
        for nombre, inicio, fin, cortes in [
            ("Audiencia pública", hoy - dt.timedelta(days=90), hoy - dt.timedelta(days=30), []),
            (
                "Señalización de la sala",
                hoy - dt.timedelta(days=10),
                hoy + dt.timedelta(days=60),
                [(hoy, 35)],
            ),
            (
                "Mapa de riesgos",
                hoy - dt.timedelta(days=90),
                hoy - dt.timedelta(days=30),
                [(hoy, 100)],
            ),
            ("Consulta ciudadana", hoy + dt.timedelta(days=10), hoy + dt.timedelta(days=60), []),
        ]
    )

    def nombres(**filtros):
        html = client.get(LISTA, filtros).content.decode()
        return {a.nombre for a in Actividad.objects.all() if f">{a.nombre}<" in html}

    assert nombres(area_responsable=capacitacion.area_responsable_id) == {capacitacion.nombre}
    de_contraloria = {"area_responsable": contraloria.pk}
    assert nombres(**de_contraloria, estado="vencida") == {vencida.nombre}
    assert nombres(**de_contraloria, estado="en_curso") == {en_curso.nombre}
    assert nombres(**de_contraloria, estado="concluida") == {concluida.nombre}
    assert nombres(**de_contraloria, estado="programada") == {programada.nombre}
    assert nombres(vigente_from="2026-09-01", vigente_to="2026-09-15") >= {capacitacion.nombre}
    assert capacitacion.nombre not in nombres(vigente_from="2026-10-01", vigente_to="2026-10-31")
    assert nombres(q="señalización") == {en_curso.nombre}
    html = client.get(LISTA, {"q": "señalización"}).content.decode()
    assert "35 %" in html and "En curso" in html


def test_area_staff_cannot_open_the_activities(client, capacitacion):
    client.force_login(UsuarioFactory(username="area", roles=[roles.AREA]))
    assert client.get(LISTA).status_code == 403
    assert client.get(_editar(capacitacion)).status_code == 403


def test_the_chooser_of_the_plan_editor_finds_an_activity_by_its_words(
    client, comunicacion, capacitacion
):
    ActividadFactory(nombre="Audiencia pública de rendición de cuentas")
    url = "/admin/snippets/choose/atencion/actividad/results/"
    html = client.get(url, {"q": "ventanilla"}).content.decode()
    assert "Capacitar al personal de ventanilla" in html
    assert "Audiencia pública" not in html
    html = client.get(url, {"q": "recursos humanos"}).content.decode()  # by its área
    assert "Capacitar al personal de ventanilla" in html
    assert "Audiencia pública" not in html


def test_comunicacion_creates_an_activity_with_its_first_seguimiento(client, comunicacion):
    area = AreaFactory(nombre="Oficialía de Partes", siglas="OFP")
    html = client.get(f"{LISTA}add/").content.decode()
    datos = _con_corte_nuevo(html, fecha="2026-04-30", avance="10")
    datos.update(
        {
            "nombre": "Señalización en la sala de espera",
            "meta": "Letreros en braille y en lenguas indígenas",
            "area_responsable": str(area.pk),
            "inicio": "2026-03-01",
            "fin": "2026-08-31",
        }
    )
    respuesta = client.post(f"{LISTA}add/", datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    nueva = Actividad.objects.get(nombre="Señalización en la sala de espera")
    assert nueva.area_responsable == area
    assert [(s.avance, s.registrado_por) for s in nueva.seguimientos.all()] == [(10, comunicacion)]
