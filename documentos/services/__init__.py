"""Writes of the Oficialía de Partes. Every state change writes the bitácora."""
