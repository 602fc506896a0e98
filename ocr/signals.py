from django.dispatch import Signal

# Sent after an OCR result is saved and committed: kwargs archivo_id, estado.
ocr_terminado = Signal()
