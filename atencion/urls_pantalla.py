"""Routes of the pantalla (included by atencion/urls.py)."""

urlpatterns: list = []
