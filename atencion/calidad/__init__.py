"""Service quality and continuous improvement: diagnosis, prioritisation, evaluation,
acciones de mejora and their reports (Peru's norma técnica, Oaxaca's manual, MIPG)."""
