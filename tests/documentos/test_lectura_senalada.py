"""Files the OCR read badly: flagged in the bandeja and on the escrito page (from
Archivo.legibilidad, which the OCR sets through registrar_ocr), with "Volver a leer" and
"Sustituir escaneo"."""

import pytest
from django.urls import reverse

from documentos.eventos import senal_archivo_guardado
from documentos.models import Archivo, EntradaBitacora, Legibilidad
from documentos.selectors_lectura import anotar_lectura
from documentos.services.archivos import registrar_ocr
from tests.factories import imagen_bytes, subida

BANDEJA = "Revisar lectura (OCR)"
AVISO = "Revise la lectura (OCR) de estos archivos"


def _escrito(pk):
    return reverse("documentos_admin:escrito", args=[pk])


def _sustituir(escrito, archivo):
    return reverse("documentos_admin:archivo_sustituir", args=[escrito.pk, archivo.pk])


@pytest.fixture
def ilegible(recibir):
    escrito = recibir(asunto="Solicitud de poda de árbol")
    archivo = escrito.archivos.get()
    registrar_ocr(archivo.pk, "terminado", paginas={"ilegible": [1]})
    return escrito, archivo


@pytest.mark.django_db
def test_the_ocr_verdict_is_kept_on_the_file_and_in_the_bitacora(recibir):
    escrito = recibir()
    archivo = escrito.archivos.get()
    registrar_ocr(archivo.pk, "terminado", paginas={"dudosa": [1, 3], "ilegible": []})
    archivo.refresh_from_db()
    assert archivo.legibilidad == Legibilidad.DUDOSA
    entrada = escrito.bitacora.filter(accion=EntradaBitacora.Accion.OCR).latest("pk")
    assert entrada.despues == {
        "archivo": archivo.pk,
        "estado": "terminado",
        "legibilidad": "dudosa",
        "dudosa": [1, 3],
    }
    assert "lectura dudosa: 1, 3" in entrada.descripcion
    registrar_ocr(archivo.pk, "terminado")
    archivo.refresh_from_db()
    assert archivo.legibilidad == Legibilidad.LEGIBLE
    registrar_ocr(archivo.pk, "fallo")
    archivo.refresh_from_db()
    assert archivo.legibilidad == ""


@pytest.mark.django_db
def test_the_bandeja_flags_an_escrito_with_a_page_read_badly(como, oficialia, recibir, ilegible):
    escrito, _archivo = ilegible
    bien = recibir(asunto="Solicitud de alumbrado")
    registrar_ocr(bien.archivos.get().pk, "terminado")
    anotados = {e.pk: e.lectura_senalada for e in anotar_lectura(type(escrito).objects.all())}
    assert anotados == {escrito.pk: True, bien.pk: False}
    html = como(oficialia).get(reverse("documentos_admin:bandeja")).content.decode()
    assert html.count(BANDEJA) == 2  # the table's cell and the phone card
    fila = html[html.index(escrito.folio) :]
    assert BANDEJA in fila[: fila.index("</tr>")]
    filtrada = como(oficialia).get(reverse("documentos_admin:bandeja") + "?lectura=on")
    html = filtrada.content.decode()
    assert escrito.folio in html and bien.folio not in html


@pytest.mark.django_db
def test_the_escrito_page_offers_to_read_again_or_replace_the_scan(como, oficialia, ilegible):
    escrito, archivo = ilegible
    html = como(oficialia).get(_escrito(escrito.pk)).content.decode()
    aviso = html[html.index(AVISO) : html.index("</section>", html.index(AVISO))]
    assert "Ilegible" in aviso and archivo.nombre_original in aviso
    assert reverse("documentos_admin:archivo_ocr", args=[escrito.pk, archivo.pk]) in aviso
    assert "Volver a leer" in aviso and "Sustituir escaneo" in aviso
    assert _sustituir(escrito, archivo) in aviso and 'enctype="multipart/form-data"' in aviso


@pytest.mark.django_db
def test_a_legible_escrito_shows_no_warning(como, oficialia, recibir):
    escrito = recibir()
    registrar_ocr(escrito.archivos.get().pk, "terminado")
    html = como(oficialia).get(_escrito(escrito.pk)).content.decode()
    assert AVISO not in html
    assert BANDEJA not in como(oficialia).get(reverse("documentos_admin:bandeja")).content.decode()


@pytest.mark.django_db
def test_replacing_the_scan_keeps_the_old_file_records_it_and_reads_the_new_one(
    como, oficialia, ilegible, django_capture_on_commit_callbacks
):
    escrito, viejo = ilegible
    anunciados = []

    def receptor(sender, archivo_id, **kwargs):
        anunciados.append(archivo_id)

    senal_archivo_guardado.connect(receptor, dispatch_uid="prueba.sustituir")
    try:
        nuevo_png = imagen_bytes(texto="Solicitud de poda, escaneo nuevo")
        respuesta = como(oficialia).post(
            _sustituir(escrito, viejo),
            {"archivo": subida("nuevo.png", nuevo_png)},
            follow=True,
        )
    finally:
        senal_archivo_guardado.disconnect(dispatch_uid="prueba.sustituir")
    html = respuesta.content.decode()
    assert "Se guardó «nuevo.png» en lugar de «escaneo.png»" in html
    nuevo = escrito.archivos.get(reemplaza=viejo)
    assert anunciados == [nuevo.pk]  # the OCR subscribes to this and reads it
    assert Archivo.objects.filter(pk=viejo.pk).exists()  # the old one is kept
    with nuevo.abrir() as fichero:
        assert fichero.read() == nuevo_png
    entrada = escrito.bitacora.get(accion=EntradaBitacora.Accion.SUSTITUCION)
    assert entrada.usuario == oficialia
    assert entrada.antes == {"archivo": viejo.pk, "sha256": viejo.sha256}
    assert entrada.despues == {"archivo": nuevo.pk, "sha256": nuevo.sha256, "reemplaza": viejo.pk}
    # The replaced file no longer flags the escrito; the new one is not read yet.
    assert AVISO not in html
    assert not anotar_lectura(type(escrito).objects.filter(pk=escrito.pk)).get().lectura_senalada
    assert "Sustituye a un escaneo anterior" in html


@pytest.mark.django_db
def test_bad_replacements_change_nothing(como, oficialia, ilegible):
    escrito, viejo = ilegible
    cliente = como(oficialia)
    with viejo.abrir() as fichero:
        mismo = fichero.read()
    casos = [
        ({}, "Adjunte el nuevo escaneo"),
        ({"archivo": subida("mismo.png", mismo)}, "es idéntico a «escaneo.png»"),
        ({"archivo": subida("roto.png", b"\x89PNG\r\n\x1a\n roto")}, "escaneo"),
    ]
    for datos, mensaje in casos:
        html = cliente.post(_sustituir(escrito, viejo), datos, follow=True).content.decode()
        assert mensaje in html
    assert escrito.archivos.count() == 1
    assert not escrito.bitacora.filter(accion=EntradaBitacora.Accion.SUSTITUCION).exists()


@pytest.mark.django_db
def test_only_the_window_may_replace_a_scan(como, ilegible, obras, titular_obras, oficialia):
    from documentos.services import flujo

    escrito, viejo = ilegible
    flujo.turnar(escrito, obras, usuario=oficialia)  # the area now sees the escrito
    respuesta = como(titular_obras).post(
        _sustituir(escrito, viejo), {"archivo": subida("nuevo.png", imagen_bytes())}
    )
    assert respuesta.status_code == 403
    assert escrito.archivos.count() == 1
    html = como(titular_obras).get(_escrito(escrito.pk)).content.decode()
    assert AVISO in html and "Sustituir escaneo" not in html
