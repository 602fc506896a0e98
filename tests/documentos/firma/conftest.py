import pytest

from documentos.firma.credenciales import desde_efirma
from documentos.firma.pades import Estampa, codigo_verificacion
from tests import firma_pki


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    """The test PKI with its CRL and timestamp server, created once per run."""
    autoridad = firma_pki.crear(tmp_path_factory.mktemp("pki"))
    yield autoridad
    autoridad.detener()


@pytest.fixture
def firma(settings, pki):
    """Folio configured to trust the test root: strict revocation, no TSA (B-B)."""
    settings.FOLIO_FIRMA_RAICES = pki.raices
    settings.FOLIO_FIRMA_REVOCACION = "estricta"
    settings.FOLIO_FIRMA_TSA_URL = None
    return pki


@pytest.fixture
def con_tsa(settings, firma):
    settings.FOLIO_FIRMA_TSA_URL = firma.tsa_url
    return firma


@pytest.fixture
def credencial(firma):
    return desde_efirma(firma.firmante.cer, firma.firmante.key(), firma_pki.CLAVE)


@pytest.fixture
def estampa():
    def _estampa(rol="Firmó", nombre="Juana Gómez Méndez", cargo="Directora de Atención"):
        return Estampa(
            nombre=nombre,
            cargo=cargo,
            rol=rol,
            folio="OP-2026-000123",
            codigo_verificacion=codigo_verificacion(),
            url_verificacion="https://folio.ejemplo.gob.mx/verificar/ABCD-EFGH-JKMN",
        )

    return _estampa
