"""The one exception the command line turns into a one-line message and a non-zero exit."""


class MlmathError(Exception):
    """A problem the author or instructor can fix: a bad name, file or notebook."""
