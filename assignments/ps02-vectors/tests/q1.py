"""Clauses of question 1 (linear_combination), each with the hidden case that checks it and
the wrong variant that breaks it alone:

- sum_i c_i v_i, shape (n,), relative 1e-10, for arrays and lists, k, n >= 1:
  test_random_combinations; variants "wrong broadcasting axis", "sums each scaled vector
  (axis=1)", "averages".
- a FLOAT array even for integer inputs, real coefficients on integer vectors not truncated:
  test_integer_inputs (checks the dtype); variants "np.zeros_like(an integer vector)",
  "np.dot straight on integer inputs".
- integer entries whose products overflow int64 still give the right value:
  test_integer_inputs (3e9 * 4e9 = 1.2e19 > 9.2e18); variant "np.dot straight on integer
  inputs".
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q1"
points = 3


@test_case(points=1, hidden=False)
def test_small_example(linear_combination):
    result = call(linear_combination, [2, -1], [[1, 2, 3], [4, 5, 6]])
    assert_close(
        result,
        [-2.0, -1.0, 0.0],
        what="linear_combination([2, -1], [[1, 2, 3], [4, 5, 6]])",
        hint="multiply each vector (each row) by its coefficient, then add the rows.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_combinations(linear_combination):
    rng = np.random.default_rng(101)
    for k, n in [(1, 4), (3, 3), (2, 5), (5, 2), (4, 4), (6, 1)]:
        coeffs = rng.normal(size=k)
        vectors = rng.normal(scale=3.0, size=(k, n))
        expected = np.einsum("i,ij->j", coeffs, vectors)
        for c, V, kind in [
            (coeffs, vectors, "arrays"),
            (coeffs.tolist(), vectors.tolist(), "lists"),
        ]:
            assert_close(
                call(linear_combination, copy.deepcopy(c), copy.deepcopy(V)),
                expected,
                rtol=1e-10,
                atol=1e-12,
                what=f"linear_combination of {k} vectors of length {n} (given as {kind})",
                hint="the result has one entry per coordinate (length n): coefficient i "
                "scales row i, and the scaled rows are summed over i (axis 0).",
            )


@test_case(points=1, hidden=True)
def test_integer_inputs(linear_combination):
    rng = np.random.default_rng(102)
    # integer inputs, and the standard basis picks out one vector
    V = rng.integers(-9, 10, size=(3, 5))
    assert_close(
        call(linear_combination, [0, 1, 0], V.copy()),
        V[1],
        what="linear_combination([0, 1, 0], V) with an integer V",
        hint="coefficients (0, 1, 0) should return the second vector unchanged.",
    )
    # real coefficients on integer vectors: the result must not be truncated to integers
    coeffs = [0.5, -1.25, 2.75]
    for c, W, kind in [(coeffs, V, "array"), (coeffs, V.tolist(), "list of lists")]:
        assert_close(
            call(linear_combination, copy.deepcopy(c), copy.deepcopy(W)),
            np.asarray(coeffs) @ V.astype(float),
            rtol=1e-10,
            what=f"linear_combination([0.5, -1.25, 2.75], V) with an integer V ({kind})",
            hint="the result is a FLOAT array: convert with np.asarray(..., dtype=float), and do "
            "not accumulate into np.zeros_like(an integer vector), which is an integer array.",
        )
    result = call(
        linear_combination,
        [2, -3],
        copy.deepcopy(V[:2]),
        what="integer coefficients and an integer array of vectors",
    )
    array = np.asarray(result)
    if not np.issubdtype(array.dtype, np.floating):
        raise AssertionError(
            f"linear_combination([2, -3], V) with an integer V returned an array of dtype "
            f"{array.dtype}; the task asks for a FLOAT array: convert the inputs with "
            "np.asarray(..., dtype=float) first."
        )
    # products of 3e9 by 4e9 overflow int64 (largest 9.2e18): only float arithmetic is right
    big_c = [3_000_000_000, -2_000_000_000]
    big_V = np.array([[4_000_000_000, 1, -3_000_000_000], [5, 4_000_000_000, 2_500_000_000]])
    expected = np.asarray(big_c, dtype=float) @ big_V.astype(float)
    assert_close(
        call(linear_combination, list(big_c), big_V.copy(), what="integers near 4e9"),
        expected,
        rtol=1e-10,
        what="linear_combination with integer entries near 4e9 (products above 1e19)",
        hint="numpy's int64 wraps around silently above 9.2e18: convert the inputs to float "
        "before multiplying.",
    )
