"""The relevance set: target escritos with planted words and phrases, and the queries that
must find each one in the top 5 (tests/busqueda/test_relevancia.py).

Targets share their vocabulary with the distractors (relevancia_relleno): a case fails
when the capability it names (accent folding, stemming, typo tolerance, phrases...) is
missing or when the target drowns among documents that only share words with it.
"""

from dataclasses import dataclass, field
from datetime import date

from .relevancia_relleno import APERTURAS, CIERRES

# Kinds of case: the first part of every case id, so that a failure names the capability.
SIN_ACENTO = "sin_acento"
MAYUSCULAS = "mayusculas"
PLURAL = "plural"
SIN_ACENTO_PLURAL = "sin_acento_plural"  # "inundacion" for "inundaciones"
VERBO = "verbo"
ERRATA_1 = "errata_1"  # the query has one wrong letter (5+ letters)
TRANSPOSICION = "transposicion"  # two letters swapped: one edit for Elasticsearch
OCR_1 = "ocr_1"  # the scanned text has one wrong letter, the query is right
ERRATA_2 = "errata_2"  # two edits on a word of 8+ letters
OCR_2 = "ocr_2"
FRASE = "frase"
EXACTA = "exacta"
SOLO_ASUNTO = "solo_asunto"
SOLO_PAGINA_3 = "solo_pagina_3"
FILTRO = "filtro"
PUBLICO = "publico"
REMITENTE = "remitente"
DOS_EDICIONES = frozenset({ERRATA_2, OCR_2})


@dataclass(frozen=True)
class Caso:
    tipo: str
    q: str
    objetivo: str
    filtros: dict = field(default_factory=dict)  # Consulta fields; "area" by key
    publico: bool = False

    @property
    def id(self) -> str:
        return f"{self.tipo}:{self.q}" + (f":{sorted(self.filtros)}" if self.filtros else "")


def _mx(remitente, lugar, primera, *resto, cierre=True):
    """A Mexican escrito's pages: the formula and `primera` on page 1, then `resto`."""
    paginas = [f"{APERTURAS['mx'].format(remitente=remitente, lugar=lugar)}\n\n{primera}", *resto]
    if cierre:
        paginas.append(CIERRES["mx"].format(remitente=remitente))
    return paginas


OBJETIVOS = {
    "pavimentacion": {
        "asunto": "Solicitud de pavimentación de la calle Morelos en la colonia San Isidro",
        "paginas": _mx(
            "Comité de vecinos de San Isidro",
            "San Isidro",
            "Solicitamos la pavimentación de la calle Morelos, entre Allende y Aldama, que en "
            "temporada de lluvias se vuelve intransitable para las personas y los vehículos.",
            "Los vecinos nos comprometemos a cooperar con la mano de obra. Pedimos que "
            "pavimenten la calle antes del inicio del ciclo escolar. Firman 43 vecinos.",
        ),
        "area": "obras",
    },
    "luminarias": {
        "asunto": "Queja por luminarias apagadas en el parque Hidalgo",
        "paginas": _mx(
            "Rosa Elena Martínez Cruz",
            "Centro",
            "Las luminarias del alumbrado público del parque Hidalgo permanecen apagadas desde "
            "hace tres semanas y el parque se ha vuelto inseguro por las noches.",
            "Reportamos el problema al número de atención ciudadana sin obtener respuesta. "
            "Pedimos que reparen las luminarias a la brevedad.",
        ),
        "tipo": "queja",
        "area": "servicios",
    },
    "drenaje": {
        "asunto": "Reporte de drenaje colapsado en la calle Zaragoza",
        "paginas": _mx(
            "José Luis Ramírez Ortega",
            "Guadalupe",
            "El colector del drenaje de la calle Zaragoza está colapsado y las aguas negras "
            "brotan por la coladera frente a la tienda de abarrotes. El olor es insoportable "
            "y hay niños enfermos en tres familias de la cuadra.",
        ),
        "tipo": "queja",
        "area": "agua",
    },
    "poda": {
        "asunto": "Petición de poda de árboles en el camellón de la avenida Juárez",
        "paginas": _mx(
            "Francisco Javier Gómez Salinas",
            "Lomas del Valle",
            "Los árboles del camellón de la avenida Juárez tienen ramas secas que amenazan con "
            "caer sobre los cables de la luz y sobre los peatones.",
            "Solicitamos podar los árboles y retirar las ramas. La última poda se hizo hace "
            "más de cuatro años.",
        ),
        "area": "servicios",
    },
    "contratos": {
        "asunto": "Solicitud de acceso a la información pública sobre contratos de obra",
        "paginas": [
            "SEÑOR ALCALDE DE LA MUNICIPALIDAD DISTRITAL\n\nElmer Quispe Mamani, identificado "
            "con DNI, con domicilio en el jirón Ayacucho 412, al amparo de la Ley N.° 27806, "
            "Ley de Transparencia y Acceso a la Información Pública, solicito copia de los "
            "contratos de obra suscritos por la municipalidad en el año 2025.",
            "Asimismo solicito copia del expediente técnico de la obra de mejoramiento del "
            "jirón Ayacucho y de sus adendas.",
            CIERRES["pe"].format(remitente="Elmer Quispe Mamani"),
        ],
        "tipo": "solicitud_informacion",
        "area": "transparencia",
        "remitente": "Elmer Quispe Mamani",
    },
    "vereda": {
        "asunto": "Derecho de petición sobre el estado de la vía de la vereda El Salitre",
        "paginas": [
            APERTURAS["co"].format(remitente="Luz Marina Restrepo Gaviria", lugar="El Salitre"),
            "La vía terciaria que comunica la vereda El Salitre con el casco urbano tiene "
            "huecos que impiden el paso de los camiones de leche. La Junta de Acción Comunal "
            "ofreció aportar el material de afirmado.",
            CIERRES["co"].format(remitente="Luz Marina Restrepo Gaviria"),
        ],
        "area": "obras",
        "remitente": "Luz Marina Restrepo Gaviria",
    },
    "mercado": {
        "asunto": "Renovación de licencia de funcionamiento del local 14 del mercado municipal",
        "paginas": [
            APERTURAS["pe"].format(remitente="Rosa Mamani Condori", lugar="Santa Rosa"),
            "Solicito la renovación de la licencia de funcionamiento de mi puesto de venta de "
            "abarrotes en el local 14 del mercado municipal, que fue autorizada en 2019.",
            CIERRES["pe"].format(remitente="Rosa Mamani Condori"),
        ],
        "area": "urbano",
        "remitente": "Rosa Mamani Condori",
    },
    "socavon": {
        "asunto": "Queja por socavón en la avenida Insurgentes",
        "paginas": _mx(
            "María Guadalupe Hernández Ruiz",
            "El Mirador",
            "Frente al número 1200 de la avenida Insurgentes se formó un socavón de "
            "aproximadamente dos metros de diámetro: el pavimento se hundió después de la "
            "lluvia del sábado. Colocamos cubetas y una cinta para avisar a los conductores.",
        ),
        "tipo": "queja",
        "area": "obras",
    },
    "basura": {
        "asunto": "Queja por falta de recolección de basura en la colonia Valle Verde",
        "paginas": _mx(
            "Comité Vecinal de Valle Verde",
            "Valle Verde",
            "El camión recolector no pasa desde hace dos semanas y no han recolectado la "
            "basura de los mercados sobre ruedas.",
            "La basura acumulada atrae ratas y moscas.",
        ),
        "tipo": "queja",
        "area": "servicios",
    },
    "jauria": {
        "asunto": "Denuncia por jauría de perros callejeros en la unidad habitacional",
        "paginas": _mx(
            "Rosa Elena Martínez Cruz",
            "El Mirador",
            "Una jauría de perros callejeros ataca a los niños en los andadores de la unidad "
            "habitacional; dos vecinos ya fueron mordidos. Pedimos la intervención del centro "
            "de control canino.",
        ),
        "tipo": "denuncia",
        "area": "seguridad",
    },
    "canal": {
        "asunto": "Solicitud de desazolve del canal por inundaciones en el barrio San Martín",
        "paginas": _mx(
            "Vecinos del barrio San Martín",
            "San Martín",
            "Con la tormenta del 12 de septiembre el agua del canal se desbordó e inundó 30 "
            "viviendas del barrio.",
            "Las inundaciones se repiten cada año porque el canal está lleno de lodo y basura.",
        ),
        "area": "agua",
    },
    "alcantarilla": {  # OCR noise on the planted words (the asunto says nothing of them)
        "asunto": "Escrito de vecinos de la colonia Guadalupe",
        "paginas": _mx(
            "Vecinos de la colonia Guadalupe",
            "Guadalupe",
            "Por medio del presente solicitamos la reparacion de la alcantari1la ubicada "
            "frente a la escuela primaria Benito Juárez, que quedó sin tapa.",
            "Tambien pedimos revisar el transf0rmador de la esquina, que echa chispas cuando "
            "llueve y deja sin luz a la cornunidad.",
        ),
        "area": "servicios",
    },
    "desazolve": {
        "asunto": "Solicitud de limpieza del arroyo",
        "paginas": _mx(
            "Ejido San Pablo",
            "San Pablo",
            "Solicitamos maquinaria para el desazo1ve del arroyo que cruza el ejido, antes de "
            "la temporada de lluvias.",
        ),
        "area": "agua",
    },
    "barda": {
        "asunto": "Licencia de construcción para barda perimetral en predio rústico",
        "paginas": _mx(
            "José Luis Ramírez Ortega",
            "San Pablo",
            "Solicito licencia de construcción para levantar una barda perimetral de block de "
            "2.50 metros de altura en mi predio ubicado en el camino a San Pablo.",
            "Anexo croquis de localización, copia de escrituras y pago de derechos. La "
            "construcción de la barda no invade la vía pública.",
        ),
        "area": "urbano",
    },
    "constancia": {  # "constancia" only in the asunto
        "asunto": "Constancia de no adeudo del impuesto predial",
        "paginas": _mx(
            "Francisco Javier Gómez Salinas",
            "Centro",
            "Requiero el documento que acredite que estoy al corriente en el pago del impuesto "
            "predial de la casa de la calle Hidalgo 18, para el trámite de escrituración.",
        ),
        "area": "finanzas",
    },
    "topografico": {  # the planted words only on page 3
        "asunto": "Solicitud de regularización de predio",
        "paginas": _mx(
            "María Guadalupe Hernández Ruiz",
            "Lomas del Valle",
            "Solicito la regularización de mi predio, que ocupo desde hace veinte años.",
            "Cuento con constancia de posesión expedida por el comisariado ejidal.",
            "Anexo el levantamiento topográfico con las medidas y colindancias del predio.",
            cierre=False,
        ),
        "area": "urbano",
    },
    "cobro": {  # a queja among many peticiones about the alumbrado
        "asunto": "Queja por cobro indebido en el recibo",
        "paginas": _mx(
            "Diana Patricia Cárdenas Mejía",
            "Centro",
            "En mi recibo aparece un cargo por el servicio de alumbrado público que no "
            "corresponde a mi domicilio.",
        ),
        "tipo": "queja",
        "area": "finanzas",
    },
    "licencia_2025": {  # a licencia received months before the others (date filter)
        "asunto": "Trámite de licencia de construcción de local comercial",
        "paginas": _mx(
            "Pedro Pablo Chávez Ccahuana",
            "Centro",
            "Solicito licencia de construcción para un local comercial de una planta.",
        ),
        "area": "urbano",
        "recibido_en": date(2025, 11, 14),
    },
}

CASOS = [
    Caso(SIN_ACENTO, "pavimentacion calle morelos", "pavimentacion"),
    Caso(SIN_ACENTO, "socavon", "socavon"),
    Caso(SIN_ACENTO, "arboles camellon", "poda"),
    Caso(SIN_ACENTO, "recoleccion basura", "basura"),
    Caso(SIN_ACENTO, "jauria perros", "jauria"),
    Caso(SIN_ACENTO, "construccion barda", "barda"),
    Caso(SIN_ACENTO, "tramite escrituracion", "constancia"),
    Caso(MAYUSCULAS, "SOCAVÓN INSURGENTES", "socavon"),
    Caso(MAYUSCULAS, "PARQUE HIDALGO", "luminarias"),
    Caso(MAYUSCULAS, "DRENAJE ZARAGOZA", "drenaje"),
    Caso(PLURAL, "luminaria apagada", "luminarias"),
    Caso(PLURAL, "coladeras aguas negras", "drenaje"),
    Caso(PLURAL, "inundación canal", "canal"),
    Caso(PLURAL, "licencias funcionamiento", "mercado"),
    Caso(SIN_ACENTO_PLURAL, "inundacion canal", "canal"),
    Caso(PLURAL, "árbol camellón", "poda"),
    Caso(VERBO, "podaron árboles", "poda"),
    Caso(VERBO, "reparar luminarias", "luminarias"),
    Caso(VERBO, "solicitamos contratos", "contratos"),
    Caso(VERBO, "inundaron viviendas", "canal"),
    Caso(VERBO, "hundido pavimento", "socavon"),
    Caso(VERBO, "recolectan basura", "basura"),
    Caso(VERBO, "autorizó licencia funcionamiento", "mercado"),
    Caso(VERBO, "colapsó drenaje", "drenaje"),
    Caso(VERBO, "pavimentada morelos", "pavimentacion"),
    Caso(ERRATA_1, "contruccion barda", "barda"),
    Caso(ERRATA_1, "alumbrdo hidalgo", "luminarias"),
    Caso(ERRATA_1, "socabon", "socavon"),
    Caso(ERRATA_1, "pavimentasion morelos", "pavimentacion"),
    Caso(ERRATA_1, "perros callejros", "jauria"),
    Caso(ERRATA_1, "colapzado", "drenaje"),
    Caso(TRANSPOSICION, "drenjae zaragoza", "drenaje"),
    Caso(OCR_1, "alcantarilla escuela", "alcantarilla"),
    Caso(OCR_1, "desazolve arroyo", "desazolve"),
    Caso(OCR_1, "transformador chispas", "alcantarilla"),
    Caso(ERRATA_2, "contrucion barda", "barda"),
    Caso(ERRATA_2, "pavimentasio morelos", "pavimentacion"),
    Caso(ERRATA_2, "recolesion basura", "basura"),
    Caso(OCR_2, "comunidad transformador", "alcantarilla"),
    Caso(FRASE, '"licencia de funcionamiento"', "mercado"),
    Caso(FRASE, '"expediente técnico"', "contratos"),
    Caso(FRASE, '"junta de accion comunal"', "vereda"),
    Caso(FRASE, '"parque hidalgo"', "luminarias"),
    Caso(FRASE, '"aguas negras"', "drenaje"),
    Caso(EXACTA, "27806", "contratos"),
    Caso(EXACTA, "Salitre", "vereda"),
    Caso(EXACTA, "jauría", "jauria"),
    Caso(SOLO_ASUNTO, "constancia predial", "constancia"),
    Caso(SOLO_PAGINA_3, "levantamiento topografico", "topografico"),
    Caso(FILTRO, "alumbrado", "cobro", {"tipo": ("queja",), "area": ("finanzas",)}),
    Caso(
        FILTRO,
        "licencia construccion",
        "licencia_2025",
        {"recibido_desde": date(2025, 11, 1), "recibido_hasta": date(2025, 11, 30)},
    ),
    Caso(FILTRO, "drenaje", "drenaje", {"tipo": ("queja",), "area": ("agua",)}),
    Caso(PUBLICO, "socavon insurgentes", "socavon", publico=True),
    Caso(PUBLICO, "podaron arboles", "poda", publico=True),
    Caso(REMITENTE, "Quispe Mamani", "contratos"),
]
