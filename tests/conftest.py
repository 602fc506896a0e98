"""Suite-wide fixtures and the rules for service-backed tests.

Tests marked postgres, elasticsearch, tesseract, browser or redis need a real service.
Without it they are skipped with the reason printed (`-ra`); with
FOLIO_REQUIRE_SERVICES=1 (as in CI) a missing service fails the test instead.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

SERVICE_MARKERS = ("postgres", "elasticsearch", "tesseract", "browser", "redis")
CHROMIUM = Path(os.environ.get("FOLIO_CHROMIUM", "/usr/bin/chromium"))


def _missing_reason(marker: str) -> str | None:
    if marker == "postgres":
        if connection.vendor != "postgresql":
            return "PostgreSQL no configurado: exporte DATABASE_URL=postgres://..."
    elif marker == "elasticsearch":
        if not settings.ELASTICSEARCH_URL:
            return "Elasticsearch no configurado: exporte ELASTICSEARCH_URL=http://..."
    elif marker == "redis":
        if not os.environ.get("REDIS_URL"):
            return "Redis no configurado: exporte REDIS_URL=redis://... (scripts/redis.sh start)"
    elif marker == "tesseract":
        from ocr.tesseract import tesseract_status

        if not tesseract_status().ready:
            return "Tesseract con el modelo spa no está instalado"
    elif marker == "browser":
        try:
            import playwright  # noqa: F401
        except ImportError:
            return "Playwright no está instalado"
        if not CHROMIUM.exists() or not shutil.which(str(CHROMIUM)):
            return f"Chromium no está en {CHROMIUM}"
    return None


def _falta(reason: str) -> None:
    """Skip the running test, or fail it when FOLIO_REQUIRE_SERVICES=1."""
    if os.environ.get("FOLIO_REQUIRE_SERVICES") == "1":
        pytest.fail(f"FOLIO_REQUIRE_SERVICES=1 y falta un servicio: {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_configure(config):
    """Per-worker isolation under pytest-xdist (`-n`): each worker has its own test database
    (pytest-django suffixes it with _gwN), media directory and Elasticsearch prefix (each
    process imports cms.settings.test) and, set here, its own Redis database."""
    if url := os.environ.get("REDIS_URL"):
        from tests.paralelo import redis_del_worker

        os.environ["REDIS_URL"] = redis_del_worker(url, os.environ.get("PYTEST_XDIST_WORKER"))


# A test touches the database through pytest-django or Folio as deployed (on the suite's one).
FIXTURES_DE_BD = {"db", "transactional_db", "live_server", "despliegue"}


def pytest_addoption(parser):
    parser.addoption(
        "--solo-bd",
        action="store_true",
        help="Solo las pruebas que usan la base de datos (marca django_db o las fixtures "
        f"{', '.join(sorted(FIXTURES_DE_BD))}): la segunda pasada de CI, en SQLite.",
    )


def usa_la_base_de_datos(item) -> bool:
    return item.get_closest_marker("django_db") is not None or not FIXTURES_DE_BD.isdisjoint(
        getattr(item, "fixturenames", ())
    )


def pytest_collection_modifyitems(config, items):
    """--solo-bd: leave out the tests that never touch the database (pure functions, files,
    settings); a second pass on another database would only repeat them."""
    if not config.getoption("solo_bd"):
        return
    fuera = [item for item in items if not usa_la_base_de_datos(item)]
    if fuera:
        config.hook.pytest_deselected(items=fuera)
        items[:] = [item for item in items if usa_la_base_de_datos(item)]


def pytest_runtest_setup(item):
    for marker in SERVICE_MARKERS:
        if item.get_closest_marker(marker) is None:
            continue
        reason = _missing_reason(marker)
        if reason is not None:
            _falta(reason)


@pytest.fixture
def falta_servicio():
    """`falta_servicio(reason)`: a service the test needs is missing (same rules as markers)."""
    return _falta


@pytest.fixture(autouse=True)
def _secuencias_al_dia(request):
    """A transactional test restores the serialized rows with their ids; on PostgreSQL the
    sequences may lag behind them (the schemathesis test resets them to 1), and the next
    INSERT would reuse an id. Put every sequence after its rows before the test's data."""
    marca = request.node.get_closest_marker("django_db")
    if marca is None or not marca.kwargs.get("transaction"):
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    sentencias = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for sentencia in sentencias:
            cursor.execute(sentencia)


@pytest.fixture(autouse=True)
def _cache_limpia():
    """Throttling counters and cached statistics live in the cache: every test starts empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _sin_revision_de_calidad():
    """The intake quality check (documentos.calidad) is off unless a test asks for it with
    the `revision_de_calidad` fixture: the small scans generated for other tests would all
    be "low resolution", and the online form would stop to say so."""
    from documentos import calidad

    anterior = calidad._revisor
    calidad.registrar_revisor(None)
    yield
    calidad.registrar_revisor(anterior)


@pytest.fixture
def revision_de_calidad(_sin_revision_de_calidad):
    """The real quality check of ocr, as ocr/apps.py registers it."""
    from documentos import calidad
    from ocr.calidad import revisar

    calidad.registrar_revisor(revisar)
    return revisar


def pytest_sessionfinish(session, exitstatus):
    """Remove the run's throwaway media directories and Elasticsearch indexes."""
    if tmp := getattr(settings, "FOLIO_TEST_TMP", None):
        shutil.rmtree(tmp, ignore_errors=True)
    if settings.ELASTICSEARCH_URL and not session.config.pluginmanager.hasplugin("dsession"):
        # (the xdist controller, "dsession", runs no test: each worker removes its own)
        from busqueda.client import configure, get_client

        try:
            configure()
            cliente = get_client()
            nombres = list(cliente.indices.get(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*"))
            if nombres:  # deletes must name their indexes (no wildcards)
                cliente.indices.delete(index=",".join(nombres), ignore_unavailable=True)
        except Exception as error:  # the node may be gone; the run's result stands
            print(f"No se borraron los índices de prueba: {error}")


@pytest.fixture(scope="session")
def servidor_correo():
    """A real SMTP server on loopback (aiosmtpd); `.mensajes` holds what it received."""
    from aiosmtpd.controller import Controller

    from tests.despliegue import puerto_libre

    class Buzon:
        def __init__(self):
            self.mensajes = []

        async def handle_DATA(self, server, session, envelope):
            self.mensajes.append(envelope)
            return "250 OK"

    buzon = Buzon()
    controlador = Controller(buzon, hostname="127.0.0.1", port=puerto_libre())
    controlador.start()
    buzon.puerto = controlador.port
    buzon.url = f"smtp://127.0.0.1:{controlador.port}"
    yield buzon
    controlador.stop()


@pytest.fixture(scope="session")
def despliegue(tmp_path_factory, servidor_correo):
    """Folio as deployed: production settings, gunicorn with several workers, the database
    cache, its own database, mail to `servidor_correo` (see tests/despliegue.py). Started
    once per run."""
    from tests.despliegue import Despliegue

    instalacion = Despliegue.arrancar(
        tmp_path_factory.mktemp("despliegue"),
        settings.DATABASES["default"],
        {"EMAIL_URL": servidor_correo.url},
    )
    yield instalacion
    instalacion.detener()


@pytest.fixture
def limite_pixeles(settings):
    """Lower FOLIO_MAX_PIXELES (and Pillow's bomb limit, set from it at start-up)."""
    from PIL import Image

    anterior = Image.MAX_IMAGE_PIXELS

    def _limite(pixeles: int) -> None:
        settings.FOLIO_MAX_PIXELES = pixeles
        Image.MAX_IMAGE_PIXELS = pixeles

    yield _limite
    Image.MAX_IMAGE_PIXELS = anterior


# A scanned request full of personal data, as the versión pública screens review it
# (ASCII: Pillow's bundled font has no accented letters).
SOLICITUD = [
    "Solicitud de poda de arboles en el parque Morelos",
    "Solicitante: Hermenegildo Zubiria Quintanar",
    "Telefono para oir notificaciones 5548219370",
    "Atentamente, Hermenegildo Zubiria Quintanar",
]
ANEXO = [
    "Anexo: fotografias de los fresnos del parque",
    "Tomadas por Hermenegildo Zubiria Quintanar",
]


@pytest.fixture
def leer_escrito(db):
    """`leer_escrito(paginas=[SOLICITUD, ANEXO], **datos)`: receive an escrito at the window
    with one scan (PNG, 300 dpi) per page and read every file with the real OCR."""
    from cms import roles
    from documentos.services.recepcion import recibir_escrito
    from ocr import services
    from ocr.models import ResultadoOCR
    from tests.factories import UsuarioFactory, datos_recepcion, subida
    from tests.ocr.imagenes import como_bytes, pagina

    ventanilla = UsuarioFactory(username="ventanilla.lectura", roles=[roles.OFICIALIA])

    def _leer(paginas=(SOLICITUD, ANEXO), **datos):
        archivos = [
            subida(f"hoja-{n}.png", como_bytes(pagina(lineas, ancho=1700), dpi=(300, 300)))
            for n, lineas in enumerate(paginas, start=1)
        ]
        valores = {
            "asunto": "Poda de fresnos en el parque Morelos",
            "remitente_nombre": "Hermenegildo Zubiria Quintanar",
            **datos,
        }
        escrito = recibir_escrito(
            datos_recepcion(archivos=archivos, **valores),
            usuario=ventanilla,
            ip="10.0.0.7",
            confirmar_duplicado=True,
        )
        for archivo in escrito.archivos.order_by("orden", "pk"):
            services.leer_archivo(archivo.pk)  # None: already read on commit (live server)
            assert ResultadoOCR.objects.get(archivo=archivo).estado == "terminado"
        return escrito

    return _leer


@pytest.fixture
def sello(settings, tmp_path):
    """The institution's sello configured as FOLIO_SELLO_P12: a PKCS#12 issued by a test
    authority (tests/firma_pki.py). Returns its certificate."""
    from tests import firma_pki

    ac = firma_pki.raiz()
    certificado = firma_pki.sello(ac)
    ruta = tmp_path / "sello.p12"
    ruta.write_bytes(firma_pki.p12(certificado, "clave del sello", (ac,)))
    settings.FOLIO_SELLO_P12 = ruta
    settings.FOLIO_SELLO_CLAVE = "clave del sello"
    settings.FOLIO_SELLO_DEMO = None
    return certificado.cert
