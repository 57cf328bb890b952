"""Helpers shared by this set's tests (shipped beside the notebook, like mlmath_checks.py).

They hold no answers: only ways to build test problems and to compare the path an
optimizer returns with the path a test computed itself, reporting which update went wrong.
"""

import numpy as np

from mlmath_checks import assert_shape


def spd_matrix(rng, eigenvalues):
    """A random symmetric matrix with the given eigenvalues (a random rotation of a diagonal)."""
    eigenvalues = np.asarray(eigenvalues, dtype=float)
    n = eigenvalues.size
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return Q @ np.diag(eigenvalues) @ Q.T


def matching_hint(found, candidates, default, rtol=1e-6, atol=1e-12):
    """The hint of the first (value, hint) candidate that ``found`` agrees with, else default.

    Tests compute what known mistakes would produce on their own copies of the inputs, so
    the hint names the mistake the answer actually made.
    """
    try:
        array = np.asarray(found, dtype=float)
    except (TypeError, ValueError):
        return default
    for value, hint in candidates:
        if value is None:
            continue
        expected = np.asarray(value, dtype=float)
        if array.shape != expected.shape:
            continue
        with np.errstate(invalid="ignore", over="ignore"):
            if np.allclose(array, expected, rtol=rtol, atol=atol, equal_nan=True):
                return hint
    return default


def path_shape(found, n_rows, d, what, hint=""):
    """The path as a float array of shape (n_rows, d), with a message naming the rows."""
    array = np.asarray(found, dtype=float) if _numeric(found) else None
    if array is not None and array.shape == (n_rows - 1, d):
        hint = (
            "your path has one row too few: row 0 must be the starting point itself, "
            "then one row per step."
        )
    if array is not None and d == 1 and array.shape == (n_rows,):
        hint = (
            "a float x0 is a point of R^1: make it a 1-D array of length 1 "
            "(np.array(x0, dtype=float).reshape(-1)), so that every row has one entry."
        )
    if array is not None and array.shape == (n_rows + 1, d):
        hint = "your path has one row too many: n_steps steps give n_steps + 1 rows with x0."
    try:
        return assert_shape(found, (n_rows, d), what)
    except AssertionError as error:
        raise AssertionError(f"{error} {hint}".strip()) from None


def _numeric(value):
    try:
        np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return False
    return True


def assert_path(found, expected, what, hint, rtol=1e-9, atol=1e-12):
    """Compare a path row by row with the test's own path; name the first wrong update.

    ``hint`` is a string or a function of the found path returning one (evidence first).
    """
    expected = np.asarray(expected, dtype=float)
    array = path_shape(found, expected.shape[0], expected.shape[1], what)
    with np.errstate(invalid="ignore", over="ignore"):
        close = np.isclose(array, expected, rtol=rtol, atol=atol).all(axis=1)
    if close.all():
        return array
    first = int(np.argmin(close))
    text = hint(array) if callable(hint) else hint
    if first == 0:
        raise AssertionError(f"{what}: row 0 should be the starting point x0 itself. {text}")
    gap = float(np.max(np.abs(array[first] - expected[first])))
    raise AssertionError(
        f"{what}: rows 0 to {first - 1} are right, but row {first} (the result of update "
        f"{first}) is off by {gap:.3g}. {text}".strip()
    )


class GradientLog:
    """Wrap a gradient so that every point it is called at is checked and counted.

    ``wrap(g)`` returns a function that records a copy of each argument and notes the
    first one that is not a 1-D float array of length ``n``.
    """

    def __init__(self, n):
        self.n = n
        self.problem = None
        self.calls = 0

    def wrap(self, g):
        def logged(x):
            self.calls += 1
            if self.problem is None:
                self.problem = self._describe_problem(x)
            return g(np.asarray(x, dtype=float))

        return logged

    def _describe_problem(self, x):
        if not isinstance(x, np.ndarray):
            return f"a {type(x).__name__}"
        if not np.issubdtype(x.dtype, np.floating):
            return f"an array of dtype {x.dtype}"
        if x.shape != (self.n,):
            return f"an array of shape {x.shape}"
        return None
