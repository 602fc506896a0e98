import re

import pytest


def plano(texto: str) -> str:
    return re.sub(r"\s+", " ", texto).strip()


@pytest.fixture
def texto_plano():
    return plano
