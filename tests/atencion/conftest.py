import pytest

from atencion.models import Sede, Servicio, Ventanilla


@pytest.fixture
def sede(db):
    return Sede.objects.create(nombre="Oficialía de Partes Centro", slug="centro")


@pytest.fixture
def servicios(sede):
    """Two servicios: A (predial) and B (licencias)."""
    return (
        Servicio.objects.create(sede=sede, nombre="Pago de predial", prefijo="A"),
        Servicio.objects.create(sede=sede, nombre="Licencias de construcción", prefijo="B"),
    )


@pytest.fixture
def ventanillas(sede, servicios):
    """Window 1 attends both servicios; window 2 only B."""
    uno = Ventanilla.objects.create(sede=sede, numero=1)
    uno.servicios.set(servicios)
    dos = Ventanilla.objects.create(sede=sede, numero=2)
    dos.servicios.set([servicios[1]])
    return uno, dos
