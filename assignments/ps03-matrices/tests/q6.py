OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import call, forbid_calls, to_array

name = "q6"
points = 6

FORBIDDEN = [
    "numpy.linalg.matrix_rank",
    "numpy.linalg.svd",
    "numpy.linalg.qr",
    "numpy.linalg.lstsq",
    "numpy.linalg.solve",
    "numpy.linalg.pinv",
    "scipy.linalg.svd",
    "scipy.linalg.qr",
    "scipy.linalg.lu",
    "scipy.linalg.orth",
    "scipy.linalg.lstsq",
]


def _indices(value, what):
    array = to_array(value, what=what)
    if array.ndim != 1 and array.size > 0:
        raise AssertionError(
            f"{what} should be a flat list of column indices, found shape {array.shape}."
        )
    return [int(round(v)) for v in array.reshape(-1)]


def _greedy_basis(A):
    """Oracle: column j is a pivot column iff it raises the rank of the columns before it."""
    pivots, r = [], 0
    for j in range(A.shape[1]):
        rj = np.linalg.matrix_rank(A[:, : j + 1])
        if rj > r:
            pivots.append(j)
            r = rj
    return pivots


def _dependent_columns(rng, m, n, p_dependent):
    cols = []
    for _ in range(n):
        if cols and rng.random() < p_dependent:
            weights = rng.integers(-2, 3, size=len(cols)).astype(float)
            cols.append(np.column_stack(cols) @ weights)
        else:
            cols.append(rng.normal(size=m))
    return np.column_stack(cols)


def _to_bool(value, what):
    if isinstance(value, (bool, np.bool_, int, np.integer)) and value in (0, 1):
        return bool(value)
    raise AssertionError(f"{what} should be True or False, found {value!r}.")


@test_case(points=1, hidden=False)
def test_pivot_columns_small(pivot_columns):
    A = np.array([[1.0, 2.0, 0.0, 1.0], [2.0, 4.0, 1.0, 3.0]])
    found = _indices(call(pivot_columns, A), "pivot_columns([[1, 2, 0, 1], [2, 4, 1, 3]])")
    if found != [0, 2]:
        raise AssertionError(
            f"pivot_columns([[1, 2, 0, 1], [2, 4, 1, 3]]) should be [0, 2], found {found}. "
            "Column 1 is twice column 0, and column 3 = column 0 + column 2."
        )


@test_case(points=1, hidden=False)
def test_in_span_small(in_span):
    A = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    inside = _to_bool(call(in_span, A.copy(), np.array([3.0, -2.0, 0.0])), "in_span(A, [3, -2, 0])")
    outside = _to_bool(call(in_span, A.copy(), np.array([0.0, 0.0, 1.0])), "in_span(A, [0, 0, 1])")
    if not inside or outside:
        raise AssertionError(
            f"with A = [[1, 0], [0, 1], [0, 0]], expected in_span(A, [3, -2, 0]) = True and "
            f"in_span(A, [0, 0, 1]) = False, found {inside} and {outside}."
        )


@test_case(points=2, hidden=True)
def test_pivot_columns_random(pivot_columns):
    rng = np.random.default_rng(361)
    for m, n, p in [(5, 7, 0.4), (8, 6, 0.5), (3, 8, 0.2), (6, 6, 0.0), (4, 5, 0.6), (10, 10, 0.5)]:
        A = _dependent_columns(rng, m, n, p)
        greedy = _greedy_basis(A)
        found = _indices(
            forbid_calls(FORBIDDEN, pivot_columns, A.copy()), f"pivot_columns of a {m}x{n} matrix"
        )
        if found != greedy:
            raise AssertionError(
                f"pivot_columns of a {m}x{n} matrix with some dependent columns returned "
                f"{found}, which is not the list of pivot columns (found {len(found)} "
                f"indices, expected {len(greedy)}). Row-reduce without swapping columns; "
                "a column that has no usable pivot is skipped and the row counter stays; "
                "return the indices in increasing order."
            )
    found = _indices(call(pivot_columns, np.zeros((3, 4))), "pivot_columns of the zero matrix")
    if found:
        raise AssertionError(f"the 3x4 zero matrix has no pivot columns, found {found}.")


@test_case(points=2, hidden=True)
def test_in_span_random(in_span):
    rng = np.random.default_rng(362)
    for m, n, r in [(5, 3, 3), (6, 4, 2), (4, 6, 3), (3, 1, 1), (7, 5, 4)]:
        A = rng.normal(size=(m, r)) @ rng.normal(size=(r, n))
        v_in = A @ rng.normal(size=n)
        v_out = v_in + rng.normal(size=m)  # almost surely outside, since rank < m
        inside = _to_bool(
            forbid_calls(FORBIDDEN, in_span, A.copy(), v_in.copy()), f"in_span for a {m}x{n} matrix"
        )
        outside = _to_bool(
            forbid_calls(FORBIDDEN, in_span, A.copy(), v_out.copy()),
            f"in_span for a {m}x{n} matrix",
        )
        if not inside:
            raise AssertionError(
                f"in_span returned False for v = A @ c with a {m}x{n} matrix A of rank {r}. "
                "Compare rank([A | v]) with rank(A), both with a relative tolerance."
            )
        if outside:
            raise AssertionError(
                f"in_span returned True for a vector outside the column space of a {m}x{n} "
                f"matrix of rank {r}. v is in the span iff appending it does not raise the "
                "rank: compare with rank(A), not with the number of columns."
            )
