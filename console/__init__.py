"""Domain and application services of the hotline console. No Qt here."""
