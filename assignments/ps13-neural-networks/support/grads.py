"""Comparing gradient arrays, for the tests of this set (no answers here)."""

import numpy as np


def norm_relative_error(a, b):
    """||a - b|| / max(1e-12, ||a|| + ||b||): the error of a whole gradient array."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / max(1e-12, np.linalg.norm(a) + np.linalg.norm(b)))


def ratio_hint(found, expected, n, hints):
    """The hint for a gradient off by a telltale factor (n, 1/n, -1), else None.

    `hints` maps "n", "1/n" and "-1" to texts; a factor is recognized when `found` equals
    that multiple of `expected` to a relative 1e-6.
    """
    factors = {"n": float(n), "1/n": 1.0 / n, "-1": -1.0}
    for key, text in hints.items():
        factor = factors[key]
        if factor != 1.0 and norm_relative_error(found, factor * expected) < 1e-6:
            return text
    return None
