"""Taking a 12345 call: phone numbers, channels, the intake service, likely duplicates, and
the seat's journal and outbox that keep a case through an outage."""
