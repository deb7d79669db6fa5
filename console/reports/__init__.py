"""Duty reports (值班日报, the leaders' weekly briefing, the monthly report and special
analyses) as plain data: what each holds is read from the database here, the PDF is
drawn by widgets/reports/ and the workbook written by ``excel.py``. No Qt."""
