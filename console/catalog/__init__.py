"""Reference data: streets, communities, grid cells, units and the three-level category
tree with its rules; which unit a case should go to."""
