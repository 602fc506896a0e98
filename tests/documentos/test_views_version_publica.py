"""The versiones públicas screens: the queue, the review of one version (every POST
through the real services), its public preview, approval and publishing."""

import io
import json
import re
import unicodedata

import pytest
from django.urls import reverse
from PIL import Image, ImageStat

from cms import roles
from documentos.models import CajaTestada, EntradaBitacora, Escrito, VersionPublica
from documentos.services import flujo
from documentos.testado.fuente import fuente
from documentos.testado.tipos import Categoria
from documentos.views import versiones
from tests.factories import AreaFactory, UsuarioFactory, version_aprobada, version_por_revisar

C = CajaTestada.Estado
E = VersionPublica.Estado
NOMBRE = "Hermenegildo Zubiria Quintanar"
SECRETOS = ("Hermenegildo", "Zubiria", "Quintanar", "5548219370")


@pytest.fixture
def contralor(db):
    return UsuarioFactory(username="contralor.revision", roles=[roles.CONTRALORIA])


@pytest.fixture
def version(leer_escrito):
    escrito = leer_escrito()
    return version_por_revisar(
        escrito,
        [
            (NOMBRE, Categoria.NOMBRE, "nombre del remitente"),
            ("5548219370", Categoria.TELEFONO, "teléfono de 10 dígitos"),
        ],
    )


def _url(nombre, *args):
    return reverse(f"documentos_admin:{nombre}", args=args)


def _entradas(version):
    return version.escrito.bitacora.filter(accion=EntradaBitacora.Accion.VERSION_PUBLICA)


def _plegado(texto: str) -> str:
    return unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode().lower()


def _sin_secretos(entrada):
    """The bitácora entry names none of the covered words (nor the term searched)."""
    texto = entrada.descripcion + json.dumps(entrada.antes, ensure_ascii=False)
    texto += json.dumps(entrada.despues, ensure_ascii=False)
    assert not [s for s in SECRETOS if _plegado(s) in _plegado(texto)], texto


def _archivos(version):
    return list(version.escrito.archivos.order_by("orden", "pk"))


def _leida(archivo, numero=1):
    return next(p for p in fuente().paginas_leidas([archivo.pk])[archivo.pk] if p.numero == numero)


def _caja_en_orm(version, categoria, estado=C.SUGERIDA):
    return CajaTestada.objects.create(
        version=version,
        archivo=version.escrito.archivos.first(),
        pagina=1,
        x=10,
        y=10,
        ancho=100,
        alto=20,
        categoria=categoria,
        origen=CajaTestada.Origen.DETECCION,
        estado=estado,
    )


# --- the queue ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_queue_tabs_list_what_waits_with_their_counts(recibir, como, contralor, monkeypatch):
    revisar = recibir(asunto="Bacheo en la calle Hidalgo")
    por_revisar = version_aprobada(revisar, estado=E.POR_REVISAR, anunciar=False)
    _caja_en_orm(por_revisar, Categoria.NOMBRE)
    _caja_en_orm(por_revisar, Categoria.NOMBRE)
    _caja_en_orm(por_revisar, Categoria.TELEFONO)
    _caja_en_orm(por_revisar, Categoria.CURP, estado=C.ACEPTADA)  # decided: not counted
    sin_version = recibir(asunto="Alumbrado en el parque")
    invalidada = recibir(asunto="Poda en el jardín")
    version_aprobada(invalidada, estado=E.INVALIDADA, anunciar=False)
    recibir(asunto="Reservado", clasificacion=Escrito.Clasificacion.RESERVADA)
    aprobada = version_aprobada(recibir(asunto="Fuga de agua"), anunciar=False)

    cliente = como(contralor)
    html = cliente.get(_url("versiones_publicas")).content.decode()
    pestanas = r'\?pestana=(\w+)"[^>]*>[^<]*<span class="folio-pestanas__cuenta">(\d+)</span>'
    cuentas = {clave: int(n) for clave, n in re.findall(pestanas, html)}
    assert cuentas == {"por_revisar": 1, "sin_version": 2, "aprobadas": 1}
    assert revisar.folio in html
    assert "nombre de una persona: 2" in html and "número telefónico: 1" in html
    assert "CURP" not in html

    html = cliente.get(_url("versiones_publicas") + "?pestana=sin_version").content.decode()
    assert sin_version.folio in html and invalidada.folio in html
    assert revisar.folio not in html and aprobada.escrito.folio not in html
    assert "Reservado" not in html and html.count('name="escritos"') == 2

    html = cliente.get(_url("versiones_publicas") + "?pestana=aprobadas").content.decode()
    assert aprobada.escrito.folio in html and 'name="publicar" value="1"' in html

    monkeypatch.setattr(versiones, "POR_PAGINA", 1)
    primera = cliente.get(_url("versiones_publicas") + "?pestana=sin_version").content.decode()
    segunda = cliente.get(_url("versiones_publicas") + "?pestana=sin_version&p=2")
    assert sin_version.folio in primera and invalidada.folio not in primera  # oldest first
    assert invalidada.folio in segunda.content.decode()


@pytest.mark.django_db
def test_only_who_may_testar_sees_the_queue_and_the_review(recibir, como, contralor, obras):
    escrito = recibir(asunto="Bacheo")
    version = version_aprobada(escrito, estado=E.POR_REVISAR, anunciar=False)
    caja = _caja_en_orm(version, Categoria.NOMBRE)
    # Obras saw it (an earlier turno) but another área is responsible now: it may not testar.
    oficialia = UsuarioFactory(username="ventanilla.turnos", roles=[roles.OFICIALIA])
    flujo.turnar(escrito, obras, usuario=oficialia)
    flujo.turnar(escrito, AreaFactory(nombre="Finanzas", siglas="FIN"), usuario=oficialia)
    de_obras = UsuarioFactory(username="obras.antes", roles=[roles.AREA], areas=[obras])
    ajena = UsuarioFactory(username="comunicacion", roles=[roles.COMUNICACION])

    for usuario, revision in ((de_obras, 403), (ajena, 404)):
        cliente = como(usuario)
        assert cliente.get(_url("versiones_publicas")).status_code == 403
        assert cliente.get(_url("revision", version.pk)).status_code == revision
        decidir = {"cajas": caja.pk, "decision": "aceptar"}
        assert cliente.post(_url("revision_decidir", version.pk), decidir).status_code == revision
        assert cliente.post(_url("version_preparar", escrito.pk)).status_code == revision
        assert "Versiones p\\u00fablicas" not in cliente.get("/admin/").content.decode()
    respuesta = como(de_obras).post(
        _url("revision_decidir", version.pk),
        {"cajas": caja.pk, "decision": "aceptar"},
        headers={"Accept": "application/json"},
    )
    assert respuesta.status_code == 403
    assert respuesta.json() == {
        "error": "No tiene permiso para realizar esta acción sobre el escrito."
    }
    caja.refresh_from_db()
    assert caja.estado == C.SUGERIDA and not _entradas(version).exists()

    cliente = como(contralor)
    assert cliente.get(_url("revision", version.pk)).status_code == 200
    assert "Versiones p\\u00fablicas" in cliente.get("/admin/").content.decode()


@pytest.mark.django_db
def test_the_escrito_page_offers_preparar_or_links_the_review(recibir, como, contralor):
    escrito = recibir(asunto="Bacheo")
    cliente = como(contralor)
    html = cliente.get(_url("escrito", escrito.pk)).content.decode()
    assert _url("version_preparar", escrito.pk) in html
    version = version_aprobada(escrito, estado=E.POR_REVISAR, anunciar=False)
    html = cliente.get(_url("escrito", escrito.pk)).content.decode()
    assert _url("revision", version.pk) in html and "Revisar la versión pública" in html
    assert _url("version_preparar", escrito.pk) not in html


# --- the review ----------------------------------------------------------------------------


@pytest.mark.tesseract
@pytest.mark.django_db
def test_the_review_draws_the_pages_boxes_over_it_in_the_pages_pixels(version, como, contralor):
    archivo = _archivos(version)[0]
    leida = _leida(archivo)
    cajas = version.cajas.filter(archivo=archivo, pagina=1)
    html = como(contralor).get(_url("revision", version.pk)).content.decode()
    assert f'viewBox="0 0 {leida.ancho} {leida.alto}"' in html
    assert html.count('class="folio-caja folio-caja--sugerida"') == cajas.count() + 1  # legend
    for caja in cajas:
        assert f'data-caja="{caja.pk}"' in html and f'x="{caja.x}" y="{caja.y}"' in html
    assert "Zubiria" in html  # the reviewer sees the covered words (staff only)
    assert _url("archivo_pagina", version.escrito_id, archivo.pk, 1) in html
    assert "revision.js" in html and "<script>" not in html
    partes = como(contralor).get(_url("revision", version.pk) + "?pagina=2&parcial=1")
    assert b"<html" not in partes.content and b"hoja-2.png" in partes.content


@pytest.mark.tesseract
@pytest.mark.django_db
def test_accept_and_reject_one_box_a_page_and_the_escrito(version, como, contralor):
    cliente = como(contralor)
    primera, segunda = _archivos(version)
    en_primera = list(version.cajas.filter(archivo=primera).order_by("pk"))
    assert len(en_primera) == 3 and version.cajas.filter(archivo=segunda).count() == 1

    respuesta = cliente.post(
        _url("revision_decidir", version.pk),
        {"cajas": en_primera[0].pk, "decision": "rechazar", "volver": "1"},
    )
    assert respuesta.status_code == 302
    assert respuesta["Location"] == _url("revision", version.pk) + "?pagina=1#revision-pagina"
    en_primera[0].refresh_from_db()
    assert en_primera[0].estado == C.RECHAZADA
    entrada = _entradas(version).latest("pk")
    assert entrada.descripcion == "Rechazó 1 cajas." and entrada.despues["cajas"] == [
        en_primera[0].pk
    ]
    _sin_secretos(entrada)

    respuesta = cliente.post(
        _url("revision_decidir", version.pk),
        {"alcance": "pagina", "archivo": primera.pk, "pagina": 1, "decision": "aceptar"},
        headers={"Accept": "application/json"},
    )
    assert respuesta.json() == {"mensaje": "2 cajas aceptadas."}
    assert version.cajas.filter(archivo=segunda, estado=C.SUGERIDA).count() == 1
    assert version.cajas.filter(archivo=primera, estado=C.RECHAZADA).count() == 1  # kept

    cliente.post(
        _url("revision_decidir", version.pk), {"alcance": "escrito", "decision": "aceptar"}
    )
    assert not version.cajas.filter(estado=C.SUGERIDA).exists()
    for entrada in _entradas(version):
        _sin_secretos(entrada)

    respuesta = cliente.post(
        _url("revision_decidir", version.pk),
        {"decision": "aceptar"},
        headers={"Accept": "application/json"},
    )
    assert respuesta.status_code == 400
    assert respuesta.json() == {"error": "Elija la caja que acepta o rechaza."}


@pytest.mark.tesseract
@pytest.mark.django_db
def test_drawing_a_box_and_its_refusals(version, como, contralor):
    cliente = como(contralor)
    archivo = _archivos(version)[0]
    leida = _leida(archivo)
    json_ = {"Accept": "application/json"}
    datos = {"archivo": archivo.pk, "pagina": 1, "x": 40, "y": 30, "ancho": 300, "alto": 60}
    antes = version.cajas.count()

    respuesta = cliente.post(_url("revision_dibujar", version.pk), datos, headers=json_)
    assert respuesta.status_code == 400
    assert respuesta.json()["error"] == "Elija qué tipo de dato cubre la caja."
    fuera = {**datos, "x": leida.ancho + 10, "categoria": Categoria.FIRMA}
    respuesta = cliente.post(_url("revision_dibujar", version.pk), fuera, headers=json_)
    assert "fuera de la página" in respuesta.json()["error"]
    assert version.cajas.count() == antes

    respuesta = cliente.post(
        _url("revision_dibujar", version.pk), {**datos, "categoria": Categoria.FIRMA}, headers=json_
    )
    assert respuesta.json() == {"mensaje": "Caja agregada: se testará al aprobar."}
    caja = version.cajas.latest("pk")
    assert (caja.x, caja.y, caja.ancho, caja.alto) == (40, 30, 300, 60)
    assert caja.origen == CajaTestada.Origen.MANUAL and caja.estado == C.ACEPTADA
    _sin_secretos(_entradas(version).latest("pk"))


@pytest.mark.tesseract
@pytest.mark.django_db
def test_a_term_everywhere_and_the_public_subject(version, como, contralor):
    cliente = como(contralor)
    respuesta = cliente.post(
        _url("revision_termino", version.pk),
        {"termino": "zubiría", "categoria": Categoria.NOMBRE, "volver": "2"},
        follow=True,
    )
    assert "Término testado: 3 palabras en el escrito." in respuesta.content.decode()
    nuevas = version.cajas.filter(origen=CajaTestada.Origen.TERMINO)
    assert nuevas.count() == 3 and {c.estado for c in nuevas} == {C.ACEPTADA}
    assert respuesta.redirect_chain[-1][0].endswith("?pagina=2#revision-pagina")

    respuesta = cliente.post(_url("revision_termino", version.pk), {"termino": "  "}, follow=True)
    assert "Escriba la palabra o frase que debe testarse." in respuesta.content.decode()
    assert version.cajas.filter(origen=CajaTestada.Origen.TERMINO).count() == 3

    cliente.post(_url("revision_asunto", version.pk), {"asunto": "Poda de fresnos (público)"})
    version.refresh_from_db()
    assert version.asunto == "Poda de fresnos (público)"
    for entrada in _entradas(version):
        _sin_secretos(entrada)
    assert not _entradas(version).filter(descripcion__icontains="fresnos").exists()


@pytest.mark.tesseract
@pytest.mark.django_db
def test_a_page_read_with_low_confidence_is_flagged_and_covered_in_one_click(
    version, como, contralor, settings
):
    settings.FOLIO_TESTADO_CONFIANZA_MIN = 101  # every OCR page is "unreliable"
    cliente = como(contralor)
    html = cliente.get(_url("revision", version.pk) + "?pagina=2").content.decode()
    assert "La detección no es confiable en esta página" in html
    assert "Cubrir la página completa" in html
    segunda = _archivos(version)[1]
    respuesta = cliente.post(
        _url("revision_cubrir", version.pk), {"archivo": segunda.pk, "pagina": 1, "volver": 2}
    )
    assert respuesta.status_code == 302
    caja = version.cajas.get(origen=CajaTestada.Origen.PAGINA)
    leida = _leida(segunda)
    assert (caja.archivo_id, caja.x, caja.y, caja.ancho, caja.alto) == (
        segunda.pk,
        0,
        0,
        leida.ancho,
        leida.alto,
    )
    html = cliente.get(_url("revision", version.pk) + "?pagina=2").content.decode()
    assert "La página completa ya está cubierta." in html
    confirmar = cliente.get(_url("revision_aprobar", version.pk)).content.decode()
    assert "?pagina=1#revision-pagina" in confirmar  # page 1 is still unreliable, uncovered
    assert "?pagina=2#revision-pagina" not in confirmar


@pytest.mark.tesseract
@pytest.mark.django_db
def test_the_public_view_of_a_page_is_black_where_its_accepted_boxes_are(version, como, contralor):
    cliente = como(contralor)
    archivo = _archivos(version)[0]
    leida = _leida(archivo)
    nombres = list(version.cajas.filter(archivo=archivo, categoria=Categoria.NOMBRE))
    url = _url("revision_vista_publica", version.pk, archivo.pk, 1)

    def extremos(caja):
        """Mean grey of the box's two ends (page pixels 2 to 8 from its sides, 3 from top
        and bottom): paper and the first letters when visible, black when burned (the
        label's white tag is centred, narrower than the box)."""
        respuesta = cliente.get(url)
        assert respuesta["Content-Type"] == "image/png"
        imagen = Image.open(io.BytesIO(respuesta.content)).convert("L")
        escala = imagen.width / leida.ancho
        medias = []
        for x0 in (caja.x + 2, caja.x + caja.ancho - 8):
            recorte = imagen.crop(
                (
                    round(x0 * escala),
                    round((caja.y + 3) * escala),
                    round((x0 + 6) * escala),
                    round((caja.y + caja.alto - 3) * escala),
                )
            )
            medias.append(ImageStat.Stat(recorte).mean[0])
        return medias

    assert all(m > 120 for c in nombres for m in extremos(c))  # suggested: still visible
    cliente.post(
        _url("revision_decidir", version.pk),
        {"cajas": [c.pk for c in nombres], "decision": "aceptar"},
    )
    assert all(m < 20 for c in nombres for m in extremos(c))  # accepted: burned black
    html = cliente.get(_url("revision", version.pk) + "?vista=publica").content.decode()
    assert url in html


@pytest.mark.tesseract
@pytest.mark.django_db
def test_approve_after_confirmation_then_publish_and_link_the_public_pdf(version, como, contralor):
    cliente = como(contralor)
    confirmar = cliente.get(_url("revision_aprobar", version.pk)).content.decode()
    assert "Quedan 4 sugerencias sin decidir" in confirmar
    respuesta = cliente.post(_url("revision_aprobar", version.pk), follow=True)
    assert "Quedan 4 sugerencias sin decidir" in respuesta.content.decode()
    version.refresh_from_db()
    assert version.estado == E.POR_REVISAR

    cliente.post(
        _url("revision_decidir", version.pk), {"alcance": "escrito", "decision": "aceptar"}
    )
    respuesta = cliente.post(_url("revision_aprobar", version.pk), follow=True)
    html = respuesta.content.decode()
    version.refresh_from_db()
    assert version.estado == E.APROBADA and version.pdf_id is not None
    assert "Versión pública aprobada" in html and "Publicar en el archivo público" in html
    pdf = reverse("documentos:version_publica_pdf", args=[version.escrito.folio])
    assert pdf not in html  # not public yet

    respuesta = cliente.post(_url("revision_publicar", version.pk), {"publicar": "1"}, follow=True)
    html = respuesta.content.decode()
    assert "Escrito publicado en el archivo público." in html and pdf in html
    version.escrito.refresh_from_db()
    assert version.escrito.publicado
    publico = cliente.get(pdf)
    assert publico.status_code == 200 and publico["Content-Type"] == "application/pdf"
    for entrada in version.escrito.bitacora.all():
        _sin_secretos(entrada)
    aprobadas = cliente.get(_url("versiones_publicas") + "?pestana=aprobadas").content.decode()
    assert version.escrito.folio in aprobadas and 'name="publicar" value="0"' in aprobadas


@pytest.mark.tesseract
@pytest.mark.django_db
def test_preparar_runs_the_real_detection_alone_and_in_bulk(leer_escrito, recibir, como, contralor):
    cliente = como(contralor)
    escrito = leer_escrito(paginas=[["Solicitante: Hermenegildo Zubiria Quintanar"]])
    respuesta = cliente.post(_url("version_preparar", escrito.pk))
    version = VersionPublica.objects.get(escrito=escrito)
    assert respuesta["Location"] == _url("revision", version.pk) + "#revision-pagina"
    assert version.estado == E.POR_REVISAR
    assert version.cajas.filter(categoria=Categoria.NOMBRE, estado=C.SUGERIDA).exists()
    _sin_secretos(_entradas(version).latest("pk"))

    otro = leer_escrito(paginas=[["Telefono 5548219370"]], remitente_nombre="Ana Ruiz Soto")
    sin_leer = recibir(asunto="Sin leer aún")
    respuesta = cliente.post(
        _url("versiones_preparar"), {"escritos": [otro.pk, sin_leer.pk]}, follow=True
    )
    html = respuesta.content.decode()
    assert "1 versión pública preparada" in html
    assert f"{sin_leer.folio} no se preparó: Todavía no se termina de leer (OCR)" in html
    assert VersionPublica.objects.filter(escrito=otro, estado=E.POR_REVISAR).exists()
    assert not VersionPublica.objects.filter(escrito=sin_leer).exists()
