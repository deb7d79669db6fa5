"""The statistics pane (统计): tiles, charts over time, ranked bars, a period and filters."""
