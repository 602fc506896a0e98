"""Every operation of /api/esquema/ fuzzed by schemathesis against a live server: 0 failures.

The data is made through the real services (intake, turno, answer, publication; the versión
pública from tests.factories.version_aprobada, which skips the testado) and indexed by the
database search backend, so responses carry results, facets and fragments.
"""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from cms import roles
from documentos.models import Escrito, Respuesta
from documentos.services import anclas, flujo
from documentos.services.recepcion import recibir_escrito
from tests.factories import (
    AreaFactory,
    TemaFactory,
    UsuarioFactory,
    datos_recepcion,
    imagen_bytes,
    subida,
    version_aprobada,
)

# Ids from 1, whatever ran before: schemathesis's boundary values (id 1) then hit escritos.
pytestmark = pytest.mark.django_db(transaction=True, reset_sequences=True, serialized_rollback=True)
RAIZ = Path(__file__).resolve().parents[2]

ASUNTOS = [
    "Licencia de construcción en la calle Morelos",
    "Reparación de alumbrado público en el parque Hidalgo",
    "Solicitud de información sobre el presupuesto de obras",
    "Bacheo en la avenida Juárez",
    "Queja por fuga de agua potable",
]


@pytest.fixture
def archivista(db):
    return UsuarioFactory(username="archivista", roles=[roles.ARCHIVO])


@pytest.fixture
def escritos_publicados(settings, archivista, sello):
    """Published public escritos (and one reservado) received, routed and answered, and the
    bitácora's anchor of today."""
    settings.ELASTICSEARCH_URL = None
    oficialia = UsuarioFactory(username="ventanilla", roles=[roles.OFICIALIA])
    obras = AreaFactory(nombre="Obras Públicas", siglas="OBR")
    titular = UsuarioFactory(username="titular.obras", roles=[roles.AREA], areas=[obras])
    tema = TemaFactory(nombre="Obras y servicios")
    ahora = timezone.now()
    escritos = []
    for n, asunto in enumerate(ASUNTOS):
        escrito = recibir_escrito(
            datos_recepcion(
                asunto=asunto,
                tema=tema,
                tipo=Escrito.Tipo.SOLICITUD_INFORMACION if n % 2 else Escrito.Tipo.PETICION,
                recibido_en=ahora - dt.timedelta(days=20 * n),
                clasificacion=(
                    Escrito.Clasificacion.RESERVADA if n == 4 else Escrito.Clasificacion.PUBLICA
                ),
                archivos=[subida(f"escaneo-{n}.png", imagen_bytes(texto=asunto))],
            ),
            usuario=oficialia,
        )
        flujo.turnar(escrito, obras, usuario=oficialia)
        escrito.refresh_from_db()
        if n < 3:
            flujo.asignar(escrito, titular, usuario=titular)
            escrito.refresh_from_db()
            flujo.responder(
                escrito, usuario=titular, sentido=Respuesta.Sentido.POSITIVA, texto="Procede."
            )
            escrito.refresh_from_db()
        if escrito.clasificacion == Escrito.Clasificacion.PUBLICA:
            version_aprobada(escrito)
            flujo.publicar(escrito, True, usuario=archivista)
        escritos.append(escrito)
    anclas.anclar()
    return escritos


def test_schemathesis_no_encuentra_fallas(live_server, escritos_publicados, archivista):
    """schemathesis.toml (repo root) holds the seed, examples, hooks and the session auth."""
    navegador = Client()
    navegador.force_login(archivista)
    assert navegador.get("/api/busqueda/", {"q": "construccion"}).json()["total"] == 1
    entorno = {**os.environ, "FOLIO_SESION": navegador.cookies["sessionid"].value}
    orden = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        f"{live_server.url}/api/esquema/",
        "--checks",
        "all",
        "--no-color",
    ]
    resultado = subprocess.run(
        orden, capture_output=True, text=True, timeout=300, check=False, cwd=RAIZ, env=entorno
    )
    assert resultado.returncode == 0, resultado.stdout[-30000:] + resultado.stderr[-3000:]
    # No "authentication failed" or "missing test data": every operation got real answers.
    assert "WARNINGS" not in resultado.stdout, resultado.stdout[-10000:]
