"""A finished read keeps each page's verdict and the steps' timings; an ilegible page never
counts as read; documentos hears the verdict; staff see the timings in the admin."""

import pytest
from django.urls import reverse

from documentos.models import Legibilidad
from ocr import pipeline, services
from ocr.models import ResultadoOCR
from ocr.selectors import estado_por_archivo, textos_por_archivo
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


def _pagina(numero, legibilidad, texto="Solicito la licencia", tiempos=None):
    return pipeline.ResultadoPagina(
        numero=numero,
        texto=texto if legibilidad != pipeline.ILEGIBLE else "",
        confianza=90.0,
        palabras=[pipeline.Palabra("Solicito", 90.0, 1, 1, 10, 10)],
        origen="ocr",
        ancho=100,
        alto=100,
        legibilidad=legibilidad,
        calidad={"confianza": 90.0, "en_diccionario": 1.0},
        tiempos=tiempos or {"cargar": 0.1, "reconocer": 1.5, "juzgar": 0.01},
    )


def _leer(archivo, paginas, django_capture_on_commit_callbacks):
    reclamo = services.reclamar(archivo.pk, pipeline.Ajustes())
    with django_capture_on_commit_callbacks(execute=True):
        assert services.guardar(reclamo, paginas, 3.2)
    return ResultadoOCR.objects.get(archivo=archivo)


def test_an_ilegible_page_is_kept_as_such_and_never_counts_as_read(
    recibir, escaneo, django_capture_on_commit_callbacks
):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    paginas = [
        _pagina(1, pipeline.LEGIBLE, tiempos={"cargar": 0.2, "reconocer": 1.0}),
        _pagina(2, pipeline.ILEGIBLE, tiempos={"cargar": 0.1, "reconocer": 7.5}),
    ]
    resultado = _leer(archivo, paginas, django_capture_on_commit_callbacks)
    assert resultado.estado == ResultadoOCR.Estado.TERMINADO
    assert resultado.legibilidad == "ilegible"
    assert resultado.tiempos == {
        "pasos": {"cargar": 0.3, "reconocer": 8.5},
        "paginas": [
            {"numero": 1, "cargar": 0.2, "reconocer": 1.0},
            {"numero": 2, "cargar": 0.1, "reconocer": 7.5},
        ],
    }
    assert list(resultado.paginas.values_list("numero", "legibilidad")) == [
        (1, "legible"),
        (2, "ilegible"),
    ]
    estado = estado_por_archivo([archivo.pk])[archivo.pk]
    assert not estado.leido and estado.senalado
    assert estado.etiqueta == "Con páginas ilegibles"
    assert [p.numero for p in estado.paginas_senaladas] == [2]
    assert estado.pasos_lentos == [("reconocer", 8.5), ("cargar", 0.3)]
    assert textos_por_archivo([archivo.pk])[archivo.pk] == [
        (1, "Solicito la licencia"),
        (2, ""),  # nothing of an ilegible page is searched
    ]
    archivo.refresh_from_db()
    assert archivo.legibilidad == Legibilidad.ILEGIBLE  # what the bandeja reads


def test_a_dudosa_page_is_read_but_flagged_and_legible_is_plainly_finished(
    recibir, escaneo, django_capture_on_commit_callbacks
):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    _leer(archivo, [_pagina(1, pipeline.DUDOSA)], django_capture_on_commit_callbacks)
    estado = estado_por_archivo([archivo.pk])[archivo.pk]
    assert estado.leido and estado.senalado and estado.etiqueta == "Leído, lectura dudosa"
    archivo.refresh_from_db()
    assert archivo.legibilidad == Legibilidad.DUDOSA

    services.volver_a_leer([archivo.pk], encolar_ya=False)
    _leer(archivo, [_pagina(1, pipeline.LEGIBLE)], django_capture_on_commit_callbacks)
    estado = estado_por_archivo([archivo.pk])[archivo.pk]
    assert estado.leido and not estado.senalado and estado.etiqueta == "Terminado"
    archivo.refresh_from_db()
    assert archivo.legibilidad == Legibilidad.LEGIBLE


def test_staff_see_the_timings_per_page_in_the_admin(
    client, recibir, escaneo, django_capture_on_commit_callbacks
):
    archivo = recibir(("escaneo.png", escaneo)).archivos.get()
    paginas = [
        _pagina(1, pipeline.LEGIBLE, tiempos={"cargar": 0.2, "reconocer": 1.0}),
        _pagina(2, pipeline.DUDOSA, tiempos={"cargar": 0.1, "reconocer": 7.5}),
    ]
    resultado = _leer(archivo, paginas, django_capture_on_commit_callbacks)
    client.force_login(UsuarioFactory(username="admin.ocr", is_staff=True, is_superuser=True))
    html = client.get(
        reverse("admin:ocr_resultadoocr_change", args=[resultado.pk])
    ).content.decode()
    assert "tiempos por página (s)" in html.lower()
    tabla = html[html.index("<table><thead>") :]
    assert tabla.index("<th scope='row'>2</th>") < tabla.index("<th scope='row'>1</th>")
    assert "7.5" in tabla and "Lectura dudosa" in html
    listado = client.get(reverse("admin:ocr_resultadoocr_changelist") + "?legibilidad=dudosa")
    assert listado.status_code == 200 and "escaneo.png" in listado.content.decode()


def test_the_viewer_says_a_page_is_ilegible(
    client, recibir, escaneo, django_capture_on_commit_callbacks
):
    from cms import roles

    escrito = recibir(("escaneo.png", escaneo))
    archivo = escrito.archivos.get()
    _leer(archivo, [_pagina(1, pipeline.ILEGIBLE)], django_capture_on_commit_callbacks)
    client.force_login(UsuarioFactory(username="visor.ocr", roles=[roles.OFICIALIA]))
    url = reverse("documentos_admin:escrito", args=[escrito.pk])
    html = client.get(f"{url}?archivo={archivo.pk}&pagina=1").content.decode()
    assert "Página ilegible: su texto no se guarda ni se busca" in html
    assert "Con páginas ilegibles" in html  # the file's OCR state
    assert "Revise la lectura (OCR) de estos archivos" in html
