from .ajustes import AjustesPortal
from .calidad import CalidadServicioPage
from .home import HomePage
from .plan import PlanAnticorrupcionPage
from .tramites import FormatoTramite, RequisitoTramite, TramiteIndexPage, TramitePage
from .transparencia import EstadisticasPage, TransparenciaPage

__all__ = [
    "AjustesPortal",
    "CalidadServicioPage",
    "EstadisticasPage",
    "FormatoTramite",
    "HomePage",
    "PlanAnticorrupcionPage",
    "RequisitoTramite",
    "TramiteIndexPage",
    "TramitePage",
    "TransparenciaPage",
]
