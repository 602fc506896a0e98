"""Rows with known values for the diagnosis tests: trámite pages, escritos, fichas, surveys."""

import datetime as dt

from django.utils import timezone

from atencion import services_encuestas as se
from atencion.models import RespuestaEncuesta
from cms.models import HomePage, TramiteIndexPage, TramitePage
from documentos.models import Escrito
from tests.atencion.fichas import ficha
from tests.cms.datos import crear_escrito
from tests.factories import UsuarioFactory

D = dt.date


def hora(dia: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dia, dt.time(hh, mm)))


def indice() -> TramiteIndexPage:
    existente = TramiteIndexPage.objects.first()
    if existente:
        return existente
    pagina = TramiteIndexPage(title="Trámites y servicios", slug="tramites")
    HomePage.objects.get().add_child(instance=pagina)
    return pagina


def tramite(titulo: str, area, tema=None, *, clave="", live=True) -> TramitePage:
    pagina = TramitePage(
        title=titulo,
        slug=titulo.lower().replace(" ", "-")[:50],
        clave=clave,
        descripcion=f"{titulo}.",
        quien_puede="<p>Cualquier persona.</p>",
        area_responsable=area,
        tema=tema,
        live=live,
    )
    indice().add_child(instance=pagina)
    return pagina


def escrito(recibido, area, tema=None, *, vence=None, respuesta=None, tipo="peticion", **otros):
    if respuesta is not None:
        otros.setdefault("usuario", UsuarioFactory(username="respondedor"))
    nuevo = crear_escrito(recibido, area=area, tema=tema, vence=vence, respuesta=respuesta, **otros)
    if tipo != "peticion":
        Escrito.objects.filter(pk=nuevo.pk).update(tipo=tipo)
    return nuevo


def atendida(servicio, dia, llegada: tuple[int, int], espera_min: int, **otros):
    """A ficha taken at `llegada`, called `espera_min` later and attended for 5 minutes."""
    tomada = hora(dia, *llegada)
    llamada = tomada + dt.timedelta(minutes=espera_min)
    return ficha(
        servicio,
        tomada=tomada,
        llamada=llamada,
        iniciada=llamada,
        terminada=llamada + dt.timedelta(minutes=5),
        **otros,
    )


def encuesta(satisfaccion: int, *, coyotaje="no", **objeto) -> RespuestaEncuesta:
    """The survey of a ficha or escrito, answered on the day it was attended or answered."""
    respuesta = se.responder(
        se.version_vigente(),
        {"satisfaccion": satisfaccion},
        coyotaje=coyotaje,
        detalle="Me pidieron dinero." if coyotaje == "si" else "",
        **objeto,
    )
    if "ficha" in objeto:
        cuando = objeto["ficha"].terminada_en
    else:
        cuando = hora(objeto["escrito"].respuestas.get().fecha, 12)
    RespuestaEncuesta.objects.filter(pk=respuesta.pk).update(respondida_en=cuando)
    return respuesta
