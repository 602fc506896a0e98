"""The citizen lookup against Folio as deployed: gunicorn with several workers sharing the
database cache (tests/despliegue.py), seen only from the outside."""

import io
from urllib.parse import parse_qs, urlsplit

import pypdfium2
import zxingcpp

from tests.despliegue import HOST_PUBLICO, navegador, token_csrf

CONSULTA = "/oficialia/consulta/"


def _consultar(despliegue, sesion, codigo):
    """Load the form (CSRF cookie and token), then post folio and code as a browser does."""
    token = token_csrf(sesion.get(despliegue.url + CONSULTA).text)
    return sesion.post(
        despliegue.url + CONSULTA,
        data={"folio": despliegue.datos["folio"], "codigo": codigo, "csrfmiddlewaretoken": token},
        headers={"Referer": despliegue.url + CONSULTA},
    )


def test_failed_lookups_are_limited_across_every_worker(despliegue):
    """FOLIO_CONSULTA_MAX_FALLOS (10) holds for the whole installation, not per process."""
    antes = len(despliegue.log_acceso.read_text().splitlines())
    # A new session (and connection) for every attempt, as an attacker would.
    estados = [
        _consultar(despliegue, navegador("127.0.0.21"), "ABCDEFGHJK").status_code for _ in range(14)
    ]
    assert estados == [200] * 10 + [429] * 4
    bloqueada = _consultar(despliegue, navegador("127.0.0.21"), despliegue.datos["codigo"])
    assert bloqueada.status_code == 429 and "Demasiados intentos fallidos" in bloqueada.text
    # Another address is not affected.
    assert _consultar(despliegue, navegador("127.0.0.22"), "ABCDEFGHJK").status_code == 200
    # The requests really were served by different processes.
    nuevas = despliegue.log_acceso.read_text().splitlines()[antes:]
    assert len({linea.split(" ", 1)[0] for linea in nuevas if '"POST ' in linea}) >= 2


def test_no_access_log_line_carries_the_code(despliegue):
    """Lookup, status page and acuse download leave the code in no logged URL."""
    sesion = navegador("127.0.0.23")
    codigo = despliegue.datos["codigo"]
    estado = _consultar(despliegue, sesion, codigo)
    assert estado.status_code == 200 and f"Folio {despliegue.datos['folio']}" in estado.text
    assert codigo not in estado.url
    acuse = sesion.get(f"{despliegue.url}{CONSULTA}{despliegue.datos['folio']}/acuse.pdf")
    assert acuse.headers["Content-Type"] == "application/pdf"
    ruta_acuse = f"{CONSULTA}{despliegue.datos['folio']}/acuse.pdf"
    log = despliegue.log_con(ruta_acuse)
    assert ruta_acuse in log  # it was logged...
    for forma in (codigo, codigo.lower(), f"{codigo[:4]}-{codigo[4:7]}-{codigo[7:]}"):
        assert forma not in log  # ...but never the code


def test_the_acuse_qr_points_to_the_configured_host_with_the_code_in_the_fragment(despliegue):
    sesion = navegador("127.0.0.24")
    datos = despliegue.datos
    token = token_csrf(sesion.get(despliegue.url + "/admin/login/").text)
    sesion.post(
        despliegue.url + "/admin/login/",
        data={
            "username": datos["usuario"],
            "password": datos["clave"],
            "csrfmiddlewaretoken": token,
        },
        headers={"Referer": despliegue.url + "/admin/login/"},
    )
    pdf = sesion.get(f"{despliegue.url}/admin/documentos/escritos/{datos['escrito_id']}/acuse.pdf")
    assert pdf.headers["Content-Type"] == "application/pdf"
    imagen = pypdfium2.PdfDocument(io.BytesIO(pdf.content))[0].render(scale=2).to_pil()
    (qr,) = [r.text for r in zxingcpp.read_barcodes(imagen)]
    url = urlsplit(qr)
    assert (url.scheme, url.netloc, url.path, url.query) == ("https", HOST_PUBLICO, CONSULTA, "")
    assert parse_qs(url.fragment) == {"folio": [datos["folio"]], "codigo": [datos["codigo"]]}
