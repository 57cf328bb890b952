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


@test_case(points=2, hidden=True)
def test_matmul_random_shapes(matmul):
    rng = np.random.default_rng(301)
    shapes = [(1, 1, 1), (1, 5, 1), (5, 1, 4), (4, 7, 3), (3, 3, 3), (6, 2, 8), (2, 9, 1)]
    for n, m, p in shapes:
        A = rng.normal(size=(n, m)) * 10
        B = rng.normal(size=(m, p))
        C = call(matmul, A.copy(), B.copy())
        assert_close(
            C,
            A @ B,
            rtol=1e-9,
            atol=1e-9,
            what=f"matmul of a {(n, m)} and a {(m, p)} matrix",
            hint="the result has shape (n, p) and entry (i, j) = sum_k A[i, k] * B[k, j]; "
            "check which index runs over the rows of A and which over the columns of B.",
        )
    A = rng.integers(-5, 6, size=(3, 4))
    B = rng.integers(-5, 6, size=(4, 2))
    C = call(matmul, A.tolist(), B.tolist())
    assert_close(
        C,
        A @ B,
        what="matmul of two integer matrices given as lists of lists",
        hint="convert the inputs with np.asarray first.",
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
