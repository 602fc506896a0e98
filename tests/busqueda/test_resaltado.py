"""The database backend's snippets: `resaltar` asks its matcher only about the words that
could match (`candidatos`), and that never changes a snippet."""

import random
from pathlib import Path

import pytest

from busqueda.consulta import analizar, positivos
from busqueda.resaltado import comparador, resaltar
from busqueda.texto import plegar

DICCIONARIO = Path("/usr/share/hunspell/es_ES.dic")
SUFIJOS = ("", "s", "es", "mente", "ción", "ciones", "encia", "encias", "logía", "ando", "ado")
PLANTADAS = (
    "bacheo",
    "Baches",
    "alumbrado",
    "Hidalgo",
    "pavimentación",
    "licencia",
    "construcción",
    "independiente",
    "drenajes",
    "ñandúes",
    "ÑANDÚ",
)
RELLENO = "Se solicita a la autoridad municipal su intervención en la calle Hidalgo número 12."


def _palabras_del_diccionario(cuantas: int) -> list[str]:
    if not DICCIONARIO.exists():
        pytest.skip("hunspell-es no instalado (apt-get install hunspell-es)")
    raices = [
        linea.split("/")[0].strip()
        for linea in DICCIONARIO.read_text(encoding="utf-8", errors="ignore").splitlines()[1:]
    ]
    raices = [r for r in raices if r.isalpha() and len(r) > 3]
    azar = random.Random(17)
    return [azar.choice(raices) + azar.choice(SUFIJOS) for _ in range(cuantas)]


def _sin_filtro(buenos):
    """The same matcher without its candidates: `resaltar` then asks it about every word."""
    coincide = comparador(buenos)
    return lambda palabra: coincide(palabra)


def test_cada_palabra_se_resalta_a_si_misma():
    """Snowball may rewrite a word's end (independencia -> independent): the candidates
    still include it, in any case and with or without accents. Quoted, so that no typo
    tolerance (which takes every word of the same first letter) hides a miss."""
    for palabra in _palabras_del_diccionario(3000):
        for escrita in (palabra, palabra.upper(), plegar(palabra)):
            html = resaltar(f"{RELLENO} {escrita} {RELLENO}", positivos(analizar(f'"{palabra}"')))
            assert html is not None and f"<mark>{escrita}</mark>" in html, palabra


@pytest.mark.parametrize(
    "q",
    [
        "bacheo",
        "alumbrdo hidalgo",
        "pavim*",
        '"licencia de construcción"',
        "independencias OR drenaje",
        "Ñandú",
    ],
)
def test_los_candidatos_no_cambian_el_fragmento(q):
    azar = random.Random(q)
    palabras = [*_palabras_del_diccionario(400), *PLANTADAS]
    buenos = positivos(analizar(q))
    for _ in range(200):
        texto = " ".join(azar.choice(palabras) for _ in range(azar.randint(5, 60)))
        assert resaltar(texto, comparador(buenos)) == resaltar(texto, _sin_filtro(buenos))
