"""The district on the map, in plain Python: coordinate systems, the boundaries an
admin imports, locating a point in its grid cell, and figures by area."""
