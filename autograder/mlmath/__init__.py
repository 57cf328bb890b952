"""mlmath: the tooling that builds, validates and grades the mlmath course."""

__version__ = "0.1.0"
