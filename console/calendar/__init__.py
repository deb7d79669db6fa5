"""Working days and deadlines: the calendar as data (holidays and make-up days, estimated
years), time limits in hours or working days, and the admin's rules."""
