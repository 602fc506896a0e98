"""The admin pages of the diagnóstico and the prioritisation, per role: the máxima autoridad,
the unidad de modernización, the Contraloría (reads), the área's staff (their own área),
anyone else (403)."""

import json
import re

import pytest
from django.contrib.auth.models import Group

from atencion.models import EncuestaClima, Evaluacion, RevisionInfraestructura
from cms import roles
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
DIAGNOSTICO = "/admin/calidad/diagnostico/"
PRIORIZACION = "/admin/calidad/priorizacion/"
JUNIO_GET = "desde=2026-06-01&hasta=2026-06-30"


@pytest.fixture
def personal_catastro(area_calidad):
    return UsuarioFactory(username="catastro", roles=[roles.AREA], areas=[area_calidad])


@pytest.fixture
def contralor(db):
    return UsuarioFactory(username="contralor", roles=[roles.CONTRALORIA])


def menu(client) -> set[str]:
    """The names of the items of the «Calidad del servicio» submenu the person sees."""
    html = client.get("/admin/").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    datos = json.loads(props.group(1))
    texto = json.dumps(datos)
    return {n for n in ("calidad-diagnostico", "calidad-priorizacion") if f'"{n}"' in texto}


def test_los_roles_de_calidad_entran_al_admin(client, maxima_autoridad, modernizacion):
    for nombre in (roles.MAXIMA_AUTORIDAD, roles.MODERNIZACION):
        codenames = Group.objects.get(name=nombre).permissions.values_list("codename", flat=True)
        assert "access_admin" in codenames, nombre
    client.force_login(maxima_autoridad)
    assert client.get(PRIORIZACION).status_code == 200
    client.force_login(modernizacion)
    assert client.get(DIAGNOSTICO).status_code == 200


def test_el_menu_de_calidad_segun_el_rol(
    client, area_calidad, maxima_autoridad, contralor, personal_catastro
):
    client.force_login(maxima_autoridad)
    assert menu(client) == {"calidad-diagnostico", "calidad-priorizacion"}
    client.force_login(contralor)
    assert menu(client) == {"calidad-diagnostico", "calidad-priorizacion"}
    client.force_login(personal_catastro)
    assert menu(client) == {"calidad-diagnostico"}
    client.force_login(UsuarioFactory(roles=[roles.OFICIALIA]))
    assert menu(client) == set()


def test_el_diagnostico_del_area(client, junio_calidad, area_calidad, maxima_autoridad):
    client.force_login(maxima_autoridad)
    html = client.get(f"{DIAGNOSTICO}?area={area_calidad.pk}&{JUNIO_GET}").content.decode()
    assert "Constancia de no adeudo" in html and "(CAT-01)" in html
    assert "<td>3,14 (7)</td>" in html and "<td>60,0</td>" in html and "<td>71,4</td>" in html
    assert "Licencia de construcción" not in html  # Obras' trámite
    assert "No hay encuesta de clima laboral registrada para el periodo." in html
    assert "«Constancia de no adeudo»: solo el 60,0 % de los escritos se respondió en plazo" in html
    consulta = JUNIO_GET.replace("&", "&amp;")
    assert f"/admin/calidad/diagnostico/{area_calidad.pk}/informe/pdf/?{consulta}" in html
    assert f"/admin/calidad/diagnostico/{area_calidad.pk}/clima/?{consulta}" in html


def test_el_personal_ve_solo_su_area_y_la_contraloria_solo_lee(
    client, junio_calidad, area_calidad, personal_catastro, contralor
):
    obras = junio_calidad["obras"]
    client.force_login(personal_catastro)
    propia = client.get(f"{DIAGNOSTICO}?area={area_calidad.pk}&{JUNIO_GET}").content.decode()
    assert "Registrar encuesta de clima laboral" in propia
    ajena = client.get(f"{DIAGNOSTICO}?area={obras.pk}&{JUNIO_GET}").content.decode()
    assert "Licencia de construcción" not in ajena
    assert "Escoja una opción válida" in ajena
    assert (
        client.get(f"/admin/calidad/diagnostico/{obras.pk}/informe/?{JUNIO_GET}").status_code == 403
    )
    assert client.get(f"/admin/calidad/diagnostico/{obras.pk}/clima/").status_code == 403
    assert client.get(PRIORIZACION).status_code == 403
    client.force_login(contralor)
    lectura = client.get(f"{DIAGNOSTICO}?area={obras.pk}&{JUNIO_GET}").content.decode()
    assert "Licencia de construcción" in lectura and "Registrar encuesta" not in lectura
    assert client.post(f"/admin/calidad/diagnostico/{obras.pk}/clima/", {}).status_code == 403
    client.force_login(UsuarioFactory(roles=[roles.OFICIALIA]))
    assert client.get(DIAGNOSTICO).status_code == 403


def test_un_periodo_incorrecto_se_explica(client, junio_calidad, area_calidad, maxima_autoridad):
    client.force_login(maxima_autoridad)
    html = client.get(
        f"{DIAGNOSTICO}?area={area_calidad.pk}&desde=2026-06-30&hasta=2026-06-01"
    ).content.decode()
    assert "El periodo termina antes de empezar." in html
    assert "Inventario de trámites" not in html
    respuesta = client.get(
        f"/admin/calidad/diagnostico/{area_calidad.pk}/informe/pdf/?desde=2026-06-30&hasta=2026-06-01",
        follow=True,
    )
    assert respuesta.redirect_chain[-1][0] == DIAGNOSTICO
    assert "El periodo termina antes de empezar." in respuesta.content.decode()


def test_registrar_el_clima_desde_el_admin(client, area_calidad, personal_catastro):
    client.force_login(personal_catastro)
    url = f"/admin/calidad/diagnostico/{area_calidad.pk}/clima/"
    formulario = client.get(f"{url}?{JUNIO_GET}").content.decode()
    assert 'value="2026-06-01"' in formulario and "Trabajo en equipo" in formulario
    datos = {
        "desde": "2026-06-01",
        "hasta": "2026-06-30",
        "participantes": "12",
        "personal": "15",
        "dim_liderazgo": "3.5",
        "dim_comunicacion": "2.4",
        "observaciones": "",
    }
    mal = client.post(url, datos | {"dim_liderazgo": "6"})
    assert mal.status_code == 200
    assert "valor es menor o igual a 5." in mal.content.decode()
    vacio = client.post(url, {k: v for k, v in datos.items() if not k.startswith("dim_")})
    assert "Anote el promedio de al menos una dimensión." in vacio.content.decode()
    assert not EncuestaClima.objects.exists()
    respuesta = client.post(url, datos, follow=True)
    assert respuesta.redirect_chain[-1][0] == f"{DIAGNOSTICO}?area={area_calidad.pk}&{JUNIO_GET}"
    html = respuesta.content.decode()
    assert "Se registró la encuesta de clima laboral." in html
    assert "Respondieron 12 personas de 15 (80,0 %)." in html
    assert "Clima laboral: Comunicación con promedio de 2,40 de 5 (menos de 3,0)." in html
    encuesta = EncuestaClima.objects.get()
    assert (encuesta.resultados, encuesta.registrada_por) == (
        {"liderazgo": 3.5, "comunicacion": 2.4},
        personal_catastro,
    )


def test_registrar_la_infraestructura_desde_el_admin(client, area_calidad, modernizacion):
    from atencion.models import ElementoInfraestructura

    client.force_login(modernizacion)
    url = f"/admin/calidad/diagnostico/{area_calidad.pk}/infraestructura/"
    datos = {"desde": "2026-06-01", "hasta": "2026-06-30"}
    for elemento in ElementoInfraestructura.values:
        datos[f"estado_{elemento}"] = "adecuado"
    datos["estado_conectividad"] = "inadecuado"
    datos["notas_conectividad"] = "Sin internet desde mayo."
    incompleto = client.post(url, {k: v for k, v in datos.items() if k != "estado_sanitarios"})
    assert "Este campo es necesario." in incompleto.content.decode()
    assert not RevisionInfraestructura.objects.exists()
    html = client.post(url, datos, follow=True).content.decode()
    assert "Se registró la revisión de infraestructura." in html
    assert "Sin internet desde mayo." in html
    assert "Infraestructura: Conectividad (internet y red) en estado inadecuado." in html
    assert RevisionInfraestructura.objects.get().elementos["conectividad"]["estado"] == "inadecuado"


def test_la_priorizacion_segun_el_rol(client, junio_calidad, modelo, maxima_autoridad, contralor):
    client.force_login(contralor)
    html = client.get(f"{PRIORIZACION}?{JUNIO_GET}").content.decode()
    assert (
        html.index("Constancia de no adeudo")
        < html.index("Licencia de construcción")
        < html.index("Avalúo catastral")
    )
    assert "<strong>86,0</strong>" in html
    assert "Sin datos en el periodo: no hubo escritos, turnos ni encuestas." in html
    assert "Volumen 20 %, Quejas y denuncias 30 %, Insatisfacción 25 %, Demoras 25 %" in html
    assert "/priorizar/" not in html
    client.force_login(maxima_autoridad)
    html = client.get(f"{PRIORIZACION}?{JUNIO_GET}").content.decode()
    assert html.count(">Priorizar<") == 4


def test_priorizar_desde_el_admin(client, junio_calidad, modelo, maxima_autoridad, contralor):
    from atencion.calidad import catalogo

    tramite = next(t for t in catalogo.tramites() if t.titulo == "Licencia de construcción")
    url = f"/admin/calidad/priorizacion/{tramite.id}/priorizar/"
    datos = {
        "desde": "2026-06-01",
        "hasta": "2026-06-30",
        "modelo": modelo.pk,
        "motivo": "Espera larga.",
    }
    client.force_login(contralor)
    assert client.get(f"{url}?{JUNIO_GET}").status_code == 403
    assert client.post(url, datos).status_code == 403
    assert not Evaluacion.objects.exists()
    client.force_login(maxima_autoridad)
    formulario = client.get(f"{url}?{JUNIO_GET}").content.decode()
    assert "Lugar en la priorización" in formulario and "50,8" in formulario
    sin_motivo = client.post(url, datos | {"motivo": " "})
    assert "Este campo es necesario." in sin_motivo.content.decode()
    respuesta = client.post(url, datos, follow=True)
    html = respuesta.content.decode()
    assert (
        "Se priorizó «Licencia de construcción»: su evaluación quedó en estado «Priorizada»."
        in html
    )
    assert "En curso: Priorizada" in html
    evaluacion = Evaluacion.objects.get()
    assert (evaluacion.priorizacion["posicion"], evaluacion.motivo) == (2, "Espera larga.")
    otra_vez = client.post(url, datos).content.decode()
    assert "«Licencia de construcción» ya tiene una evaluación en curso (Priorizada)" in otra_vez
    assert Evaluacion.objects.count() == 1
    assert client.get("/admin/calidad/priorizacion/999999/priorizar/").status_code == 404
