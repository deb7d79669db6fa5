"""Supervision of overdue work: the escalation ladder as plain rules, the one sweeper for
the centre, the supervisor's board and the alerts a seat chooses."""
