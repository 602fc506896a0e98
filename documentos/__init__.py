"""Correspondence (escritos): intake, folios, turnos, deadlines, answers and the bitácora."""
