"""Reports on a set's grades for instructors: statistics, plots, an HTML and Markdown page."""
