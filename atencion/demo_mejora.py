"""Demo acciones de mejora for `make run`: for the approved evaluations (those of
demo_calidad; without them, two of its own: predial at Finanzas and the water complaints at
Obra Pública), actions in progress with seguimientos and indicators Folio computes from the
demo escritos, plus one overdue so the alerts show. Planned and followed through
services_mejora. Idempotent: does nothing once an acción de mejora exists; needs the demo
áreas, escritos and the administrator first."""

import datetime as dt
import io
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas
from wagtail.models import Page

from documentos.models import Area, Tema

from .calidad import services_mejora as sm
from .models import (
    Actividad,
    ComponenteModelo,
    Criterio,
    Evaluacion,
    Indicador,
    ModeloCalidad,
    OportunidadMejora,
    Servicio,
)

C = Indicador.Calculo
# Tried in this order: the first one with data in the evaluated period is used.
CALCULADOS = (C.RESPUESTA_MEDIANA, C.EN_PLAZO, C.QUEJAS, C.SATISFACCION, C.ESPERA_MEDIA)
# (name, área siglas, tema, oportunidad, cause) of the evaluations made when there are none.
PROPIAS = [
    (
        "Pago del impuesto predial",
        "FIN",
        "Predial y pagos",
        "Responder en menos días los reclamos por el cobro del predial",
        "Los reclamos se turnan en papel y esperan la firma del titular.",
    ),
    (
        "Atención de quejas por falta de agua potable",
        "DOP",
        "Agua potable",
        "Dar respuesta en plazo a las quejas por falta de agua",
        "Las quejas no se asignan a una cuadrilla el mismo día.",
    ),
]
ACCIONES_CALCULADAS = {
    C.RESPUESTA_MEDIANA: (
        "Turnar los escritos en el día por Folio",
        "Mediana de días para responder",
    ),
    C.EN_PLAZO: (
        "Asignar cada escrito a un responsable el mismo día",
        "Escritos respondidos en plazo",
    ),
    C.QUEJAS: ("Publicar el calendario de atención", "Quejas y denuncias por mes"),
    C.SATISFACCION: ("Capacitar en atención a la ciudadanía", "Satisfacción en las encuestas"),
    C.ESPERA_MEDIA: ("Abrir una segunda ventanilla", "Espera media en ventanilla"),
}


def _evidencia(titulo: str, lineas: list[str]) -> SimpleUploadedFile:
    salida = io.BytesIO()
    hoja = canvas.Canvas(salida, pagesize=LETTER)
    hoja.setFont("Helvetica-Bold", 14)
    hoja.drawString(72, 720, titulo)
    hoja.setFont("Helvetica", 11)
    for i, linea in enumerate(lineas):
        hoja.drawString(72, 690 - 18 * i, linea)
    hoja.showPage()
    hoja.save()
    return SimpleUploadedFile("acta-de-avance.pdf", salida.getvalue())


def _modelo() -> ModeloCalidad:
    modelo, creado = ModeloCalidad.objects.get_or_create(
        nombre="Modelo de gestión de la calidad (demostración)",
        defaults={"base_legal": "Norma técnica RSGP 006-2019-PCM/SGP"},
    )
    if creado:
        componente = ComponenteModelo.objects.create(
            modelo=modelo, numero=1, nombre="Gestión de procesos"
        )
        Criterio.objects.create(
            componente=componente, numero=1, texto="Los plazos de respuesta se cumplen"
        )
    return modelo


def _evaluaciones_propias(admin, hoy: dt.date) -> list[Evaluacion]:
    """Two approved evaluations, for when the evaluation part made none."""
    modelo, hechas = _modelo(), []
    for nombre, siglas, tema, oportunidad, causa in PROPIAS:
        area = Area.objects.filter(siglas=siglas).first()
        if area is None:
            continue
        tramite = Page.objects.filter(title=nombre).first()  # the catalog's, if there is one
        evaluacion = Evaluacion.objects.create(
            nombre=nombre,
            modelo=modelo,
            tramite=tramite,
            area=area,
            tema=Tema.objects.filter(nombre=tema).first(),
            periodo_desde=hoy - dt.timedelta(days=540),
            periodo_hasta=hoy - dt.timedelta(days=181),
            motivo="Demoras y reclamos frecuentes (demostración).",
            estado=Evaluacion.Estado.APROBADA,
            creada_por=admin,
            aprobada_por=admin,
            aprobada_en=timezone.now(),
        )
        if tramite is not None:
            evaluacion.servicios.set(Servicio.objects.filter(tramite=tramite))
        OportunidadMejora.objects.create(
            evaluacion=evaluacion,
            componente=modelo.componentes.first(),
            descripcion=oportunidad,
            causa=causa,
            prioridad=OportunidadMejora.Prioridad.ALTA,
            registrada_por=admin,
        )
        hechas.append(evaluacion)
    return hechas


def _mejorable(calculo: str, base: Decimal | None) -> bool:
    if base is None:
        return False
    tope = {C.EN_PLAZO: Decimal("100"), C.SATISFACCION: Decimal("5")}.get(calculo)
    return base < tope if tope is not None else base > 0


def _calculo(evaluacion: Evaluacion, usados: set) -> str | None:
    """The first computed indicator with data in the evaluated period that can improve
    (another one than the other evaluation's, when there is one)."""
    candidatos = [c for c in CALCULADOS if c not in usados] + [c for c in CALCULADOS if c in usados]
    for calculo in candidatos:
        if _mejorable(calculo, sm.linea_base_medida(evaluacion, calculo)):
            return calculo
    return None


def _meta(evaluacion: Evaluacion, calculo: str) -> Decimal:
    """A target about 20 % better than the measured línea base."""
    base = sm.linea_base_medida(evaluacion, calculo)
    if calculo == C.EN_PLAZO:
        return min(Decimal("100"), round(base * Decimal("1.2") + 5, 0))
    if calculo == C.SATISFACCION:
        return min(Decimal("5"), round(base + Decimal("0.5"), 1))
    return max(Decimal("0"), base - max(round(base * Decimal("0.2"), 2), Decimal("0.01")))


def _inicio(evaluacion: Evaluacion, hoy: dt.date) -> dt.date:
    return max(evaluacion.periodo_hasta + dt.timedelta(days=1), hoy - dt.timedelta(days=180))


def _planificar(oportunidad, admin, hoy, **datos) -> Actividad:
    evaluacion = oportunidad.evaluacion
    base = {
        "area_responsable": evaluacion.area,
        "responsable": None,
        "inicio": _inicio(evaluacion, hoy),
        "fin": hoy + dt.timedelta(days=90),
        "indicador_frecuencia": Indicador.Frecuencia.MENSUAL,
        "indicador_formula": "",
        "indicador_fuente": "",
        "indicador_unidad": "",
        "indicador_linea_base": None,
        "indicador_mayor_es_mejor": True,
    }
    return sm.planificar_accion(oportunidad, base | datos, admin)


def _cortes(actividad, responsable, hoy, avances: list[tuple[int, int, str]], valores=None):
    """Seguimientos `dias` before today; the first one carries an evidence file."""
    for i, (dias, avance, descripcion) in enumerate(avances):
        fecha = max(actividad.inicio, hoy - dt.timedelta(days=dias))
        sm.registrar_seguimiento(
            actividad,
            fecha=fecha,
            avance=avance,
            descripcion=descripcion,
            valor=valores[i] if valores else None,
            evidencia=_evidencia(actividad.nombre, [descripcion, f"Corte del {fecha:%d/%m/%Y}"])
            if i == 0
            else None,
            usuario=responsable,
        )


def cargar(hoy: dt.date | None = None) -> int:
    """Plan and follow the demo actions; returns how many were planned."""
    if Actividad.objects.filter(oportunidad__isnull=False).exists():
        return 0
    hoy = hoy or timezone.localdate()
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if admin is None:
        return 0
    evaluaciones = list(
        Evaluacion.objects.filter(estado=Evaluacion.Estado.APROBADA).order_by("pk")[:2]
    ) or _evaluaciones_propias(admin, hoy)
    planificadas, usados = 0, set()
    for n, evaluacion in enumerate(evaluaciones):
        oportunidad = evaluacion.oportunidades.order_by("pk").first()
        responsable = evaluacion.area.personal.filter(is_active=True).order_by("username").first()
        if oportunidad is None or responsable is None or _inicio(evaluacion, hoy) >= hoy:
            continue
        calculo = _calculo(evaluacion, usados)
        if calculo is not None:
            usados.add(calculo)
            nombre, indicador = ACCIONES_CALCULADAS[calculo]
            actividad = _planificar(
                oportunidad,
                admin,
                hoy,
                nombre=nombre,
                meta="Procedimiento publicado y aplicado por todo el personal del área",
                indicador_nombre=indicador,
                indicador_calculo=calculo,
                indicador_meta=_meta(evaluacion, calculo),
            )
            _cortes(
                actividad,
                responsable,
                hoy,
                [
                    (150, 20, "Se acordó el procedimiento con el personal del área."),
                    (90, 45, "Se capacitó al personal en el uso de Folio."),
                    (30, 60, "El procedimiento se aplica en todos los escritos nuevos."),
                ],
            )
            planificadas += 1
        if n == 0 and _inicio(evaluacion, hoy) < hoy - dt.timedelta(days=60):
            # A manual indicator, overdue: it shows in the alerts.
            actividad = _planificar(
                oportunidad,
                admin,
                hoy,
                nombre="Capacitar al personal de ventanilla",
                meta="Todo el personal de ventanilla capacitado",
                fin=hoy - dt.timedelta(days=20),
                indicador_nombre="Personas capacitadas",
                indicador_calculo=C.MANUAL,
                indicador_unidad="personas",
                indicador_linea_base=Decimal("0"),
                indicador_meta=Decimal("12"),
            )
            _cortes(
                actividad,
                responsable,
                hoy,
                [
                    (120, 30, "Primer grupo capacitado."),
                    (40, 70, "Segundo grupo capacitado; falta el turno vespertino."),
                ],
                valores=[Decimal("4"), Decimal("8")],
            )
            planificadas += 1
    return planificadas
