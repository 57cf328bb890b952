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


@test_case(points=2, hidden=True)
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
