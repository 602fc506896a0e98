import pytest

from busqueda.client import get_client

pytestmark = pytest.mark.elasticsearch


def test_talks_to_a_real_elasticsearch_8_node():
    client = get_client()
    # The minimal CI node has no rest-root module (GET / answers 405): ask the node itself.
    nodes = client.nodes.info(node_id="_local", filter_path="nodes.*.version")
    assert [node["version"][:2] for node in nodes["nodes"].values()] == ["8."]
    health = client.cluster.health(wait_for_status="yellow", timeout="30s")
    assert health["status"] in {"green", "yellow"}


def test_core_analysis_handles_spanish_stop_words():
    response = get_client().indices.analyze(
        tokenizer="standard",
        filter=["lowercase", {"type": "stop", "stopwords": "_spanish_"}],
        text="Solicitud de la CONSTRUCCIÓN",
    )
    assert [t["token"] for t in response["tokens"]] == ["solicitud", "construcción"]
