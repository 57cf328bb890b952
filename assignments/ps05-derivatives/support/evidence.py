"""Evidence for hints, shared by this set's tests.

Shipped beside the notebook (like mlmath_checks.py): it holds no answers, only two ways a
test gathers evidence about an answer before choosing what to tell the student.
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


class ArgumentLog:
    """Wrap a test function so that every argument it receives is checked and recorded.

    ``strict(f)`` returns a function that calls ``f`` and remembers, for the first call
    whose argument is not a 1-D floating-point numpy array of length ``n``, what it was.
    Tests run the student's code with it, then read ``problem`` (None when every call was
    fine) and ``points`` (a copy of every argument, to see where f was evaluated).
    """

    def __init__(self, n):
        self.n = n
        self.problem = None
        self.points = []

    def strict(self, f):
        def checked(x):
            if self.problem is None:
                self.problem = self._describe_problem(x)
            self.points.append(np.array(x, dtype=float, copy=True))
            return f(np.asarray(x, dtype=float))

        return checked

    def _describe_problem(self, x):
        if not isinstance(x, np.ndarray):
            return f"a {type(x).__name__}"
        if not np.issubdtype(x.dtype, np.floating):
            return f"an array of dtype {x.dtype}"
        if x.shape != (self.n,):
            return f"an array of shape {x.shape}"
        return None
