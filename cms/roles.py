"""The staff roles of an installation, as Django groups (created by a data migration)."""

OFICIALIA = "Oficialía de Partes"
AREA = "Área"
ARCHIVO = "Archivo"
COMUNICACION = "Comunicación"
CONTRALORIA = "Contraloría/Transparencia"
# Drafts portal pages and submits them for review; Comunicación approves and publishes
# (group created by cms migration 0005).
REDACCION = "Redacción"

ROLES = (OFICIALIA, AREA, ARCHIVO, COMUNICACION, CONTRALORIA, REDACCION)
