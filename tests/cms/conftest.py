"""Fixtures of the portal tests: a small catalog, a plan and escritos with known dates."""

import datetime as dt

import pytest
from wagtail.models import Page

from atencion.models import Seguimiento
from cms.models import (
    EstadisticasPage,
    HomePage,
    PlanAnticorrupcionPage,
    RequisitoTramite,
    TramiteIndexPage,
    TramitePage,
    TransparenciaPage,
)
from tests.factories import ActividadFactory, AreaFactory, TemaFactory, UsuarioFactory


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def obras(db):
    return AreaFactory(nombre="Dirección de Obra Pública", siglas="DOP")


@pytest.fixture
def finanzas(db):
    return AreaFactory(nombre="Secretaría de Finanzas", siglas="FIN")


@pytest.fixture
def tema_obras(db):
    return TemaFactory(nombre="Obras y servicios")


@pytest.fixture
def tema_pagos(db):
    return TemaFactory(nombre="Predial y pagos")


def publicar(padre: Page, pagina: Page) -> Page:
    padre.add_child(instance=pagina)
    pagina.save_revision().publish()
    return pagina


@pytest.fixture
def catalogo(home, obras, finanzas, tema_obras, tema_pagos):
    indice = publicar(home, TramiteIndexPage(title="Trámites y servicios", slug="tramites"))
    licencia = TramitePage(
        title="Licencia de construcción",
        slug="licencia-de-construccion",
        descripcion="Autorización para construir o ampliar una obra.",
        quien_puede="<p>Personas propietarias del predio.</p>",
        costo=1850,
        costo_fundamento="Ley de Ingresos, art. 25",
        plazo_dias=15,
        area_responsable=obras,
        tema=tema_obras,
        modalidad="mixta",
        url_en_linea="/oficialia/nuevo/",
    )
    licencia.requisitos.add(
        RequisitoTramite(nombre="Planos arquitectónicos", presentacion="original_y_copia")
    )
    licencia.requisitos.add(RequisitoTramite(nombre="Escritura del predio", presentacion="copia"))
    publicar(indice, licencia)
    predial = publicar(
        indice,
        TramitePage(
            title="Pago del impuesto predial",
            slug="predial",
            descripcion="Pago anual del impuesto sobre la propiedad de un inmueble.",
            quien_puede="<p>Cualquier persona con la clave catastral.</p>",
            area_responsable=finanzas,
            tema=tema_pagos,
            modalidad="en_linea",
            url_en_linea="https://pagos.example.gob.mx/predial",
        ),
    )
    bacheo = publicar(
        indice,
        TramitePage(
            title="Reporte de bacheo",
            slug="bacheo",
            descripcion="Aviso de baches en la vía pública para su reparación.",
            quien_puede="<p>Cualquier persona.</p>",
            costo=0,
            area_responsable=obras,
            tema=tema_obras,
            modalidad="presencial",
        ),
    )
    return {"indice": indice, "licencia": licencia, "predial": predial, "bacheo": bacheo}


@pytest.fixture
def transparencia(home):
    return publicar(home, TransparenciaPage(title="Transparencia", slug="transparencia"))


def actividad(nombre, responsable, inicio, fin, cortes=()):
    return ActividadFactory(
        nombre=nombre,
        indicador__nombre="Indicador",
        area_responsable=responsable,
        inicio=inicio,
        fin=fin,
        cortes=cortes,
    )


@pytest.fixture
def plan(transparencia, obras, finanzas):
    d = dt.date
    return publicar(
        transparencia,
        PlanAnticorrupcionPage(
            title="Plan Anticorrupción 2026",
            slug="plan",
            vigencia=2026,
            componentes=[
                (
                    "componente",
                    {
                        "nombre": "Gestión del riesgo de corrupción",
                        "descripcion": "",
                        "actividades": [
                            actividad(
                                "Mapa de riesgos",
                                obras,
                                d(2026, 1, 1),
                                d(2026, 3, 31),
                                [(d(2026, 4, 30), 100), (d(2026, 2, 28), 40)],
                            ),
                            actividad(
                                "Monitoreo de controles", finanzas, d(2026, 4, 1), d(2026, 12, 31)
                            ),
                        ],
                    },
                ),
                (
                    "componente",
                    {
                        "nombre": "Racionalización de trámites",
                        "descripcion": "Menos requisitos.",
                        "actividades": [
                            actividad(
                                "Licencia en línea",
                                finanzas,
                                d(2026, 2, 1),
                                d(2026, 6, 30),
                                [(d(2026, 4, 30), 50)],
                            ),
                        ],
                    },
                ),
            ],
        ),
    )


@pytest.fixture
def estadisticas_page(transparencia):
    return publicar(
        transparencia,
        EstadisticasPage(title="Estadísticas", slug="estadisticas", meses_por_defecto=12),
    )


@pytest.fixture
def respondedor(db):
    return UsuarioFactory(username="respondedor")


@pytest.fixture
def plan_con_texto(transparencia):
    """A plan whose title, componente, actividad, meta, indicador and área all read `texto`."""

    def _plan(texto):
        area = AreaFactory(nombre=texto, siglas="HOST")
        return publicar(
            transparencia,
            PlanAnticorrupcionPage(
                title=f"Plan {texto}",
                slug="plan",
                vigencia=2026,
                componentes=[
                    (
                        "componente",
                        {
                            "nombre": texto,
                            "descripcion": "",
                            "actividades": [
                                ActividadFactory(
                                    nombre=texto,
                                    meta=texto,
                                    indicador__nombre=texto,
                                    area_responsable=area,
                                    cortes=[(dt.date(2026, 3, 1), 40)],
                                )
                            ],
                        },
                    )
                ],
            ),
        )

    return _plan


@pytest.fixture
def evidencia(db):
    """A real (tiny) PDF as a Wagtail document."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from tests.factories import pdf_bytes

    return Document.objects.create(
        title="Acta de la sesión", file=ContentFile(pdf_bytes(), name="acta.pdf")
    )


@pytest.fixture
def plan_grande(transparencia, obras, evidencia):
    """A plan of 5 componentes of 10 actividades, each with its área, indicator and two
    seguimientos, the latest with evidence."""
    d = dt.date
    componentes = []
    for c in range(5):
        filas = [
            actividad(
                f"Actividad {c}.{a}",
                obras,
                d(2026, 1, 1),
                d(2026, 12, 31),
                [(d(2026, 4, 30), 30), (d(2026, 8, 31), 60)],
            )
            for a in range(10)
        ]
        Seguimiento.objects.filter(actividad__in=filas, avance=60).update(evidencia=evidencia)
        componentes.append(
            ("componente", {"nombre": f"Componente {c}", "descripcion": "", "actividades": filas})
        )
    return publicar(
        transparencia,
        PlanAnticorrupcionPage(
            title="Plan grande", slug="plan-grande", vigencia=2026, componentes=componentes
        ),
    )
