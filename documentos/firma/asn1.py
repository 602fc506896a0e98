"""SAT certificates write x500UniqueIdentifier (the RFC) as a text string, while asn1crypto
(under pyHanko) only accepts the BIT STRING of X.520 and fails on such a name as soon as it
is compared (wbond/asn1crypto#228, open). Accept both, so e.firma certificates validate."""

from asn1crypto import core, x509


class IdentificadorUnico(core.Choice):
    _alternatives = [
        ("utf8_string", core.UTF8String),
        ("printable_string", core.PrintableString),
        ("teletex_string", core.TeletexString),
        ("bmp_string", core.BMPString),
        ("universal_string", core.UniversalString),
        ("bit_string", core.OctetBitString),
    ]

    @property
    def native(self):
        valor = self.chosen.native
        return valor.hex() if isinstance(valor, bytes) else valor


def aceptar_identificador_de_texto() -> None:
    x509.NameTypeAndValue._oid_specs["unique_identifier"] = IdentificadorUnico
