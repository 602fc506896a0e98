"""Query compiling (the boolean tree, filters, facet aggregations, sorting, fuzziness and
highlighting) and the reads that send it; responses are mapped in `resultados`.

A public query only ever names the public alias, whose documents hold the approved versión
pública's text and nothing else of the escrito's.
"""

from django.conf import settings
from elasticsearch.dsl import A, Q, Search

from ... import correccion
from ...client import get_client
from ...consulta import Alguno, Consulta, Frase, Sin, Termino, Todos, analizar, positivos
from ...resaltado import FIN, INICIO, comparador
from ...resultados import Resultado, ResultadoPagina, Resultados
from ...texto import plegar
from ...visibilidad import Alcance
from ..comun import FACETAS, filtros_de_campo
from . import resultados
from .mapeo import alias

FUZZY = "AUTO:5,8"  # one edit from 5 letters, two from 8 (the database backend's rule too)


def _campos(alcance: Alcance, *, paginas=True, raiz: bool):
    sufijo = "" if raiz else "_plegado"
    campos = [f"asunto{sufijo}^2"]
    if paginas:
        campos.append(f"contenido{sufijo}")
    if alcance.ve_remitente:
        campos.append(f"remitente{sufijo}")
    return campos


def _termino(t: Termino, raices, plegados, folio=True):
    if t.prefijo:
        return Q(
            "multi_match", query=t.plegado, type="bool_prefix", fields=plegados, operator="and"
        )
    opciones = [
        Q("multi_match", query=t.texto, fields=raices, operator="and"),
        Q(
            "multi_match",
            query=t.plegado,
            fields=plegados,
            operator="and",
            fuzziness=FUZZY,
            prefix_length=1,
            max_expansions=20,
        ),
    ]
    if folio:
        opciones.append(Q("term", folio={"value": t.texto.lower(), "boost": 10}))
    return Q("bool", should=opciones, minimum_should_match=1)


def _frase(f: Frase, raices, plegados):
    return Q(
        "bool",
        should=[
            Q("multi_match", query=f.texto, type="phrase", fields=raices),
            Q("multi_match", query=plegar(f.texto), type="phrase", fields=plegados),
        ],
        minimum_should_match=1,
    )


def compilar(nodo, raices, plegados, folio=True):
    if isinstance(nodo, Termino):
        return _termino(nodo, raices, plegados, folio)
    if isinstance(nodo, Frase):
        return _frase(nodo, raices, plegados)
    if isinstance(nodo, Sin):
        return Q("bool", must_not=[compilar(nodo.parte, raices, plegados, folio)])
    if isinstance(nodo, Todos):
        return Q("bool", must=[compilar(p, raices, plegados, folio) for p in nodo.partes])
    if isinstance(nodo, Alguno):
        return Q(
            "bool",
            should=[compilar(p, raices, plegados, folio) for p in nodo.partes],
            minimum_should_match=1,
        )
    raise TypeError(nodo)


def indice(alcance: Alcance) -> str:
    """The public reads only the public index: staff text is not even in its documents."""
    return alias("publicos" if alcance.publico else "escritos")


def filtro_alcance(alcance: Alcance) -> list:
    """Within the scope's index: the public one holds only public escritos."""
    if alcance.publico or alcance.todo:
        return []
    permitidos = [Q("terms", areas=list(alcance.areas))]
    if alcance.usuario_id:
        permitidos.append(Q("term", usuarios=alcance.usuario_id))
    return [Q("bool", should=permitidos, minimum_should_match=1)]


def _filtros(consulta: Consulta) -> list:
    filtros = []
    for nombre, valores in filtros_de_campo(consulta):
        filtros.append(Q("terms", **{nombre: valores}))
    for campo, desde, hasta in (
        ("recibido_en", consulta.recibido_desde, consulta.recibido_hasta),
        ("vence_en", consulta.vence_desde, consulta.vence_hasta),
    ):
        if desde or hasta:
            rango = {}
            if desde:
                rango["gte"] = desde.isoformat()
            if hasta:
                rango["lte"] = hasta.isoformat()
            filtros.append(Q("range", **{campo: dict(rango, time_zone=settings.TIME_ZONE)}))
    return filtros


ORDEN = {
    "relevancia": ["_score", {"recibido_en": "desc"}, {"escrito_id": "desc"}],
    "recientes": [{"recibido_en": "desc"}, {"escrito_id": "desc"}],
    "antiguos": [{"recibido_en": "asc"}, {"escrito_id": "asc"}],
    "vencimiento": [{"vence_en": {"order": "asc", "missing": "_last"}}, {"escrito_id": "asc"}],
}

_OCULTOS = ["paginas", "contenido", "remitente_plegado", "asunto_plegado", "usuarios", "areas"]

_RESALTE = {
    "pre_tags": [INICIO],
    "post_tags": [FIN],
    "fragment_size": 160,
    "number_of_fragments": 1,
    "no_match_size": 0,
}


def _ocultos(alcance: Alcance) -> list[str]:
    return _OCULTOS + (["remitente"] if alcance.publico else [])


def _busqueda(consulta: Consulta, alcance: Alcance) -> Search:
    s = Search(using=get_client(), index=indice(alcance))
    filtros = filtro_alcance(alcance) + _filtros(consulta)
    if consulta.arbol is None:
        s = s.query(Q("bool", filter=filtros))
    else:
        principal = compilar(
            consulta.arbol, _campos(alcance, raiz=True), _campos(alcance, raiz=False)
        )
        debe = [principal]
        buenos = positivos(consulta.arbol)
        if buenos:
            en_paginas = Q(
                "bool",
                should=[
                    compilar(t, ["paginas.texto"], ["paginas.texto_plegado"], folio=False)
                    for t in buenos
                ],
                minimum_should_match=1,
            )
            paginas = Q(
                "nested",
                path="paginas",
                query=en_paginas,
                score_mode="max",
                inner_hits={
                    "size": 3,
                    "_source": [
                        "paginas.archivo_id",
                        "paginas.numero",
                        "paginas.pagina_global",
                        "paginas.texto",
                    ],
                    "highlight": {"fields": {"paginas.texto_plegado": _RESALTE}},
                },
            )
            s = s.query(Q("bool", must=debe, filter=filtros, should=[paginas]))
        else:
            s = s.query(Q("bool", must=debe, filter=filtros))
        s = s.highlight("asunto_plegado", **_RESALTE)
    return s


def _completa(consulta: Consulta, alcance: Alcance) -> Search:
    s = _busqueda(consulta, alcance)
    s = s.sort(*ORDEN[consulta.orden])
    s = s.source(excludes=_ocultos(alcance))
    s = s.extra(track_total_hits=True, from_=consulta.desde, size=consulta.por_pagina)
    if consulta.facetas:
        for faceta, campo in FACETAS.items():
            if faceta == "anio":
                s.aggs.bucket(
                    faceta,
                    A(
                        "date_histogram",
                        field=campo,
                        calendar_interval="year",
                        format="yyyy",
                        min_doc_count=1,
                        time_zone=settings.TIME_ZONE,
                    ),
                )
            else:
                s.aggs.bucket(faceta, A("terms", field=campo, size=50))
    return s


def cuerpo(consulta: Consulta, alcance: Alcance) -> dict:
    """The exact request body `buscar` sends (the benchmark replays it raw)."""
    return _completa(consulta, alcance).to_dict()


# ---------------------------------------------------------------------------------------
# Reads


def buscar(consulta: Consulta, alcance: Alcance) -> Resultados:
    respuesta = get_client().search(index=indice(alcance), body=cuerpo(consulta, alcance)).body
    buenos = comparador(positivos(consulta.arbol))
    return resultados.resultados(respuesta, consulta, alcance, buenos)


def similares(escrito_id: int, alcance: Alcance, cuantos: int = 5) -> list[Resultado] | None:
    """ "Más como este": more_like_this over the folded texts of the escrito."""
    visible = (
        Search(using=get_client(), index=indice(alcance))
        .query(Q("bool", filter=[Q("ids", values=[str(escrito_id)]), *filtro_alcance(alcance)]))
        .source(["asunto", "paginas.texto"])
        .extra(size=1)
        .execute()
        .to_dict()["hits"]["hits"]
    )
    if not visible:
        return None  # unknown, or not visible to this scope: nothing is revealed
    fuente = visible[0]["_source"]
    texto = " ".join([fuente["asunto"]] + [p["texto"] for p in fuente.get("paginas", [])])
    s = Search(using=get_client(), index=indice(alcance))
    s = s.query(
        Q(
            "bool",
            must=[
                Q(
                    "more_like_this",
                    fields=["asunto_plegado", "contenido_plegado"],
                    like=[plegar(texto[:20_000])],
                    min_term_freq=1,
                    min_doc_freq=1,
                    max_query_terms=30,
                    minimum_should_match="20%",
                )
            ],
            must_not=[Q("ids", values=[str(escrito_id)])],
            filter=filtro_alcance(alcance),
        )
    )
    s = s.source(excludes=_ocultos(alcance))
    s = s.extra(size=cuantos)
    return resultados.parecidos(s.execute().to_dict()["hits"]["hits"], alcance)


def corregir(consulta: Consulta, alcance: Alcance) -> str | None:
    """«¿Quiso decir…?»: Elasticsearch's term suggester over the folded text, kept only
    when the corrected query finds something in this scope (None otherwise)."""
    palabras = correccion.palabras(consulta.q)
    if not palabras:
        return None
    s = Search(using=get_client(), index=indice(alcance)).extra(size=0)
    for campo in ("asunto_plegado", "contenido_plegado"):
        opciones = {"field": campo, "suggest_mode": "missing", "min_word_length": 4, "size": 3}
        s = s.suggest(campo, " ".join(palabras), term=opciones)
    opciones = resultados.sugerencias(s.execute().suggest.to_dict())
    return correccion.primera_que_encuentra(consulta, alcance, buscar, opciones)


def buscar_paginas(q: str, cuantos: int = 10) -> list[ResultadoPagina]:
    arbol = analizar(q)
    if arbol is None:
        return []
    s = Search(using=get_client(), index=alias("paginas"))
    s = s.query(
        compilar(arbol, ["titulo^3", "texto"], ["titulo_plegado^3", "texto_plegado"], folio=False)
    )
    s = s.highlight("texto_plegado", **_RESALTE).source(
        excludes=["texto_plegado", "titulo_plegado"]
    )
    s = s.extra(size=cuantos)
    return resultados.paginas(s.execute())
