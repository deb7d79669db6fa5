"""Cases out of the console (issue 15, item 5): CSV for Excel, Open311 GeoReport v2
service requests as JSON or XML, the inverse of the history import's profiles.

``query``     which cases (the queue's filter, a period) and what is read of each,
              streamed from a server-side cursor
``csv_form``  a case as a CSV row (the console's columns, then the Pingshan export's)
``open311``   a case as an Open311 request, and the JSON and XML writers
``words``     the Chinese words of the codes an export writes
``service``   the export itself: a temporary file renamed into place when whole
"""
