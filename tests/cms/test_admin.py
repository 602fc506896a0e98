import pytest

pytestmark = pytest.mark.django_db


def test_admin_login_page_is_in_spanish(client):
    response = client.get("/admin/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Iniciar sesión" in html
    assert "Nombre de usuario" in html
    assert "Contraseña" in html
    assert ">Password<" not in html
    assert 'lang="es' in html


def test_staff_dashboard_is_in_spanish(admin_client):
    response = admin_client.get("/admin/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Panel de control" in html


def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_login_with_the_spanish_form(client, django_user_model):
    django_user_model.objects.create_superuser("clerk", password="clave-segura-1")
    response = client.post("/admin/login/", {"username": "clerk", "password": "clave-segura-1"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
