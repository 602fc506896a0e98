"""Published portal pages in the search, on both backends: only live pages without view
restrictions, refreshed through the outbox on publish, unpublish and delete."""

import pytest
from wagtail.models import PageViewRestriction

from busqueda import services
from busqueda.backends import actual
from busqueda.selectors import buscar_paginas
from cms.models import HomePage, TramiteIndexPage, TramitePage


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def publicar(django_capture_on_commit_callbacks):
    def _publicar(padre, pagina):
        with django_capture_on_commit_callbacks(execute=True):
            padre.add_child(instance=pagina)
            pagina.save_revision().publish()
        actual().refrescar()
        return pagina

    return _publicar


@pytest.fixture
def tramites(home, publicar, backend):
    services.reconstruir()
    return publicar(home, TramiteIndexPage(title="Trámites y servicios", slug="tramites"))


def tramite(titulo, slug, descripcion, **extra):
    from documentos.models import Area

    area, _ = Area.objects.get_or_create(nombre="Atención ciudadana", siglas="AC")
    return TramitePage(
        title=titulo,
        slug=slug,
        descripcion=descripcion,
        quien_puede="<p>Cualquier persona.</p>",
        area_responsable=area,
        **extra,
    )


def titulos(q):
    actual().refrescar()
    return [p.titulo for p in buscar_paginas(q)]


def test_pagina_publicada_se_encuentra_sin_acentos(tramites, publicar):
    publicar(
        tramites,
        tramite(
            "Licencia de construcción",
            "licencia",
            "Autorización para construir o ampliar una obra en su predio.",
        ),
    )
    assert titulos("construccion") == ["Licencia de construcción"]
    assert titulos("ampliar predio") == ["Licencia de construcción"]
    (resultado,) = buscar_paginas("predios")
    assert resultado.url == "/tramites/licencia/"
    assert "<mark>predio</mark>" in resultado.fragmento


def test_borrador_despublicada_y_borrada_no_aparecen(
    tramites, publicar, django_capture_on_commit_callbacks
):
    borrador = tramite("Permiso de mudanza", "mudanza", "Mudanza", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        tramites.add_child(instance=borrador)
        borrador.save_revision()
    assert titulos("mudanza") == []

    poda = publicar(tramites, tramite("Permiso de poda", "poda", "Árboles"))
    assert titulos("poda") == ["Permiso de poda"]
    with django_capture_on_commit_callbacks(execute=True):
        poda.unpublish()
    assert titulos("poda") == []

    pipas = publicar(tramites, tramite("Pipas de agua", "pipas", "Agua"))
    assert titulos("pipas") == ["Pipas de agua"]
    with django_capture_on_commit_callbacks(execute=True):
        pipas.delete()
    assert titulos("pipas") == []


def test_paginas_con_restriccion_de_acceso_no_aparecen(
    tramites, publicar, django_capture_on_commit_callbacks
):
    interna = publicar(tramites, tramite("Guía interna", "guia", "Manual"))
    assert titulos("manual") == ["Guía interna"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=tramites, restriction_type="login")
    assert titulos("manual") == []
    assert services.pendientes() == 0
    assert interna.pk not in actual().firmas("paginas")


def test_api_de_paginas(client, tramites, publicar):
    publicar(tramites, tramite("Constancia de residencia", "residencia", "Domicilio"))
    datos = client.get("/api/busqueda/paginas/", {"q": "residencia"}).json()
    assert [p["titulo"] for p in datos["resultados"]] == ["Constancia de residencia"]
    html = client.get("/buscar/", {"q": "residencia"}).content.decode()
    assert "Páginas del portal" in html and "/tramites/residencia/" in html
