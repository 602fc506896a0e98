"""Demo data of the portal: áreas, temas, trámites, the anti-corruption plan and escritos
for the statistics. Everything is created only when missing (idempotent)."""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

DEMO_CONTACTO = "demo-portal@folio.invalid"

AREAS = [
    ("Secretaría del Ayuntamiento", "SA", "secretaria"),
    ("Tesorería Municipal", "TM", "secretaria"),
    ("Dirección de Desarrollo Urbano", "DDU", "direccion"),
    ("Dirección del Registro Civil", "DRC", "direccion"),
    ("Dirección de Licencias Comerciales", "DLC", "direccion"),
    ("Dirección de Servicios Públicos", "DSP", "direccion"),
    ("Unidad de Transparencia", "UT", "unidad"),
    ("Contraloría Municipal", "CM", "unidad"),
    ("Oficialía de Partes", "OP", "oficialia"),
]

TEMAS = [
    "Desarrollo urbano",
    "Hacienda municipal",
    "Registro civil",
    "Comercio",
    "Servicios públicos",
    "Transparencia",
    "Quejas y denuncias",
    "Atención ciudadana",
]

# (nombre, siglas del área, tema, modalidad, costo, plazo, descripción, quién, requisitos)
TRAMITES = [
    (
        "Licencia de construcción",
        "DDU",
        "Desarrollo urbano",
        "mixta",
        Decimal("1850.00"),
        15,
        "Autorización para construir, ampliar o remodelar una obra en un predio del municipio.",
        "Personas propietarias del predio o su representante legal.",
        [
            ("Solicitud firmada (formato DDU-01)", "original", ""),
            ("Escritura o título de propiedad", "copia", "Inscrita en el Registro Público."),
            ("Planos arquitectónicos firmados por perito responsable", "original_y_copia", "Dos juegos."),
            ("Recibo de pago del impuesto predial del año en curso", "copia", ""),
            ("Identificación oficial vigente", "copia", ""),
        ],
    ),
    (
        "Constancia de alineamiento y número oficial",
        "DDU",
        "Desarrollo urbano",
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
        "TM",
        "Hacienda municipal",
        "en_linea",
        None,
        None,
        "Pago anual del impuesto sobre la propiedad de un inmueble, con descuento en enero y febrero.",
        "Cualquier persona con la clave catastral del predio.",
        [("Clave catastral o recibo del año anterior", "no_aplica", "")],
    ),
    (
        "Copia certificada de acta de nacimiento",
        "DRC",
        "Registro civil",
        "mixta",
        Decimal("95.00"),
        None,
        "Expedición de copia certificada de un acta de nacimiento registrada en el municipio.",
        "La persona registrada, sus familiares directos o quien presente poder.",
        [
            ("Datos del registro (nombre, fecha y lugar)", "no_aplica", ""),
            ("Identificación oficial de quien solicita", "copia", ""),
        ],
    ),
    (
        "Registro de nacimiento",
        "DRC",
        "Registro civil",
        "presencial",
        None,
        None,
        "Inscripción del nacimiento de una niña o niño; el primer acta es gratuita.",
        "Madre, padre o ambos, con la persona recién nacida.",
        [
            ("Certificado de nacimiento", "original", "Expedido por la institución de salud."),
            ("Actas de nacimiento de madre y padre", "copia", ""),
            ("Identificaciones oficiales de madre, padre y dos testigos", "copia", ""),
            ("Comprobante de domicilio", "copia", "No mayor a tres meses."),
        ],
    ),
    (
        "Licencia de funcionamiento para comercio de bajo riesgo",
        "DLC",
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
        "DSP",
        "Servicios públicos",
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
        "Transparencia",
        "mixta",
        None,
        20,
        "Pida cualquier documento que el Ayuntamiento genere, obtenga o conserve.",
        "Cualquier persona, sin necesidad de acreditar interés ni identificarse.",
        [("Descripción clara de la información que solicita", "no_aplica", "")],
    ),
    (
        "Queja o denuncia contra servidores públicos",
        "CM",
        "Quejas y denuncias",
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
        "OP",
        "Atención ciudadana",
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
            ("Actualizar el mapa de riesgos de corrupción", "Mapa de riesgos publicado", "Mapa publicado (sí/no)", "CM", 1, 3),
            ("Monitorear los controles del mapa de riesgos", "Tres informes cuatrimestrales", "Informes publicados / 3", "CM", 4, 12),
        ],
    ),
    (
        "Racionalización de trámites",
        "Simplificar y digitalizar los trámites más solicitados.",
        [
            ("Digitalizar la licencia de funcionamiento de bajo riesgo", "Trámite 100 % en línea", "Solicitudes en línea / total", "DLC", 2, 7),
            ("Reducir requisitos de la licencia de construcción", "Dos requisitos menos", "Requisitos eliminados", "DDU", 5, 10),
        ],
    ),
    (
        "Rendición de cuentas",
        "Informar a la ciudadanía y dialogar sobre la gestión.",
        [
            ("Audiencia pública de rendición de cuentas", "Una audiencia con acta", "Audiencias realizadas", "SA", 9, 11),
        ],
    ),
    (
        "Mecanismos para mejorar la atención al ciudadano",
        "Oficialía de Partes electrónica y mejores canales de atención.",
        [
            ("Poner en marcha la Oficialía de Partes electrónica", "Sistema en operación", "Escritos recibidos en línea", "OP", 1, 6),
            ("Capacitar al personal de ventanilla", "80 personas capacitadas", "Personas capacitadas / 80", "SA", 3, 9),
        ],
    ),
    (
        "Transparencia y acceso a la información",
        "Publicar información útil y responder a tiempo.",
        [
            ("Publicar estadísticas de escritos en tiempo real", "Tablero público", "Tablero en línea (sí/no)", "UT", 2, 5),
            ("Responder solicitudes de información en plazo", "95 % en plazo", "Respondidas en plazo / total", "UT", 1, 12),
        ],
    ),
    (
        "Participación ciudadana",
        "Abrir espacios de participación en la mejora de trámites.",
        [
            ("Consulta ciudadana sobre trámites a simplificar", "Informe de resultados", "Participantes en la consulta", "SA", 6, 8),
        ],
    ),
]


def _areas():
    from documentos.models import Area

    por_siglas = {}
    for nombre, siglas, tipo in AREAS:
        area = Area.objects.filter(siglas=siglas).first() or Area.objects.filter(nombre=nombre).first()
        if area is None:
            area = Area.objects.create(nombre=nombre, siglas=siglas, tipo=tipo)
        por_siglas[siglas] = area
    return por_siglas


def _temas():
    from documentos.models import Tema

    return {nombre: Tema.objects.get_or_create(nombre=nombre)[0] for nombre in TEMAS}


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
        ajustes.aviso_legal = (
            "<p>La información de este portal es pública y puede reutilizarse citando la fuente.</p>"
        )
        ajustes.save()


ACCIONES = [
    ("Encontrar un trámite", "Requisitos, costos, plazos y dónde hacerlo.", "buscar", "tramites"),
    ("Presentar un escrito", "Entregue su petición en línea y reciba su folio.", "escrito", "/oficialia/nuevo/"),
    ("Consultar un folio", "Vea en qué estado está su escrito con su folio y código.", "folio", "/consulta/"),
    ("Ver estadísticas", "Cuántos escritos llegan, a qué áreas y cuánto tardan.", "grafica", "estadisticas"),
    ("Plan anticorrupción", "Actividades, responsables y avance del plan.", "plan", "plan"),
    ("Buscar en el archivo", "Documentos públicos, con búsqueda por su texto.", "archivo", "/archivo/"),
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
            costo=costo,
            costo_fundamento="Ley de Ingresos del Municipio, art. 25" if costo else "",
            plazo_dias=plazo,
            area_responsable=areas[siglas],
            tema=temas[tema],
            modalidad=modalidad,
            url_en_linea="/oficialia/nuevo/" if modalidad != "presencial" else "",
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
                RequisitoTramite(nombre=req, presentacion=presentacion, notas=notas, sort_order=orden)
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
    plan = _hijo(
        transparencia,
        PlanAnticorrupcionPage,
        "plan",
        title=f"Plan Anticorrupción y de Atención al Ciudadano {hoy.year}",
        search_description="Componentes, actividades, responsables, cronograma y avance.",
        vigencia=hoy.year,
        introduccion="<p>Acciones del año para prevenir la corrupción y mejorar la atención "
        "a la ciudadanía, con su seguimiento cuatrimestral.</p>",
        componentes=_componentes_plan(hoy, areas),
    )
    _acciones_inicio(home, catalogo, estadisticas, plan)
    return {"home": home, "catalogo": catalogo, "estadisticas": estadisticas, "plan": plan}


def _componentes_plan(hoy: dt.date, areas) -> list:
    import calendar

    componentes = []
    for nombre, descripcion, actividades in COMPONENTES:
        bloques = []
        for actividad, meta, indicador, siglas, mes_ini, mes_fin in actividades:
            inicio = dt.date(hoy.year, mes_ini, 1)
            fin = dt.date(hoy.year, mes_fin, calendar.monthrange(hoy.year, mes_fin)[1])
            seguimiento = []
            for corte in (dt.date(hoy.year, 4, 30), dt.date(hoy.year, 8, 31), dt.date(hoy.year, 12, 31)):
                if corte > hoy or corte < inicio:
                    continue
                transcurrido = min(1, (corte - inicio).days / max((fin - inicio).days, 1))
                avance = min(100, round(transcurrido * 100 * (0.8 if siglas == "DDU" else 1)))
                seguimiento.append(
                    {"fecha": corte, "avance": avance, "descripcion": "Corte cuatrimestral.", "evidencia": None}
                )
            bloques.append(
                {
                    "actividad": actividad,
                    "meta": meta,
                    "indicador": indicador,
                    "responsable": areas[siglas],
                    "inicio": inicio,
                    "fin": fin,
                    "seguimiento": seguimiento,
                }
            )
        componentes.append(("componente", {"nombre": nombre, "descripcion": descripcion, "actividades": bloques}))
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
                "enlace": {"pagina": destinos.get(destino), "url": "" if destino in destinos else destino},
            },
        )
        for titulo, descripcion, icono, destino in ACCIONES
    ]
    home.save_revision().publish()


def cargar_escritos(usuario, cantidad: int = 360, semilla: int = 2024) -> int:
    """Escritos received over the last two years and a half, answered through the services."""
    from documentos.models import Escrito
    from documentos.plazos import sumar_dias_habiles
    from documentos.services import flujo
    from documentos.services.recepcion import DatosRecepcion, recibir_escrito

    if Escrito.objects.filter(remitente_contacto=DEMO_CONTACTO).exists():
        return 0
    areas, temas = _areas(), _temas()
    for area in areas.values():
        area.personal.add(usuario)
    azar = random.Random(semilla)
    hoy = timezone.localdate()
    inicio = dt.date(hoy.year - 2, 1, 1)
    dias = (hoy - inicio).days
    destinos = [
        ("DDU", "Desarrollo urbano", 9),
        ("TM", "Hacienda municipal", 7),
        ("DSP", "Servicios públicos", 10),
        ("DRC", "Registro civil", 5),
        ("DLC", "Comercio", 4),
        ("UT", "Transparencia", 6),
        ("CM", "Quejas y denuncias", 3),
        ("SA", "Atención ciudadana", 4),
    ]
    sexos = ["mujer"] * 50 + ["hombre"] * 42 + ["no_declara"] * 6 + ["otro"] * 2
    sentidos = ["positiva"] * 58 + ["parcial"] * 20 + ["negativa"] * 17 + ["incompetencia"] * 5
    creados = 0
    fechas = sorted(
        inicio + dt.timedelta(days=int(dias * (azar.random() ** 0.8))) for _ in range(cantidad)
    )
    for fecha in fechas:
        if fecha.weekday() >= 5:
            fecha -= dt.timedelta(days=fecha.weekday() - 4)
        siglas, tema, _peso = azar.choices(destinos, weights=[d[2] for d in destinos])[0]
        tipo = "solicitud_informacion" if siglas == "UT" else azar.choice(
            ["peticion", "peticion", "peticion", "queja", "sugerencia", "reclamo"]
        )
        moral = azar.random() < 0.1
        recibido = timezone.make_aware(
            dt.datetime.combine(fecha, dt.time(azar.randint(9, 14), azar.randint(0, 59)))
        )
        with transaction.atomic():
            escrito = recibir_escrito(
                DatosRecepcion(
                    tipo=tipo,
                    canal=Escrito.Canal.EN_LINEA,
                    remitente_tipo="moral" if moral else "fisica",
                    remitente_nombre=f"Remitente de demostración {creados + 1}",
                    remitente_contacto=DEMO_CONTACTO,
                    remitente_sexo="no_declara" if moral else azar.choice(sexos),
                    asunto=f"Escrito de demostración sobre {tema.lower()}.",
                    tema=temas[tema],
                    clasificacion="reservada" if azar.random() < 0.05 else "publica",
                    recibido_en=recibido,
                )
            )
            creados += 1
            if azar.random() < 0.02:
                flujo.cancelar(escrito, usuario=usuario, motivo="Duplicado (demostración).")
                continue
            flujo.turnar(escrito, areas[siglas], usuario=usuario)
            flujo.asignar(escrito, usuario, usuario=usuario)
            antiguedad = (hoy - fecha).days
            if antiguedad < 4 or azar.random() < 0.08:
                continue  # still pending (some of them overdue)
            demora = max(1, int(azar.gauss(8, 5)))
            respondido = min(sumar_dias_habiles(fecha, demora), hoy)
            flujo.responder(
                escrito,
                usuario=usuario,
                sentido=azar.choice(sentidos),
                texto="Respuesta de demostración.",
                fecha=respondido,
            )
            if antiguedad > 30:
                flujo.concluir(Escrito.objects.get(pk=escrito.pk), usuario=usuario)
    return creados
