"""What ships to students beside every notebook: checks.py becomes mlmath_checks.py, the
helpers test files use. It must import nothing from mlmath."""
