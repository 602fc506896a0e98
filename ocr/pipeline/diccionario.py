"""A Spanish word check from the hunspell dictionary (Debian hunspell-es), in pure Python.

Only what the readability verdict needs: is this word a form of a dictionary stem? Stems and
their flags come from the .dic file; prefixes and suffixes (one of each, cross-product, and
hunspell's twofold suffixes, continuation classes) from the .aff file. No suggestions, no
compounds (the es dictionary has none)."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RUTA_POR_DEFECTO = "/usr/share/hunspell/es_ES"


@dataclass(frozen=True)
class _Afijo:
    bandera: str
    quitar: str  # what the rule strips from the stem
    poner: str  # what it adds
    condicion: re.Pattern
    continuacion: frozenset[str]  # flags that may apply on top (twofold suffixes)
    cruzado: bool  # may combine with an affix of the other kind


class Diccionario:
    def __init__(self, dic: str, aff: str):
        self.raices: dict[str, frozenset[str]] = {}
        for linea in dic.splitlines()[1:]:
            entrada = linea.strip().split("\t")[0].split(" ")[0]
            if not entrada:
                continue
            palabra, _barra, banderas = entrada.partition("/")
            previas = self.raices.get(palabra, frozenset())
            self.raices[palabra] = previas | frozenset(banderas)
        self.sufijos: dict[str, list[_Afijo]] = {}
        self.prefijos: dict[str, list[_Afijo]] = {}
        self._leer_afijos(aff)
        self._largo_sufijo = max((len(k) for k in self.sufijos), default=0)
        self._largo_prefijo = max((len(k) for k in self.prefijos), default=0)

    def _leer_afijos(self, aff: str) -> None:
        cruzados: dict[tuple[str, str], bool] = {}
        for linea in aff.splitlines():
            campos = linea.split()
            if len(campos) < 4 or campos[0] not in ("PFX", "SFX"):
                continue
            clase, bandera = campos[0], campos[1]
            if (clase, bandera) not in cruzados:  # the header: PFX a Y 2
                cruzados[(clase, bandera)] = campos[2] == "Y"
                continue
            quitar = "" if campos[2] == "0" else campos[2]
            poner, _barra, continuacion = campos[3].partition("/")
            poner = "" if poner == "0" else poner
            condicion = campos[4] if len(campos) > 4 else "."
            patron = f"{condicion}$" if clase == "SFX" else f"^{condicion}"
            afijo = _Afijo(
                bandera,
                quitar,
                poner,
                re.compile(patron),
                frozenset(continuacion),
                cruzados[(clase, bandera)],
            )
            destino = self.sufijos if clase == "SFX" else self.prefijos
            destino.setdefault(poner, []).append(afijo)

    def _quitar_sufijos(self, palabra: str):
        """(stem, suffix) for every suffix rule that may have made `palabra`."""
        for n in range(min(len(palabra) - 1, self._largo_sufijo), -1, -1):
            final = palabra[len(palabra) - n :] if n else ""
            for afijo in self.sufijos.get(final, ()):
                raiz = palabra[: len(palabra) - n] + afijo.quitar
                if raiz and afijo.condicion.search(raiz):
                    yield raiz, afijo

    def _con_sufijo(self, palabra: str, prefijo: _Afijo | None = None) -> bool:
        for raiz, sufijo in self._quitar_sufijos(palabra):
            if prefijo is not None and not sufijo.cruzado:
                continue
            banderas = self.raices.get(raiz)
            con_prefijo = prefijo is None or (banderas and prefijo.bandera in banderas)
            if banderas is not None and sufijo.bandera in banderas and con_prefijo:
                return True
            if prefijo is None:  # twofold: an inner suffix whose continuation allows this one
                for raiz2, interior in self._quitar_sufijos(raiz):
                    if sufijo.bandera in interior.continuacion:
                        banderas2 = self.raices.get(raiz2)
                        if banderas2 is not None and interior.bandera in banderas2:
                            return True
        return False

    def _con_prefijo(self, palabra: str) -> bool:
        for n in range(1, min(len(palabra) - 1, self._largo_prefijo) + 1):
            for prefijo in self.prefijos.get(palabra[:n], ()):
                raiz = prefijo.quitar + palabra[n:]
                if not prefijo.condicion.search(raiz):
                    continue
                banderas = self.raices.get(raiz)
                if banderas is not None and prefijo.bandera in banderas:
                    return True
                if prefijo.cruzado and self._con_sufijo(raiz, prefijo):
                    return True
        return False

    def _forma(self, palabra: str) -> bool:
        return palabra in self.raices or self._con_sufijo(palabra) or self._con_prefijo(palabra)

    def _alguna(self, palabra: str) -> bool:
        variantes = dict.fromkeys([palabra, palabra.lower(), palabra.capitalize()])
        return any(v and self._forma(v) for v in variantes)

    @cache  # noqa: B019 (one long-lived instance per process)
    def conoce(self, palabra: str) -> bool:
        """True when the word (as written, lower case or capitalised) is Spanish; also
        when written without its accent or its ñ ("revision", "SENOR", "ano"), as
        typed text and capitals often are."""
        palabra = unicodedata.normalize("NFC", palabra)
        if self._alguna(palabra):
            return True
        if any(c in _CON_ACENTO for c in palabra.lower()):
            return False
        return any(self._alguna(v) for v in _acentuadas(palabra))


_ACENTOS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "A": "Á", "E": "É", "I": "Í"}
_ACENTOS |= {"O": "Ó", "U": "Ú", "n": "ñ", "N": "Ñ"}
_CON_ACENTO = set("áéíóúüñ")


def _acentuadas(palabra: str):
    """The word with one letter accented (or one n as ñ), each way."""
    for i, letra in enumerate(palabra):
        if letra in _ACENTOS:
            yield palabra[:i] + _ACENTOS[letra] + palabra[i + 1 :]


@cache
def diccionario(ruta: str = RUTA_POR_DEFECTO) -> Diccionario | None:
    """The dictionary at `ruta` (.dic/.aff without the extension), or None if absent."""
    base = Path(ruta)
    try:
        dic = base.with_suffix(".dic").read_text(encoding="utf-8", errors="replace")
        aff = base.with_suffix(".aff").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return Diccionario(dic, aff)


def diccionario_disponible(ruta: str = RUTA_POR_DEFECTO) -> bool:
    """Whether the .dic and .aff files are there (without loading them)."""
    base = Path(ruta)
    return base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file()
