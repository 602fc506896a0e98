import pickle

import pytest

from documentos.firma import FirmaRechazada
from documentos.firma.credenciales import desde_efirma, desde_pkcs12
from tests.firma_pki import CLAVE


def test_efirma_del_sat_se_lee_con_su_titular(firma):
    credencial = desde_efirma(firma.firmante.cer, firma.firmante.key(), CLAVE)

    titular = credencial.titular
    assert titular.nombre == "JUANA GÓMEZ MÉNDEZ"
    assert titular.rfc == "GOMJ800101AB1"
    assert titular.curp == "GOMJ800101MDFMNN09"
    assert titular.numero_serie == "00000000000500000001"  # SAT: ASCII digits in the serial
    assert titular.emisor == "AC del Servicio de Administración Tributaria (prueba)"


def test_pkcs12_se_lee_con_su_cadena(firma):
    credencial = desde_pkcs12(firma.p12(), CLAVE)

    assert credencial.titular.rfc == "GOMJ800101AB1"
    assert [c.subject for c in credencial.cadena] == [firma.intermedia.cert.subject]


def test_contrasena_incorrecta_de_la_efirma(firma):
    with pytest.raises(FirmaRechazada, match="contraseña de la llave privada es incorrecta"):
        desde_efirma(firma.firmante.cer, firma.firmante.key(), "otra contraseña")


def test_contrasena_incorrecta_del_p12(firma):
    with pytest.raises(FirmaRechazada, match="la contraseña es incorrecta"):
        desde_pkcs12(firma.p12(), "otra contraseña")


def test_llave_de_otro_certificado(firma):
    with pytest.raises(FirmaRechazada, match="no corresponde al certificado"):
        desde_efirma(firma.firmante.cer, firma.otro.key(), CLAVE)


@pytest.mark.parametrize(
    ("cer", "key", "mensaje"),
    [
        (b"no es un certificado", None, r"certificado \(\.cer\) no se pudo leer"),
        (None, b"no es una llave", r"llave privada \(\.key\) no se pudo leer"),
    ],
)
def test_archivos_ilegibles(firma, cer, key, mensaje):
    with pytest.raises(FirmaRechazada, match=mensaje):
        desde_efirma(cer or firma.firmante.cer, key or firma.firmante.key(), CLAVE)


def test_la_llave_no_se_muestra_ni_se_serializa(credencial, firma):
    texto = repr(credencial)
    assert "JUANA GÓMEZ MÉNDEZ" in texto
    assert "_llave" not in texto and "RSA" not in texto
    with pytest.raises(TypeError, match="no se guarda"):
        pickle.dumps(credencial)
    with pytest.raises(AttributeError):
        credencial.__dict__  # noqa: B018 (slots: no dict to dump)


def test_asn1crypto_lee_el_rfc_de_texto_del_sat(credencial):
    """pyHanko's asn1crypto wants a BIT STRING there; the SAT writes text (asn1crypto#228)."""
    sujeto = credencial.certificado_asn1.subject

    assert sujeto.native["unique_identifier"] == "GOMJ800101AB1 / "
    assert "gomj800101ab1" in sujeto.hashable  # what path building compares
