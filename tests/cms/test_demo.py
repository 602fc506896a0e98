import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from cms.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.DEBUG = True
    return tmp_path


def test_folio_demo_creates_admin_and_is_idempotent(var_dir, capsys):
    call_command("folio_demo", escritos=5)
    first = capsys.readouterr().out
    call_command("folio_demo", escritos=5)
    second = capsys.readouterr().out

    password = (var_dir / "demo-admin.txt").read_text().strip()
    assert f"contraseña «{password}»" in first
    assert f"contraseña «{password}»" in second
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    assert "Escritos de demostración creados: 5." in first
    assert "Escritos de demostración creados" not in second
    assert "Oficialía de Partes" in HomePage.objects.get().intro


def test_folio_demo_refuses_outside_development(settings, var_dir):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="solo para desarrollo"):
        call_command("folio_demo")
    assert not get_user_model().objects.exists()
