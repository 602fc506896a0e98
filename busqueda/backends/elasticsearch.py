"""Elasticsearch backend: index definitions, bulk writes and queries (elasticsearch.dsl).

Analysis uses only core components, so it behaves the same on the minimal CI node and
on a full production node: every text is indexed twice, as typed (standard tokenizer,
lowercase, _spanish_ stop words, hunspell es_ES: inflections) and folded in Python
(`*_plegado`: accents removed; fuzzy matching for OCR errors, prefixes for
search-as-you-type).

Staff documents and public ones live in separate versioned indexes behind their own aliases
(`<prefix>-escritos`, `<prefix>-publicos`): a public query only ever names the public alias,
whose documents hold the approved versión pública's text and nothing else of the escrito's.
"""

import itertools
import queue
import threading
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from elasticsearch import NotFoundError, helpers
from elasticsearch.dsl import (
    A,
    Date,
    Document,
    Index,
    InnerDoc,
    Integer,
    Keyword,
    MetaField,
    Nested,
    Q,
    Search,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

from .. import correccion
from ..client import get_client
from ..consulta import MAX_RESULTADOS, Alguno, Consulta, Frase, Sin, Termino, Todos, positivos
from ..resaltado import FIN, INICIO, comparador, marcado, resaltar, restaurar
from ..resultados import Fragmento, Resultado, ResultadoPagina, Resultados
from ..texto import plegar
from ..visibilidad import Alcance
from .comun import FACETAS, etiquetar_facetas, fila_resultado, filtros_de_campo, firma

_stop = token_filter("folio_stop", "stop", stopwords="_spanish_")
_hunspell = token_filter("folio_hunspell", "hunspell", locale="es_ES", dedup=True)
RAIZ = analyzer("folio_raiz", tokenizer="standard", filter=["lowercase", _stop, _hunspell])
PLEGADO = analyzer("folio_plegado", tokenizer="standard", filter=["lowercase", _stop])
MINUSCULAS = normalizer("folio_minusculas", filter=["lowercase"])
PREFIJOS = {"min_chars": 2, "max_chars": 10}
FUZZY = "AUTO:5,1000"  # one edit from 5 letters on (two edits cost too much per query)
CHUNK = 500
MAX_VENTANA = MAX_RESULTADOS


def _texto():
    return Text(analyzer=RAIZ)


def _plegado(offsets=False):
    if offsets:  # highlighting from the postings: no re-analysis at query time
        return Text(analyzer=PLEGADO, index_prefixes=PREFIJOS, index_options="offsets")
    return Text(analyzer=PLEGADO, index_prefixes=PREFIJOS)


class PaginaDoc(InnerDoc):
    archivo_id = Integer()
    numero = Integer()
    pagina_global = Integer()
    texto = Text(analyzer=RAIZ, copy_to="contenido")
    texto_plegado = Text(
        analyzer=PLEGADO,
        index_prefixes=PREFIJOS,
        index_options="offsets",
        copy_to="contenido_plegado",
    )


class PublicoDoc(Document):
    """A public escrito: public metadata and its approved versión pública's text."""

    escrito_id = Integer()
    folio = Keyword(normalizer=MINUSCULAS)
    tipo = Keyword()
    canal = Keyword()
    estado = Keyword()
    clasificacion = Keyword()
    tema_id = Integer()
    tema = Keyword(index=False)
    area_id = Integer()
    area = Keyword(index=False)
    recibido_en = Date()
    vence_en = Date()
    respondido_en = Date()
    sentido = Keyword()
    asunto = _texto()
    asunto_plegado = _plegado(offsets=True)
    paginas = Nested(PaginaDoc)
    contenido = _texto()  # every page, copied from paginas.texto (matching across pages)
    contenido_plegado = _plegado()
    firma = Keyword(index=False)

    class Meta:
        dynamic = MetaField("strict")


class EscritoDoc(PublicoDoc):
    """An escrito as staff search it: also its remitente and who may see it."""

    areas = Integer()
    usuarios = Integer()
    remitente = _texto()
    remitente_plegado = _plegado()

    class Meta:
        dynamic = MetaField("strict")


class PaginaPortalDoc(Document):
    page_id = Integer()
    titulo = _texto()
    titulo_plegado = _plegado()
    texto = _texto()
    texto_plegado = _plegado(offsets=True)
    url = Keyword(index=False)
    tipo = Keyword()
    firma = Keyword(index=False)

    class Meta:
        dynamic = MetaField("strict")


DOCUMENTOS = {"escritos": EscritoDoc, "publicos": PublicoDoc, "paginas": PaginaPortalDoc}


# ---------------------------------------------------------------------------------------
# Index names: versioned indexes behind one alias each


def alias(tipo: str) -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{tipo}"


def versiones(tipo: str) -> list[str]:
    """Every versioned index of this kind (the live one and any rebuild in progress)."""
    try:
        return sorted(get_client().indices.get(index=f"{alias(tipo)}-v*", expand_wildcards="open"))
    except NotFoundError:
        return []


def _crear(tipo: str, *, reconstruccion: bool) -> str:
    nombre = f"{alias(tipo)}-v{time.strftime('%Y%m%d%H%M%S')}{time.time_ns() % 1_000_000:06d}"
    indice = Index(nombre)
    indice.settings(
        number_of_shards=1,
        number_of_replicas=0,
        max_result_window=MAX_VENTANA,
        refresh_interval="-1" if reconstruccion else "1s",
    )
    indice.document(DOCUMENTOS[tipo])
    indice.create(using=get_client())
    return nombre


def preparar() -> None:
    """Create the indexes and aliases if missing (idempotent)."""
    cliente = get_client()
    for tipo in DOCUMENTOS:
        if not cliente.indices.exists_alias(name=alias(tipo)):
            nombre = _crear(tipo, reconstruccion=False)
            cliente.indices.put_alias(index=nombre, name=alias(tipo))


def borrar_todo() -> None:
    """Drop every index of this prefix (tests and `search_index rebuild --borrar`)."""
    for tipo in DOCUMENTOS:
        for nombre in versiones(tipo):
            get_client().indices.delete(index=nombre, ignore_unavailable=True)


# ---------------------------------------------------------------------------------------
# Writes


def fuente_escrito(doc: dict) -> dict:
    """The document as Elasticsearch stores it: folded copies added."""
    fuente = dict(doc, firma=firma(doc))
    fuente["asunto_plegado"] = plegar(doc["asunto"])
    if "remitente" in doc:  # staff documents only
        fuente["remitente_plegado"] = plegar(doc["remitente"])
    fuente["paginas"] = [dict(p, texto_plegado=plegar(p["texto"])) for p in doc["paginas"]]
    return fuente


def fuente_pagina(doc: dict) -> dict:
    return dict(
        doc,
        firma=firma(doc),
        titulo_plegado=plegar(doc["titulo"]),
        texto_plegado=plegar(doc["texto"]),
    )


FUENTES = {"escritos": fuente_escrito, "publicos": fuente_escrito, "paginas": fuente_pagina}
CLAVES = {"escritos": "escrito_id", "publicos": "escrito_id", "paginas": "page_id"}


def acciones(tipo: str, docs: Iterable[dict], indice: str, version: int | None = None):
    for doc in docs:
        accion = {"_index": indice, "_id": doc[CLAVES[tipo]], "_source": FUENTES[tipo](doc)}
        if version is not None:
            accion.update(version=version, version_type="external_gte")
        yield accion


def _bulk(acciones_, progreso: Callable[[int], None] | None = None) -> int:
    hechos = 0
    for ok, item in helpers.streaming_bulk(
        get_client(),
        acciones_,
        chunk_size=CHUNK,
        max_chunk_bytes=20 * 1024 * 1024,
        max_retries=6,  # 429s are retried with exponential backoff
        initial_backoff=1,
        raise_on_error=False,
        raise_on_exception=True,
    ):
        estado = next(iter(item.values())).get("status")
        if not ok and estado not in (404, 409):  # missing on delete / newer version kept
            raise RuntimeError(f"Elasticsearch rechazó un documento: {item}")
        hechos += 1
        if progreso:
            progreso(1)
    return hechos


def guardar(tipo: str, docs: list[dict], borrados: list[int], version: int) -> None:
    """Upsert and delete in every live index of this kind (a rebuild in progress too)."""
    indices = versiones(tipo)
    if not indices:
        preparar()
        indices = versiones(tipo)
    todas = []
    for indice in indices:
        todas += list(acciones(tipo, docs, indice, version))
        todas += [
            {
                "_op_type": "delete",
                "_index": indice,
                "_id": i,
                "version": version,
                "version_type": "external_gte",
            }
            for i in borrados
        ]
    _bulk(todas)


def _bulk_en_paralelo(acciones_, progreso=None) -> int:
    """streaming_bulk in a second thread while this one keeps reading the database.

    Only the HTTP side moves to the thread (the database connection stays in this one);
    a small queue of chunks bounds memory.
    """
    cola: queue.Queue = queue.Queue(maxsize=4)
    estado: dict = {}

    def enviar():
        try:
            estado["hechos"] = _bulk(itertools.chain.from_iterable(iter(cola.get, None)), progreso)
        except BaseException as error:
            estado["error"] = error
            while cola.get() is not None:  # unblock the reader
                pass

    hilo = threading.Thread(target=enviar, name="busqueda-bulk", daemon=True)
    hilo.start()
    trozo = []
    try:
        for accion in acciones_:
            trozo.append(accion)
            if len(trozo) >= CHUNK:
                cola.put(trozo)
                trozo = []
                if "error" in estado:
                    break
        if trozo and "error" not in estado:
            cola.put(trozo)
    finally:
        cola.put(None)
        hilo.join()
    if "error" in estado:
        raise estado["error"]
    return estado["hechos"]


def reconstruir(tipo: str, docs: Iterable[dict], version: int, progreso=None) -> str:
    """Bulk into a new index (refresh off), then swap the alias; old versions are dropped."""
    cliente = get_client()
    nuevo = _crear(tipo, reconstruccion=True)
    _bulk_en_paralelo(acciones(tipo, docs, nuevo, version), progreso)
    cliente.indices.put_settings(index=nuevo, settings={"index": {"refresh_interval": "1s"}})
    cliente.indices.refresh(index=nuevo)
    return nuevo


def activar(tipo: str, nuevo: str) -> None:
    cliente = get_client()
    viejos = [i for i in versiones(tipo) if i != nuevo]
    operaciones = [{"add": {"index": nuevo, "alias": alias(tipo)}}]
    operaciones += [
        {"remove": {"index": v, "alias": alias(tipo)}}
        for v in viejos
        if cliente.indices.exists_alias(index=v, name=alias(tipo))
    ]
    cliente.indices.update_aliases(actions=operaciones)
    for viejo in viejos:
        cliente.indices.delete(index=viejo, ignore_unavailable=True)


def firmas(tipo: str) -> dict[int, str]:
    """{id: firma} of everything in the live index (for reconcile)."""
    resultado = {}
    for hit in helpers.scan(
        get_client(),
        index=alias(tipo),
        query={"query": {"match_all": {}}},
        _source=["firma"],
        size=2000,
    ):
        resultado[int(hit["_id"])] = hit["_source"].get("firma", "")
    return resultado


def contar(tipo: str) -> int:
    return get_client().count(index=alias(tipo))["count"]


def refrescar() -> None:
    get_client().indices.refresh(index=",".join(alias(t) for t in DOCUMENTOS))


# ---------------------------------------------------------------------------------------
# Queries


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


def cuerpo(consulta: Consulta, alcance: Alcance) -> dict:
    """The exact request body `buscar` sends (the benchmark replays it raw)."""
    return _completa(consulta, alcance).to_dict()


def buscar(consulta: Consulta, alcance: Alcance) -> Resultados:
    respuesta = get_client().search(index=indice(alcance), body=cuerpo(consulta, alcance)).body
    buenos = comparador(positivos(consulta.arbol))
    resultados = [_resultado(hit, alcance, buenos) for hit in respuesta["hits"]["hits"]]
    crudas = {}
    if consulta.facetas:
        for faceta in FACETAS:
            crudas[faceta] = [
                (b["key_as_string"] if faceta == "anio" else str(b["key"]), b["doc_count"])
                for b in respuesta["aggregations"][faceta]["buckets"]
            ]
    return Resultados(
        total=respuesta["hits"]["total"]["value"],
        resultados=resultados,
        facetas=etiquetar_facetas(crudas, consulta),
        pagina=consulta.pagina,
        por_pagina=consulta.por_pagina,
        motor="elasticsearch",
    )


def _completa(consulta: Consulta, alcance: Alcance) -> Search:
    s = _busqueda(consulta, alcance)
    s = s.sort(*ORDEN[consulta.orden])
    s = s.source(excludes=_OCULTOS + (["remitente"] if alcance.publico else []))
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


def _fragmento_de(resalte: dict, original: str, campo: str, buenos) -> str | None:
    """Elasticsearch's fragment of the folded field, mapped back onto the original text; for
    words matched only through hunspell, the Python highlighter (light stemming) instead."""
    if campo in resalte:
        return restaurar(resalte[campo][0], original)
    return resaltar(original, buenos)


def _resultado(hit: dict, alcance: Alcance, buenos) -> Resultado:
    fuente = hit["_source"]
    fragmentos = []
    for interno in hit.get("inner_hits", {}).get("paginas", {}).get("hits", {}).get("hits", []):
        pagina = interno["_source"]
        html = _fragmento_de(
            interno.get("highlight", {}), pagina["texto"], "paginas.texto_plegado", buenos
        )
        if html:
            fragmentos.append(
                Fragmento(html, pagina["archivo_id"], pagina["numero"], pagina["pagina_global"])
            )
    asunto = _fragmento_de(hit.get("highlight", {}), fuente["asunto"], "asunto_plegado", buenos)
    if asunto:
        fragmentos.insert(0, Fragmento(asunto))
    return fila_resultado(fuente, alcance, fragmentos, hit.get("_score") or 0.0)


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
    s = s.source(excludes=_OCULTOS + (["remitente"] if alcance.publico else []))
    s = s.extra(size=cuantos)
    hits = s.execute().to_dict()["hits"]["hits"]
    return [fila_resultado(h["_source"], alcance, [], h.get("_score") or 0.0) for h in hits]


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
    sugerencias = s.execute().suggest.to_dict()
    opciones: dict[str, list[str]] = {}
    for entradas in sugerencias.values():
        for entrada in entradas:
            mejores = sorted(entrada["options"], key=lambda o: (-o["score"], -o["freq"]))
            opciones.setdefault(entrada["text"], []).extend(o["text"] for o in mejores)
    return correccion.primera_que_encuentra(consulta, alcance, buscar, opciones)


def buscar_paginas(q: str, cuantos: int = 10) -> list[ResultadoPagina]:
    from ..consulta import analizar

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
    resultados = []
    for hit in s.execute():
        fuente = hit.to_dict()
        resalte = hit.meta.to_dict().get("highlight", {})
        html = (
            restaurar(resalte["texto_plegado"][0], fuente["texto"])
            if "texto_plegado" in resalte
            else marcado(fuente["texto"][:160])
        )
        resultados.append(
            ResultadoPagina(
                fuente["page_id"],
                fuente["titulo"],
                fuente["url"],
                fuente["tipo"],
                html,
                hit.meta.score or 0.0,
            )
        )
    return resultados
