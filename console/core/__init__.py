"""The ground every service stands on: the store (one engine, the acting person, the
server's clock), errors the user can act on, the change feed, the clock, and the rules
every free text obeys."""
