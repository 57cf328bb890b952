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
        assert_close(
            distance(euclidean_distance, u, v, what),
            expected,
            rtol=1e-10,
            what=what,
            hint="compute the difference u - v, square, sum, and take the square root "
            "(a squared distance is not a distance).",
        )
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
            hint="add the ABSOLUTE differences |u_i - v_i|; signed differences cancel.",
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
