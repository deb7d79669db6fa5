"""Running the shift: the four-team rotation, the roster and its edits, stand-ins, exports,
roll calls and their statistics, and the handover."""
