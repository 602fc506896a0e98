import pytest

from documentos.models import Area, DiaInhabil

pytestmark = pytest.mark.django_db


def test_admin_lists_and_searches_areas(admin_client, obras, finanzas):
    response = admin_client.get("/admin/snippets/documentos/area/", {"q": "obra"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Obra Pública" in html and "Finanzas" not in html


def test_admin_adds_a_local_non_working_day(admin_client):
    response = admin_client.post(
        "/admin/snippets/documentos/diainhabil/add/",
        {"fecha": "2026-10-12", "descripcion": "Fiesta patronal"},
    )
    assert response.status_code == 302
    assert DiaInhabil.objects.get().descripcion == "Fiesta patronal"


def test_area_staff_cannot_edit_catalogs(client, titular_obras):
    client.force_login(titular_obras)
    response = client.get("/admin/snippets/documentos/area/")
    assert response.status_code in (302, 403)
    assert Area.objects.count() == 1
