"""The admin's boundary import dialog (the map itself is widgets/map/)."""
