"""Staff accounts as PostgreSQL login roles, logging in to a server, and where a seat keeps
(or does not keep) passwords."""
