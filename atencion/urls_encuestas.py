"""Routes of the encuestas (included by atencion/urls.py)."""

urlpatterns: list = []
