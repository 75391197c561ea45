"""Resolution of what a mention names: actors, dates, places."""
