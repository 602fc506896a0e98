"""Distractor escritos of the relevance set: petitions, complaints and information requests
to a Mexican, Colombian or Peruvian municipality, with the same vocabulary as the targets.

They are generated (deterministically) from formulas and topic sentences, so that every
query of the relevance set also matches documents that are not its target; some pages
carry OCR noise (dropped accents, a broken letter, words cut at the end of a line).
"""

import random
from dataclasses import dataclass, field

REMITENTES = {
    "mx": [
        "María Guadalupe Hernández Ruiz",
        "José Luis Ramírez Ortega",
        "Rosa Elena Martínez Cruz",
        "Comité Vecinal de la colonia Centro",
        "Francisco Javier Gómez Salinas",
    ],
    "co": [
        "Luz Marina Restrepo Gaviria",
        "Carlos Andrés Ospina Rendón",
        "Junta Administradora Local Comuna 4",
        "Diana Patricia Cárdenas Mejía",
    ],
    "pe": [
        "Juan Carlos Huamán Quispe",
        "Rosa Mamani Condori",
        "Asociación de Comerciantes del Jirón Lima",
        "Pedro Pablo Chávez Ccahuana",
    ],
}

APERTURAS = {
    "mx": (
        "C. PRESIDENTE MUNICIPAL CONSTITUCIONAL\nP R E S E N T E\n\n"
        "Quienes suscribimos, vecinos de la colonia {lugar} de este municipio, con fundamento "
        "en el artículo 8o. de la Constitución Política de los Estados Unidos Mexicanos, "
        "respetuosamente comparecemos para exponer lo siguiente:"
    ),
    "co": (
        "Señor\nALCALDE MUNICIPAL\nE. S. D.\n\nReferencia: Derecho de petición (artículo 23 de "
        "la Constitución Política y Ley 1755 de 2015)\n\nYo, {remitente}, identificado con "
        "cédula de ciudadanía, residente en el barrio {lugar}, respetuosamente me dirijo a "
        "usted para presentar la siguiente petición:"
    ),
    "pe": (
        "SEÑOR ALCALDE DE LA MUNICIPALIDAD DISTRITAL\n\n{remitente}, identificado con DNI, "
        "con domicilio en el asentamiento humano {lugar}, ante usted con el debido respeto me "
        "presento y digo: que al amparo de la Ley N.° 27444, Ley del Procedimiento "
        "Administrativo General, presento la siguiente solicitud:"
    ),
}

CIERRES = {
    "mx": (
        "Por lo anteriormente expuesto, atentamente pedimos se dé trámite a la presente y se "
        "nos informe por escrito del seguimiento que se le otorgue.\n\nATENTAMENTE\n{remitente}"
        "\nSe anexan copias de identificación oficial y comprobante de domicilio."
    ),
    "co": (
        "Agradezco de antemano la atención prestada y quedo atento a su respuesta dentro de "
        "los términos de ley.\n\nCordialmente,\n{remitente}\nAnexo: fotografías y copia de la "
        "cédula."
    ),
    "pe": (
        "POR LO EXPUESTO: Pido a usted acceder a lo solicitado por ser de justicia.\n\n"
        "{remitente}\nAdjunto copia simple del DNI y recibo de pago por derecho de trámite."
    ),
}

LUGARES = {
    "mx": ["Centro", "Las Flores", "San Isidro", "Lomas del Valle", "Guadalupe", "El Mirador"],
    "co": ["La Esperanza", "Villa del Río", "San Javier", "El Poblado"],
    "pe": ["Santa Rosa", "Los Olivos", "Nueva Esperanza", "Villa María"],
}


@dataclass(frozen=True)
class Tema:
    area: str
    tipos: tuple[str, ...]
    asuntos: tuple[str, ...]
    frases: tuple[str, ...] = field(default=())


TEMAS = (
    Tema(
        "servicios",
        ("peticion", "queja"),
        (
            "Solicitud de mantenimiento al alumbrado público",
            "Reporte de postes sin energía en la calle Hidalgo",
            "Petición de instalación de alumbrado en andador",
            "Queja por falta de alumbrado en la unidad deportiva",
        ),
        (
            "El alumbrado público de nuestra calle no funciona desde hace varias semanas.",
            "Varias luminarias del parque permanecen encendidas durante el día.",
            "Solicitamos reparar las lámparas de los postes de la calle Hidalgo.",
            "La falta de alumbrado ha provocado asaltos a los vecinos que regresan del trabajo.",
            "Pedimos que el personal de alumbrado revise el cableado del parque.",
        ),
    ),
    Tema(
        "obras",
        ("peticion", "queja"),
        (
            "Solicitud de bacheo en la avenida principal",
            "Petición de reencarpetado de la calle Morelos",
            "Queja por obra de pavimentación inconclusa",
            "Solicitud de construcción de banquetas",
        ),
        (
            "La calle Morelos presenta numerosos baches que dañan los vehículos.",
            "Solicitamos la pavimentación de la calle, que en época de lluvias es intransitable.",
            "La obra de pavimentación quedó suspendida y el material está sobre la calle.",
            "Pedimos que la constructora retire el escombro que dejó frente a las casas.",
            "El número de expediente que nos dieron en ventanilla no aparece en el sistema.",
            "Un técnico de la dirección de obras visitó la calle sin dar una fecha de inicio.",
        ),
    ),
    Tema(
        "agua",
        ("queja", "peticion"),
        (
            "Reporte de fuga de agua potable",
            "Queja por falta de suministro de agua",
            "Solicitud de limpieza de drenaje pluvial",
            "Petición de cambio de tubería en la calle Zaragoza",
        ),
        (
            "Existe una fuga de agua potable frente al número 25 desde hace diez días.",
            "El drenaje de la calle Zaragoza se tapa cada vez que llueve.",
            "Las aguas pluviales escurren hacia las viviendas por falta de coladeras.",
            "La tubería de la red de agua es muy antigua y se rompe con frecuencia.",
            "Solicitamos la revisión del funcionamiento del drenaje de la colonia.",
        ),
    ),
    Tema(
        "urbano",
        ("peticion", "solicitud_informacion"),
        (
            "Solicitud de licencia de construcción para casa habitación",
            "Trámite de licencia de construcción de ampliación",
            "Solicitud de alineamiento y número oficial",
            "Consulta sobre uso de suelo de un predio",
        ),
        (
            "Solicito licencia de construcción para una ampliación de dos recámaras.",
            "Adjunto los planos arquitectónicos firmados por el perito responsable de obra.",
            "La barda del panteón municipal está a punto de caerse sobre la banqueta.",
            "Pido se me informe el estado del trámite de licencia que ingresé el mes pasado.",
            "El funcionamiento de la ventanilla única de trámites es muy lento.",
            "Solicito constancia de alineamiento del predio para escriturar.",
        ),
    ),
    Tema(
        "servicios",
        ("queja", "peticion"),
        (
            "Queja por acumulación de basura en la esquina",
            "Solicitud de contenedores de basura",
            "Petición de poda de árboles en el parque",
            "Reporte de tiradero clandestino",
        ),
        (
            "El camión de la basura no respeta el horario de recolección.",
            "Los vecinos dejan bolsas negras de basura en la esquina del parque.",
            "Los árboles del parque necesitan poda porque sus ramas tocan los cables.",
            "Solicitamos que se retiren las ramas que quedaron tiradas después de la poda.",
            "Un árbol del camellón se inclinó con el viento y puede caer sobre los autos.",
        ),
    ),
    Tema(
        "transparencia",
        ("solicitud_informacion",),
        (
            "Solicitud de información sobre el presupuesto de obra pública",
            "Solicitud de acceso a la información sobre contratos de limpieza",
            "Solicitud de información sobre el padrón de proveedores",
        ),
        (
            "Solicito copia simple de los contratos de obra pública celebrados en 2025.",
            "Requiero saber el monto ejercido en el programa de bacheo y pavimentación.",
            "Pido la información pública de oficio relativa a las licitaciones del año.",
            "Solicito el número de expediente de cada contrato y el nombre del contratista.",
            "Solicito el informe técnico de supervisión de las obras de drenaje.",
        ),
    ),
    Tema(
        "seguridad",
        ("peticion", "queja", "denuncia"),
        (
            "Solicitud de reductores de velocidad frente a la escuela",
            "Petición de rondines de vigilancia",
            "Queja por semáforo descompuesto en la avenida Insurgentes",
        ),
        (
            "Los vehículos circulan a exceso de velocidad frente a la escuela primaria.",
            "El semáforo de la avenida Insurgentes lleva un mes descompuesto.",
            "Solicitamos rondines de vigilancia porque se han presentado robos en la calle.",
            "Varios perros sueltos persiguen a los niños que van a la escuela.",
            "La comunidad escolar pide apoyo de tránsito a la hora de la salida.",
        ),
    ),
)

# Sentences that share a target's words (never its phrases): the target must outrank them.
COMUNES = (
    "El año pasado se rellenó un socavón en la avenida Insurgentes y volvió a abrirse.",
    "Hay perros callejeros que rompen las bolsas de basura en la esquina.",
    "La poda de los árboles del camellón la hacen los propios vecinos.",
    "La recolección de basura es irregular en todo el municipio.",
    "Una barda de construcción reciente invade la banqueta.",
    "Las luminarias de la calle Hidalgo se apagan a medianoche.",
    "Hubo inundaciones en el barrio por el canal de riego.",
    "La pavimentación de la calle Morelos se anunció en el informe de gobierno.",
)

_ROTAS = {"l": "1", "e": "c", "o": "0", "m": "rn", "a": "o"}
_SIN_ACENTO = str.maketrans("áéíóú", "aeiou")


def _ruido(texto: str, azar: random.Random) -> str:
    """OCR noise on a page: a dropped accent, a broken letter, a word cut at a line end."""
    palabras = texto.split(" ")
    largas = [i for i, p in enumerate(palabras) if len(p) > 6 and p.isalpha()]
    if not largas:
        return texto
    i, j, k = (azar.choice(largas) for _ in range(3))
    palabras[i] = palabras[i].translate(_SIN_ACENTO)
    letra = next((c for c in palabras[j][1:] if c in _ROTAS), None)
    if letra:
        palabras[j] = palabras[j][0] + palabras[j][1:].replace(letra, _ROTAS[letra], 1)
    mitad = len(palabras[k]) // 2
    palabras[k] = f"{palabras[k][:mitad]}-\n{palabras[k][mitad:]}"
    return " ".join(palabras)


def distractores(cuantos: int = 56, semilla: int = 17) -> list[dict]:
    """`cuantos` escritos as dicts (asunto, paginas, tipo, area, remitente)."""
    azar = random.Random(semilla)
    paises = ("mx", "mx", "co", "pe")
    escritos = []
    for n in range(cuantos):
        tema = TEMAS[n % len(TEMAS)]
        pais = paises[n % len(paises)]
        remitente = azar.choice(REMITENTES[pais])
        lugar = azar.choice(LUGARES[pais])
        frases = azar.sample(tema.frases, k=min(4, len(tema.frases)))
        otras = [*azar.sample(azar.choice(TEMAS).frases, k=1), COMUNES[n % len(COMUNES)]]
        paginas = [
            f"{APERTURAS[pais].format(remitente=remitente, lugar=lugar)}\n\n{frases[0]} {frases[1]}",
            " ".join([*frases[2:], *otras]),
            CIERRES[pais].format(remitente=remitente),
        ][: 3 if n % 3 else 2]
        if n % 4 == 1:
            paginas[1] = _ruido(paginas[1], azar)
        escritos.append(
            {
                "asunto": tema.asuntos[(n // len(TEMAS)) % len(tema.asuntos)],
                "paginas": paginas,
                "tipo": tema.tipos[n % len(tema.tipos)],
                "area": tema.area,
                "remitente": remitente,
            }
        )
    return escritos
