"""What the map pane draws, in plain Python: the district's outlines by level (cells
dissolved into communities, streets and the district), open cases as arrays of
positions and countdowns, grid clustering, and where the duty posts stand."""
