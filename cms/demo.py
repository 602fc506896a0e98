"""Demo content for `make run`: a demo administrator and portal pages. Idempotent."""

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from .models import HomePage

DEMO_USERNAME = "admin"

HOME_INTRO = (
    "<p>Bienvenido a la Oficialía de Partes electrónica y portal de transparencia. "
    "Aquí puede consultar el catálogo de trámites, presentar un escrito en línea, "
    "revisar el estado de su folio, ver estadísticas en tiempo real y buscar en el "
    "archivo público.</p>"
)


@dataclass(frozen=True)
class DemoAdmin:
    username: str
    password: str
    created: bool


def credentials_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-admin.txt"


def ensure_demo_admin() -> DemoAdmin:
    """Create the demo superuser once; its password is kept in var/ (outside git)."""
    user_model = get_user_model()
    path = credentials_file()
    user = user_model.objects.filter(username=DEMO_USERNAME).first()
    if user is not None and path.exists():
        return DemoAdmin(DEMO_USERNAME, path.read_text().strip(), created=False)

    password = secrets.token_urlsafe(12)
    if user is None:
        user = user_model(username=DEMO_USERNAME, email="admin@folio.invalid")
    user.is_staff = user.is_superuser = True
    user.first_name, user.last_name = "Administración", "Demo"
    user.set_password(password)
    user.save()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password)
    path.chmod(0o600)
    return DemoAdmin(DEMO_USERNAME, password, created=True)


def load_portal() -> dict:
    """Portal pages and site settings (after documentos.demo made áreas). Idempotent."""
    from . import demo_contenido

    home = HomePage.objects.first()
    if home is not None and not home.intro:
        home.intro = HOME_INTRO
        home.save_revision().publish()
    demo_contenido.cargar_ajustes()
    return demo_contenido.cargar_paginas()


def versiones_publicas(aprobadas: int = 12, por_revisar: int = 4) -> tuple[int, int]:
    """Give some concluded public demo escritos their versión pública, so the public archive
    has content: their scans are read here (the OCR worker would take minutes), personal
    data suggested; most are approved by the Contraloría's titular (the transparency unit)
    and published, a few wait for review. Returns (approved, waiting); (0, 0) without
    Tesseract, without the demo escritos or when already done."""
    from documentos.models import Escrito, VersionPublica
    from documentos.services import flujo
    from documentos.services import version_publica as servicio
    from ocr import services as ocr_services
    from ocr.tesseract import tesseract_status

    transparencia = get_user_model().objects.filter(username="titular.con").first()
    if not (transparencia and tesseract_status().ready) or VersionPublica.objects.exists():
        return 0, 0
    candidatos = Escrito.objects.filter(
        clasificacion=Escrito.Clasificacion.PUBLICA,
        estado__in=[Escrito.Estado.CONCLUIDO, Escrito.Estado.ARCHIVADO],
    ).order_by("-recibido_en")[: aprobadas + por_revisar]
    hechas = [0, 0]
    for n, escrito in enumerate(candidatos):
        for archivo in escrito.archivos.all():
            ocr_services.leer_archivo(archivo.pk)
        version = servicio.preparar(escrito, usuario=transparencia)
        if n < aprobadas:
            sugeridas = version.cajas.values_list("pk", flat=True)
            servicio.decidir(version, list(sugeridas), True, usuario=transparencia)
            servicio.aprobar(version, usuario=transparencia)
            flujo.publicar(escrito, True, usuario=transparencia)
        hechas[n >= aprobadas] += 1
    return hechas[0], hechas[1]


def calidad_en_portal() -> int:
    """Publish the approved demo evaluations on a Calidad del servicio page and list their
    acciones de mejora as activities of the plan's atención al ciudadano componente (the same
    rows, no copy). Idempotent; returns how many evaluations the page shows."""
    from atencion.calidad.selectors_publicos import evaluaciones_publicas
    from atencion.models import Actividad

    from .demo_contenido import _hijo
    from .models import CalidadServicioPage, PlanAnticorrupcionPage, TransparenciaPage
    from .services_plan import agregar_actividad

    transparencia = TransparenciaPage.objects.filter(slug="transparencia").first()
    aprobadas = list(evaluaciones_publicas())
    if transparencia is None or not aprobadas:
        return 0
    pagina = _hijo(
        transparencia,
        CalidadServicioPage,
        "calidad-del-servicio",
        title="Calidad del servicio: evaluaciones y plan de mejora",
        search_description="Resultados de las evaluaciones de servicios y avance de sus acciones.",
        intro="<p>Cómo evaluamos nuestros trámites con la ciudadanía, qué encontramos y qué "
        "estamos mejorando, con indicadores medidos antes y después.</p>",
    )
    if set(pagina.evaluaciones.values_list("pk", flat=True)) != {e.pk for e in aprobadas}:
        pagina.evaluaciones.set(aprobadas)
        pagina.save_revision().publish()
    plan = PlanAnticorrupcionPage.objects.filter(slug="plan").first()
    if plan is not None:
        for accion in Actividad.objects.filter(oportunidad__evaluacion__in=aprobadas):
            agregar_actividad(plan, accion)
    return len(aprobadas)
