# q6: pivot_columns and in_span. Clauses, with the hidden case that checks each and the wrong
# variant that breaks it alone:
# - pivot columns = the columns that raise the rank of those on their left, 0-based,
#   increasing, no column swaps: test_pivot_columns_random (oracle: greedy matrix_rank);
#   variants "walks the diagonal", "every nonzero column", "complete pivoting".
# - the zero matrix has no pivot columns: test_pivot_columns_random.
# - tol is honoured, relative to max|A| of the whole input; integer input:
#   test_pivot_columns_tol; variant "pivot_columns ignores tol".
# - in_span = rank([A | v]) == rank(A): test_in_span_random; variants "compares with the
#   number of columns", "v parallel to one column".
# - the scale reading (v rescaled to max|A| first; 0 is in every span; a zero A spans only 0)
#   and tol passed on to rank: test_in_span_scale_and_tol; variants "appends v without
#   rescaling it", "rescales v to unit length", "in_span ignores tol".
# - forbidden matrix_rank, svd, qr, lstsq, solve, pinv: forbid_calls in every hidden case.
# in_span builds on Question 5's rank (2 of its 6 points, a third); its messages say so.

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


@test_case(points=1, hidden=True)
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


@test_case(points=1, hidden=True)
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
                "Compare rank([A | v]) with rank(A), both with a relative tolerance (if your "
                "rank fails Question 5, fix it first)."
            )
        if outside:
            raise AssertionError(
                f"in_span returned True for a vector outside the column space of a {m}x{n} "
                f"matrix of rank {r}. v is in the span iff appending it does not raise the "
                "rank: compare with rank(A), not with the number of columns."
            )


def _span_answer(in_span, A, v, what, **kwargs):
    return _to_bool(
        forbid_calls(FORBIDDEN, in_span, A.copy(), v.copy(), what=what, **kwargs),
        f"in_span for {what}",
    )


@test_case(points=1, hidden=True)
def test_pivot_columns_tol(pivot_columns):
    # column 1 differs from column 0 by 1e-5 * max|A| in one entry
    A = np.array([[1.0, 1.0, 0.0], [0.0, 1e-5, 0.0], [0.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
    for tol, expected in [(1e-3, [0, 2]), (1e-8, [0, 1, 2])]:
        found = _indices(
            forbid_calls(
                FORBIDDEN, pivot_columns, A.copy(), tol, what=f"a 4x3 matrix, tol={tol:g}"
            ),
            f"pivot_columns(A, tol={tol:g})",
        )
        if found != expected:
            raise AssertionError(
                f"pivot_columns(A, tol={tol:g}) for a 4x3 A whose column 1 is column 0 plus "
                f"1e-5 * e_1 returned {found}, expected {expected}. Use the tol argument you "
                "are given, relative to max|A| of the whole input."
            )
    found = _indices(
        call(pivot_columns, np.array([[1, 2, 0], [2, 4, 1]]), what="an integer 2x3 matrix"),
        "pivot_columns of an integer matrix",
    )
    if found != [0, 2]:
        raise AssertionError(
            f"pivot_columns([[1, 2, 0], [2, 4, 1]]) returned {found}, expected [0, 2]: with an "
            "integer array the in-place updates truncate; row-reduce np.array(A, dtype=float)."
        )


@test_case(points=1, hidden=True)
def test_in_span_scale_and_tol(in_span):
    rng = np.random.default_rng(363)
    A = rng.normal(size=(5, 2)) @ rng.normal(size=(2, 3))  # rank 2 in R^5
    c = rng.normal(size=3)
    w = rng.normal(size=5)
    v_in, v_out = A @ c, A @ c + w
    scale_hint = (
        "whether v is in a span does not depend on its length: rescale v to the size of A "
        "(v * max|A| / max|v|) before comparing rank([A | v]) with rank(A)."
    )
    for factor in [1e12, 1e-12]:
        if not _span_answer(in_span, A, factor * v_in, f"v = A c scaled by {factor:g}"):
            raise AssertionError(
                f"in_span returned False for v = {factor:g} * A c, which is in the span. "
                + scale_hint
            )
        if _span_answer(
            in_span, A, factor * v_out, f"a vector outside the span scaled by {factor:g}"
        ):
            raise AssertionError(
                f"in_span returned True for a vector outside the span scaled by {factor:g}. "
                + scale_hint
            )
    # the scale of A matters too: v is rescaled to max|A|, not to unit length
    if not _span_answer(in_span, 1e-12 * A, v_in, "A of entries near 1e-12 and v = A c * 1e12"):
        raise AssertionError(
            "in_span returned False for a matrix A with entries near 1e-12 and a vector of "
            "size 1 in its span. " + scale_hint
        )
    if not _span_answer(in_span, A, np.zeros(5), "the zero vector"):
        raise AssertionError("in_span(A, 0) returned False: the zero vector is in every span.")
    if _span_answer(in_span, np.zeros((5, 3)), v_in, "a zero matrix A and a non-zero v"):
        raise AssertionError(
            "in_span(0, v) returned True for a non-zero v: the columns of a zero matrix span "
            "only the zero vector."
        )
    # tol is honoured: v is 1e-6 (relative) away from the span
    near = v_in + 1e-6 * np.max(np.abs(v_in)) * w / np.max(np.abs(w))
    for tol, expected in [(1e-3, True), (1e-10, False)]:
        if (
            _span_answer(
                in_span, A, near, f"a vector 1e-6 away from the span, tol={tol:g}", tol=tol
            )
            != expected
        ):
            raise AssertionError(
                f"in_span(A, v, tol={tol:g}) for v at relative distance 1e-6 from the span "
                f"should be {expected}: pass the tol you are given on to rank."
            )
