"""The code that runs inside the sandbox, beside the student's notebook (see ../__init__.py)."""
