"""The map pane (地图): the district's outlines, duty posts and open cases drawn with
pyqtgraph from local vectors (no tiles), with layers, hover, click, a rectangle
selection into the queue and a print-resolution export."""
