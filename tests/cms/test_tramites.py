import re

import pytest
from django.core.exceptions import ValidationError

from cms.models import TramitePage
from documentos.models import Escrito

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


def test_a_tramite_without_a_cost_says_consulte_el_costo_not_gratuito(client, catalogo):
    predial = client.get("/tramites/predial/").content.decode()
    assert "Consulte el costo" in predial and "Gratuito" not in predial
    bacheo = client.get("/tramites/bacheo/").content.decode()
    assert "Gratuito" in bacheo and "Consulte el costo" not in bacheo
    assert "Consulte el costo" in client.get("/tramites/").content.decode()


def test_a_payment_tramite_links_to_its_payment_page(client, catalogo):
    predial = catalogo["predial"]
    predial.url_pago = "https://pagos.example.gob.mx/predial/pagar"
    predial.save_revision().publish()
    html = client.get("/tramites/predial/").content.decode()
    assert (
        '<a class="boton" href="https://pagos.example.gob.mx/predial/pagar">Pagar en línea' in html
    )
    assert "Hacer el trámite en línea" not in html


def test_the_online_button_opens_the_form_with_the_tramite_tema_and_area(
    client, catalogo, obras, tema_obras
):
    licencia = catalogo["licencia"]
    licencia.url_en_linea = "/oficialia/enviar/"
    licencia.save_revision().publish()
    html = client.get("/tramites/licencia-de-construccion/").content.decode()
    enlace = (
        f"/oficialia/enviar/?tramite={licencia.pk}&amp;tema={tema_obras.pk}&amp;area={obras.pk}"
    )
    assert enlace in html

    formulario = client.get(f"/oficialia/enviar/?tramite={licencia.pk}").content.decode()
    assert "Trámite:</strong> Licencia de construcción" in formulario
    assert f"Área que lo atiende:</strong> {obras.nombre}" in formulario
    assert re.search(rf'<option value="{tema_obras.pk}" selected>', formulario)
    token = re.search(r'name="token_envio" value="([^"]+)"', formulario).group(1)
    datos = {
        "tipo": "peticion",
        "remitente_tipo": "fisica",
        "remitente_nombre": "Ana Ruiz",
        "remitente_contacto": "",
        "remitente_sexo": "no_declara",
        "asunto": "Licencia para ampliar mi casa",
        "tema": str(tema_obras.pk),
        "tramite": str(licencia.pk),
        "area": "",
        "sitio_web": "",
        "token_envio": token,
    }
    assert client.post("/oficialia/enviar/", datos).status_code == 302
    escrito = Escrito.objects.get()
    assert (escrito.tramite, escrito.area_sugerida, escrito.tema) == (
        "Licencia de construcción",
        obras,
        tema_obras,
    )


def test_bad_prefill_values_are_ignored(client, catalogo, obras):
    respuesta = client.get("/oficialia/enviar/?tramite=abc&tema=x&area=999999")
    assert respuesta.status_code == 200
    assert "Trámite:" not in respuesta.content.decode()
    catalogo["bacheo"].unpublish()
    html = client.get(f"/oficialia/enviar/?tramite={catalogo['bacheo'].pk}").content.decode()
    assert "Reporte de bacheo" not in html
    con_area = client.get(f"/oficialia/enviar/?area={obras.pk}").content.decode()
    assert f"Área que lo atiende:</strong> {obras.nombre}" in con_area
