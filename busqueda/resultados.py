"""What every backend returns: the same dataclasses, so views never know which one ran."""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Fragmento:
    """A highlighted piece of text; `html` is escaped except for <mark> tags."""

    html: str
    archivo_id: int | None = None
    pagina: int | None = None  # page number within the file
    pagina_global: int | None = None  # counted across the escrito's files


@dataclass(frozen=True)
class Resultado:
    escrito_id: int
    folio: str
    tipo: str
    estado: str
    clasificacion: str
    asunto: str
    tema: str
    area: str
    recibido_en: datetime | None
    vence_en: date | None
    remitente: str | None  # None for the public
    fragmentos: list[Fragmento] = field(default_factory=list)
    puntuacion: float = 0.0


@dataclass(frozen=True)
class ValorFaceta:
    valor: str
    etiqueta: str
    cuenta: int
    activo: bool = False


@dataclass(frozen=True)
class Resultados:
    total: int
    resultados: list[Resultado]
    facetas: dict[str, list[ValorFaceta]]
    pagina: int
    por_pagina: int
    motor: str  # "elasticsearch" or "base_de_datos"
    # the database backend stops counting at settings.BUSQUEDA_UMBRAL_CUENTA: then `total`
    # is a minimum ("más de N") and the facet counts are those of the first N matches
    aproximado: bool = False

    @property
    def paginas(self) -> int:
        return max(1, -(-self.total // self.por_pagina))


@dataclass(frozen=True)
class ResultadoPagina:
    """A published portal page (trámite, plan, transparency...)."""

    page_id: int
    titulo: str
    url: str
    tipo: str
    fragmento: str
    puntuacion: float = 0.0
