import pytest

from busqueda.client import get_client

pytestmark = pytest.mark.elasticsearch


def test_talks_to_a_real_elasticsearch_8_node():
    client = get_client()
    info = client.info()
    assert info["version"]["number"].startswith("8.")
    health = client.cluster.health(wait_for_status="yellow", timeout="30s")
    assert health["status"] in {"green", "yellow"}


def test_core_analysis_handles_spanish_stop_words():
    response = get_client().indices.analyze(
        tokenizer="standard",
        filter=["lowercase", {"type": "stop", "stopwords": "_spanish_"}],
        text="Solicitud de la CONSTRUCCIÓN",
    )
    assert [t["token"] for t in response["tokens"]] == ["solicitud", "construcción"]
