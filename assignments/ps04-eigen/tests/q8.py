# q8: truncation_errors. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - Frobenius error sqrt(sum of the discarded s^2), spectral error s[k] (0-based), checked
#   against the actual norms of X - X_k: test_matches_actual_errors; variants "plain sum",
#   "forgets the square root", "s[k-1]".
# - k = 0 (all discarded) and k = len(s) (both errors 0): test_edge_cases; variant "indexes
#   s[k] when k = len(s)".
# - s may be a list: test_list_input.

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, describe, to_number

name = "q8"
points = 5


def errors(truncation_errors, s, k):
    result = call(truncation_errors, copy.deepcopy(s), k)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            "truncation_errors should return a pair (frobenius_error, spectral_error), "
            f"found {describe(result)}."
        )
    return (
        to_number(result[0], "the Frobenius-norm error"),
        to_number(result[1], "the spectral-norm error"),
    )


@test_case(points=1, hidden=False)
def test_small_example(truncation_errors):
    fro, spec = errors(truncation_errors, np.array([4.0, 3.0, 2.0, 1.0]), 2)
    assert_close(
        fro,
        np.sqrt(5.0),
        what="truncation_errors: the Frobenius error for s = [4, 3, 2, 1], k = 2",
        hint="sqrt(2^2 + 1^2): the root of the sum of the SQUARED discarded values.",
        reveal=True,
    )
    assert_close(
        spec,
        2.0,
        what="truncation_errors: the spectral error for s = [4, 3, 2, 1], k = 2",
        hint="the largest discarded singular value, s[k] with 0-based indexing.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_matches_actual_errors(truncation_errors):
    rng = np.random.default_rng(801)
    for m, n in [(8, 5), (6, 12), (20, 20)]:
        X = rng.normal(size=(m, n))
        U, sv, Vt = np.linalg.svd(X, full_matrices=False)
        for k in [1, 2, min(m, n) - 1]:
            residual = X - (U[:, :k] * sv[:k]) @ Vt[:k]
            fro, spec = errors(truncation_errors, sv, k)
            assert_close(
                fro,
                np.linalg.norm(residual, "fro"),
                rtol=1e-8,
                what=f"truncation_errors: the Frobenius error of a rank-{k} approximation of a "
                f"{m}x{n} matrix",
                hint="||X - X_k||_F = sqrt(sum of the squared discarded singular values).",
            )
            assert_close(
                spec,
                np.linalg.norm(residual, 2),
                rtol=1e-8,
                what=f"truncation_errors: the spectral error of a rank-{k} approximation of a "
                f"{m}x{n} matrix",
                hint="||X - X_k||_2 is the first discarded singular value, s[k] (0-based).",
            )


@test_case(points=1, hidden=True)
def test_edge_cases(truncation_errors):
    rng = np.random.default_rng(802)
    s = np.sort(rng.uniform(0.1, 5, size=6))[::-1]
    fro, spec = errors(truncation_errors, s, 0)
    assert_close(
        fro,
        np.sqrt(np.sum(s**2)),
        rtol=1e-9,
        what="truncation_errors: the Frobenius error for k = 0",
        hint="with k = 0 every singular value is discarded: the error is ||X||_F.",
    )
    assert_close(
        spec,
        s[0],
        rtol=1e-9,
        what="truncation_errors: the spectral error for k = 0",
        hint="with k = 0 the error is ||X||_2 = s[0].",
    )
    fro, spec = errors(truncation_errors, s, 6)
    assert_close(
        fro,
        0.0,
        atol=1e-12,
        what="truncation_errors: the Frobenius error for k = len(s)",
        hint="nothing is discarded: the error is 0.",
    )
    assert_close(
        spec,
        0.0,
        atol=1e-12,
        what="truncation_errors: the spectral error for k = len(s)",
        hint="nothing is discarded: return 0.0 (do not index past the end of s).",
    )


@test_case(points=1, hidden=True)
def test_list_input(truncation_errors):
    s = [9.5, 4.0, 2.5, 0.5, 0.25]
    fro, spec = errors(truncation_errors, s, 3)
    assert_close(
        fro,
        np.hypot(0.5, 0.25),
        rtol=1e-9,
        what="truncation_errors: the Frobenius error when s is a Python list",
        hint="convert s with np.asarray first.",
    )
    assert_close(
        spec,
        0.5,
        rtol=1e-9,
        what="truncation_errors: the spectral error when s is a Python list",
        hint="convert s with np.asarray first.",
    )
