"""The demo: the district's reference data, generated cases, duty records and quick
answers, loaded idempotently into a seat's embedded server."""
