"""The quick-answer pane and its editor."""
