"""What every pane uses: tables, form rows and their keys, pickers, the facts dialog for
moves, the task runner that runs services off the GUI thread, and the translated texts
of codes."""
