"""The PostgreSQL role of the application: it reads and writes, but only appends to the bitácora.

`migrate` runs as the owner role (which owns every table, and so may drop or disable the
bitácora's trigger); the web and the workers log in as FOLIO_DB_ROL_APP, which owns nothing.
After every migrate the owner grants it the tables that exist then (a post_migrate receiver,
see apps.py).
"""

import re

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils.translation import gettext as _

from ..models import AnclaBitacora, EntradaBitacora

NOMBRE_ROL = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def _comprobar(cursor, rol: str, tabla: str) -> None:
    """The role exists, is not a superuser and does not act as the tables' owner."""
    if not NOMBRE_ROL.fullmatch(rol):
        raise ImproperlyConfigured(
            _("FOLIO_DB_ROL_APP=%(rol)r no es un nombre de rol válido: use letras, números y _.")
            % {"rol": rol}
        )
    cursor.execute(
        "SELECT r.rolsuper, pg_has_role(r.oid, c.relowner, 'MEMBER')"
        " FROM pg_roles r, pg_class c WHERE r.rolname = %s AND c.oid = %s::regclass",
        [rol, tabla],
    )
    fila = cursor.fetchone()
    if fila is None:
        raise ImproperlyConfigured(
            _(
                "FOLIO_DB_ROL_APP nombra el rol %(rol)s, que no existe en PostgreSQL: créelo "
                "(scripts/postgres.sh start, o el script de deploy/ en docker-compose) o deje "
                "la variable vacía."
            )
            % {"rol": rol}
        )
    superusuario, como_dueno = fila
    if superusuario or como_dueno:
        raise ImproperlyConfigured(
            _(
                "FOLIO_DB_ROL_APP=%(rol)s no puede ser superusuario ni el dueño de las tablas "
                "(el que ejecuta migrate) ni miembro de él: podría reescribir la bitácora."
            )
            % {"rol": rol}
        )


def conceder(rol: str, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Grant `rol` every table and sequence of the schema; on the bitácora and its anchors,
    only SELECT and INSERT."""
    conexion = connections[using]
    q = conexion.ops.quote_name
    tabla = EntradaBitacora._meta.db_table
    with transaction.atomic(using=using), conexion.cursor() as cursor:
        _comprobar(cursor, rol, tabla)
        cursor.execute("SELECT current_schema()")
        esquema = q(cursor.fetchone()[0])
        sentencias = [
            f"GRANT USAGE ON SCHEMA {esquema} TO {q(rol)}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {esquema} TO {q(rol)}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {esquema} TO {q(rol)}",
        ]
        # The bitácora and its published anchors: append only. REVOKE ALL also takes back
        # TRUNCATE, TRIGGER, REFERENCES anyone may have granted by hand.
        for solo_agregar in (tabla, AnclaBitacora._meta.db_table):
            sentencias += [
                f"REVOKE ALL ON {q(solo_agregar)} FROM {q(rol)}",
                f"GRANT SELECT, INSERT ON {q(solo_agregar)} TO {q(rol)}",
            ]
        for sql in sentencias:
            cursor.execute(sql)
