"""Qt widgets of the hotline console: they talk to console/ services, never to SQL."""
