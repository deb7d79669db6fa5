"""Database layer: models, migrations, queries, the embedded server, LISTEN/NOTIFY."""
