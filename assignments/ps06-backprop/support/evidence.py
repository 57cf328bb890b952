"""Evidence for hints, shared by this set's tests.

Shipped beside the notebook (like mlmath_checks.py): it holds no answers, only a way for a
test to gather evidence about an answer before choosing what to tell the student.
"""

import numpy as np


def matching_hint(found, candidates, default, rtol=1e-6, atol=1e-12):
    """The hint of the first (value, hint) candidate that ``found`` agrees with, else default.

    A test lists the values that known mistakes would produce (computed by the test itself
    on its own copies of the inputs), so the hint names the mistake the answer made, not a
    mistake it might have made.
    """
    try:
        array = np.asarray(found, dtype=float)
    except (TypeError, ValueError):
        return default
    for value, hint in candidates:
        if value is None:
            continue
        expected = np.asarray(value, dtype=float)
        if array.shape != expected.shape and not (array.size == expected.size == 1):
            continue
        with np.errstate(invalid="ignore", over="ignore"):
            if np.allclose(array.reshape(expected.shape), expected, rtol=rtol, atol=atol):
                return hint
    return default
