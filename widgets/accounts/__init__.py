"""Logging in, the first run on the embedded server, and the admin's account management."""
