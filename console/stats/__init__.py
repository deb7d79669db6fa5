"""The statistics: every indicator defined once (docs/INDICATORS.md), each computed by
one grouped query on the server for a ``Scope`` (a period and its filters)."""
