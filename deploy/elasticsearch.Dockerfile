# Elasticsearch 8 with the Spanish hunspell dictionary that Folio's analysis uses
# (filter `hunspell`, locale es_ES: config/hunspell/es_ES/). Dictionary from Debian hunspell-es.
FROM debian:bookworm-slim AS diccionario
RUN apt-get update \
    && apt-get install -y --no-install-recommends hunspell-es \
    && rm -rf /var/lib/apt/lists/*

FROM docker.elastic.co/elasticsearch/elasticsearch:8.19.21
COPY --from=diccionario /usr/share/hunspell/es_ES.aff /usr/share/hunspell/es_ES.dic \
     /usr/share/elasticsearch/config/hunspell/es_ES/
