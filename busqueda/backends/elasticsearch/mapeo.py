"""Index definitions: analyzers, mappings, settings and the names behind each alias.

Analysis uses only core components, so it behaves the same on the minimal CI node and
on a full production node: every text is indexed twice, as typed (standard tokenizer,
lowercase, _spanish_ stop words, hunspell es_ES: inflections) and folded in Python
(`*_plegado`: accents removed; fuzzy matching for OCR errors, prefixes for
search-as-you-type).
"""

import time

from django.conf import settings
from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    InnerDoc,
    Integer,
    Keyword,
    MetaField,
    Nested,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

from ...client import get_client
from ...consulta import MAX_RESULTADOS

_stop = token_filter("folio_stop", "stop", stopwords="_spanish_")
_hunspell = token_filter("folio_hunspell", "hunspell", locale="es_ES", dedup=True)
RAIZ = analyzer("folio_raiz", tokenizer="standard", filter=["lowercase", _stop, _hunspell])
PLEGADO = analyzer("folio_plegado", tokenizer="standard", filter=["lowercase", _stop])
MINUSCULAS = normalizer("folio_minusculas", filter=["lowercase"])
PREFIJOS = {"min_chars": 2, "max_chars": 10}
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


def crear_indice(tipo: str, *, reconstruccion: bool) -> str:
    """A new versioned index of this kind with its settings and mapping (no alias yet)."""
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
