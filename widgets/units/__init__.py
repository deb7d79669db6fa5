"""The unit handler's panes (承办单位): their cases with their clocks."""
