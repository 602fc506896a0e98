"""An independent validator (poppler's pdfsig) agrees with Folio on the signed files."""

import shutil
import subprocess

from documentos.firma.credenciales import desde_efirma
from documentos.firma.pades import firmar
from tests import firma_pki
from tests.firma_pki import CLAVE


def _pdfsig(falta_servicio, ruta) -> str:
    programa = shutil.which("pdfsig")
    if programa is None:
        falta_servicio("pdfsig no está instalado (paquete poppler-utils)")
    # No NSS database with the test root (needs certutil): pdfsig checks the cryptography
    # and the byte ranges; the trust is Folio's (documentos.firma.verificacion).
    resultado = subprocess.run(
        [programa, "-no-ocsp", str(ruta)], capture_output=True, text=True, timeout=60
    )
    print(resultado.stdout)
    return resultado.stdout


def test_pdfsig_valida_tres_firmas_b_lt(con_tsa, estampa, tmp_path, falta_servicio):
    pdf = firma_pki.pdf()
    for numero, (rol, persona) in enumerate(
        [("Elaboró", con_tsa.otro), ("Revisó", con_tsa.firmante), ("Firmó", con_tsa.firmante)]
    ):
        credencial = desde_efirma(persona.cer, persona.key(), CLAVE)
        firmado = firmar(pdf, credencial, estampa(rol=rol), campo=f"firma{numero}")
        pdf = firmado.pdf
    assert firmado.nivel == "B-LT"
    ruta = tmp_path / "firmado.pdf"
    ruta.write_bytes(pdf)

    salida = _pdfsig(falta_servicio, ruta)

    assert salida.count("Signature Validation: Signature is Valid.") == 3
    assert salida.count("Signature Type: ETSI.CAdES.detached") == 3
    assert "Signer Certificate Common Name: PEDRO RUIZ LARA" in salida


def test_pdfsig_ve_el_byte_cambiado(credencial, estampa, tmp_path, falta_servicio):
    firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")
    alterado = bytearray(firmado.pdf)
    alterado[firmado.pdf.index(b"Respuesta a su escrito")] = ord("X")
    ruta = tmp_path / "alterado.pdf"
    ruta.write_bytes(bytes(alterado))

    salida = _pdfsig(falta_servicio, ruta)

    assert "Signature is Valid." not in salida
    assert "Digest Mismatch" in salida
