"""The console around the panes: start-up, the main window, commands and keys, layouts per
role, alerts, and the process-wide guards (garbage collection on the GUI thread, missing
system libraries)."""
