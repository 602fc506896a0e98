import pytest
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_runs_against_a_real_postgresql_server():
    assert connection.vendor == "postgresql"
    assert connection.pg_version >= 130000
    # Task workers on several machines claim rows with SKIP LOCKED.
    assert connection.features.has_select_for_update_skip_locked


def test_spanish_full_text_configuration_is_available():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('spanish', 'Solicitudes de construcción') "
            "@@ plainto_tsquery('spanish', 'solicitud')"
        )
        assert cursor.fetchone()[0] is True
