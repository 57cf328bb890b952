"""Grading: collect submissions, grade each in its sandbox with the hidden tests, keep the
gradebook, and export grades and feedback."""
