"""History import (issue 15): past cases from another system's export, through a
profile (which column is what, and the admin's mappings of the source's names).

``profile``   a profile as data, its checks, and the profiles the product ships
``reading``   a file into records (CSV; Open311 GeoReport v2 JSON and XML)
``rows``      records into typed rows, or the line and reason a row cannot be imported
``matching``  the source's names against the catalog and the profile's mappings: what is
              known, what the admin must map or create
``writing``   the one transaction that creates what the admin chose to create, stages
              the rows, moves them into ``case`` and appends their events
``profiles``  profiles saved in the database, shared by every admin
``service``   the steps a dialog runs: read and check a file, import it
"""
