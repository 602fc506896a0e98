"""The staff roles of an installation, as Django groups (created by a data migration)."""

OFICIALIA = "Oficialía de Partes"
AREA = "Área"
ARCHIVO = "Archivo"
COMUNICACION = "Comunicación"
CONTRALORIA = "Contraloría/Transparencia"

ROLES = (OFICIALIA, AREA, ARCHIVO, COMUNICACION, CONTRALORIA)
