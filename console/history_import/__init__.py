"""History import (issue 15): past cases from another system's export, through a
profile (which column is what, and the admin's mappings of the source's names).

``profile``   a profile as data and its checks; ``builtin`` the profiles the product ships
``profiles``  profiles saved in the database, shared by every admin
``reading``   a file into records (CSV; Open311 GeoReport v2 JSON and XML)
``rows``      records into typed rows, or the line and reason a row cannot be imported
``matching``  the source's names against the catalog and the profile's mappings: what is
              known, what the admin must map or create
``creating``  the streets, communities, units and categories the admin chose to create
``staging``   rows with every name turned into its code, as the staging table takes them
``writing``   COPY into the staging table, the owner's functions that move the rows into
              ``case`` and append their events
``progress``  how far an import has come, and the admin's cancel
``service``   the steps a dialog runs: read and check a file, import it (one transaction)
"""
