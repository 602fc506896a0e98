"""Routes of the kiosco (included by atencion/urls.py)."""

urlpatterns: list = []
