"""Database backend results: the page's rows mapped to Resultados, with their fragments
cut in Python with the same analysis as the stored text (busqueda.resaltado)."""

from collections import Counter, defaultdict

from ...consulta import positivos
from ...resaltado import comparador, resaltar
from ...resultados import Fragmento, Resultado
from ...visibilidad import Alcance
from ..comun import fila_resultado
from .esquema import Almacen


def a_resultados(filas, rangos: dict, arbol, alcance: Alcance, almacen: Almacen) -> list[Resultado]:
    """The page's rows (in order) as Resultados; `rangos`: {id: relevance}."""
    fragmentos = _fragmentos(filas, positivos(arbol), almacen)
    return [
        fila_resultado(_fuente(f), alcance, fragmentos.get(f.pk, []), rangos.get(f.pk, 0.0))
        for f in filas
    ]


def _fuente(fila) -> dict:
    return {
        "escrito_id": fila.pk,
        "folio": fila.folio,
        "tipo": fila.tipo,
        "estado": fila.estado,
        "clasificacion": fila.clasificacion,
        "asunto": fila.asunto,
        "tema": fila.tema,
        "area": fila.area,
        "recibido_en": fila.recibido_en,
        "vence_en": fila.vence_en,
        "remitente": getattr(fila, "remitente", None),  # staff rows only
    }


def _fragmentos(filas, buenos, almacen: Almacen) -> dict[int, list[Fragmento]]:
    if not buenos:
        return {}
    buenos = comparador(buenos)
    fragmentos = defaultdict(list)
    for fila in filas:
        if html := resaltar(fila.asunto, buenos):
            fragmentos[fila.pk].append(Fragmento(html))
    paginas = almacen.paginas.objects.filter(documento_id__in=[f.pk for f in filas]).order_by(
        "documento_id", "pagina_global"
    )
    cuantas = Counter()
    for pagina in paginas.iterator():
        if cuantas[pagina.documento_id] >= 3:
            continue
        if html := resaltar(pagina.texto, buenos):
            cuantas[pagina.documento_id] += 1
            fragmentos[pagina.documento_id].append(
                Fragmento(html, pagina.archivo_id, pagina.numero, pagina.pagina_global)
            )
    return fragmentos
