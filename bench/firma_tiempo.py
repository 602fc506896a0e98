"""Signing time: seconds to sign a 1-page and a 20-page PDF with `documentos.firma.pades.firmar`
(certificate check against the CRL, visible QR block on an appended page, PAdES) at B-B and
B-T (local RFC 3161 service; B-T here is B-LT, the chain and CRL being available), against
pyHanko's raw `signers.sign_pdf` with the same key, an invisible field and no checks.

The test PKI of tests/firma_pki.py (CRL and TSA on loopback) is used. Each case runs
`--rondas` times and the best counts (the machine is shared).

    .venv/bin/python bench/firma_tiempo.py [--rondas 5]
"""

import argparse
import os
import sys
import tempfile
import time
from functools import partial
from io import BytesIO
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.test import override_settings  # noqa: E402
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1  # noqa: E402
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: E402
from pyhanko.sign import fields, signers, timestamps  # noqa: E402
from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: E402

from documentos.firma.credenciales import desde_efirma  # noqa: E402
from documentos.firma.pades import Estampa, codigo_verificacion, firmar  # noqa: E402
from tests import firma_pki  # noqa: E402


def _mejor(funcion, rondas: int) -> float:
    tiempos = []
    for _ in range(rondas):
        inicio = time.perf_counter()
        funcion()
        tiempos.append(time.perf_counter() - inicio)
    return min(tiempos)


def _crudo(pdf: bytes, firmante, tsa: str | None) -> None:
    """pyHanko alone: an invisible field, no certificate check, no appended page."""
    signers.sign_pdf(
        IncrementalPdfFileWriter(BytesIO(pdf)),
        signers.PdfSignatureMetadata(field_name="f", subfilter=fields.SigSeedSubFilter.PADES),
        signer=firmante,
        timestamper=timestamps.HTTPTimeStamper(tsa) if tsa else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondas", type=int, default=5)
    rondas = parser.parse_args().rondas
    with tempfile.TemporaryDirectory() as directorio:
        pki = firma_pki.crear(Path(directorio))
        credencial = desde_efirma(pki.firmante.cer, pki.firmante.key(), firma_pki.CLAVE)
        estampa = Estampa(
            "Juana Gómez Méndez",
            "Directora de Atención Ciudadana",
            "Firmó",
            "OP-2026-000123",
            codigo_verificacion(),
            "https://folio.ejemplo.gob.mx/verificar/ABCD-EFGH-JKMN",
        )
        # pyHanko's own in-memory signer with the same key and certificate
        crudo_firmante = signers.SimpleSigner(
            signing_cert=credencial.certificado_asn1,
            signing_key=translate_pyca_cryptography_key_to_asn1(pki.firmante.llave),
            cert_registry=SimpleCertificateStore.from_certs(credencial.cadena_asn1),
        )
        print(
            "| páginas | nivel | Folio (s) | pyHanko, su SimpleSigner (s) | proporción | "
            "pyHanko, el firmante de Folio (s) | proporción |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for paginas in (1, 20):
            pdf = firma_pki.pdf(paginas)
            for tsa in (None, pki.tsa_url):
                with override_settings(FOLIO_FIRMA_RAICES=pki.raices, FOLIO_FIRMA_TSA_URL=tsa):
                    nivel = firmar(pdf, credencial, estampa, campo="f").nivel
                    folio = _mejor(partial(firmar, pdf, credencial, estampa, campo="f"), rondas)
                simple = _mejor(partial(_crudo, pdf, crudo_firmante, tsa), rondas)
                propio = _mejor(partial(_crudo, pdf, credencial.firmante(), tsa), rondas)
                print(
                    f"| {paginas} | {nivel} | {folio:.3f} | {simple:.3f} | {folio / simple:.1f}x "
                    f"| {propio:.3f} | {folio / propio:.1f}x |"
                )
        pki.detener()


if __name__ == "__main__":
    main()
