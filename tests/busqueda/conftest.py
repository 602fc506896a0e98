"""Fixtures of the search suite: the backend under test and a small corpus of escritos.

Escritos, files and OCR pages are created as rows (that is the data the indexer reads,
not a mock of it); the shared scanned file is one real filer file. A published escrito gets
an approved versión pública made from its OCR text (tests.factories.version_aprobada).
"""

import functools
import itertools
import os
import secrets
from datetime import date, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from filer.models import File as FilerFile

from busqueda import client, services
from busqueda.backends import actual
from cms import roles
from documentos.models import Archivo, Escrito, Respuesta, Turno
from ocr.models import PaginaOCR, ResultadoOCR
from tests.factories import AreaFactory, TemaFactory, UsuarioFactory, version_aprobada

_consecutivo = itertools.count(1)


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, settings):
    """The search backend under test; Elasticsearch indexes are unique to this run."""
    if request.param == "database":
        settings.ELASTICSEARCH_URL = None
        yield "database"
        return
    settings.ELASTICSEARCH_INDEX_PREFIX = f"folio-test-{os.getpid()}-{secrets.token_hex(3)}"
    client.configure()
    try:
        yield "elasticsearch"
    finally:
        actual().borrar_todo()


@pytest.fixture
def indexar(backend):
    """Rebuild the index from the database and make it searchable."""

    def _indexar():
        services.reconstruir()
        actual().refrescar()

    return _indexar


def nuevo_archivo_filer() -> FilerFile:
    """The scanned file every escrito of a corpus points to."""
    filer = FilerFile(original_filename="escaneo.pdf", name="escaneo.pdf", is_public=False)
    filer.file = ContentFile(b"%PDF-1.4 prueba", name="escaneo.pdf")
    filer.save()
    return filer


@pytest.fixture
def archivo_filer(db):
    return nuevo_archivo_filer()


@pytest.fixture
def obras(db):
    return AreaFactory(nombre="Obras Públicas", siglas="OBR")


@pytest.fixture
def finanzas(db):
    return AreaFactory(nombre="Finanzas", siglas="FIN")


@pytest.fixture
def tema_obras(db):
    return TemaFactory(nombre="Obras y servicios")


@pytest.fixture
def tema_agua(db):
    return TemaFactory(nombre="Agua potable")


@pytest.fixture
def archivista(db):
    return UsuarioFactory(username="archivista", roles=[roles.ARCHIVO])


@pytest.fixture
def staff_obras(obras):
    return UsuarioFactory(username="staff.obras", roles=[roles.AREA], areas=[obras])


@pytest.fixture
def staff_finanzas(finanzas):
    return UsuarioFactory(username="staff.finanzas", roles=[roles.AREA], areas=[finanzas])


def crear_escrito(
    archivo_filer,
    archivista,
    asunto,
    paginas=(),
    *,
    clasificacion=Escrito.Clasificacion.PUBLICA,
    publicado=True,
    estado=Escrito.Estado.TURNADO,
    tipo=Escrito.Tipo.PETICION,
    area=None,
    tema=None,
    remitente="Juan Pérez Gómez",
    recibido_en=None,
    vence_en=None,
    sentido=None,
    archivos=1,
    turno_a=None,
):
    """An escrito with OCR'd pages, as rows (the fixture `crear` binds the first two)."""
    n = next(_consecutivo)
    recibido_en = recibido_en or timezone.make_aware(datetime(2026, 3, 1, 10)) + timedelta(hours=n)
    escrito = Escrito.objects.create(
        folio=f"OP-2026-{n:06d}",
        anio=recibido_en.year,
        consecutivo=n,
        tipo=tipo,
        canal=Escrito.Canal.VENTANILLA,
        remitente_tipo=Escrito.TipoPersona.FISICA,
        remitente_nombre=remitente,
        asunto=asunto,
        tema=tema,
        recibido_en=recibido_en,
        clasificacion=clasificacion,
        publicado=publicado and clasificacion == Escrito.Clasificacion.PUBLICA,
        estado=estado,
        area_responsable=area,
        vence_en=vence_en or date(2026, 4, 1),
        codigo_acceso="ABC123",
    )
    por_archivo = max(1, -(-len(paginas) // archivos)) if paginas else 1
    for indice in range(archivos):
        trozo = list(paginas[indice * por_archivo : (indice + 1) * por_archivo])
        archivo = Archivo.objects.create(
            escrito=escrito,
            archivo=archivo_filer,
            nombre_original=f"escaneo-{indice}.pdf",
            sha256="0" * 64,
            tamano=10,
            mime="application/pdf",
            paginas=max(1, len(trozo)),
            orden=indice,
        )
        resultado = ResultadoOCR.objects.create(
            archivo=archivo, estado=ResultadoOCR.Estado.TERMINADO, paginas_total=len(trozo)
        )
        PaginaOCR.objects.bulk_create(
            PaginaOCR(resultado=resultado, numero=i + 1, texto=t) for i, t in enumerate(trozo)
        )
    if sentido:
        Respuesta.objects.create(
            escrito=escrito,
            sentido=sentido,
            texto="Respuesta",
            fecha=date(2026, 3, 20),
            respondido_por=archivista,
        )
    if turno_a is not None:
        Turno.objects.create(escrito=escrito, a_area=turno_a, turnado_por=archivista)
    if escrito.publicado:
        version_aprobada(escrito, anunciar=False)
    return escrito


@pytest.fixture
def crear(archivo_filer, archivista):
    """Create an escrito with OCR'd pages: crear("asunto", paginas=["texto 1", ...], ...)."""
    return functools.partial(crear_escrito, archivo_filer, archivista)


@pytest.fixture(autouse=True)
def _cache_limpia():
    """Facet labels are cached briefly: every test starts from an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
