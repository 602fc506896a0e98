"""Search from the outside (HTTP), on both backends: the public never gets what it must not,
whatever the query string says; staff get what visibilidad allows."""

import json

import pytest

from busqueda.parametros import ConsultaSerializer
from cms import roles
from documentos.models import Escrito
from tests.factories import UsuarioFactory


@pytest.fixture
def archivo(crear, obras, finanzas, tema_obras, indexar):
    e = {
        "publico": crear(
            "Licencia de construcción en calle Morelos",
            ["Solicito licencia de construcción. Firma: Rigoberta Menchú."],
            area=obras,
            tema=tema_obras,
            remitente="Rigoberta Menchú",
        ),
        "reservado": crear(
            "Construcción del penal",
            ["Planos reservados de construcción."],
            clasificacion="reservada",
            area=obras,
        ),
        "confidencial": crear(
            "Construcción y datos médicos",
            ["Historia clínica."],
            clasificacion="confidencial",
            area=finanzas,
        ),
        "borrador": crear(
            "Construcción sin publicar", ["Texto interno."], publicado=False, area=finanzas
        ),
        "cancelado": crear(
            "Construcción cancelada", ["Cancelado."], estado="cancelado", area=obras
        ),
    }
    indexar()
    return e


OCULTOS = ("reservado", "confidencial", "borrador", "cancelado")


def _json(respuesta):
    assert respuesta["Content-Type"].startswith("application/json")
    return json.loads(respuesta.content)


def test_api_publica_solo_publicos_y_sin_remitente(client, archivo):
    respuesta = client.get("/api/busqueda/", {"q": "construccion"})
    assert respuesta.status_code == 200
    datos = _json(respuesta)
    assert [r["id"] for r in datos["resultados"]] == [archivo["publico"].pk]
    assert "remitente" not in datos["resultados"][0]
    assert datos["facetas"]["clasificacion"] == [
        {"valor": "publica", "etiqueta": "Pública", "cuenta": 1, "activo": False}
    ]
    fragmentos = " ".join(f["html"] for f in datos["resultados"][0]["fragmentos"])
    assert "<mark>construcción</mark>" in fragmentos


@pytest.mark.parametrize(
    "parametros",
    [
        {"clasificacion": "reservada"},
        {"clasificacion": ["reservada", "confidencial"]},
        {"estado": "cancelado"},
        {"q": "remitente_nombre:Menchú"},
        {"q": "remitente:menchu"},
        {"q": "Rigoberta"},
        {"q": "reservados"},
        {"q": "penal OR clínica OR interno"},
        {"q": "*"},
        {"q": '" OR 1=1 --'},
        {"q": "{remitente} : menchu"},
        {"q": "publico:false"},
        {"q": "construccion", "clasificacion": "reservada", "orden": "recientes"},
    ],
)
def test_consultas_manipuladas_no_revelan_nada(client, archivo, parametros):
    respuesta = client.get("/api/busqueda/", parametros)
    assert respuesta.status_code == 200
    datos = _json(respuesta)
    devueltos = {r["id"] for r in datos["resultados"]}
    assert not devueltos & {archivo[k].pk for k in OCULTOS}
    cuerpo = respuesta.content.decode()
    for r in datos["resultados"]:
        assert "remitente" not in r
    assert "Planos reservados" not in cuerpo and "Historia clínica" not in cuerpo


def test_el_remitente_no_es_buscable_en_publico(client, archivo):
    assert _json(client.get("/api/busqueda/", {"q": "Rigoberta"}))["total"] == 1  # in the OCR text
    assert _json(client.get("/api/busqueda/", {"q": "Morelos Menchu"}))["total"] == 1
    sin_texto = _json(client.get("/api/busqueda/", {"q": "Rigoberta -solicito"}))
    assert sin_texto["total"] == 0  # the remitente field itself is never searched


def test_q_vacia_solo_lo_publico(client, archivo):
    datos = _json(client.get("/api/busqueda/"))
    assert {r["id"] for r in datos["resultados"]} == {archivo["publico"].pk}


@pytest.mark.parametrize(
    ("parametros", "campo", "mensaje"),
    [
        ({"clasificacion": "secreta"}, "clasificacion", "no es una de las opciones"),
        ({"pagina": "0"}, "pagina", "mayor o igual"),
        ({"por_pagina": "1000"}, "por_pagina", "menor o igual"),
        ({"pagina": "99999"}, "pagina", "primeros"),
        (
            {"recibido_desde": "2026-05-01", "recibido_hasta": "2026-01-01"},
            "recibido_hasta",
            "anterior",
        ),
        ({"recibido_desde": "ayer"}, "recibido_desde", "fecha válida"),
        ({"area": "obras"}, "area", "no es una de las opciones"),
    ],
)
def test_parametros_invalidos_dan_un_mensaje_claro(client, backend, parametros, campo, mensaje):
    respuesta = client.get("/api/busqueda/", parametros)
    assert respuesta.status_code == 400
    errores = _json(respuesta)["errores"]
    assert mensaje in " ".join(errores[campo])


def test_similares_publicos(client, archivo):
    oculto = client.get(f"/api/busqueda/{archivo['reservado'].pk}/similares/")
    assert oculto.status_code == 404
    publico = client.get(f"/api/busqueda/{archivo['publico'].pk}/similares/")
    assert publico.status_code == 200
    ocultos = {archivo[k].pk for k in OCULTOS}
    assert not {r["id"] for r in _json(publico)["resultados"]} & ocultos


def test_api_interna_pide_sesion(client, archivo):
    anonimo = client.get("/api/busqueda/interna/", {"q": "construccion"})
    assert anonimo.status_code == 403
    assert _json(anonimo) == {"error": "Inicie sesión con una cuenta del archivo o de un área."}
    assert anonimo["Cache-Control"] == "private, no-store"
    sin_rol = UsuarioFactory(username="sin.rol")
    client.force_login(sin_rol)
    respuesta = client.get("/api/busqueda/interna/", {"q": "construccion"})
    assert respuesta.status_code == 403
    assert "Inicie sesión" in _json(respuesta)["error"]


def test_api_interna_segun_quien_consulta(client, archivo, archivista, staff_obras):
    client.force_login(archivista)
    todos = _json(client.get("/api/busqueda/interna/", {"q": "construccion"}))
    assert todos["total"] == 5
    publico = next(r for r in todos["resultados"] if r["id"] == archivo["publico"].pk)
    assert publico["remitente"] == "Rigoberta Menchú"
    assert publico["url"] == f"/admin/documentos/escritos/{archivo['publico'].pk}/"
    (fragmento,) = [f for f in publico["fragmentos"] if f["archivo_id"]]
    assert fragmento["url"].endswith(f"?archivo={fragmento['archivo_id']}&pagina=1#visor-section")
    assert _json(client.get("/api/busqueda/interna/", {"q": "menchu"}))["total"] == 1

    client.force_login(staff_obras)
    obras = _json(client.get("/api/busqueda/interna/", {"q": "construccion"}))
    assert {r["id"] for r in obras["resultados"]} == {
        archivo["publico"].pk,
        archivo["reservado"].pk,
        archivo["cancelado"].pk,
    }
    forzado = _json(client.get("/api/busqueda/interna/", {"clasificacion": "confidencial"}))
    assert forzado["total"] == 0
    assert (
        client.get(f"/api/busqueda/interna/{archivo['confidencial'].pk}/similares/").status_code
        == 404
    )


def test_pagina_publica_de_busqueda(client, archivo):
    respuesta = client.get("/buscar/", {"q": "construccion"})
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert archivo["publico"].folio in html
    for oculto in OCULTOS:
        assert archivo[oculto].folio not in html
    assert "<mark>construcción</mark>" in html
    assert 'role="search"' in html and '<label for="id_q"' in html
    assert "/admin/documentos/" not in html
    assert client.get("/buscar/").status_code == 200
    assert client.get("/buscar/", {"pagina": "0"}).status_code == 400


def test_pantalla_del_archivo_abre_el_escaneo_en_la_pagina(client, archivo, archivista):
    client.force_login(archivista)
    respuesta = client.get("/admin/busqueda/", {"q": "planos"})
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    escrito = archivo["reservado"]
    archivo_id = escrito.archivos.get().pk
    assert (
        f"/admin/documentos/escritos/{escrito.pk}/?archivo={archivo_id}&amp;pagina=1&amp;q=planos"
        "#visor-section" in html
    )
    assert "<mark>Planos</mark>" in html
    assert "Reservada" in html and "Petición" in html  # labels, not stored codes
    assert "Más como este" in html
    similares = client.get("/admin/busqueda/", {"similar": archivo["publico"].pk})
    assert similares.status_code == 200 and "Escritos parecidos" in similares.content.decode()


def test_pantalla_del_archivo_solo_para_personal(client, archivo):
    assert client.get("/admin/busqueda/").status_code == 302  # to the login
    comunicacion = UsuarioFactory(username="editora", roles=[roles.COMUNICACION])
    client.force_login(comunicacion)
    respuesta = client.get("/admin/busqueda/", {"q": "construccion"})
    assert respuesta.status_code == 403
    assert "es para el personal del archivo y de las áreas" in respuesta.content.decode()


def test_openapi_describe_la_busqueda_con_su_validacion(client, backend):
    esquema = _json(client.get("/api/esquema/"))
    for ruta in ("/api/busqueda/", "/api/busqueda/interna/", "/api/busqueda/paginas/"):
        assert ruta in esquema["paths"]
    operacion = esquema["paths"]["/api/busqueda/"]["get"]
    parametros = {p["name"]: p for p in operacion["parameters"]}
    assert set(parametros) == set(ConsultaSerializer().fields)
    tipo = parametros["tipo"]
    assert (tipo["style"], tipo["explode"], tipo["schema"]["type"]) == ("form", True, "array")
    assert set(tipo["schema"]["items"]["enum"]) == set(Escrito.Tipo.values)
    assert parametros["q"]["schema"]["maxLength"] == 500
    assert parametros["por_pagina"]["schema"]["maximum"] == 100
    assert parametros["recibido_desde"]["schema"]["format"] == "date"
    assert set(operacion["responses"]) == {"200", "400", "405", "503"}
    interna = esquema["paths"]["/api/busqueda/interna/{escrito_id}/similares/"]["get"]
    assert set(interna["responses"]) == {"200", "400", "403", "404", "405", "503"}
    assert interna["security"] == [{"cookieAuth": []}]
    assert "/api/estadisticas/" in esquema["paths"]


@pytest.mark.parametrize("metodo", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "ruta", ["/api/busqueda/", "/api/busqueda/interna/", "/api/busqueda/1/similares/"]
)
def test_otros_metodos_reciben_405_aun_con_sesion(client, archivista, backend, metodo, ruta):
    client.force_login(archivista)
    client.handler.enforce_csrf_checks = True
    respuesta = getattr(client, metodo)(ruta)
    assert respuesta.status_code == 405
    assert respuesta["Allow"] == "GET, HEAD, OPTIONS"
    assert _json(respuesta) == {"error": f"Método «{metodo.upper()}» no permitido: use GET."}
    opciones = client.options(ruta)
    assert _json(opciones) == {
        "metodos": ["GET", "HEAD", "OPTIONS"],
        "documentacion": "/api/esquema/",
    }


@pytest.mark.parametrize(
    ("parametros", "campo", "mensaje"),
    [
        ({"q": "licencia\x00"}, "q", "caracteres nulos no están permitidos"),
        ({"q": "a" * 501}, "q", "500 caracteres (tiene 501)"),
        ({"pagina": str(10**30)}, "pagina", "menor o igual a 100000"),
        ({"tema": str(10**30)}, "tema", "no es una de las opciones"),
        ({"area": "\u0661\u0662"}, "area", "no es una de las opciones"),  # not ASCII digits
        ({"por_pagina": "1_0"}, "por_pagina", "número entero"),
        ({"recibido_desde": "20260105"}, "recibido_desde", "fecha válida"),
        ({"recibido_desde": "2026-1-5"}, "recibido_desde", "fecha válida"),
        ({"vence_hasta": "2026-02-30"}, "vence_hasta", "fecha válida"),
        ({"vence_hasta": ""}, "vence_hasta", "fecha válida"),
        ({"orden": ""}, "orden", "no es una de las opciones"),
    ],
)
def test_el_api_es_tan_estricto_como_su_esquema(client, backend, parametros, campo, mensaje):
    respuesta = client.get("/api/busqueda/", parametros)
    assert respuesta.status_code == 400
    assert mensaje in " ".join(_json(respuesta)["errores"][campo])


def test_parametros_repetidos_y_fechas_extremas(client, archivo):
    ambos = client.get("/api/busqueda/", {"tipo": ["peticion", "queja"], "q": "construccion"})
    assert _json(ambos)["total"] == 1
    solo_quejas = client.get("/api/busqueda/", {"tipo": ["queja", "queja"]})
    assert _json(solo_quejas)["total"] == 0
    extremos = {"recibido_desde": "0001-01-01", "recibido_hasta": "9999-12-31"}
    assert _json(client.get("/api/busqueda/", extremos))["total"] == 1
    assert (
        _json(client.get("/api/busqueda/", {"pagina": "1000", "por_pagina": "100"}))["total"] == 1
    )


@pytest.mark.parametrize("escrito_id", ["abc", "-1", "0", str(2**63), "\u0661"])
def test_similares_de_un_id_imposible_es_un_404_json(client, db, backend, escrito_id):
    respuesta = client.get(f"/api/busqueda/{escrito_id}/similares/")
    assert respuesta.status_code == 404
    assert _json(respuesta) == {"error": "No existe ese escrito."}


def test_paginas_rechaza_un_texto_demasiado_largo(client, db, backend):
    respuesta = client.get("/api/busqueda/paginas/", {"q": "a" * 501})
    assert respuesta.status_code == 400
    assert "500 caracteres (tiene 501)" in " ".join(_json(respuesta)["errores"]["q"])


def test_la_pagina_toma_los_campos_vacios_como_no_dados(client, archivo):
    respuesta = client.get("/buscar/", {"q": "construccion", "vence_hasta": "", "orden": ""})
    assert respuesta.status_code == 200
    assert archivo["publico"].folio in respuesta.content.decode()
