# q1: matmul and matmul_flops. Clauses of the prompt, each with the hidden case that checks
# it and the wrong variant that breaks it alone:
# - entry (i, j) = sum_k A[i, k] B[k, j], shape (n, p), for every shape including 1s:
#   test_matmul_random_shapes; variants "computes A @ B.T", "multiplies elementwise".
# - a float array, also for integer inputs whose int64 products overflow:
#   test_matmul_integer_inputs; variant "keeps the integer dtype of the inputs".
# - lists of lists are accepted: test_matmul_integer_inputs; every variant converts them.
# - ValueError when A.shape[1] != B.shape[0]: test_matmul_rejects_mismatched_shapes;
#   variant "no shape check".
# - (multiplications, additions) = (nmp, n(m-1)p): test_matmul_flops_counts; variants
#   "counts m additions per entry", "returns the total 2nmp".
# - "from the definition, with loops" cannot be tested (@ is C code): the prompt says it is
#   on the student's honour.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_array

name = "q1"
points = 6


def _raises_value_error(func, *args):
    """True if func(*args) raised ValueError; an AssertionError explains anything else."""
    try:
        result = func(*args)
    except ValueError:
        return True
    except Exception as error:
        raise AssertionError(
            f"matmul raised {type(error).__name__} ({error}) on matrices whose inner "
            "dimensions differ; the convention is to raise ValueError: check "
            "A.shape[1] against B.shape[0] before the loops."
        ) from None
    if result is None:
        raise AssertionError("matmul returned None: is it still a stub?")
    return False


def _fail(message):
    raise AssertionError(message)


@test_case(points=1, hidden=False)
def test_matmul_small(matmul):
    A = [[1, 2, 3], [4, 5, 6]]
    B = [[1, 0], [0, 1], [1, 1]]
    C = call(matmul, A, B)
    assert_shape(C, (2, 2), what="matmul of a (2, 3) and a (3, 2) matrix")
    assert_close(
        C,
        [[4, 5], [10, 11]],
        what="matmul([[1, 2, 3], [4, 5, 6]], [[1, 0], [0, 1], [1, 1]])",
        hint="entry (i, j) is the sum over k of A[i, k] * B[k, j].",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_matmul_flops_small(matmul_flops):
    counts = to_array(call(matmul_flops, 2, 3, 4), what="matmul_flops(2, 3, 4)")
    assert_close(
        counts,
        [24, 16],
        what="matmul_flops(2, 3, 4) = (multiplications, additions)",
        hint="each of the n * p entries needs m products and m - 1 additions.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_matmul_random_shapes(matmul):
    rng = np.random.default_rng(301)
    shapes = [(1, 1, 1), (1, 5, 1), (5, 1, 4), (4, 7, 3), (3, 3, 3), (6, 2, 8), (2, 9, 1)]
    for n, m, p in shapes:
        A = rng.normal(size=(n, m)) * 10
        B = rng.normal(size=(m, p))
        expected = A @ B
        C = call(matmul, A.copy(), B.copy(), what=f"a {(n, m)} and a {(m, p)} matrix")
        assert_close(
            C,
            expected,
            rtol=1e-9,
            atol=1e-9,
            what=f"matmul of a {(n, m)} and a {(m, p)} matrix",
            hint="the result has shape (n, p) and entry (i, j) = sum_k A[i, k] * B[k, j]; "
            "check which index runs over the rows of A and which over the columns of B.",
        )


@test_case(points=1, hidden=True)
def test_matmul_integer_inputs(matmul):
    rng = np.random.default_rng(303)
    A = rng.integers(-5, 6, size=(3, 4))
    B = rng.integers(-5, 6, size=(4, 2))
    expected = A.astype(float) @ B.astype(float)
    C = call(matmul, A.tolist(), B.tolist(), what="two integer matrices given as lists of lists")
    assert_close(
        C,
        expected,
        what="matmul of two integer matrices given as lists of lists",
        hint="convert the inputs with np.asarray(..., dtype=float) first.",
    )
    # entries near 3e9: each product is about 1e19, beyond the int64 maximum 9.2e18
    A = rng.integers(2_000_000_000, 4_000_000_000, size=(2, 3))
    B = rng.integers(2_000_000_000, 4_000_000_000, size=(3, 2))
    expected = A.astype(float) @ B.astype(float)
    C = call(matmul, A.copy(), B.copy(), what="integer matrices with entries near 3e9")
    if np.asarray(C).dtype.kind != "f":
        raise AssertionError(
            "matmul of two integer arrays returned an array of dtype "
            f"{np.asarray(C).dtype}; the prompt asks for a float array: convert the inputs with "
            "np.asarray(A, dtype=float) before the loops."
        )
    assert_close(
        C,
        expected,
        rtol=1e-12,
        what="matmul of integer matrices with entries near 3e9 (products near 1e19)",
        hint="the products do not fit in a 64-bit integer and numpy wraps around silently: "
        "convert the inputs to float before multiplying.",
    )


@test_case(points=1, hidden=True)
def test_matmul_rejects_mismatched_shapes(matmul):
    rng = np.random.default_rng(302)
    for (n, m), (m2, p) in [((2, 3), (4, 2)), ((3, 4), (2, 5)), ((1, 2), (3, 1))]:
        A = rng.normal(size=(n, m))
        B = rng.normal(size=(m2, p))
        if not _raises_value_error(matmul, A, B):
            _fail(
                f"matmul of a {(n, m)} and a {(m2, p)} matrix returned a result, but the "
                "product is undefined: raise ValueError when A.shape[1] != B.shape[0]."
            )


@test_case(points=1, hidden=True)
def test_matmul_flops_counts(matmul_flops):
    for n, m, p in [(1, 1, 1), (3, 1, 5), (7, 11, 2), (100, 50, 20), (13, 8, 13)]:
        counts = to_array(call(matmul_flops, n, m, p), what=f"matmul_flops({n}, {m}, {p})")
        assert_close(
            counts,
            [n * m * p, n * (m - 1) * p],
            what=f"matmul_flops({n}, {m}, {p})",
            hint="return a pair (multiplications, additions); summing m products takes "
            "m - 1 additions, and there are n * p entries.",
        )
