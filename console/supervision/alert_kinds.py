"""The kinds of alert a seat may choose (console/supervision/alerts.py says what
each is). Apart from the alerts themselves so that the seat's settings, read before
the login, name them without importing the database layer."""

from __future__ import annotations

NEW_A_CLASS, OVERDUE, REPLY_DUE = "new_a_class", "overdue", "reply_due"
KINDS = (NEW_A_CLASS, OVERDUE, REPLY_DUE)
