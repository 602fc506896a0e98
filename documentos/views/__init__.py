"""Views of the Oficialía de Partes: staff screens (Wagtail admin) and citizen pages."""
