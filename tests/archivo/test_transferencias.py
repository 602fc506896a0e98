import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from archivo import services, services_transferencias
from archivo.models import Expediente, Transferencia
from tests.factories import AreaFactory

from .fabricas import abrir

pytestmark = pytest.mark.django_db
HOY = dt.date(2026, 12, 3)
T = Transferencia.Tipo


def cerrado(obras, serie, archivista, cierre=dt.date(2020, 1, 1)):
    expediente = abrir(obras, serie, archivista, abierto_en=dt.date(2009, 1, 1))
    return services.cerrar(expediente, cierre, archivista)


def test_primaria_y_su_inventario(obras, serie, archivista):
    uno, dos = cerrado(obras, serie, archivista), cerrado(obras, serie, archivista)
    services.registrar_ubicacion(uno, archivista, deposito="Trámite DOP", caja="7", fojas=30)
    transferencia = services_transferencias.crear(
        T.PRIMARIA, obras, [dos, uno], archivista, cajas=1, hoy=HOY
    )
    columnas, filas = services_transferencias.inventario(transferencia)
    assert columnas[0] == "Clave"
    assert [f[0] for f in filas] == [uno.clave, dos.clave]
    assert filas[0][6:] == [30, "Trámite DOP / 7"]
    assert filas[1][6:] == [None, ""]
    # Still in trámite until received.
    assert set(Expediente.objects.values_list("etapa", flat=True)) == {"tramite"}
    services_transferencias.recibir(transferencia, archivista, cajas=2)
    transferencia.refresh_from_db()
    assert transferencia.recibida_por == archivista
    assert transferencia.cajas == 2
    assert set(Expediente.objects.values_list("etapa", flat=True)) == {"concentracion"}
    with pytest.raises(ValidationError, match="ya se recibió"):
        services_transferencias.recibir(transferencia, archivista)


def test_lo_que_no_debe_transferirse_no_crea_nada(obras, serie, archivista):
    listo = cerrado(obras, serie, archivista)
    reciente = cerrado(obras, serie, archivista, cierre=dt.date(2026, 1, 1))
    abierto = abrir(obras, serie, archivista)
    ajeno = cerrado(AreaFactory(siglas="DF"), serie, archivista)
    with pytest.raises(ValidationError) as error:
        services_transferencias.crear(
            T.PRIMARIA, obras, [listo, reciente, abierto, ajeno], archivista, hoy=HOY
        )
    assert sorted(error.value.messages) == sorted(
        [
            f"{reciente.clave} todavía no debe transferirse.",
            f"{abierto.clave} todavía no debe transferirse.",
            f"{ajeno.clave} no es del área.",
        ]
    )
    assert not Transferencia.objects.exists()


def test_un_expediente_en_una_sola_transferencia_pendiente(obras, serie, archivista):
    listo = cerrado(obras, serie, archivista)
    services_transferencias.crear(T.PRIMARIA, obras, [listo], archivista, hoy=HOY)
    with pytest.raises(ValidationError, match="ya está en otra transferencia"):
        services_transferencias.crear(T.PRIMARIA, obras, [listo], archivista, hoy=HOY)
    assert Transferencia.objects.count() == 1


def test_secundaria_solo_con_destino_conservacion(obras, serie, archivista):
    # The serie's destino is baja: it never goes to histórico.
    expediente = cerrado(obras, serie, archivista, cierre=dt.date(2010, 1, 1))
    Expediente.objects.filter(pk=expediente.pk).update(etapa=Expediente.Etapa.CONCENTRACION)
    with pytest.raises(ValidationError, match="todavía no debe transferirse"):
        services_transferencias.crear(T.SECUNDARIA, obras, [expediente], archivista, hoy=HOY)
