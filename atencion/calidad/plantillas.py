"""Presets of evaluation models: templates to start from, not hard-coded law.

`services.cargar_plantilla(clave)` copies one into a ModeloCalidad (components and criteria
as rows); from then on staff edit the copy in the admin ("Modelos de evaluación") to match
their own norma, and a new version of a norma is a new preset or an edited copy.

Where the names come from:
- "peru": the six components of the Modelo para la Gestión de la Calidad de Servicios in
  section 6.1 of Peru's Norma Técnica para la Gestión de la Calidad de Servicios en el Sector
  Público (Resolución de Secretaría de Gestión Pública N.° 006-2019-PCM/SGP, modified by
  N.° 007-2019-PCM/SGP; Presidencia del Consejo de Ministros, sgp.pcm.gob.pe and gob.pe).
- "oaxaca": the five components of the Government of Oaxaca's Manual de Gestión al Servicio
  Ciudadano (Secretaría de Administración and Secretaría de Finanzas, 2017), as the state
  announced it.
The criteria under each component are Folio's own wording of what an equipo evaluador
looks for (2 to 4 per component); neither document fixes them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CriterioPlantilla:
    texto: str
    guia: str = ""


@dataclass(frozen=True)
class ComponentePlantilla:
    nombre: str
    descripcion: str
    criterios: tuple[CriterioPlantilla, ...]


@dataclass(frozen=True)
class Plantilla:
    clave: str
    nombre: str
    base_legal: str
    componentes: tuple[ComponentePlantilla, ...]


C, K = ComponentePlantilla, CriterioPlantilla

PERU = Plantilla(
    clave="peru",
    nombre="Modelo para la Gestión de la Calidad de Servicios (Perú, RSGP 006-2019-PCM/SGP)",
    base_legal=(
        "Norma Técnica para la Gestión de la Calidad de Servicios en el Sector Público, "
        "aprobada por Resolución de Secretaría de Gestión Pública N.° 006-2019-PCM/SGP y "
        "modificada por la N.° 007-2019-PCM/SGP (Presidencia del Consejo de Ministros)."
    ),
    componentes=(
        C(
            "Conocer las necesidades y expectativas de las personas",
            "Quiénes usan el servicio y qué necesitan y esperan de él.",
            (
                K(
                    "Se sabe quiénes usan el servicio (caracterización de las personas "
                    "usuarias) y esa información está al día.",
                    "Documento de caracterización; escritos y turnos por tipo de remitente.",
                ),
                K(
                    "Se pregunta directamente a las personas qué necesitan y esperan "
                    "(encuestas, entrevistas, grupos focales, buzón).",
                    "Cuestionarios, resultados de encuestas, actas de grupos focales.",
                ),
                K(
                    "Las quejas, reclamos y sugerencias se registran y se analizan.",
                    "Reporte de quejas y denuncias del periodo con su análisis.",
                ),
            ),
        ),
        C(
            "Identificar el valor del servicio",
            "Qué atributos del servicio valoran las personas y qué estándares se fijan.",
            (
                K(
                    "Se conocen los atributos que las personas más valoran (tiempo, trato, "
                    "información, resultado) y están priorizados.",
                    "Análisis de encuestas o talleres; matriz de atributos priorizados.",
                ),
                K(
                    "Los atributos valorados se traducen en estándares del servicio (plazos, "
                    "horarios, requisitos) publicados para la ciudadanía.",
                    "Ficha del trámite en el catálogo; carta de servicios; avisos en sede.",
                ),
            ),
        ),
        C(
            "Fortalecer el servicio",
            "El proceso, los canales, la infraestructura y las personas que atienden.",
            (
                K(
                    "El proceso del servicio está documentado y simplificado, sin pasos ni "
                    "requisitos innecesarios.",
                    "Diagrama del proceso; requisitos comparados con la norma que los exige.",
                ),
                K(
                    "Los canales de atención (presencial, teléfono, en línea) son accesibles y "
                    "dan la misma información.",
                    "Revisión de cada canal; prueba del trámite en línea.",
                ),
                K(
                    "La infraestructura, el equipo y la señalización permiten una atención "
                    "cómoda e inclusiva.",
                    "Lista de verificación de la sede con fotografías.",
                ),
                K(
                    "El personal que atiende está capacitado y tiene la información para resolver.",
                    "Registro de capacitaciones; observación de la atención.",
                ),
            ),
        ),
        C(
            "Medición y análisis de la calidad del servicio",
            "Cómo se mide la satisfacción y el desempeño, y qué se hace con los resultados.",
            (
                K(
                    "La satisfacción de las personas con el servicio se mide periódicamente.",
                    "Resultados de las encuestas de satisfacción del periodo.",
                ),
                K(
                    "Se miden indicadores de desempeño (espera, tiempo de respuesta, "
                    "cumplimiento de plazos) y se comparan con los estándares.",
                    "Cifras del periodo en Folio; tablero de indicadores.",
                ),
                K(
                    "Los resultados se analizan y dan lugar a acciones de mejora.",
                    "Actas de revisión; acciones de mejora con su origen.",
                ),
            ),
        ),
        C(
            "Liderazgo y compromiso de la Alta Dirección",
            "El respaldo de quienes dirigen la entidad.",
            (
                K(
                    "La alta dirección prioriza la calidad del servicio y asigna recursos para "
                    "mejorarla.",
                    "Priorización aprobada; presupuesto o personal asignado.",
                ),
                K(
                    "La alta dirección da seguimiento a los resultados y a las acciones de mejora.",
                    "Actas o informes de seguimiento firmados.",
                ),
            ),
        ),
        C(
            "Cultura de calidad en el servicio a las personas",
            "Los valores y prácticas de servicio que comparte el personal.",
            (
                K(
                    "El personal conoce y aplica el enfoque de servicio a las personas (trato "
                    "digno, igualdad, sin discriminación).",
                    "Protocolo de atención; observación; encuesta al personal.",
                ),
                K(
                    "Se reconocen las buenas prácticas y se difunden las lecciones aprendidas.",
                    "Reconocimientos; boletines o reuniones de lecciones aprendidas.",
                ),
            ),
        ),
    ),
)

OAXACA = Plantilla(
    clave="oaxaca",
    nombre="Manual de Gestión al Servicio Ciudadano (Oaxaca)",
    base_legal=(
        "Manual de Gestión al Servicio Ciudadano del Gobierno del Estado de Oaxaca "
        "(Secretaría de Administración y Secretaría de Finanzas, 2017), en el marco de la "
        "Gestión para Resultados del Plan Estatal de Desarrollo 2016-2022."
    ),
    componentes=(
        C(
            "Diagnóstico de la Situación Actual",
            "Inventario de trámites, satisfacción, clima laboral e infraestructura.",
            (
                K(
                    "El inventario de trámites y servicios está completo y al día (requisitos, "
                    "costos, plazos).",
                    "Catálogo de trámites de Folio.",
                ),
                K(
                    "Se conoce el grado de satisfacción de las personas usuarias.",
                    "Resultados de las encuestas de satisfacción.",
                ),
                K(
                    "Se midió el clima laboral del personal de atención.",
                    "Encuesta de clima laboral y sus resultados.",
                ),
                K(
                    "Se revisó la infraestructura física y tecnológica de las áreas de atención.",
                    "Lista de verificación de la sede.",
                ),
            ),
        ),
        C(
            "Mejora de Procesos",
            "Procesos ágiles y sin pasos innecesarios.",
            (
                K(
                    "El proceso está mapeado y se quitaron pasos y requisitos innecesarios.",
                    "Diagrama antes y después; requisitos eliminados.",
                ),
                K(
                    "Los tiempos de espera y de respuesta se miden y bajan.",
                    "Cifras del periodo comparadas con el anterior.",
                ),
            ),
        ),
        C(
            "Cultura de Atención al Ciudadano",
            "Personal capacitado y un trato de calidad.",
            (
                K(
                    "El personal de atención está capacitado en servicio a la ciudadanía.",
                    "Constancias de capacitación.",
                ),
                K(
                    "Se aplica un protocolo de atención y se evalúa el trato.",
                    "Protocolo; resultados de la pregunta de trato en las encuestas.",
                ),
            ),
        ),
        C(
            "Mejoramiento de Infraestructura Física y Tecnológica",
            "Espacios confortables, funcionales y homogéneos; aplicaciones y equipo.",
            (
                K(
                    "Los espacios de atención son confortables, funcionales y accesibles "
                    "(señalización, asientos, accesos).",
                    "Fotografías; lista de verificación de accesibilidad.",
                ),
                K(
                    "El equipo, las aplicaciones informáticas y la conectividad permiten "
                    "atender sin demoras.",
                    "Inventario de equipo; registro de fallas.",
                ),
            ),
        ),
        C(
            "Mejora Continua",
            "Medir, evaluar y mejorar de forma sistemática.",
            (
                K(
                    "Hay indicadores con seguimiento periódico.",
                    "Fichas de indicadores y su seguimiento.",
                ),
                K(
                    "Los resultados dan lugar a acciones de mejora que se revisan.",
                    "Plan de mejora con avances.",
                ),
            ),
        ),
    ),
)

PLANTILLAS: dict[str, Plantilla] = {p.clave: p for p in (PERU, OAXACA)}

DESCRIPCIONES = {
    "peru": _("Los seis componentes de la norma técnica peruana de calidad de servicios."),
    "oaxaca": _("Los cinco componentes del manual de servicio ciudadano de Oaxaca."),
}
