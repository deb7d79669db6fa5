"""Duty reports on paper and on screen: the PDF (pdf.py, its charts and map drawn
with QPainter), the dialog that makes one from the console (dialog.py) and the
command line's report run (cli.py)."""
