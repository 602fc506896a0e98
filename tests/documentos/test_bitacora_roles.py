"""The application's PostgreSQL role may only append to the bitácora (real server).

The suite connects as the owner role (it migrates and creates the test database); these
tests also connect to the test database as the app role that `scripts/postgres.sh start`
creates (FOLIO_DB_APP_USUARIO / FOLIO_DB_APP_CLAVE, default folio_app / folio_app).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from cms import roles
from documentos.models import EntradaBitacora, Escrito
from documentos.services import bitacora
from tests.factories import AreaFactory, UsuarioFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
TABLA = EntradaBitacora._meta.db_table
USUARIO = os.environ.get("FOLIO_DB_APP_USUARIO", "folio_app")
CLAVE = os.environ.get("FOLIO_DB_APP_CLAVE", "folio_app")


@pytest.fixture
def rol_app(settings, falta_servicio):
    """The app role exists and `migrate` (as the owner) has granted it its rights."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [USUARIO])
        existe = cursor.fetchone()
    if not existe:
        falta_servicio(
            f"No existe el rol de la aplicación {USUARIO!r} en PostgreSQL: "
            "ejecute scripts/postgres.sh start (o exporte FOLIO_DB_APP_USUARIO)"
        )
    settings.FOLIO_DB_ROL_APP = USUARIO
    call_command("migrate", verbosity=0)
    return USUARIO


def _url_app() -> str:
    datos = connection.settings_dict
    host, port = datos["HOST"] or "127.0.0.1", datos["PORT"] or 5432
    return f"postgres://{USUARIO}:{CLAVE}@{host}:{port}/{datos['NAME']}"


@pytest.fixture
def conexion_app(rol_app, falta_servicio):
    try:
        conexion = psycopg.connect(_url_app(), autocommit=True)
    except psycopg.OperationalError as error:
        falta_servicio(f"No se pudo entrar a PostgreSQL como {USUARIO!r}: {error}")
    yield conexion
    conexion.close()


def test_app_role_may_only_append_to_the_bitacora(conexion_app):
    legitima = bitacora.registrar(EntradaBitacora.Accion.EDICION, "Entrada legítima")
    cursor = conexion_app.cursor()
    cursor.execute(f"SELECT descripcion FROM {TABLA}")
    assert cursor.fetchall() == [("Entrada legítima",)]
    cursor.execute(
        f"INSERT INTO {TABLA} (accion, actor, fecha, descripcion, antes, despues,"
        " hash_anterior, hash, version)"
        " VALUES ('edicion', 'app', now(), 'Agregada por la aplicación', '{}', '{}', %s, %s, 2)",
        [legitima.hash, "f" * 64],
    )

    prohibidas = [
        f"UPDATE {TABLA} SET descripcion = 'Nadie turnó nada'",
        f"DELETE FROM {TABLA}",
        f"TRUNCATE {TABLA}",
        f"ALTER TABLE {TABLA} DISABLE TRIGGER bitacora_inmutable",
        f"ALTER TABLE {TABLA} DISABLE TRIGGER ALL",
        f"DROP TRIGGER bitacora_inmutable ON {TABLA}",
        "DROP FUNCTION folio_bitacora_inmutable() CASCADE",
        f"CREATE TRIGGER otro BEFORE INSERT ON {TABLA}"
        " FOR EACH ROW EXECUTE FUNCTION folio_bitacora_inmutable()",
        "SET session_replication_role = replica",  # would skip every trigger
    ]
    for sql in prohibidas:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            cursor.execute(sql)

    assert list(EntradaBitacora.objects.values_list("descripcion", flat=True)) == [
        "Entrada legítima",
        "Agregada por la aplicación",
    ]
    with connection.cursor() as owner:
        owner.execute(
            "SELECT tgenabled FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
            [TABLA],
        )
        assert owner.fetchall() == [("O",)]


def test_app_role_may_only_add_anchors(conexion_app, sello):
    """A compromised application cannot remove or rewrite a published anchor."""
    from documentos.models import AnclaBitacora
    from documentos.services import anclas

    bitacora.registrar(EntradaBitacora.Accion.EDICION, "Entrada legítima")
    ancla, _ = anclas.anclar()
    tabla = AnclaBitacora._meta.db_table
    cursor = conexion_app.cursor()
    cursor.execute(f"SELECT cabeza FROM {tabla}")
    assert cursor.fetchall() == [(ancla.cabeza,)]
    for sql in (
        f"UPDATE {tabla} SET entradas = 0",
        f"DELETE FROM {tabla}",
        f"TRUNCATE {tabla}",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            cursor.execute(sql)
    assert AnclaBitacora.objects.get().entradas == ancla.entradas


def test_every_migrate_grants_the_app_role_the_tables_that_exist(rol_app, conexion_app):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE folio_prueba_nueva (id serial PRIMARY KEY, texto text)")
    try:
        call_command("migrate", verbosity=0)
        cursor = conexion_app.cursor()
        cursor.execute("INSERT INTO folio_prueba_nueva (texto) VALUES ('x') RETURNING id")
        cursor.execute("UPDATE folio_prueba_nueva SET texto = 'y'")
        cursor.execute("DELETE FROM folio_prueba_nueva")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE folio_prueba_nueva")


# Folio's own work in another process whose only database role is the app role.
COMO_APP = """
import json, shutil, sys
import django

django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from documentos.models import Area
from documentos.services import flujo
from documentos.services.bitacora import verificar_cadena
from documentos.services.recepcion import recibir_escrito
from tests.factories import datos_recepcion

try:
    usuario = get_user_model().objects.get(pk=int(sys.argv[1]))
    escrito = recibir_escrito(datos_recepcion(), usuario=usuario, ip="10.0.0.8")
    area = Area.objects.get(pk=int(sys.argv[2]))
    flujo.turnar(escrito, area, usuario=usuario, instruccion="Atender")
    print(json.dumps({"escrito": escrito.pk, "integra": verificar_cadena().integra}))
finally:
    shutil.rmtree(settings.FOLIO_TEST_TMP, ignore_errors=True)
"""


def test_folio_works_as_the_app_role(conexion_app):
    oficialia = UsuarioFactory(username="ventanilla", roles=[roles.OFICIALIA])
    obras = AreaFactory(nombre="Obra Pública", siglas="OP")
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _url_app(),
    }
    proceso = subprocess.run(
        [sys.executable, "-c", COMO_APP, str(oficialia.pk), str(obras.pk)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proceso.returncode == 0, proceso.stderr
    salida = json.loads(proceso.stdout.strip().splitlines()[-1])
    assert salida["integra"] is True
    escrito = Escrito.objects.get(pk=salida["escrito"])
    assert escrito.turnos.filter(a_area=obras).exists()
    acciones = set(escrito.bitacora.values_list("accion", "version"))
    assert {("recepcion", 2), ("turno", 2)} <= acciones
    assert bitacora.verificar_cadena().integra


@pytest.mark.django_db
def test_migrate_refuses_an_app_role_that_does_not_exist(settings):
    settings.FOLIO_DB_ROL_APP = "folio_rol_inexistente"
    with pytest.raises(ImproperlyConfigured, match=r"FOLIO_DB_ROL_APP.*folio_rol_inexistente"):
        call_command("migrate", verbosity=0)
    settings.FOLIO_DB_ROL_APP = 'folio"; DROP TABLE x; --'
    with pytest.raises(ImproperlyConfigured, match="no es un nombre de rol válido"):
        call_command("migrate", verbosity=0)
    settings.FOLIO_DB_ROL_APP = connection.settings_dict["USER"]  # the owner itself
    with pytest.raises(ImproperlyConfigured, match="no puede ser superusuario ni el dueño"):
        call_command("migrate", verbosity=0)
