"""The supervisor's board and the admin's rules dialog (time limits, working days, the
ladder)."""
