import pytest
from django.core.exceptions import ValidationError

from cms.models import TramitePage

pytestmark = pytest.mark.django_db


def titulos(response) -> list[str]:
    return [t.title for t in response.context["pagina"].object_list]


def test_catalog_lists_live_tramites_with_their_area_and_cost(client, catalogo):
    response = client.get("/tramites/")
    html = response.content.decode()
    assert response.status_code == 200
    assert titulos(response) == [
        "Licencia de construcción",
        "Pago del impuesto predial",
        "Reporte de bacheo",
    ]
    assert "Dirección de Obra Pública" in html and "Gratuito" in html and "$1,850.00" in html


def test_catalog_filters_by_area_modalidad_and_tema(client, catalogo, obras, tema_pagos):
    assert titulos(client.get("/tramites/", {"area": obras.pk})) == [
        "Licencia de construcción",
        "Reporte de bacheo",
    ]
    assert titulos(client.get("/tramites/", {"modalidad": "en_linea"})) == [
        "Pago del impuesto predial"
    ]
    assert titulos(client.get("/tramites/", {"tema": tema_pagos.pk})) == [
        "Pago del impuesto predial"
    ]
    assert titulos(client.get("/tramites/", {"area": obras.pk, "modalidad": "presencial"})) == [
        "Reporte de bacheo"
    ]


def test_catalog_search_finds_tramites_by_their_words(client, catalogo):
    assert titulos(client.get("/tramites/", {"q": "licencia"})) == ["Licencia de construcción"]
    # Words of the description and of the requisitos count too.
    assert titulos(client.get("/tramites/", {"q": "baches"})) == ["Reporte de bacheo"]
    assert titulos(client.get("/tramites/", {"q": "planos"})) == ["Licencia de construcción"]
    assert titulos(client.get("/tramites/", {"q": "pasaporte"})) == []


def test_bad_filter_value_gets_a_spanish_message_and_shows_everything(client, catalogo):
    response = client.get("/tramites/", {"modalidad": "telepatica"})
    assert len(titulos(response)) == 3
    assert "Escoja una opción válida" in response.content.decode()


def test_unpublished_tramite_is_not_listed(client, catalogo):
    catalogo["bacheo"].unpublish()
    assert "Reporte de bacheo" not in titulos(client.get("/tramites/"))
    assert client.get("/tramites/bacheo/").status_code == 404


def test_tramite_page_shows_every_section(client, catalogo):
    html = client.get("/tramites/licencia-de-construccion/").content.decode()
    for texto in (
        "Licencia de construcción",
        "Personas propietarias del predio.",
        "Planos arquitectónicos",
        "Original y copia",
        "Ley de Ingresos, art. 25",
        "15 días hábiles",
        "Dirección de Obra Pública",
        "Mixta (presencial y en línea)",
        'href="/oficialia/nuevo/"',
    ):
        assert texto in html, texto


def test_online_tramite_needs_the_form_address(catalogo):
    tramite = catalogo["predial"]
    tramite.url_en_linea = ""
    with pytest.raises(ValidationError) as error:
        tramite.full_clean()
    assert "Un trámite en línea necesita la dirección de su formulario." in str(error.value)


def test_form_address_must_be_a_path_or_http_url(catalogo):
    tramite = catalogo["licencia"]
    tramite.url_en_linea = "javascript:alert(1)"
    with pytest.raises(ValidationError, match="debe empezar"):
        tramite.full_clean()


def test_tramites_are_served_by_the_pages_api_with_their_fields(client, catalogo):
    response = client.get("/api/v2/pages/", {"type": "cms.TramitePage", "fields": "*"})
    assert response.status_code == 200
    items = {i["title"]: i for i in response.json()["items"]}
    licencia = items["Licencia de construcción"]
    assert licencia["area_responsable_nombre"] == "Dirección de Obra Pública"
    assert [r["nombre"] for r in licencia["requisitos"]] == [
        "Planos arquitectónicos",
        "Escritura del predio",
    ]
    assert licencia["modalidad"] == "mixta"
    assert licencia["plazo_dias"] == 15


def test_every_page_type_declares_api_fields():
    from django.apps import apps
    from wagtail.models import Page

    tipos = [m for m in apps.get_app_config("cms").get_models() if issubclass(m, Page)]
    assert len(tipos) == 7
    for modelo in tipos:
        assert modelo.api_fields, modelo.__name__


def test_tramite_page_is_cached_until_it_is_published_again(client, catalogo):
    tramite = TramitePage.objects.get(slug="bacheo")
    assert "Aviso de baches" in client.get("/tramites/bacheo/").content.decode()
    tramite.descripcion = "Texto nuevo publicado."
    tramite.save_revision().publish()
    assert "Texto nuevo publicado." in client.get("/tramites/bacheo/").content.decode()
