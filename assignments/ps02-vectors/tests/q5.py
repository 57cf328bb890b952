"""Clauses of question 5, each with the hidden case that checks it and the wrong variant that
breaks it alone:

- cosine_similarity = u.v / (|u| |v|), relative 1e-9, lists and arrays, entries up to
  1e100, scale-invariant, odd in u: test_cosine_similarity_random; variants "cosine
  distance", "squared norms".
- integer entries whose products overflow int64: test_cosine_similarity_random; variant
  "computes in int64".
- a zero vector gives 0.0, with no NaN and no warning (the case runs inside
  np.errstate(all="raise")): test_cosine_similarity_zero_vector; variants "0/0 gives NaN",
  "computes 0/0 and then replaces the NaN by 0".
- angle_between in radians in [0, pi]: test_angle_between; variants "degrees",
  "raw dot product".
- (anti)parallel vectors give 0 and pi, not NaN: test_angle_between; variant "no clipping".
- entries up to 1e100 for the angle (no (u.u)(v.v) overflow): test_angle_between; variant
  "sqrt((u.u)(v.v))".
- scipy.spatial.distance.cosine and cdist are forbidden: every case (forbid_calls); variant
  "calls scipy cosine".
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls, to_number

name = "q5"
points = 6

FORBIDDEN = ["scipy.spatial.distance.cosine", "scipy.spatial.distance.cdist"]


def cos_of(cosine_similarity, u, v, what):
    return to_number(
        forbid_calls(FORBIDDEN, cosine_similarity, copy.deepcopy(u), copy.deepcopy(v)), what
    )


def angle_of(angle_between, u, v, what):
    return to_number(
        forbid_calls(FORBIDDEN, angle_between, copy.deepcopy(u), copy.deepcopy(v)), what
    )


def oracle_cos(u, v):
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))


@test_case(points=1, hidden=False)
def test_small_examples(cosine_similarity, angle_between):
    assert_close(
        cos_of(cosine_similarity, [1, 2], [2, 1], "cosine_similarity([1, 2], [2, 1])"),
        0.8,
        what="cosine_similarity([1, 2], [2, 1])",
        hint="(1*2 + 2*1) / (sqrt(5) * sqrt(5)).",
        reveal=True,
    )
    angle = angle_of(angle_between, [1, 0], [1, 1], "angle_between([1, 0], [1, 1])")
    assert_close(
        angle,
        np.pi / 4,
        what="angle_between([1, 0], [1, 1])",
        hint="the answer is in radians: pi/4, not 45."
        if np.isclose(angle, 45.0)
        else "theta = arccos(u.v / (|u| |v|)) = arccos(1 / sqrt(2)).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_cosine_similarity_random(cosine_similarity):
    rng = np.random.default_rng(501)
    for n, scale in [(2, 1.0), (5, 3.0), (30, 0.2), (4, 1e100)]:
        u = rng.normal(scale=scale, size=n)
        v = rng.normal(scale=scale, size=n)
        what = f"cosine_similarity(u, v) for random vectors of length {n}"
        result = cos_of(cosine_similarity, u, v, what)
        expected = oracle_cos(u, v)
        if np.isclose(result, 1 - expected, rtol=1e-9, atol=1e-12):
            hint = "that is the cosine DISTANCE 1 - cos; return the similarity cos itself."
        elif not -1 - 1e-9 <= result <= 1 + 1e-9:
            hint = (
                f"a cosine similarity lies in [-1, 1], found {result:.3g}: divide the dot "
                "product by the product of the two NORMS (square roots of the sums of squares)."
            )
        else:
            hint = "cos = u.v / (|u| |v|), with |u| = sqrt(u.u)."
        assert_close(result, expected, rtol=1e-9, atol=1e-12, what=what, hint=hint)
        assert_close(
            cos_of(cosine_similarity, (7.5 * u).tolist(), v.tolist(), what),
            result,
            rtol=1e-9,
            atol=1e-12,
            what="cosine_similarity(7.5 * u, v) (lists)",
            hint="cosine similarity ignores lengths: scaling u by 7.5 must not change it.",
        )
        assert_close(
            cos_of(cosine_similarity, -2.0 * u, v, what),
            -result,
            rtol=1e-9,
            atol=1e-12,
            what="cosine_similarity(-2 * u, v)",
            hint="flipping u flips the sign of the similarity.",
        )
    u, v = rng.integers(-9, 10, size=(2, 6))
    assert_close(
        cos_of(cosine_similarity, u, v, "cosine_similarity on integers"),
        oracle_cos(u, v),
        rtol=1e-12,
        what="cosine_similarity on integer vectors",
    )
    u = np.array([4_000_000_000, -3_000_000_000, 1])
    v = np.array([3_000_000_000, 3_900_000_000, 2])
    with np.errstate(over="ignore", invalid="ignore"):
        found = cos_of(cosine_similarity, u, v, "cosine_similarity on int64 near 4e9")
    assert_close(
        found,
        oracle_cos(u, v),
        rtol=1e-9,
        atol=1e-12,
        what="cosine_similarity on int64 vectors with entries near 4e9",
        hint="a product of two int64 numbers near 4e9 is above 9.2e18 and wraps around "
        "silently: convert u and v with np.asarray(..., dtype=float) first.",
    )


@test_case(points=1, hidden=True)
def test_cosine_similarity_zero_vector(cosine_similarity):
    rng = np.random.default_rng(502)
    v = rng.normal(size=5)
    z = np.zeros(5)
    hint = (
        "by this problem set's convention the similarity with a zero vector is 0.0, with no "
        "NaN and no warning: check for a zero norm BEFORE dividing (this case runs with "
        "numpy warnings turned into errors, so 0/0 followed by a fix-up fails)."
    )
    for a, b, label in [(z, v, "(zeros, v)"), (v, z, "(v, zeros)"), (z, z, "(zeros, zeros)")]:
        with np.errstate(all="raise"):
            result = to_number(
                call(
                    cosine_similarity,
                    a.copy(),
                    b.copy(),
                    what=f"a zero vector {label}, with numpy warnings turned into errors",
                    hint=hint,
                ),
                f"cosine_similarity{label}",
            )
        if np.isnan(result):
            raise AssertionError(f"cosine_similarity{label} is NaN. {hint}")
        assert_close(result, 0.0, what=f"cosine_similarity{label}", hint=hint)


@test_case(points=2, hidden=True)
def test_angle_between(angle_between):
    rng = np.random.default_rng(503)
    for n in [2, 3, 10]:
        u = rng.normal(size=n)
        v = rng.normal(size=n)
        what = f"angle_between(u, v) for random vectors of length {n}"
        expected = np.arccos(np.clip(oracle_cos(u, v), -1, 1))
        found = angle_of(angle_between, u, v, what)
        if np.isclose(found, np.degrees(expected)):
            hint = "that is the angle in degrees: return radians (np.arccos already does)."
        else:
            hint = "the angle is arccos of the cosine similarity u.v / (|u| |v|)."
        assert_close(found, expected, rtol=1e-8, what=what, hint=hint)
    u = rng.normal(scale=1e100, size=4)
    v = rng.normal(scale=1e100, size=4)
    assert_close(
        angle_of(angle_between, u, v, "angle_between on large vectors"),
        np.arccos(np.clip(oracle_cos(u / 1e100, v / 1e100), -1, 1)),
        rtol=1e-8,
        what="angle_between(u, v) for vectors with entries near 1e100",
        hint="(u.u) * (v.v) overflows to inf for entries this large; multiply the two NORMS "
        "instead (or reuse your cosine_similarity).",
    )
    for _ in range(20):
        u = rng.normal(size=int(rng.integers(2, 8)))
        c = rng.uniform(0.1, 10.0)
        for factor, expected, label in [(c, 0.0, "c * u"), (-c, np.pi, "-c * u")]:
            with np.errstate(all="ignore"):
                result = angle_of(angle_between, u, factor * u, "angle_between")
            assert_close(
                result,
                expected,
                atol=1e-6,
                what=f"angle_between(u, {label}) for a random u and c > 0",
                hint="rounding can push the cosine of (anti)parallel vectors slightly outside "
                "[-1, 1], where arccos gives NaN: clip it with np.clip(cos, -1, 1).",
            )
    assert_close(
        angle_of(angle_between, [2, 0, 0], [0, 0, -5], "angle_between on integers"),
        np.pi / 2,
        rtol=1e-12,
        what="angle_between([2, 0, 0], [0, 0, -5])",
        hint="orthogonal vectors make a right angle, pi/2 radians.",
    )
