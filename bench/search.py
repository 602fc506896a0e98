"""Search benchmark: a synthetic Spanish corpus, bulk indexing and query latency.

    .venv/bin/python bench/search.py [--n 10000] [--paginas 3] [--rondas 5] [--solo-db]
    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python bench/search.py --n 100000

Builds N escritos (several OCR'd pages each) with bulk inserts into its own SQLite file
(FOLIO_BENCH_DIR, default /tmp/folio-bench; or DATABASE_URL), then prints:

- Elasticsearch (when ELASTICSEARCH_URL is set): bulk indexing docs/s through the project
  (`search_index rebuild`: database reads, document building, folding, bulk) against a raw
  `helpers.streaming_bulk` of the very same, pre-built documents into an identical index;
  p50/p95 of the project's search API (`/api/busqueda/interna/` through Django's test
  client, as an archivist) against the same request body sent raw with `client.search`.
- Database backend (10k or with --solo-db): rebuild docs/s and API p50/p95 per scope (an
  archivist, an área staff member, the public), the slowest query of the mix and, with
  --explicar, its plan (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).
  With DATABASE_URL=postgres://... the corpus and index live in that database.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))

CALLES = [
    "Juárez",
    "Hidalgo",
    "Morelos",
    "Zaragoza",
    "Allende",
    "Madero",
    "Reforma",
    "Independencia",
    "Guerrero",
    "Aldama",
]
COLONIAS = ["Centro", "Las Flores", "San Miguel", "El Mirador", "Santa Fe", "La Loma", "Buenavista"]
NOMBRES = [
    "María",
    "José",
    "Juan",
    "Ana",
    "Luis",
    "Carmen",
    "Jorge",
    "Rosa",
    "Pedro",
    "Laura",
    "Miguel",
    "Elena",
]
APELLIDOS = [
    "López",
    "Hernández",
    "García",
    "Martínez",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Díaz",
    "Cruz",
]
TEMAS = {
    "Obras y servicios": [
        "bacheo",
        "pavimentación",
        "banqueta",
        "alumbrado",
        "luminaria",
        "drenaje",
        "coladera",
        "construcción",
        "licencia",
        "obra",
        "puente",
        "calle",
        "poda",
        "árboles",
    ],
    "Agua potable": ["fuga", "agua", "tubería", "medidor", "pipa", "toma", "presión", "recibo"],
    "Seguridad": ["patrulla", "vigilancia", "semáforo", "robo", "accidente", "tránsito"],
    "Predial y pagos": ["predial", "pago", "descuento", "adeudo", "catastro", "avalúo", "recargos"],
    "Transparencia": ["información", "presupuesto", "contrato", "nómina", "licitación", "padrón"],
}
FRASES = [
    "Por medio del presente escrito solicito de la manera más atenta {a} en la calle {c} de la colonia {k}.",
    "Reporto que desde hace {n} semanas existe un problema de {a} frente a mi domicilio en {c} número {n}.",
    "Solicito se me informe sobre el estado que guarda mi trámite de {a} presentado el mes pasado.",
    "Los vecinos de la colonia {k} pedimos la intervención de la autoridad por {a} y {b}.",
    "Anexo copia de mi identificación oficial, comprobante de domicilio y fotografías de {a}.",
    "Con fundamento en el artículo 8 constitucional pido respuesta por escrito sobre {a}.",
    "Se hace constar que el inmueble ubicado en {c} requiere atención urgente de {b}.",
    "Agradezco de antemano la atención que se sirva dar a la presente solicitud de {a}.",
]
CONSULTAS = [
    {"q": "bacheo"},
    {"q": "fuga de agua"},
    {"q": "tramite"},
    {"q": "CONSTRUCCION"},
    {"q": "solicitudes"},
    {"q": '"licencia de construcción"'},
    {"q": "alumbrado OR luminaria"},
    {"q": "agua -fuga"},
    {"q": "pavim*"},
    {"q": "predial descuento"},
    {"q": "presupuesto", "tipo": "solicitud_informacion"},
    {"q": "drenaje", "orden": "recientes"},
    {"q": "", "recibido_desde": "2025-03-01", "recibido_hasta": "2025-06-30"},
    {"q": "semáforo", "estado": "turnado"},
    {"q": "colonia Centro", "pagina": "40"},
    {"q": "poda arboles calle Hidalgo"},
]


def configurar(args):
    directorio = Path(os.environ.get("FOLIO_BENCH_DIR", "/tmp/folio-bench"))  # noqa: S108
    directorio.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ.setdefault("FOLIO_VAR_DIR", str(directorio))
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", "folio-bench")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{directorio}/bench-{args.n}.sqlite3")
    import logging

    import django

    django.setup()
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)


def texto_pagina(azar: random.Random, palabras: list[str]) -> str:
    partes = []
    for _ in range(azar.randint(5, 9)):
        partes.append(
            azar.choice(FRASES).format(
                a=azar.choice(palabras),
                b=azar.choice(palabras),
                c=azar.choice(CALLES),
                k=azar.choice(COLONIAS),
                n=azar.randint(2, 40),
            )
        )
    return " ".join(partes)


def generar(n: int, paginas: int) -> None:
    """N escritos with `paginas` OCR pages each, by bulk inserts (skipped if already there)."""
    from datetime import datetime, timedelta

    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.utils import timezone
    from filer.models import File as FilerFile

    from documentos.models import Archivo, Area, Escrito, Tema
    from ocr.models import PaginaOCR, ResultadoOCR

    call_command("migrate", verbosity=0)
    if Escrito.objects.count() >= n:
        versiones_publicas()
        return
    azar = random.Random(20260101)
    inicio = time.perf_counter()
    areas = [
        Area.objects.get_or_create(nombre=f"Dirección {i}", siglas=f"D{i}")[0] for i in range(8)
    ]
    temas = {nombre: Tema.objects.get_or_create(nombre=nombre)[0] for nombre in TEMAS}
    filer = FilerFile(original_filename="escaneo.pdf", name="escaneo.pdf", is_public=False)
    filer.file = ContentFile(b"%PDF-1.4 bench", name="escaneo.pdf")
    filer.save()
    usuario, _ = get_user_model().objects.get_or_create(username="bench.archivo")
    base = timezone.make_aware(datetime(2024, 1, 1, 9))
    C, E, T = Escrito.Clasificacion, Escrito.Estado, Escrito.Tipo
    lote = 2000
    hecho = Escrito.objects.count()
    while hecho < n:
        escritos = []
        for i in range(hecho, min(n, hecho + lote)):
            tema = azar.choice(list(TEMAS))
            clasificacion = azar.choices([C.PUBLICA, C.RESERVADA, C.CONFIDENCIAL], [85, 10, 5])[0]
            palabra = azar.choice(TEMAS[tema])
            escritos.append(
                Escrito(
                    folio=f"OP-B-{i + 1:07d}",
                    anio=2024,
                    consecutivo=i + 1,
                    tipo=azar.choice(T.values),
                    canal=azar.choice(Escrito.Canal.values),
                    remitente_tipo="fisica",
                    remitente_nombre=f"{azar.choice(NOMBRES)} {azar.choice(APELLIDOS)} {azar.choice(APELLIDOS)}",
                    asunto=f"Solicitud de {palabra} en {azar.choice(CALLES)}, colonia {azar.choice(COLONIAS)}",
                    tema=temas[tema],
                    recibido_en=base + timedelta(minutes=97 * i),
                    clasificacion=clasificacion,
                    publicado=clasificacion == C.PUBLICA and azar.random() < 0.8,
                    estado=azar.choice(
                        [E.RECIBIDO, E.TURNADO, E.EN_ATENCION, E.RESPONDIDO, E.CONCLUIDO]
                    ),
                    area_responsable=azar.choice(areas),
                    vence_en=(base + timedelta(minutes=97 * i, days=21)).date(),
                    codigo_acceso="BENCH",
                )
            )
        Escrito.objects.bulk_create(escritos, batch_size=500)
        creados = list(Escrito.objects.filter(consecutivo__gt=hecho).order_by("pk"))
        archivos = Archivo.objects.bulk_create(
            [
                Archivo(
                    escrito=e,
                    archivo=filer,
                    nombre_original="escaneo.pdf",
                    sha256="0" * 64,
                    tamano=1,
                    mime="application/pdf",
                    paginas=paginas,
                    subido_por=usuario,
                )
                for e in creados
            ],
            batch_size=500,
        )
        archivos = list(Archivo.objects.filter(escrito__in=creados).order_by("pk"))
        ResultadoOCR.objects.bulk_create(
            [ResultadoOCR(archivo=a, estado="terminado", paginas_total=paginas) for a in archivos],
            batch_size=500,
        )
        resultados = dict(
            ResultadoOCR.objects.filter(archivo__in=archivos).values_list("archivo_id", "pk")
        )
        pags = []
        for archivo, escrito in zip(archivos, creados, strict=True):
            palabras = TEMAS[escrito.tema.nombre]
            for numero in range(1, paginas + 1):
                pags.append(
                    PaginaOCR(
                        resultado_id=resultados[archivo.pk],
                        numero=numero,
                        texto=texto_pagina(azar, palabras),
                    )
                )
        PaginaOCR.objects.bulk_create(pags, batch_size=1000)
        hecho += len(creados)
        print(f"  corpus: {hecho}/{n} escritos", file=sys.stderr, end="\r")
    print(
        f"corpus: {n} escritos x {paginas} páginas en {time.perf_counter() - inicio:.0f} s",
        file=sys.stderr,
    )
    versiones_publicas()


def versiones_publicas() -> None:
    """An approved versión pública (the OCR text as is) for every published escrito, so the
    public store is as large as the portal's (skipped if they are already there)."""
    from django.utils import timezone

    from documentos.models import Escrito, VersionPublica
    from ocr.selectors import textos_por_archivo

    if VersionPublica.objects.exists():
        return
    publicados = Escrito.objects.filter(publicado=True).order_by("pk")
    ids = list(publicados.values_list("pk", flat=True))
    ahora = timezone.now()
    for i in range(0, len(ids), 2000):
        escritos = Escrito.objects.filter(pk__in=ids[i : i + 2000]).prefetch_related("archivos")
        archivos = {e.pk: [a.pk for a in e.archivos.all()] for e in escritos}
        textos = textos_por_archivo(a for lista in archivos.values() for a in lista)
        VersionPublica.objects.bulk_create(
            [
                VersionPublica(
                    escrito=e,
                    estado=VersionPublica.Estado.APROBADA,
                    huella="0" * 64,
                    asunto=e.asunto,
                    aprobada_en=ahora,
                    paginas=[
                        {"archivo_id": a, "numero": numero, "texto": texto}
                        for a in archivos[e.pk]
                        for numero, texto in textos.get(a, [])
                    ],
                )
                for e in escritos
            ],
            batch_size=500,
        )
    print(f"versiones públicas: {len(ids)}", file=sys.stderr)


def percentil(valores, p):
    orden = sorted(valores)
    k = (len(orden) - 1) * p
    bajo = int(k)
    alto = min(bajo + 1, len(orden) - 1)
    return orden[bajo] + (orden[alto] - orden[bajo]) * (k - bajo)


def cliente_api():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from cms import roles

    usuario, _ = get_user_model().objects.get_or_create(username="bench.archivo")
    usuario.groups.add(Group.objects.get(name=roles.ARCHIVO))
    usuario.is_staff = True
    usuario.save()
    cliente = Client(HTTP_HOST="127.0.0.1")
    cliente.force_login(usuario)
    return cliente, usuario


def clientes_por_alcance():
    """(name, client, URL) of every scope measured: the archivist (sees everything), an área
    staff member (sees their área's escritos) and the public (anonymous, public store)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from cms import roles
    from documentos.models import Area

    archivo, _ = cliente_api()
    area = Area.objects.get(siglas="D0")
    usuario, _ = get_user_model().objects.get_or_create(username="bench.area")
    usuario.groups.add(Group.objects.get_or_create(name=roles.AREA)[0])
    usuario.is_staff = True
    usuario.save()
    area.personal.add(usuario)
    staff = Client(HTTP_HOST="127.0.0.1")
    staff.force_login(usuario)
    return [
        ("archivo", archivo, "/api/busqueda/interna/"),
        ("área", staff, "/api/busqueda/interna/"),
        ("público", Client(HTTP_HOST="127.0.0.1"), "/api/busqueda/"),
    ]


def medir_api(cliente, rondas, url="/api/busqueda/interna/", por_consulta=None):
    """Latencies in ms; `por_consulta` (a dict) collects them per query index too."""
    tiempos = []
    for c in CONSULTAS:  # warm-up
        assert cliente.get(url, c).status_code == 200, c
    for _ in range(rondas):
        for i, c in enumerate(CONSULTAS):
            inicio = time.perf_counter()
            respuesta = cliente.get(url, c)
            ms = (time.perf_counter() - inicio) * 1000
            tiempos.append(ms)
            if por_consulta is not None:
                por_consulta.setdefault(i, []).append(ms)
            assert respuesta.status_code == 200
    return tiempos


def explicar(cliente, url, consulta):
    """The plan of the slowest SQL statement of one request (EXPLAIN QUERY PLAN on SQLite,
    EXPLAIN ANALYZE on PostgreSQL)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as capturadas:
        cliente.get(url, consulta)
    lenta = max(capturadas.captured_queries, key=lambda q: float(q["time"]))
    print(
        f"sentencia más lenta ({float(lenta['time']) * 1000:.1f} ms de "
        f"{len(capturadas.captured_queries)} sentencias):"
    )
    print(lenta["sql"][:3000])
    prefijo = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    with connection.cursor() as cursor:
        cursor.execute(prefijo + lenta["sql"])
        for fila in cursor.fetchall():
            print("   ", " ".join(str(c) for c in fila))


def bench_elasticsearch(n, rondas):
    from django.http import QueryDict
    from elasticsearch import helpers

    from busqueda import documento, services
    from busqueda.backends import elasticsearch as es
    from busqueda.client import get_client
    from busqueda.parametros import ConsultaSerializer
    from busqueda.visibilidad import alcance

    cliente = get_client()
    es.borrar_todo()
    services.reconstruir()  # warm-up (JIT, caches), not timed
    ids = list(documento.todos_los_ids())
    docs = list(documento.documentos(ids))
    crudo_indice = es.crear_indice("escritos", reconstruccion=True)  # same mapping and settings
    acciones = list(es.acciones("escritos", docs, crudo_indice))
    del docs
    inicio = time.perf_counter()
    for ok, _ in helpers.streaming_bulk(cliente, acciones, chunk_size=es.CHUNK, max_retries=6):
        assert ok
    crudo = time.perf_counter() - inicio
    cliente.indices.delete(index=crudo_indice)
    del acciones
    inicio = time.perf_counter()
    services.reconstruir()
    proyecto = time.perf_counter() - inicio
    print(f"\n== Elasticsearch, {n} escritos ==")
    print(
        f"indexado por el proyecto (rebuild completo): {n / proyecto:,.0f} docs/s ({proyecto:.1f} s)"
    )
    print(f"streaming_bulk crudo, mismos documentos:     {n / crudo:,.0f} docs/s ({crudo:.1f} s)")
    print(f"razón tiempo proyecto / crudo:               {proyecto / crudo:.2f}x  (meta ≤ 1.2x)")

    api, usuario = cliente_api()
    tiempos_api = medir_api(api, rondas)
    scope = alcance(usuario)
    cuerpos = []
    for c in CONSULTAS:
        form = ConsultaSerializer(data=QueryDict(urlencode(c)))
        assert form.is_valid(), form.errors
        cuerpos.append(es.cuerpo(form.consulta(), scope))
    for cuerpo in cuerpos:
        cliente.search(index=es.alias("escritos"), body=cuerpo)
    tiempos_crudos = []
    for _ in range(rondas):
        for cuerpo in cuerpos:
            inicio = time.perf_counter()
            cliente.search(index=es.alias("escritos"), body=cuerpo)
            tiempos_crudos.append((time.perf_counter() - inicio) * 1000)
    imprimir_latencias(tiempos_api, tiempos_crudos)


def imprimir_latencias(api, crudo=None):
    p50, p95 = percentil(api, 0.5), percentil(api, 0.95)
    print(f"API de búsqueda: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(api)} consultas)")
    if crudo:
        c50, c95 = percentil(crudo, 0.5), percentil(crudo, 0.95)
        print(f"misma consulta cruda a Elasticsearch: p50 {c50:.1f} ms, p95 {c95:.1f} ms")
        print(f"razón API / crudo: p50 {p50 / c50:.2f}x, p95 {p95 / c95:.2f}x  (meta p95 ≤ 1.5x)")
    print(f"media {statistics.mean(api):.1f} ms")


def bench_base_de_datos(n, rondas, explicar_lenta=False, reindexar=True, detalle=False):
    from django.conf import settings
    from django.db import connection

    from busqueda import services

    settings.ELASTICSEARCH_URL = None
    print(f"\n== Base de datos ({connection.vendor}), {n} escritos ==")
    if reindexar:
        inicio = time.perf_counter()
        services.reconstruir()
        segundos = time.perf_counter() - inicio
        print(f"indexado (rebuild completo): {n / segundos:,.0f} docs/s ({segundos:.1f} s)")
    todos, peor = [], (0.0, None, None, None)
    for nombre, cliente, url in clientes_por_alcance():
        por_consulta = {}
        tiempos = medir_api(cliente, rondas, url, por_consulta)
        todos += tiempos
        p50, p95 = percentil(tiempos, 0.5), percentil(tiempos, 0.95)
        print(f"alcance {nombre}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        for i, ms in por_consulta.items():
            if detalle:
                print(f"    {statistics.median(ms):7.1f} ms  {CONSULTAS[i]}")
            if (mediana := statistics.median(ms)) > peor[0]:
                peor = (mediana, i, cliente, url)
    imprimir_latencias(todos)
    mediana, i, cliente, url = peor
    print(f"consulta más lenta: {CONSULTAS[i]} en {url} (mediana {mediana:.1f} ms)")
    if explicar_lenta:
        explicar(cliente, url, CONSULTAS[i])


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--paginas", type=int, default=3)
    parser.add_argument("--rondas", type=int, default=5)
    parser.add_argument("--solo-db", action="store_true", help="Solo el backend de base de datos.")
    parser.add_argument("--sin-db", action="store_true", help="Sin el backend de base de datos.")
    parser.add_argument(
        "--explicar",
        action="store_true",
        help="Imprime el plan (EXPLAIN) de la consulta más lenta del backend de base de datos.",
    )
    parser.add_argument(
        "--detalle", action="store_true", help="Imprime la mediana de cada consulta por alcance."
    )
    parser.add_argument(
        "--sin-reindexar", action="store_true", help="Mide las consultas sobre el índice actual."
    )
    args = parser.parse_args()
    configurar(args)
    generar(args.n, args.paginas)
    from busqueda.client import elasticsearch_enabled

    if elasticsearch_enabled() and not args.solo_db:
        bench_elasticsearch(args.n, args.rondas)
    if not args.sin_db and (args.solo_db or args.n <= 10_000 or not elasticsearch_enabled()):
        bench_base_de_datos(
            args.n, args.rondas, args.explicar, not args.sin_reindexar, args.detalle
        )


if __name__ == "__main__":
    main()
