"""Responses -> Resultados: hits, inner hits and highlights, facet buckets, suggestions."""

from ...resaltado import marcado, resaltar, restaurar
from ...resultados import Fragmento, Resultado, ResultadoPagina, Resultados
from ...visibilidad import Alcance
from ..comun import FACETAS, etiquetar_facetas, fila_resultado


def resultados(respuesta: dict, consulta, alcance: Alcance, buenos) -> Resultados:
    """A search response (its body) as one page of Resultados with labelled facets."""
    filas = [_resultado(hit, alcance, buenos) for hit in respuesta["hits"]["hits"]]
    crudas = {}
    if consulta.facetas:
        for faceta in FACETAS:
            crudas[faceta] = [
                (b["key_as_string"] if faceta == "anio" else str(b["key"]), b["doc_count"])
                for b in respuesta["aggregations"][faceta]["buckets"]
            ]
    return Resultados(
        total=respuesta["hits"]["total"]["value"],
        resultados=filas,
        facetas=etiquetar_facetas(crudas, consulta),
        pagina=consulta.pagina,
        por_pagina=consulta.por_pagina,
        motor="elasticsearch",
    )


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


def parecidos(hits: list[dict], alcance: Alcance) -> list[Resultado]:
    """more_like_this hits: rows without fragments."""
    return [fila_resultado(h["_source"], alcance, [], h.get("_score") or 0.0) for h in hits]


def sugerencias(respuesta: dict) -> dict[str, list[str]]:
    """Term suggester output -> {word: candidate corrections, best first}."""
    opciones: dict[str, list[str]] = {}
    for entradas in respuesta.values():
        for entrada in entradas:
            mejores = sorted(entrada["options"], key=lambda o: (-o["score"], -o["freq"]))
            opciones.setdefault(entrada["text"], []).extend(o["text"] for o in mejores)
    return opciones


def paginas(respuesta) -> list[ResultadoPagina]:
    """Portal page hits (an elasticsearch.dsl Response) with their highlighted text."""
    filas = []
    for hit in respuesta:
        fuente = hit.to_dict()
        resalte = hit.meta.to_dict().get("highlight", {})
        html = (
            restaurar(resalte["texto_plegado"][0], fuente["texto"])
            if "texto_plegado" in resalte
            else marcado(fuente["texto"][:160])
        )
        filas.append(
            ResultadoPagina(
                fuente["page_id"],
                fuente["titulo"],
                fuente["url"],
                fuente["tipo"],
                html,
                hit.meta.score or 0.0,
            )
        )
    return filas
