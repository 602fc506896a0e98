"""Demo content of the portal: site settings, trámites, transparency pages and the
anti-corruption plan. Uses the áreas and temas of documentos.demo (the escritos behind the
statistics come from there too). Everything is created only when missing (idempotent)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

DEMO_CONTACTO = "demo-portal@folio.invalid"

# Temas the trámites use besides those of documentos.demo.
TEMAS_EXTRA = ["Comercio"]

# (nombre, siglas del área, tema, modalidad, costo, plazo, descripción, quién, requisitos)
TRAMITES = [
    (
        "Licencia de construcción",
        "DOP",
        "Obras y servicios",
        "mixta",
        Decimal("1850.00"),
        15,
        "Autorización para construir, ampliar o remodelar una obra en un predio del municipio.",
        "Personas propietarias del predio o su representante legal.",
        [
            ("Solicitud firmada (formato DDU-01)", "original", ""),
            ("Escritura o título de propiedad", "copia", "Inscrita en el Registro Público."),
            (
                "Planos arquitectónicos firmados por perito responsable",
                "original_y_copia",
                "Dos juegos.",
            ),
            ("Recibo de pago del impuesto predial del año en curso", "copia", ""),
            ("Identificación oficial vigente", "copia", ""),
        ],
    ),
    (
        "Constancia de alineamiento y número oficial",
        "DOP",
        "Obras y servicios",
        "presencial",
        Decimal("420.00"),
        10,
        "Documento que fija el límite del predio con la vía pública y le asigna su número oficial.",
        "Personas propietarias o poseedoras del predio.",
        [
            ("Solicitud por escrito", "original", ""),
            ("Documento que acredite la propiedad o posesión", "copia", ""),
            ("Croquis de ubicación del predio", "original", "Con calles colindantes."),
        ],
    ),
    (
        "Pago del impuesto predial",
        "FIN",
        "Predial y pagos",
        "en_linea",
        None,
        None,
        "Pago anual del impuesto sobre la propiedad de un inmueble, con descuento en enero y febrero.",
        "Cualquier persona con la clave catastral del predio.",
        [("Clave catastral o recibo del año anterior", "no_aplica", "")],
    ),
    (
        "Inscripción al programa de apoyo alimentario",
        "BIE",
        "Programas sociales",
        "mixta",
        None,
        10,
        "Registro para recibir una despensa mensual en hogares con ingresos bajos.",
        "Personas mayores de 18 años que vivan en el municipio.",
        [
            ("Identificación oficial vigente", "copia", ""),
            ("CURP", "copia", ""),
            ("Comprobante de domicilio", "copia", "No mayor a tres meses."),
            ("Estudio socioeconómico", "original", "Lo aplica el personal de Bienestar."),
        ],
    ),
    (
        "Certificado médico para manejo de alimentos",
        "SAL",
        "Salud",
        "presencial",
        Decimal("150.00"),
        None,
        "Certificado que exigen los negocios de alimentos a quienes preparan o venden comida.",
        "Personas que trabajen en establecimientos de alimentos.",
        [
            ("Identificación oficial vigente", "copia", ""),
            ("Resultados de laboratorio (exudado faríngeo y coproparasitoscópico)", "original", ""),
        ],
    ),
    (
        "Constancia de servicios para ex trabajadores municipales",
        "RH",
        "Personal",
        "presencial",
        Decimal("80.00"),
        5,
        "Constancia de los periodos y puestos en que una persona trabajó en el Ayuntamiento.",
        "La persona ex trabajadora o quien tenga su poder.",
        [
            ("Identificación oficial vigente", "copia", ""),
            ("Último recibo de nómina", "copia", "Si lo tiene."),
        ],
    ),
    (
        "Licencia de funcionamiento para comercio de bajo riesgo",
        "FIN",
        "Comercio",
        "en_linea",
        Decimal("730.00"),
        3,
        "Permiso anual para abrir y operar un negocio de bajo riesgo (tienda, papelería, cafetería).",
        "Personas físicas o morales titulares del negocio.",
        [
            ("Formato de solicitud en línea", "no_aplica", ""),
            ("RFC del titular", "copia", ""),
            ("Comprobante de domicilio del establecimiento", "copia", ""),
            ("Visto bueno de Protección Civil", "copia", "Solo si el local mide más de 100 m²."),
        ],
    ),
    (
        "Reporte de alumbrado público o bacheo",
        "DOP",
        "Obras y servicios",
        "mixta",
        None,
        5,
        "Aviso de lámparas apagadas, baches o fugas en la vía pública para su reparación.",
        "Cualquier persona.",
        [("Ubicación precisa del problema (calle, número, referencias)", "no_aplica", "")],
    ),
    (
        "Solicitud de acceso a la información pública",
        "UT",
        "Acceso a la información",
        "mixta",
        None,
        20,
        "Pida cualquier documento que el Ayuntamiento genere, obtenga o conserve.",
        "Cualquier persona, sin necesidad de acreditar interés ni identificarse.",
        [("Descripción clara de la información que solicita", "no_aplica", "")],
    ),
    (
        "Queja o denuncia contra servidores públicos",
        "CON",
        "Anticorrupción",
        "mixta",
        None,
        15,
        "Denuncie malos tratos, cobros indebidos o intermediarios (coyotaje) en cualquier trámite.",
        "Cualquier persona; puede presentarse de forma anónima.",
        [
            ("Relato de los hechos: qué pasó, cuándo y dónde", "no_aplica", ""),
            ("Pruebas con que cuente (fotos, recibos)", "copia", "Opcional."),
        ],
    ),
    (
        "Presentación de escritos ante la Oficialía de Partes",
        "OFP",
        "Sugerencias",
        "mixta",
        None,
        None,
        "Entregue peticiones, quejas o documentos dirigidos al Ayuntamiento y reciba su folio y acuse.",
        "Cualquier persona física o moral.",
        [
            ("Escrito firmado con nombre y medio de contacto", "original_y_copia", ""),
            ("Anexos que mencione en el escrito", "copia", ""),
        ],
    ),
]

COMPONENTES = [
    (
        "Gestión del riesgo de corrupción",
        "Identificar, valorar y tratar los riesgos de corrupción de los procesos.",
        [
            (
                "Actualizar el mapa de riesgos de corrupción",
                "Mapa de riesgos publicado",
                "Mapa publicado (sí/no)",
                "CON",
                1,
                3,
            ),
            (
                "Monitorear los controles del mapa de riesgos",
                "Tres informes cuatrimestrales",
                "Informes publicados / 3",
                "CON",
                4,
                12,
            ),
        ],
    ),
    (
        "Racionalización de trámites",
        "Simplificar y digitalizar los trámites más solicitados.",
        [
            (
                "Digitalizar la licencia de funcionamiento de bajo riesgo",
                "Trámite 100 % en línea",
                "Solicitudes en línea / total",
                "FIN",
                2,
                7,
            ),
            (
                "Reducir requisitos de la licencia de construcción",
                "Dos requisitos menos",
                "Requisitos eliminados",
                "DOP",
                5,
                10,
            ),
        ],
    ),
    (
        "Rendición de cuentas",
        "Informar a la ciudadanía y dialogar sobre la gestión.",
        [
            (
                "Audiencia pública de rendición de cuentas",
                "Una audiencia con acta",
                "Audiencias realizadas",
                "CON",
                9,
                11,
            ),
        ],
    ),
    (
        "Mecanismos para mejorar la atención al ciudadano",
        "Oficialía de Partes electrónica y mejores canales de atención.",
        [
            (
                "Poner en marcha la Oficialía de Partes electrónica",
                "Sistema en operación",
                "Escritos recibidos en línea",
                "OFP",
                1,
                6,
            ),
            (
                "Capacitar al personal de ventanilla",
                "80 personas capacitadas",
                "Personas capacitadas / 80",
                "RH",
                3,
                9,
            ),
        ],
    ),
    (
        "Transparencia y acceso a la información",
        "Publicar información útil y responder a tiempo.",
        [
            (
                "Publicar estadísticas de escritos en tiempo real",
                "Tablero público",
                "Tablero en línea (sí/no)",
                "UT",
                2,
                5,
            ),
            (
                "Responder solicitudes de información en plazo",
                "95 % en plazo",
                "Respondidas en plazo / total",
                "UT",
                1,
                12,
            ),
        ],
    ),
    (
        "Participación ciudadana",
        "Abrir espacios de participación en la mejora de trámites.",
        [
            (
                "Consulta ciudadana sobre trámites a simplificar",
                "Informe de resultados",
                "Participantes en la consulta",
                "BIE",
                6,
                8,
            ),
        ],
    ),
]


def _areas():
    from documentos.demo import AREAS
    from documentos.models import Area

    for nombre, siglas, tipo in AREAS:
        if not Area.objects.filter(siglas=siglas).exists():
            Area.objects.get_or_create(nombre=nombre, defaults={"siglas": siglas, "tipo": tipo})
    return {a.siglas: a for a in Area.objects.all()}


def _temas():
    from documentos.models import Tema

    nombres = {t[2] for t in TRAMITES} | set(TEMAS_EXTRA)
    return {nombre: Tema.objects.get_or_create(nombre=nombre)[0] for nombre in sorted(nombres)}


def _hijo(padre, modelo, slug, **campos):
    """The child page with this slug, created and published when missing."""
    existente = padre.get_children().filter(slug=slug).first()
    if existente is not None:
        return existente.specific
    pagina = modelo(slug=slug, **campos)
    padre.add_child(instance=pagina)
    pagina.save_revision().publish()
    return pagina


def cargar_ajustes():
    from wagtail.models import Site

    from .models import AjustesPortal

    site = Site.objects.get(is_default_site=True)
    ajustes = AjustesPortal.for_site(site)
    if not ajustes.telefono:
        ajustes.nombre_entidad = "H. Ayuntamiento de Villa Ejemplo"
        ajustes.lema = "Oficialía de Partes electrónica y portal de transparencia"
        ajustes.telefono = "747 000 0000"
        ajustes.correo = "oficialia@villaejemplo.gob.mx"
        ajustes.direccion = "Palacio Municipal, Plaza de la Constitución s/n, Centro"
        ajustes.horario = "lunes a viernes de 9:00 a 15:00 h"
        ajustes.aviso_privacidad = (
            "<p>Los datos personales que usted proporcione se usan solo para atender su "
            "escrito y se protegen conforme a la ley de protección de datos personales "
            "aplicable. Las estadísticas públicas nunca incluyen nombres.</p>"
        )
        ajustes.aviso_legal = "<p>La información de este portal es pública y puede reutilizarse citando la fuente.</p>"
        ajustes.save()


ACCIONES = [
    ("Encontrar un trámite", "Requisitos, costos, plazos y dónde hacerlo.", "buscar", "tramites"),
    (
        "Presentar un escrito",
        "Entregue su petición en línea y reciba su folio.",
        "escrito",
        "/oficialia/enviar/",
    ),
    (
        "Consultar un folio",
        "Vea en qué estado está su escrito con su folio y código.",
        "folio",
        "/oficialia/consulta/",
    ),
    (
        "Ver estadísticas",
        "Cuántos escritos llegan, a qué áreas y cuánto tardan.",
        "grafica",
        "estadisticas",
    ),
    ("Plan anticorrupción", "Actividades, responsables y avance del plan.", "plan", "plan"),
    (
        "Buscar en el archivo",
        "Documentos públicos, con búsqueda por su texto.",
        "archivo",
        "/buscar/",
    ),
]


def cargar_paginas() -> dict:
    from .models import (
        EstadisticasPage,
        HomePage,
        PlanAnticorrupcionPage,
        RequisitoTramite,
        TramiteIndexPage,
        TramitePage,
        TransparenciaPage,
    )

    areas, temas = _areas(), _temas()
    home = HomePage.objects.get()
    catalogo = _hijo(
        home,
        TramiteIndexPage,
        "tramites",
        title="Trámites y servicios",
        show_in_menus=True,
        intro="<p>Consulte requisitos, costos, plazos y dónde hacer cada trámite. "
        "Filtre por área, modalidad o tema, o busque por palabras.</p>",
    )
    for nombre, siglas, tema, modalidad, costo, plazo, desc, quien, requisitos in TRAMITES:
        slug = nombre.lower()
        for a, b in (("á", "a"), ("é", "e"), ("í", "i"), ("ó", "o"), ("ú", "u"), (" ", "-")):
            slug = slug.replace(a, b)
        slug = slug[:60]
        if catalogo.get_children().filter(slug=slug).exists():
            continue
        tramite = TramitePage(
            title=nombre,
            slug=slug,
            descripcion=desc,
            quien_puede=f"<p>{quien}</p>",
            costo=costo if costo is not None else Decimal(0),
            costo_fundamento="Ley de Ingresos del Municipio, art. 25" if costo else "",
            plazo_dias=plazo,
            area_responsable=areas[siglas],
            tema=temas[tema],
            modalidad=modalidad,
            url_en_linea="/oficialia/enviar/" if modalidad != "presencial" else "",
            horario="Lunes a viernes de 9:00 a 15:00 h",
            ubicacion=f"{areas[siglas].nombre}, Palacio Municipal, planta baja",
            fundamento_legal="<p>Reglamento de Trámites y Servicios del Municipio, arts. 10 a 14.</p>",
            preguntas=[
                (
                    "pregunta",
                    {
                        "pregunta": "¿Puedo hacerlo por medio de otra persona?",
                        "respuesta": "<p>Sí, con una carta poder simple firmada ante dos testigos.</p>",
                    },
                ),
                (
                    "pregunta",
                    {
                        "pregunta": "¿Alguien me puede cobrar por agilizarlo?",
                        "respuesta": "<p>No. Ningún servidor público ni gestor puede cobrar "
                        "por agilizar un trámite. Denúncielo ante la Contraloría.</p>",
                    },
                ),
            ],
        )
        for orden, (req, presentacion, notas) in enumerate(requisitos):
            tramite.requisitos.add(
                RequisitoTramite(
                    nombre=req, presentacion=presentacion, notas=notas, sort_order=orden
                )
            )
        catalogo.add_child(instance=tramite)
        tramite.save_revision().publish()

    transparencia = _hijo(
        home,
        TransparenciaPage,
        "transparencia",
        title="Transparencia",
        show_in_menus=True,
        intro="<p>Plan anticorrupción, estadísticas de la Oficialía de Partes y datos abiertos.</p>",
    )
    estadisticas = _hijo(
        transparencia,
        EstadisticasPage,
        "estadisticas",
        title="Estadísticas en tiempo real",
        search_description="Escritos recibidos por día, mes y año; áreas, temas y tiempos de respuesta.",
        intro="<p>Cuántas solicitudes llegan al Ayuntamiento, qué áreas y temas reciben más, "
        "quiénes ejercen el derecho de petición y cuánto tardan las respuestas.</p>",
    )
    hoy = timezone.localdate()
    plan = transparencia.get_children().filter(slug="plan").specific().first()
    if plan is None:  # its activities are rows: made only with the page
        plan = _hijo(
            transparencia,
            PlanAnticorrupcionPage,
            "plan",
            title=f"Plan Anticorrupción y de Atención al Ciudadano {hoy.year}",
            search_description="Componentes, actividades, responsables, cronograma y avance.",
            vigencia=hoy.year,
            introduccion="<p>Acciones del año para prevenir la corrupción y mejorar la "
            "atención a la ciudadanía, con su seguimiento cuatrimestral.</p>",
            componentes=_componentes_plan(hoy, areas),
        )
    _acciones_inicio(home, catalogo, estadisticas, plan)
    return {"home": home, "catalogo": catalogo, "estadisticas": estadisticas, "plan": plan}


def _componentes_plan(hoy: dt.date, areas) -> list:
    """The demo plan's componentes, each activity an atencion.Actividad with its indicator
    and its cuatrimestral seguimientos up to today."""
    import calendar

    from atencion.models import Actividad, Indicador, Seguimiento

    componentes = []
    for nombre, descripcion, actividades in COMPONENTES:
        filas = []
        for actividad, meta, indicador, siglas, mes_ini, mes_fin in actividades:
            inicio = dt.date(hoy.year, mes_ini, 1)
            fin = dt.date(hoy.year, mes_fin, calendar.monthrange(hoy.year, mes_fin)[1])
            fila, nueva = Actividad.objects.get_or_create(
                nombre=actividad,
                inicio=inicio,
                defaults={
                    "meta": meta,
                    "fin": fin,
                    "area_responsable": areas[siglas],
                    "indicador": Indicador.objects.get_or_create(nombre=indicador)[0],
                },
            )
            for corte in (
                dt.date(hoy.year, 4, 30),
                dt.date(hoy.year, 8, 31),
                dt.date(hoy.year, 12, 31),
            ):
                if not nueva or corte > hoy or corte < inicio:
                    continue
                transcurrido = min(1, (corte - inicio).days / max((fin - inicio).days, 1))
                avance = min(100, round(transcurrido * 100 * (0.8 if siglas == "DOP" else 1)))
                Seguimiento.objects.create(
                    actividad=fila, fecha=corte, avance=avance, descripcion="Corte cuatrimestral."
                )
            filas.append(fila)
        componentes.append(
            ("componente", {"nombre": nombre, "descripcion": descripcion, "actividades": filas})
        )
    return componentes


def _acciones_inicio(home, catalogo, estadisticas, plan):
    if home.acciones:
        return
    destinos = {"tramites": catalogo, "estadisticas": estadisticas, "plan": plan}
    home.acciones = [
        (
            "accion",
            {
                "titulo": titulo,
                "descripcion": descripcion,
                "icono": icono,
                "enlace": {
                    "pagina": destinos.get(destino),
                    "url": "" if destino in destinos else destino,
                },
            },
        )
        for titulo, descripcion, icono, destino in ACCIONES
    ]
    home.save_revision().publish()
