"""The admin's history import dialog (issue 15, item 4)."""
