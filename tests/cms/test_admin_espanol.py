"""The Wagtail admin staff see is Spanish (usted), and its login and error pages are Folio's."""

import gettext
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, Workflow

from cms.errores import PaginaNoEncontradaEnDesarrollo, error_servidor

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES"

# English that Wagtail showed staff before Folio's catalog (issue 15), and tú forms.
INGLES = (
    "Exploring",
    "Root",
    "Compare",
    "Filter by",
    "Show filters",
    "match your query",
    "Go to the first error",
    "Save your changes before leaving",
    "Keyboard shortcut",
    "keyboard shortcuts",
    "editor guide",
    "Moderators",
    "Editors",
    "Search all pages",
    "Wagtail upgrade",
    "Sort by",
    "There are no",
    "No results",
    "Privacy and access",
    "Content metrics",
    "Date updated",
    "Has child pages",
    "Paste",
    "Text formatting",
    "Currently viewing",
    "Italica",
    "públicada",
    "concidencia",
)
TU = re.compile(
    r"\b(tu|tus|puedes|quieres|tienes|estás|Introduce|Escoge|Elige|Olvidaste|créalas|márcalo|Déjala)\b"
)
ATRIBUTOS = {"aria-label", "title", "placeholder", "alt"}


class _Texto(HTMLParser):
    """What a person reads or hears: text, labels, tooltips and the admin's JS strings."""

    def __init__(self):
        super().__init__()
        self.partes, self._en = [], None

    def handle_starttag(self, tag, attrs):
        self._en = tag if tag in ("script", "style") else None
        if tag == "script" and ("type", "application/json") in attrs:
            self._en = "json"
        for nombre, valor in attrs:
            if valor and (nombre in ATRIBUTOS or nombre.endswith("-content-value")):
                self.partes.append(valor)

    def handle_endtag(self, tag):
        self._en = None

    def handle_data(self, data):
        if self._en == "json":
            self.partes.extend(_cadenas(json.loads(data)))
        elif self._en is None and data.strip():
            self.partes.append(data.strip())


def _cadenas(valor):
    if isinstance(valor, str):
        yield valor
    elif isinstance(valor, dict):
        for v in valor.values():
            yield from _cadenas(v)
    elif isinstance(valor, list):
        for v in valor:
            yield from _cadenas(v)


def texto_visible(html: str) -> str:
    lector = _Texto()
    lector.feed(html)
    return "\n".join(lector.partes)


def _catalogo_js(js: str) -> str:
    """The translations (not the English msgids) of Django's JavaScript catalog."""
    catalogo = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", js, re.S).group(1))
    return "\n".join(_cadenas(catalogo))


def en_ingles(texto: str) -> list[str]:
    hallados = [s for s in INGLES if re.search(rf"\b{re.escape(s)}\b", texto)]
    return hallados + sorted(set(TU.findall(texto)))


def test_the_main_admin_screens_have_no_english(admin_client):
    home = Page.objects.get(depth=2)
    pantallas = (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/pages/{home.pk}/history/",
        "/admin/pages/search/?q=zzzz",
        "/admin/snippets/documentos/area/",
        "/admin/snippets/documentos/area/?q=zzzz",
        "/admin/documentos/bandeja/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/jsi18n/",
    )
    fallas = {}
    for url in pantallas:
        respuesta = admin_client.get(url)
        assert respuesta.status_code == 200, url
        cuerpo = respuesta.content.decode()
        texto = _catalogo_js(cuerpo) if url.endswith("jsi18n/") else texto_visible(cuerpo)
        if hallados := en_ingles(texto):
            fallas[url] = hallados
    assert fallas == {}


def test_the_explorer_root_is_raiz_and_wagtails_english_groups_are_gone():
    assert Page.objects.get(depth=1).title == "Raíz"
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_the_compiled_catalogs_match_their_po(tmp_path, falta_servicio):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        falta_servicio("msgfmt (gettext) no está instalado")
    for dominio in ("django", "djangojs"):
        compilado = tmp_path / f"{dominio}.mo"
        po = LOCALE / f"{dominio}.po"
        subprocess.run([msgfmt, "--check", "-o", compilado, po], check=True)
        with compilado.open("rb") as nuevo, (LOCALE / f"{dominio}.mo").open("rb") as guardado:
            esperado = gettext.GNUTranslations(nuevo)._catalog
            assert gettext.GNUTranslations(guardado)._catalog == esperado, (
                f"{dominio}.mo no corresponde a {dominio}.po: compile con msgfmt (README)"
            )
        texto = po.read_text(encoding="utf-8")
        traducciones = "\n".join(re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', texto, re.M))
        assert en_ingles(traducciones) == [], po


def test_login_carries_the_entity_not_wagtail(client):
    html = client.get("/admin/login/").content.decode()
    assert "Iniciar sesión en Ayuntamiento de Ejemplo" in html
    assert "<title>Iniciar sesión - Ayuntamiento de Ejemplo</title>" in html
    assert "Wagtail" not in texto_visible(html)
    assert en_ingles(texto_visible(html)) == []
    assert "cms/folio.svg" in html


def test_staff_avatars_are_wagtails_own_not_gravatar(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar.com" not in html


def test_the_500_page_is_styled_and_reads_no_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        respuesta = error_servidor(rf.get("/"))
    html = respuesta.content.decode()
    assert respuesta.status_code == 500
    assert "css/folio.css" in html and settings.WAGTAIL_SITE_NAME in html
    assert "se perdió" not in html
    assert "acuse" in html


def test_under_debug_a_404_is_folios_page_and_says_how_to_see_djangos(client, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "cms.errores.PaginaNoEncontradaEnDesarrollo"]
    respuesta = client.get("/no-existe/")
    html = respuesta.content.decode()
    assert respuesta.status_code == 404
    assert "Página no encontrada" in html and "?tecnico=1" in html
    assert "Ayuntamiento de Ejemplo" in html
    intermedio = PaginaNoEncontradaEnDesarrollo(lambda request: None)
    tecnica = RequestFactory().get("/no-existe/?tecnico=1")
    assert intermedio.process_exception(tecnica, Http404()) is None
