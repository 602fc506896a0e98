import pytest
from wagtail.models import Site

from cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_home_page_is_the_default_site_root():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)


def test_home_page_renders_in_spanish_with_landmarks(client):
    home = HomePage.objects.get()
    home.intro = "<p>Presente su escrito en línea.</p>"
    home.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "<main" in html and 'role="banner"' in html and 'role="contentinfo"' in html
    assert "Presente su escrito en línea." in html
    assert "Saltar al contenido" in html


def test_home_page_is_served_by_the_pages_api(client):
    response = client.get("/api/v2/pages/", {"type": "cms.HomePage", "fields": "intro"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Inicio"]
    assert "intro" in items[0]


def test_the_pages_api_has_no_browsable_html(client):
    navegador = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/api/v2/pages/", HTTP_ACCEPT=navegador)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert client.get("/api/v2/pages/", {"format": "api"}).status_code == 404


def test_unknown_page_gets_the_spanish_404(client):
    response = client.get("/no-existe/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()
