"""The invariant of issue 11, from the outside and on both backends: nothing of an escrito
reaches a public response unless it comes from its approved versión pública.

Personal data is planted in the OCR text, the asunto and the remitente; the versión pública
has it testado. Every public response is then searched for every planted item."""

import json
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse

from busqueda import services
from busqueda.backends import actual
from busqueda.texto import plegar
from cms import roles
from cms.api_estadisticas import FIGURAS
from documentos import visibilidad
from documentos.models import Escrito, VersionPublica
from documentos.services import flujo
from documentos.services import version_publica as servicio_version
from documentos.testado.tipos import MARCA
from tests.factories import UsuarioFactory, version_aprobada

V = VersionPublica.Estado

NOMBRE = "Hermenegildo Zubiría Quintanar"
CURP = "ZUQH800101HDFBNR09"
TELEFONO = "55 4821 9370"
CORREO = "hzubiria.quintanar@correo-personal.example"
PLANTADOS = (NOMBRE, CURP, TELEFONO, CORREO)
# What must never show, in any case or accent folding (each word of each planted item).
HUELLAS = ("hermenegildo", "zubiria", "quintanar", CURP.lower(), "4821", "9370", "hzubiria")
PAGINAS = [
    f"Yo, {NOMBRE}, con CURP {CURP}, solicito la poda de los fresnos del parque Morelos.",
    f"Para oír notificaciones: teléfono {TELEFONO}, correo {CORREO}. Atentamente, {NOMBRE}.",
]


def _consultas() -> list[str]:
    palabras = {p for item in PLANTADOS for p in item.replace("@", " ").split()}
    return [*PLANTADOS, *sorted(palabras), "", "*", "poda", "fresnos", MARCA, "testado"]


class _Visible(HTMLParser):
    """What a page shows and links to: its text and its links' paths. Not the search box's
    value or the query strings of its links, which repeat what the visitor typed."""

    def __init__(self):
        super().__init__()
        self.partes = []

    def handle_data(self, data):
        self.partes.append(data)

    def handle_starttag(self, tag, attrs):
        for nombre, valor in attrs:
            if nombre in ("href", "src") and valor:
                self.partes.append(valor.split("?")[0])


def _contenido(respuesta) -> str:
    texto = respuesta.content.decode()
    if respuesta["Content-Type"].startswith("text/html"):
        visible = _Visible()
        visible.feed(texto)
        texto = " ".join(visible.partes)
    return plegar(texto).lower()


def _sin_huellas(respuesta, donde: str) -> None:
    assert respuesta.status_code == 200, (donde, respuesta.status_code)
    texto = _contenido(respuesta)
    for huella in HUELLAS:
        assert huella not in texto, f"{huella!r} en {donde}"


def respuestas_publicas(client, ids) -> list:
    """(where, response) of every public search, page and API, for these escritos."""
    actual().refrescar()
    obtenidas = []
    for q in _consultas():
        for ruta in ("/api/busqueda/", "/buscar/", "/api/busqueda/paginas/"):
            obtenidas.append((f"{ruta}?q={q}", client.get(ruta, {"q": q, "por_pagina": 100})))
    obtenidas.append(("/buscar/", client.get("/buscar/", {"orden": "recientes"})))
    obtenidas.append(
        ("/api/busqueda/ canal", client.get("/api/busqueda/", {"canal": "ventanilla"}))
    )
    for escrito_id in ids:
        ruta = f"/api/busqueda/{escrito_id}/similares/"
        obtenidas.append((ruta, client.get(ruta)))
    obtenidas.append(("/api/estadisticas/", client.get("/api/estadisticas/")))
    for figura in FIGURAS:
        ruta = f"/api/estadisticas/{figura}/"
        obtenidas.append((ruta, client.get(ruta)))
    obtenidas.append(("/api/v2/pages/", client.get("/api/v2/pages/")))
    return obtenidas


def _json(respuesta):
    return json.loads(respuesta.content)


def _publicos(client, q="") -> set[int]:
    actual().refrescar()
    datos = _json(client.get("/api/busqueda/", {"q": q, "por_pagina": 100}))
    return {r["id"] for r in datos["resultados"]}


@pytest.fixture
def contralor(db):
    return UsuarioFactory(username="contralor", roles=[roles.CONTRALORIA])


@pytest.fixture
def con_datos(crear, obras, tema_obras):
    """A public escrito full of personal data, not yet published, with its approved versión
    pública (every planted item testado); and a published neighbour on the same subject."""
    escrito = crear(
        f"Poda de fresnos que pide {NOMBRE} (CURP {CURP}, tel. {TELEFONO})",
        PAGINAS,
        archivos=2,
        publicado=False,
        area=obras,
        tema=tema_obras,
        remitente=NOMBRE,
    )
    version_aprobada(escrito, testar=PLANTADOS)
    vecino = crear(
        "Poda de fresnos en el parque Hidalgo",
        ["Se solicita la poda de los fresnos del parque Hidalgo."],
        area=obras,
        remitente="Otra Persona Cualquiera",
    )
    return escrito, vecino


def _comprobar_publico(client, escrito, vecino) -> None:
    for donde, respuesta in respuestas_publicas(client, [escrito.pk, vecino.pk]):
        _sin_huellas(respuesta, donde)
    # Not vacuous: the escrito is public, found by its public words, shown as its version.
    assert escrito.pk in _publicos(client, "poda fresnos")
    datos = _json(client.get("/api/busqueda/", {"q": "fresnos Morelos"}))
    (resultado,) = [r for r in datos["resultados"] if r["id"] == escrito.pk]
    assert MARCA in resultado["asunto"]
    assert any(MARCA in f["html"] for f in resultado["fragmentos"])


def test_lo_publico_sale_solo_de_la_version_publica(
    client, backend, con_datos, archivista, django_capture_on_commit_callbacks
):
    escrito, vecino = con_datos
    services.reconstruir()
    with django_capture_on_commit_callbacks(execute=True):
        flujo.publicar(escrito, True, usuario=archivista)
    _comprobar_publico(client, escrito, vecino)  # after the outbox update
    call_command("search_index", "rebuild", "--sin-progreso")
    _comprobar_publico(client, escrito, vecino)  # after a rebuild
    call_command("search_index", "reconcile")
    _comprobar_publico(client, escrito, vecino)


def test_el_personal_sigue_encontrando_los_datos(
    client, backend, con_datos, archivista, django_capture_on_commit_callbacks
):
    escrito, _ = con_datos
    with django_capture_on_commit_callbacks(execute=True):
        flujo.publicar(escrito, True, usuario=archivista)
    call_command("search_index", "rebuild", "--sin-progreso")
    actual().refrescar()
    client.force_login(archivista)
    for q in (*PLANTADOS, "Hermenegildo", "Quintanar", CURP):
        datos = _json(client.get("/api/busqueda/interna/", {"q": q}))
        assert escrito.pk in {r["id"] for r in datos["resultados"]}, q
    (resultado,) = [
        r
        for r in _json(client.get("/api/busqueda/interna/", {"q": "poda"}))["resultados"]
        if r["id"] == escrito.pk
    ]
    assert resultado["remitente"] == NOMBRE and CURP in resultado["asunto"]


def _sin_version_aprobada(crear, estado):
    """A public escrito marked publicado through the ORM, without an approved version."""
    escrito = crear("Bacheo en la calle Allende", ["Baches profundos en la calle Allende."])
    Escrito.objects.filter(pk=escrito.pk).update(publicado=False)
    VersionPublica.objects.filter(escrito=escrito).delete()
    if estado is not None:
        version_aprobada(escrito, estado=estado)
    Escrito.objects.filter(pk=escrito.pk).update(publicado=True)
    escrito.refresh_from_db()
    return escrito


def _no_aparece(client, escrito) -> None:
    assert escrito.pk not in _publicos(client) | _publicos(client, "allende baches")
    for donde, respuesta in respuestas_publicas(client, []):
        assert respuesta.status_code == 200, donde
        texto = _contenido(respuesta)
        assert escrito.folio.lower() not in texto and "allende" not in texto, donde
    assert client.get(f"/api/busqueda/{escrito.pk}/similares/").status_code == 404


@pytest.mark.parametrize("estado", [None, V.POR_REVISAR, V.INVALIDADA])
def test_publicado_sin_version_aprobada_no_llega_al_publico(
    client, backend, crear, archivista, estado
):
    """publicado=True set by any path is not enough: after a rebuild, an outbox update and a
    reconcile the public sees nothing of it; staff still do."""
    escrito = _sin_version_aprobada(crear, estado)
    call_command("search_index", "rebuild", "--sin-progreso")
    _no_aparece(client, escrito)
    services.encolar_escrito(escrito.pk)
    call_command("search_index", "update")
    _no_aparece(client, escrito)
    call_command("search_index", "reconcile")
    _no_aparece(client, escrito)
    client.force_login(archivista)
    actual().refrescar()
    staff = _json(client.get("/api/busqueda/interna/", {"q": "allende"}))
    assert [r["id"] for r in staff["resultados"]] == [escrito.pk]


def test_aprobar_e_invalidar_la_version_actualizan_lo_publico(
    client, backend, crear, django_capture_on_commit_callbacks
):
    """The outbox follows the versión pública: approved, invalidated, approved again."""
    escrito = _sin_version_aprobada(crear, None)
    services.reconstruir()
    assert escrito.pk not in _publicos(client, "allende")
    with django_capture_on_commit_callbacks(execute=True):
        version = version_aprobada(escrito, testar=["Allende"], asunto="Bacheo de una calle")
    assert escrito.pk in _publicos(client, "baches")
    assert escrito.pk not in _publicos(client, "allende")
    with django_capture_on_commit_callbacks(execute=True):
        servicio_version.invalidar(escrito.pk, "se agregó un archivo.")
    version.refresh_from_db()
    assert version.estado == V.INVALIDADA
    assert escrito.pk not in _publicos(client, "baches")
    with django_capture_on_commit_callbacks(execute=True):
        version_aprobada(escrito, ["Baches nuevos en la calle."], asunto="Bacheo")
    assert escrito.pk in _publicos(client, "nuevos")
    assert escrito.pk not in _publicos(client, "profundos")  # the old text is gone


def test_retirar_saca_del_publico(
    client, backend, con_datos, archivista, django_capture_on_commit_callbacks
):
    escrito, _ = con_datos
    with django_capture_on_commit_callbacks(execute=True):
        flujo.publicar(escrito, True, usuario=archivista)
    assert escrito.pk in _publicos(client, "fresnos")
    with django_capture_on_commit_callbacks(execute=True):
        flujo.publicar(escrito, False, usuario=archivista)
    assert escrito.pk not in _publicos(client, "fresnos")


def test_el_almacen_publico_guarda_solo_lo_publico(backend, crear, con_datos, capsys):
    """The public store is apart from the staff one and holds exactly the public escritos."""
    escrito, vecino = con_datos
    oculto = _sin_version_aprobada(crear, V.POR_REVISAR)
    call_command("search_index", "rebuild", "--sin-progreso")
    salida = capsys.readouterr().out
    assert "1 públicos" in salida
    esperados = set(visibilidad.escritos_publicos().values_list("pk", flat=True))
    assert esperados == {vecino.pk}
    assert set(actual().firmas("publicos")) == esperados
    assert set(actual().firmas("escritos")) == {escrito.pk, vecino.pk, oculto.pk}
    call_command("search_index", "status")
    estado = capsys.readouterr().out
    assert "públicos: 1" in estado and "escritos: 3" in estado


def test_los_resultados_publicos_enlazan_la_version_publica(
    client, backend, con_datos, archivista, django_capture_on_commit_callbacks
):
    escrito, _ = con_datos
    with django_capture_on_commit_callbacks(execute=True):
        flujo.publicar(escrito, True, usuario=archivista)
    actual().refrescar()
    datos = _json(client.get("/api/busqueda/", {"q": "notificaciones"}))
    (resultado,) = datos["resultados"]
    pdf = reverse("documentos:version_publica_pdf", args=[escrito.folio])
    assert resultado["url"] == pdf
    (fragmento,) = [f for f in resultado["fragmentos"] if f["pagina_global"]]
    assert fragmento["pagina_global"] == 2  # counted across the version's pages
    pagina = reverse("documentos:version_publica_pagina", args=[escrito.folio, 2])
    assert fragmento["url"] == pagina
    assert "/admin/" not in json.dumps(datos)
    # The search page opens the escrito's public page (at the matched page).
    html = client.get("/buscar/", {"q": "notificaciones"}).content.decode()
    publica = reverse("documentos:archivo_escrito", args=[escrito.folio])
    assert f'href="{publica}"' in html and f'href="{publica}#pagina-2"' in html
    assert "Versión pública" in client.get(publica).content.decode()
