"""Validation: build every set, run its notebooks, grade every variant, and report whether
the tests catch each wrong answer and accept each correct one."""
