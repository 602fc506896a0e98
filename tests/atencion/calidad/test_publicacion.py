"""The portal's Calidad del servicio page: only approved evaluations, only public data."""

import datetime as dt
import hashlib
import io
import json
from csv import reader as lector_csv

import pytest
from openpyxl import load_workbook

from atencion.calidad import services
from atencion.models import Evaluacion, MiembroEquipo
from cms.models import CalidadServicioPage, HomePage
from tests.factories import ActividadFactory, UsuarioFactory
from tests.pdfs import sin_espacios
from tests.pdfs import texto as texto_pdf


def _pagina(*evaluaciones) -> CalidadServicioPage:
    pagina = CalidadServicioPage(title="Calidad del servicio", slug="calidad")
    HomePage.objects.get().add_child(instance=pagina)
    pagina.evaluaciones.set(evaluaciones)
    pagina.save_revision().publish()
    return CalidadServicioPage.objects.get(pk=pagina.pk)


@pytest.fixture
def aprobada_con_informe(en_revision, maxima_autoridad):
    evaluacion = services.aprobar(en_revision, usuario=maxima_autoridad)
    oportunidad = evaluacion.oportunidades.get()
    ActividadFactory(
        nombre="Cartel de requisitos en cada ventanilla",
        oportunidad=oportunidad,
        area_responsable=evaluacion.area,
        inicio=dt.date(2026, 7, 1),
        fin=dt.date(2026, 9, 30),
        cortes=[(dt.date(2026, 7, 15), 40)],
    )
    return evaluacion


@pytest.fixture
def en_evaluacion(modelo, area_calidad, maxima_autoridad):
    evaluacion = Evaluacion.objects.create(
        nombre="Licencia de funcionamiento (aún en evaluación)",
        modelo=modelo,
        area=area_calidad,
        periodo_desde=dt.date(2026, 1, 1),
        periodo_hasta=dt.date(2026, 6, 30),
        estado=Evaluacion.Estado.EN_EVALUACION,
        creada_por=maxima_autoridad,
    )
    MiembroEquipo.objects.create(evaluacion=evaluacion, usuario=UsuarioFactory(username="secreta"))
    return evaluacion


@pytest.mark.django_db
def test_la_pagina_muestra_solo_lo_aprobado_y_solo_datos_publicos(
    client, aprobada_con_informe, en_evaluacion, evaluador_responsable
):
    pagina = _pagina(aprobada_con_informe, en_evaluacion)
    html = client.get(pagina.url).content.decode()
    assert "Constancia de no adeudo predial" in html
    assert "Publicar los requisitos del trámite en la ventanilla" in html  # oportunidad
    assert "Las personas llegan sin la documentación completa" in html  # its causa
    assert "Cartel de requisitos en cada ventanilla" in html and "40 %" in html
    # Component 1 scored 3 and 2 (62.5 %), component 2 scored 1 and 0 (12.5 %).
    assert 'aria-valuenow="62.5"' in html and 'aria-valuenow="12.5"' in html
    assert "aún en evaluación" not in html
    # Never the criteria's notes, the team or the evidence.
    assert "Notas de" not in html
    assert evaluador_responsable.username not in html and "secreta" not in html


@pytest.mark.django_db
def test_datos_abiertos_en_tres_formatos(client, aprobada_con_informe, en_evaluacion):
    pagina = _pagina(aprobada_con_informe, en_evaluacion)
    base = pagina.url + "datos/"
    csv = client.get(base + "acciones/csv/")
    assert csv.status_code == 200
    filas = list(lector_csv(io.StringIO(csv.content.decode("utf-8-sig"))))
    assert filas[0][:4] == ["evaluacion_id", "servicio", "oportunidad", "actividad"]
    accion = dict(zip(filas[0], filas[1], strict=True))
    assert accion["actividad"] == "Cartel de requisitos en cada ventanilla"
    assert accion["avance_porcentaje"] == "40" and len(filas) == 2

    datos = json.loads(client.get(base + "componentes/json/").content)["datos"]
    assert [(d["numero"], d["porcentaje"]) for d in datos] == [(1, 62.5), (2, 12.5)]

    libro = load_workbook(io.BytesIO(client.get(base + "evaluaciones/xlsx/").content))
    filas = list(libro.active.values)
    assert len(filas) == 2 and filas[1][1] == "Constancia de no adeudo predial"
    assert client.get(base + "equipo/csv/").status_code == 404
    assert client.get(base + "acciones/html/").status_code == 404


@pytest.mark.django_db
def test_la_api_entrega_los_resultados_publicados(client, aprobada_con_informe, en_evaluacion):
    pagina = _pagina(aprobada_con_informe, en_evaluacion)
    datos = client.get(f"/api/v2/pages/{pagina.pk}/").json()
    assert [r["servicio"] for r in datos["resultados"]] == ["Constancia de no adeudo predial"]
    accion = datos["resultados"][0]["oportunidades"][0]["acciones"][0]
    assert accion["actividad"] == "Cartel de requisitos en cada ventanilla"
    assert accion["avance_porcentaje"] == 40
    assert "Notas de" not in json.dumps(datos)


@pytest.mark.django_db
def test_los_informes_se_descargan_y_el_aprobado_es_el_congelado(
    client, aprobada_con_informe, en_evaluacion
):
    pagina = _pagina(aprobada_con_informe, en_evaluacion)
    pk = aprobada_con_informe.pk
    evaluacion = client.get(f"{pagina.url}informe/{pk}/evaluacion/")
    assert evaluacion.status_code == 200, evaluacion.content[:300]
    contenido = b"".join(evaluacion.streaming_content)
    assert hashlib.sha256(contenido).hexdigest() == aprobada_con_informe.informe_sha256
    mejora = client.get(f"{pagina.url}informe/{pk}/mejora/")
    texto = texto_pdf(b"".join(mejora.streaming_content))
    assert sin_espacios("Cartel de requisitos en cada ventanilla") in texto and "40%" in texto
    # An evaluation chosen on the page but not approved has no public report.
    assert client.get(f"{pagina.url}informe/{en_evaluacion.pk}/mejora/").status_code == 404
    assert client.get(f"{pagina.url}informe/{pk}/otro/").status_code == 404
