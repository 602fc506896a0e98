"""The admin screens of the acciones de mejora: the menu, the lists by role, one action
with its ficha and the "Agregar seguimiento" form, planning, the plan with its informe
(web and PDF), closing the cycle, and the home panel of alerts."""

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from atencion.models import Actividad, Evaluacion, Indicador, Seguimiento
from cms import roles
from tests.atencion.calidad.mejora import accion, seguimiento
from tests.factories import UsuarioFactory, pdf_bytes, subida

pytestmark = pytest.mark.django_db
C = Indicador.Calculo
D = Decimal


def texto(respuesta) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", respuesta.content.decode()).split())


def menu(respuesta) -> str:
    """The sidebar's menu as JSON text (Wagtail renders it as props)."""
    html = respuesta.content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


@pytest.fixture
def vencida(oportunidad, area_calidad):
    """A manual action of the área past its end at 40 %."""
    actividad = accion(
        oportunidad,
        nombre="Capacitar al personal",
        area=area_calidad,
        linea_base=D("0"),
        meta=D("12"),
        fin=dt.date(2026, 9, 30),
    )
    seguimiento(actividad, dt.date(2026, 8, 1), 40, valor=D("5"), descripcion="Primer curso.")
    return actividad


def test_the_quality_menu_lists_the_mejora_items_for_their_users(
    client, vencida, responsable_mejora
):
    client.force_login(responsable_mejora)
    contenido = menu(client.get("/admin/"))
    assert contenido.count('"Calidad del servicio"') == 1
    assert "Acciones de mejora" in contenido and "Planes e informes de mejora" in contenido
    client.force_login(UsuarioFactory(username="oficialia", roles=[roles.OFICIALIA]))
    assert "Acciones de mejora" not in menu(client.get("/admin/"))


def test_the_list_shows_mine_and_all_by_role(client, vencida, responsable_mejora, contralor):
    otra = accion(
        vencida.oportunidad,
        nombre="Señalizar los requisitos",
        responsable=UsuarioFactory(username="otra.persona", roles=[roles.AREA]),
        linea_base=D("1"),
        meta=D("3"),
    )
    url = reverse("atencion_mejora:acciones")
    client.force_login(responsable_mejora)
    pagina = texto(client.get(url))
    assert "Capacitar al personal" in pagina and "Señalizar los requisitos" not in pagina
    assert "Con retraso" in pagina and "40 %" in pagina and "Requiere atención" in pagina
    assert "0 → pasó a 5 (meta 12)" in pagina
    assert "Todas las acciones" not in pagina
    client.force_login(contralor)
    pagina = texto(client.get(url))
    assert "Capacitar al personal" in pagina and otra.nombre in pagina
    assert "No tiene acciones de mejora a su cargo." in texto(client.get(url + "?ver=mias"))


def test_the_action_page_adds_a_seguimiento_with_evidence(client, vencida, responsable_mejora):
    url = reverse("atencion_mejora:accion", args=[vencida.pk])
    client.force_login(responsable_mejora)
    pagina = texto(client.get(url))
    for esperado in ("Ficha del indicador", "Línea base", "Primer curso.", "Agregar seguimiento"):
        assert esperado in pagina
    respuesta = client.post(
        url,
        {
            "fecha": "2026-10-01",
            "avance": "70",
            "descripcion": "Segundo curso.",
            "valor": "9",
            "evidencia": subida("lista.pdf", pdf_bytes()),
        },
    )
    assert respuesta.status_code == 302
    corte = Seguimiento.objects.get(actividad=vencida, avance=70)
    assert corte.evidencia.title == "lista.pdf"
    pagina = client.get(url).content.decode()
    assert corte.evidencia.url in pagina


def test_a_bad_seguimiento_is_explained_and_changes_nothing(client, vencida, responsable_mejora):
    client.force_login(responsable_mejora)
    respuesta = client.post(
        reverse("atencion_mejora:accion", args=[vencida.pk]),
        {"fecha": "2026-10-01", "avance": "20", "valor": "9"},
    )
    assert respuesta.status_code == 400
    assert "El avance baja de 40 % a 20 %: explique por qué." in texto(respuesta)
    assert Seguimiento.objects.filter(actividad=vencida).count() == 1


def test_overseers_read_the_action_but_only_responsables_follow_it(client, vencida, contralor):
    url = reverse("atencion_mejora:accion", args=[vencida.pk])
    client.force_login(contralor)
    pagina = texto(client.get(url))
    assert "Capacitar al personal" in pagina and "Agregar seguimiento" not in pagina
    respuesta = client.post(url, {"fecha": "2026-10-01", "avance": "50", "valor": "6"})
    assert respuesta.status_code == 403
    assert Seguimiento.objects.filter(actividad=vencida).count() == 1
    client.force_login(UsuarioFactory(username="ajena", roles=[roles.AREA]))
    assert client.get(url).status_code == 404


def test_planning_from_the_oportunidad(client, datos_conocidos, oportunidad, modernizacion):
    url = reverse("atencion_mejora:planificar", args=[oportunidad.pk])
    client.force_login(modernizacion)
    pagina = texto(client.get(url))
    assert "Lo que mide Folio en el periodo evaluado" in pagina
    assert "Espera media en ventanilla (minutos) 20 minutos" in pagina
    datos = {
        "nombre": "Abrir una segunda ventanilla",
        "meta": "Dos ventanillas por la mañana",
        "area_responsable": str(oportunidad.evaluacion.area_id),
        "inicio": "2026-07-01",
        "fin": "2026-09-30",
        "indicador_nombre": "Espera media",
        "indicador_calculo": C.ESPERA_MEDIA,
        "indicador_frecuencia": "mensual",
        "indicador_linea_base": "25",
        "indicador_meta": "12",
    }
    respuesta = client.post(url, datos)
    assert respuesta.status_code == 400
    assert "se mide con los datos de Folio" in texto(respuesta)
    assert not Actividad.objects.exists()
    respuesta = client.post(url, datos | {"indicador_linea_base": ""})
    actividad = Actividad.objects.get()
    assert respuesta.url == reverse("atencion_mejora:accion", args=[actividad.pk])
    assert actividad.indicador.linea_base == D("20")


def test_planning_is_refused_without_the_role(client, oportunidad):
    client.force_login(UsuarioFactory(username="oficialia", roles=[roles.OFICIALIA]))
    url = reverse("atencion_mejora:planificar", args=[oportunidad.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"nombre": "x"}).status_code == 403
    assert not Actividad.objects.exists()


def test_the_plan_page_shows_the_informe_and_closes_the_cycle(client, vencida, modernizacion):
    evaluacion = vencida.oportunidad.evaluacion
    url = reverse("atencion_mejora:plan", args=[evaluacion.pk])
    client.force_login(modernizacion)
    pagina = texto(client.get(url))
    for esperado in (
        "Informe de mejora",
        "Oportunidad de mejora 1",
        "Capacitar al personal",
        "Primer curso.",
        "Cerrar el ciclo de mejora",
        "Planificar una acción para esta oportunidad",
        "Descargar el informe de mejora (PDF)",
    ):
        assert esperado in pagina, esperado
    respuesta = client.post(url, {"lecciones": "Capacitar antes.", "motivo": ""})
    assert respuesta.status_code == 400
    assert "Hay acciones sin concluir: Capacitar al personal." in texto(respuesta)
    evaluacion.refresh_from_db()
    assert evaluacion.estado == Evaluacion.Estado.APROBADA
    respuesta = client.post(url, {"lecciones": "Capacitar antes.", "motivo": "Sigue en 2027."})
    assert respuesta.status_code == 302
    evaluacion.refresh_from_db()
    assert evaluacion.estado == Evaluacion.Estado.CERRADA
    pagina = texto(client.get(url))
    assert "Capacitar antes." in pagina and "Sigue en 2027." in pagina
    assert "Cerrar el ciclo de mejora" not in pagina


def test_the_informe_pdf_downloads_for_those_who_see_the_plan(client, vencida, responsable_mejora):
    url = reverse("atencion_mejora:informe_pdf", args=[vencida.oportunidad.evaluacion_id])
    client.force_login(responsable_mejora)
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    assert respuesta.content.startswith(b"%PDF-")
    assert (
        'filename="informe-de-mejora-constancia-de-no-adeudo-predial.pdf"'
        in (respuesta["Content-Disposition"])
    )
    client.force_login(UsuarioFactory(username="ajena", roles=[roles.AREA]))
    assert client.get(url).status_code == 404


def test_the_home_panel_lists_the_alerts(client, vencida, responsable_mejora, contralor):
    client.force_login(responsable_mejora)
    pagina = texto(client.get("/admin/"))
    assert "Alertas de sus acciones de mejora" in pagina
    assert "«Capacitar al personal» debía concluir el 30/09/2026 y lleva 40 % de avance." in pagina
    client.force_login(contralor)
    assert "Alertas de las acciones de mejora" in texto(client.get("/admin/"))
    client.force_login(UsuarioFactory(username="oficialia", roles=[roles.OFICIALIA]))
    assert "acciones de mejora" not in texto(client.get("/admin/"))


def test_the_bars_svg_is_not_localized(client, vencida, responsable_mejora):
    """The admin speaks "es" (decimal comma): SVG coordinates must keep their point."""
    client.force_login(responsable_mejora)
    html = client.get(reverse("atencion_mejora:accion", args=[vencida.pk])).content.decode()
    svg = re.search(r'<svg class="folio-barras".*?</svg>', html, re.S).group(0)
    coordenadas = re.findall(r'\b(?:x|y|height|y1|y2)="([^"]+)"', svg)
    assert coordenadas and all(re.fullmatch(r"-?\d+(\.\d+)?", c) for c in coordenadas), coordenadas
    assert "<title>Gráfica: antes 0, después 5, meta 12.</title>" in svg


def test_the_evidence_is_for_signed_in_staff_only(client, vencida, responsable_mejora):
    client.force_login(responsable_mejora)
    client.post(
        reverse("atencion_mejora:accion", args=[vencida.pk]),
        {
            "fecha": "2026-10-01",
            "avance": "50",
            "valor": "6",
            "evidencia": subida("a.pdf", pdf_bytes()),
        },
    )
    documento = Seguimiento.objects.get(avance=50).evidencia
    assert client.get(documento.url).status_code == 200
    client.logout()
    respuesta = client.get(documento.url)
    assert respuesta.status_code == 302 and "/login/" in respuesta["Location"]
