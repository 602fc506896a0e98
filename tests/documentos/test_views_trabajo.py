"""Mi trabajo on the admin home and the bandeja's work tools: default, filters, saved
filters, exports."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from documentos.models import Escrito, FiltroGuardado
from documentos.services import flujo

pytestmark = pytest.mark.django_db
URL = "/admin/documentos/bandeja/"


def _folios(respuesta) -> list[str]:
    return re.findall(r'id="escrito_\d+_title">([^<]+)<', respuesta.content.decode())


@pytest.fixture
def bandeja(ligero, oficialia, obras, titular_obras, operativo_obras):
    """Three pending escritos with deadlines in 5, -2 and 1 days and a concluded one."""
    hoy = timezone.localdate()
    tarde, vencido, pronto = (ligero(asunto=a) for a in ("Tarde", "Vencido", "Pronto"))
    concluido = ligero(asunto='=HYPERLINK("http://malo.example","clic")')
    for escrito, dias in ((tarde, 5), (vencido, -2), (pronto, 1), (concluido, -9)):
        Escrito.objects.filter(pk=escrito.pk).update(vence_en=hoy + timedelta(days=dias))
    Escrito.objects.filter(pk=concluido.pk).update(estado=Escrito.Estado.CONCLUIDO)
    flujo.turnar(pronto, obras, usuario=oficialia)
    flujo.asignar(pronto, operativo_obras, usuario=titular_obras)
    return {"tarde": tarde, "vencido": vencido, "pronto": pronto, "concluido": concluido}


def test_home_shows_mi_trabajo_with_links_to_the_bandeja(como, oficialia, bandeja):
    html = como(oficialia).get("/admin/").content.decode()
    assert "Mi trabajo" in html
    assert f'href="{URL}?tarea=por_turnar"' in html and f'href="{URL}?semaforo=vencido"' in html
    assert bandeja["vencido"].folio in html and "2 días vencido" in html
    assert "documentos/menu.css" in html  # sidebar labels wrap
    assert 'class="w-summary"' not in html  # no page, image and document counts


def test_mi_trabajo_replaces_the_page_panels_only_for_bandeja_users(rf, oficialia, db):
    from django.contrib.auth.models import AnonymousUser
    from wagtail.admin.views.home import LockedPagesPanel, RecentEditsPanel

    from documentos.hooks_trabajo import MiTrabajoPanel, panel_mi_trabajo, sin_resumen_de_paginas

    otro = object()
    for usuario, esperado in ((oficialia, [otro, MiTrabajoPanel]), (AnonymousUser(), None)):
        request = rf.get("/admin/")
        request.user = usuario
        paneles = [RecentEditsPanel(), otro, LockedPagesPanel()]
        panel_mi_trabajo(request, paneles)
        resumen = ["páginas", "imágenes"]
        sin_resumen_de_paginas(request, resumen)
        if esperado is None:
            assert (len(paneles), len(resumen)) == (3, 2)
        else:
            assert [paneles[0], type(paneles[1])] == esperado
            assert resumen == []


def test_the_bandeja_defaults_to_pending_work_by_deadline(como, oficialia, bandeja):
    cliente = como(oficialia)
    orden = [bandeja[c].folio for c in ("vencido", "pronto", "tarde")]
    assert _folios(cliente.get(URL)) == orden
    assert bandeja["concluido"].folio in _folios(cliente.get(URL, {"estado": "todos"}))
    assert _folios(cliente.get(URL, {"estado": "concluido"})) == [bandeja["concluido"].folio]


def test_asignados_a_mi_and_the_deadline_range(como, operativo_obras, oficialia, bandeja):
    assert _folios(como(operativo_obras).get(URL, {"asignados": "1"})) == [bandeja["pronto"].folio]
    hoy = timezone.localdate()
    rango = {"vence_from": hoy.isoformat(), "vence_to": (hoy + timedelta(days=2)).isoformat()}
    assert _folios(como(oficialia).get(URL, rango)) == [bandeja["pronto"].folio]
    assert _folios(como(oficialia).get(URL, {"tarea": "por_turnar"})) == [
        bandeja["vencido"].folio,
        bandeja["tarde"].folio,
    ]


def test_saved_filters_are_created_applied_and_deleted_only_by_their_owner(
    como, client, oficialia, titular_obras, bandeja
):
    cliente = como(oficialia)
    respuesta = cliente.post(
        f"{URL}filtros/",
        {"nombre": "Vencidos", "querystring": "semaforo=vencido&p=3&exportar=csv"},
    )
    filtro = FiltroGuardado.objects.get(usuario=oficialia)
    assert (filtro.nombre, filtro.querystring) == ("Vencidos", "semaforo=vencido")
    assert respuesta.url == f"{URL}?semaforo=vencido"
    html = cliente.get(URL).content.decode()
    assert f'href="{URL}?semaforo=vencido"' in html and ">Vencidos</a>" in html
    assert _folios(cliente.get(respuesta.url)) == [bandeja["vencido"].folio]

    # A name is required; nothing is saved without one.
    cliente.post(f"{URL}filtros/", {"nombre": "  ", "querystring": "estado=todos"})
    assert FiltroGuardado.objects.count() == 1

    # Someone else can neither see nor delete it.
    otro = como(titular_obras)
    assert ">Vencidos</a>" not in otro.get(URL).content.decode()
    assert otro.post(f"{URL}filtros/{filtro.pk}/borrar/").status_code == 404
    assert FiltroGuardado.objects.filter(pk=filtro.pk).exists()

    como(oficialia).post(f"{URL}filtros/{filtro.pk}/borrar/")
    assert not FiltroGuardado.objects.exists()


def test_csv_export_of_the_filtered_list_neutralises_formulas(como, oficialia, bandeja):
    respuesta = como(oficialia).get(URL, {"estado": "todos", "exportar": "csv"})
    assert respuesta["Content-Type"].startswith("text/csv")
    assert "attachment" in respuesta["Content-Disposition"]
    filas = list(csv.reader(io.StringIO(respuesta.content.decode("utf-8-sig"))))
    assert filas[0][:5] == ["Folio", "Recibido", "Tipo", "Remitente", "Asunto"]
    assert len(filas) == 1 + 4  # every row of the list, not only the page
    asuntos = {fila[0]: fila[4] for fila in filas[1:]}
    assert asuntos[bandeja["concluido"].folio] == '\'=HYPERLINK("http://malo.example","clic")'
    # The current filter applies to the export.
    solo = como(oficialia).get(URL, {"semaforo": "vencido", "exportar": "csv"})
    assert len(solo.content.decode("utf-8-sig").strip().splitlines()) == 2


def test_xlsx_export_keeps_formulas_as_text(como, oficialia, bandeja):
    respuesta = como(oficialia).get(URL, {"estado": "concluido", "exportar": "xlsx"})
    hoja = load_workbook(io.BytesIO(respuesta.content)).active
    filas = list(hoja.iter_rows(values_only=True))
    assert filas[1][0] == bandeja["concluido"].folio
    celda = hoja.cell(row=2, column=5)
    assert celda.data_type == "s" and celda.value.startswith("'=HYPERLINK")
    assert filas[1][8].date() == timezone.localdate() - timedelta(days=9)  # a real date
