"""The course model: problem sets on disk, their content, stubs, test files, variants, data.

Everything else reads the course through this package; it imports nothing above it.
"""
