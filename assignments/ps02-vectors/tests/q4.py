"""Clauses of question 4, each with the hidden case that checks it and the wrong variant that
breaks it alone:

- euclidean_distance = sqrt(sum (u_i - v_i)^2), relative 1e-10, lists and arrays, symmetric,
  0 from a point to itself, entries up to 1e100: test_euclidean; variants "squared
  distance", "|u| - |v|".
- manhattan_distance = sum |u_i - v_i|: test_manhattan; variants "sum(u - v)",
  "|sum(u - v)|".
- integers allowed, including entries whose squared differences overflow int64:
  test_euclidean; variant "subtracts and squares in int64".
- the scipy.spatial.distance shortcuts are forbidden: every case (forbid_calls); variant
  "cityblock".
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, forbid_calls, to_number

name = "q4"
points = 4

FORBIDDEN = [
    "scipy.spatial.distance.euclidean",
    "scipy.spatial.distance.sqeuclidean",
    "scipy.spatial.distance.cityblock",
    "scipy.spatial.distance.minkowski",
    "scipy.spatial.distance.cdist",
]


def distance(func, u, v, what):
    return to_number(forbid_calls(FORBIDDEN, func, copy.deepcopy(u), copy.deepcopy(v)), what)


@test_case(points=1, hidden=False)
def test_small_example(euclidean_distance, manhattan_distance):
    assert_close(
        distance(euclidean_distance, [0, 0], [3, 4], "euclidean_distance([0, 0], [3, 4])"),
        5.0,
        what="euclidean_distance([0, 0], [3, 4])",
        hint="the Euclidean distance is the L2 norm of u - v.",
        reveal=True,
    )
    assert_close(
        distance(manhattan_distance, [0, 0], [3, 4], "manhattan_distance([0, 0], [3, 4])"),
        7.0,
        what="manhattan_distance([0, 0], [3, 4])",
        hint="the Manhattan distance is the L1 norm of u - v.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_euclidean(euclidean_distance):
    rng = np.random.default_rng(404)
    for n, scale in [(1, 1.0), (3, 5.0), (20, 0.5), (6, 1e100)]:
        u = rng.normal(scale=scale, size=n)
        v = rng.normal(scale=scale, size=n)
        what = f"euclidean_distance(u, v) for vectors of length {n}"
        expected = np.sqrt(np.sum((u - v) ** 2))
        found = distance(euclidean_distance, u, v, what)
        if abs(found - expected**2) <= 1e-9 * expected**2 and abs(expected - 1) > 1e-3:
            hint = "that is the SQUARED distance: take the square root of the sum of squares."
        else:
            hint = "compute the difference u - v, square it, sum, and take the square root."
        assert_close(found, expected, rtol=1e-10, what=what, hint=hint)
        assert_close(
            distance(euclidean_distance, v.tolist(), u.tolist(), what),
            expected,
            rtol=1e-10,
            what=what + " with the arguments swapped and given as lists",
            hint="a distance is symmetric: d(u, v) = d(v, u).",
        )
        assert_close(
            distance(euclidean_distance, u, u, "euclidean_distance(u, u)"),
            0.0,
            atol=1e-12,
            what="euclidean_distance(u, u)",
            hint="every vector is at distance 0 from itself.",
        )
    u, v = rng.integers(-9, 10, size=(2, 5))
    assert_close(
        distance(euclidean_distance, u, v, "euclidean_distance on integers"),
        np.sqrt(np.sum((u - v) ** 2.0)),
        rtol=1e-12,
        what="euclidean_distance on integer vectors",
    )
    u = np.array([4_000_000_000, -2_000_000_000, 5])
    v = np.array([-1_000_000_000, 2_500_000_000, -5])
    with np.errstate(over="ignore"):
        found = distance(euclidean_distance, u, v, "euclidean_distance on int64 near 4e9")
    assert_close(
        found,
        np.sqrt(np.sum((u.astype(float) - v.astype(float)) ** 2)),
        rtol=1e-10,
        what="euclidean_distance on int64 vectors with entries near 4e9",
        hint="(5e9)^2 = 2.5e19 does not fit in numpy's int64 (largest 9.2e18, and it wraps "
        "around silently): convert u and v to float before subtracting and squaring.",
    )


@test_case(points=1, hidden=True)
def test_manhattan(manhattan_distance):
    rng = np.random.default_rng(405)
    for n in [1, 4, 25]:
        u = rng.normal(scale=2.0, size=n)
        v = rng.normal(scale=2.0, size=n)
        what = f"manhattan_distance(u, v) for vectors of length {n}"
        assert_close(
            distance(manhattan_distance, u, v, what),
            np.sum(np.abs(u - v)),
            rtol=1e-10,
            what=what,
            hint="add the ABSOLUTE differences |u_i - v_i|, taking the absolute value of each "
            "difference before summing.",
        )
        assert_close(
            distance(manhattan_distance, v.tolist(), u.tolist(), what),
            np.sum(np.abs(u - v)),
            rtol=1e-10,
            what=what + " with the arguments swapped and given as lists",
            hint="a distance is symmetric and never negative.",
        )
    u, v = rng.integers(-9, 10, size=(2, 6))
    assert_close(
        distance(manhattan_distance, u, v, "manhattan_distance on integers"),
        float(np.sum(np.abs(u - v))),
        what="manhattan_distance on integer vectors",
    )
