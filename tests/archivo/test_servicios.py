import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from archivo import selectors, services
from archivo.models import (
    CatalogoVersion,
    Expediente,
    ExpedienteEscrito,
    Prestamo,
    ReglaDisposicion,
    Retencion,
    Ubicacion,
)
from documentos.models import EntradaBitacora, Escrito
from tests.factories import AreaFactory, UsuarioFactory

from .fabricas import (
    CatalogoVersionFactory,
    EscritoFactory,
    ReglaFactory,
    SerieFactory,
    SubserieFactory,
    abrir,
)

V = Expediente.Valor
HOY = dt.date(2026, 12, 3)


def ultima_entrada():
    return EntradaBitacora.objects.order_by("-pk").first()


def test_abrir_numera_por_area_serie_y_anio(obras, serie, archivista, catalogo):
    primero = abrir(obras, serie, archivista, abierto_en=dt.date(2026, 2, 1))
    segundo = abrir(obras, serie, archivista, abierto_en=dt.date(2026, 3, 1))
    otro_anio = abrir(obras, serie, archivista, abierto_en=dt.date(2027, 1, 5))
    otra_area = abrir(AreaFactory(siglas="DF"), serie, archivista, abierto_en=dt.date(2026, 3, 1))
    assert [primero.clave, segundo.clave, otro_anio.clave, otra_area.clave] == [
        "DOP/3S.1/2026/0001",
        "DOP/3S.1/2026/0002",
        "DOP/3S.1/2027/0001",
        "DF/3S.1/2026/0001",
    ]
    assert primero.version == catalogo
    assert primero.creado_por == archivista
    entrada = ultima_entrada()
    assert entrada.despues["expediente"] == "DF/3S.1/2026/0001"
    assert entrada.usuario == archivista


def test_abrir_con_subserie_usa_su_codigo(obras, serie, archivista):
    subserie = SubserieFactory(serie=serie, codigo="3S.1.2")
    expediente = abrir(obras, serie, archivista, subserie=subserie, abierto_en=dt.date(2026, 1, 2))
    assert expediente.clave == "DOP/3S.1.2/2026/0001"


def test_abrir_usa_la_ultima_version_aprobada(obras, serie, archivista, catalogo):
    nueva = CatalogoVersionFactory(aprobada_en=timezone.now() + dt.timedelta(days=1))
    ReglaFactory(version=nueva, serie=serie)
    CatalogoVersionFactory(estado=CatalogoVersion.Estado.BORRADOR, aprobada_en=None)
    assert abrir(obras, serie, archivista).version == nueva


def test_sin_version_aprobada_no_abre_nada(obras, serie, archivista, catalogo):
    catalogo.estado = CatalogoVersion.Estado.BORRADOR
    catalogo.save()
    entradas = EntradaBitacora.objects.count()
    with pytest.raises(ValidationError, match="No hay una versión aprobada"):
        abrir(obras, serie, archivista)
    assert not Expediente.objects.exists()
    assert EntradaBitacora.objects.count() == entradas


def test_sin_regla_para_la_serie_no_abre_nada(obras, catalogo, archivista):
    sin_regla = SerieFactory(codigo="4S.9")
    with pytest.raises(ValidationError, match=r"no tiene regla para la serie 4S\.9"):
        abrir(obras, sin_regla, archivista)
    assert not Expediente.objects.exists()


def test_subserie_de_otra_serie_no_abre(obras, serie, archivista):
    ajena = SubserieFactory(codigo="9S.1.1")
    with pytest.raises(ValidationError, match="no pertenece a la serie"):
        abrir(obras, serie, archivista, subserie=ajena)
    assert not Expediente.objects.exists()


def test_clasificar_agrega_el_escrito(obras, serie, archivista):
    expediente = abrir(obras, serie, archivista)
    escrito = EscritoFactory()
    enlace = services.clasificar(escrito, expediente, archivista)
    assert enlace.expediente == expediente
    assert escrito.en_expediente.expediente == expediente
    entrada = ultima_entrada()
    assert entrada.escrito == escrito
    assert entrada.despues == {"expediente": expediente.clave}
    # Twice: nothing more happens.
    services.clasificar(escrito, expediente, archivista)
    assert ExpedienteEscrito.objects.count() == 1
    assert ultima_entrada() == entrada


@pytest.mark.parametrize(
    ("clasificacion", "valor", "admite"),
    [
        (Escrito.Clasificacion.PUBLICA, V.PUBLICO, True),
        (Escrito.Clasificacion.RESERVADA, V.PUBLICO, False),
        (Escrito.Clasificacion.RESERVADA, V.RESERVADO, True),
        (Escrito.Clasificacion.CONFIDENCIAL, V.RESERVADO, False),
        (Escrito.Clasificacion.PUBLICA, V.CONFIDENCIAL, True),
    ],
)
def test_el_expediente_no_es_menos_restrictivo_que_el_escrito(
    obras, serie, archivista, clasificacion, valor, admite
):
    expediente = abrir(obras, serie, archivista, valor=valor)
    escrito = EscritoFactory(clasificacion=clasificacion)
    entradas = EntradaBitacora.objects.count()
    if admite:
        services.clasificar(escrito, expediente, archivista)
        assert ExpedienteEscrito.objects.filter(escrito=escrito).exists()
        return
    with pytest.raises(ValidationError, match="no puede ser menos restrictivo"):
        services.clasificar(escrito, expediente, archivista)
    assert not ExpedienteEscrito.objects.exists()
    assert EntradaBitacora.objects.count() == entradas


def test_un_escrito_en_un_solo_expediente(obras, serie, archivista):
    primero = abrir(obras, serie, archivista)
    segundo = abrir(obras, serie, archivista)
    escrito = EscritoFactory()
    services.clasificar(escrito, primero, archivista)
    with pytest.raises(
        ValidationError, match=re.escape(f"ya está en el expediente {primero.clave}")
    ):
        services.clasificar(escrito, segundo, archivista)
    assert ExpedienteEscrito.objects.get(escrito=escrito).expediente == primero


def test_cerrar(obras, serie, archivista):
    expediente = abrir(obras, serie, archivista, abierto_en=dt.date(2026, 1, 5))
    with pytest.raises(ValidationError, match="anterior a la de apertura"):
        services.cerrar(expediente, dt.date(2026, 1, 4), archivista)
    services.cerrar(expediente, dt.date(2026, 6, 30), archivista)
    expediente.refresh_from_db()
    assert expediente.cerrado_en == dt.date(2026, 6, 30)
    assert ultima_entrada().despues["cerrado_en"] == "2026-06-30"
    with pytest.raises(ValidationError, match="ya se cerró el 30/06/2026"):
        services.cerrar(expediente, dt.date(2026, 7, 1), archivista)
    expediente.refresh_from_db()
    assert expediente.cerrado_en == dt.date(2026, 6, 30)
    with pytest.raises(ValidationError, match="está cerrado"):
        services.clasificar(EscritoFactory(), expediente, archivista)


def test_registrar_ubicacion_y_moverla(obras, serie, archivista):
    expediente = abrir(obras, serie, archivista)
    services.registrar_ubicacion(
        expediente, archivista, deposito="Archivo de trámite DOP", estante="A", caja="3", fojas=12
    )
    services.registrar_ubicacion(
        expediente, archivista, deposito="Concentración", estante="C2", caja="41", fojas=12
    )
    ubicacion = Ubicacion.objects.get(expediente=expediente)
    assert (ubicacion.deposito, ubicacion.caja) == ("Concentración", "41")
    entrada = ultima_entrada()
    assert entrada.antes["deposito"] == "Archivo de trámite DOP"
    assert entrada.despues["deposito"] == "Concentración"
    with pytest.raises(ValidationError, match="depósito"):
        services.registrar_ubicacion(expediente, archivista, deposito=" ")
    assert Ubicacion.objects.get(expediente=expediente).deposito == "Concentración"


def test_prestar_y_devolver(obras, serie, archivista):
    expediente = abrir(obras, serie, archivista)
    solicitante = UsuarioFactory(first_name="Ana", last_name="Ruiz")
    hoy = timezone.localdate()
    prestamo = services.prestar(expediente, solicitante, hoy + dt.timedelta(days=5), archivista)
    assert ultima_entrada().despues["solicitante"] == solicitante.username
    with pytest.raises(ValidationError, match="está prestado a Ana Ruiz"):
        services.prestar(expediente, UsuarioFactory(), hoy + dt.timedelta(days=5), archivista)
    assert Prestamo.objects.count() == 1
    services.devolver(prestamo, archivista)
    prestamo.refresh_from_db()
    assert prestamo.devuelto_en is not None
    with pytest.raises(ValidationError, match="ya se devolvió"):
        services.devolver(prestamo, archivista)
    # Returned: it can go out again.
    services.prestar(expediente, solicitante, hoy, archivista)
    assert Prestamo.objects.filter(devuelto_en__isnull=True).count() == 1


def test_prestar_con_devolucion_en_el_pasado(obras, serie, archivista):
    expediente = abrir(obras, serie, archivista)
    ayer = timezone.localdate() - dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="en el pasado"):
        services.prestar(expediente, UsuarioFactory(), ayer, archivista)
    assert not Prestamo.objects.exists()


def test_prestamos_vencidos(obras, serie, archivista):
    uno, dos, tres = (abrir(obras, serie, archivista) for _ in range(3))
    hoy = timezone.localdate()
    vencido = services.prestar(uno, UsuarioFactory(), hoy, archivista)
    services.prestar(dos, UsuarioFactory(), hoy + dt.timedelta(days=3), archivista)
    devuelto = services.prestar(tres, UsuarioFactory(), hoy, archivista)
    services.devolver(devuelto, archivista)
    manana = hoy + dt.timedelta(days=1)
    assert list(selectors.prestamos_vencidos(manana)) == [vencido]
    assert list(selectors.prestamos_vencidos(hoy)) == []


def test_por_transferir(obras, serie, archivista):
    vencido = abrir(obras, serie, archivista, abierto_en=dt.date(2020, 1, 1))
    services.cerrar(vencido, dt.date(2024, 12, 3), archivista)  # AT 2 years: ends 2026-12-03
    reciente = abrir(obras, serie, archivista, abierto_en=dt.date(2020, 1, 1))
    services.cerrar(reciente, dt.date(2024, 12, 4), archivista)
    abrir(obras, serie, archivista, abierto_en=dt.date(2020, 1, 1))  # still open
    ajeno = abrir(AreaFactory(siglas="DF"), serie, archivista, abierto_en=dt.date(2020, 1, 1))
    services.cerrar(ajeno, dt.date(2020, 2, 1), archivista)
    assert selectors.por_transferir(obras, HOY) == [vencido]
    assert selectors.por_transferir(obras, HOY + dt.timedelta(days=1)) == [vencido, reciente]


def test_por_transferir_usa_la_regla_de_la_subserie(obras, serie, archivista, catalogo):
    subserie = SubserieFactory(serie=serie, codigo="3S.1.1")
    ReglaFactory(version=catalogo, serie=serie, subserie=subserie, anios_tramite=10)
    expediente = abrir(obras, serie, archivista, subserie=subserie, abierto_en=dt.date(2020, 1, 1))
    services.cerrar(expediente, dt.date(2020, 1, 2), archivista)
    assert selectors.por_transferir(obras, HOY) == []
    assert selectors.por_transferir(obras, dt.date(2030, 1, 2)) == [expediente]


def _en_concentracion(obras, serie, archivista, cierre=dt.date(2018, 1, 1)):
    expediente = abrir(obras, serie, archivista, abierto_en=dt.date(2017, 1, 1))
    services.cerrar(expediente, cierre, archivista)
    Expediente.objects.filter(pk=expediente.pk).update(etapa=Expediente.Etapa.CONCENTRACION)
    return expediente


def test_retencion_impide_la_baja_hasta_que_se_levanta(obras, serie, archivista):
    # AT 2 + AC 5 from 2018-01-01: retention ends 2025-01-01.
    libre = _en_concentracion(obras, serie, archivista)
    retenido = _en_concentracion(obras, serie, archivista)
    _en_concentracion(obras, serie, archivista, cierre=dt.date(2020, 1, 1))  # ends 2027
    assert selectors.por_dar_de_baja(HOY) == [libre, retenido]
    retencion = services.retener(
        retenido, Retencion.Motivo.LITIGIO, archivista, nota="Juicio 12/2026"
    )
    assert ultima_entrada().despues["motivo"] == "litigio"
    assert selectors.por_dar_de_baja(HOY) == [libre]
    assert list(selectors.retenidos()) == [retenido]
    services.levantar(retencion, archivista)
    assert selectors.por_dar_de_baja(HOY) == [libre, retenido]
    with pytest.raises(ValidationError, match="ya se levantó"):
        services.levantar(retencion, archivista)


def test_una_retencion_levantada_no_libera_si_queda_otra(obras, serie, archivista):
    expediente = _en_concentracion(obras, serie, archivista)
    primera = services.retener(expediente, Retencion.Motivo.AUDITORIA, archivista)
    services.retener(expediente, Retencion.Motivo.SOLICITUD_INFORMACION, archivista)
    services.levantar(primera, archivista)
    assert selectors.por_dar_de_baja(HOY) == []


def test_por_dar_de_baja_solo_con_destino_baja(obras, serie, archivista, catalogo):
    conservar = SerieFactory(codigo="3S.2")
    ReglaFactory(version=catalogo, serie=conservar, destino=ReglaDisposicion.Destino.CONSERVACION)
    _en_concentracion(obras, conservar, archivista)
    baja = _en_concentracion(obras, serie, archivista)
    assert selectors.por_dar_de_baja(HOY) == [baja]


def test_retener_con_motivo_inexistente(obras, serie, archivista):
    expediente = abrir(obras, serie, archivista)
    with pytest.raises(ValidationError, match="no existe"):
        services.retener(expediente, "capricho", archivista)
    assert not Retencion.objects.exists()
