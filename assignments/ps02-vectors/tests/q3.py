"""Clauses of question 3 (lp_norm), each with the hidden case that checks it and the wrong
variant that breaks it alone:

- L2 = sqrt(sum x_i^2), relative 1e-10, lists and arrays, entries up to 1e100, the zero
  vector: test_l2_norm; variant "forgets the 1/p power".
- integer entries whose squares overflow int64 (near 4e9) still give the right norm:
  test_l2_norm; variant "squares integer entries in int64".
- L1 sums ABSOLUTE values, L-inf is max |x_i| (largest entry negative), integers, zero
  vector: test_l1_and_linf_norms; variants "max(x) without abs", "no absolute values".
- a general real p >= 1: test_general_p (covered by "no absolute values" and "forgets the
  1/p power").
- np.linalg.norm and scipy.linalg.norm are forbidden: every case (forbid_calls); variants
  "np.linalg.norm", "scipy.linalg.norm".
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, forbid_calls, to_number

name = "q3"
points = 6

FORBIDDEN = ["numpy.linalg.norm", "scipy.linalg.norm"]


def norm_of(lp_norm, x, p, what):
    return to_number(forbid_calls(FORBIDDEN, lp_norm, copy.deepcopy(x), p), what)


@test_case(points=1, hidden=False)
def test_small_example(lp_norm):
    for p, expected, hint in [
        (1, 7.0, "L1 adds the absolute values: |3| + |-4|."),
        (2, 5.0, "L2 is the square root of the sum of squares."),
        (np.inf, 4.0, "L-inf is the largest absolute value."),
    ]:
        assert_close(
            norm_of(lp_norm, [3, -4], p, f"lp_norm([3, -4], {p})"),
            expected,
            what=f"lp_norm([3, -4], {p})",
            hint=hint,
            reveal=True,
        )


@test_case(points=2, hidden=True)
def test_l2_norm(lp_norm):
    rng = np.random.default_rng(303)
    cases = [rng.normal(scale=s, size=n) for n, s in [(1, 1.0), (5, 2.0), (40, 0.3)]]
    cases += [rng.integers(-50, 50, size=6), rng.normal(scale=1e100, size=8), np.zeros(4)]
    cases.append(np.array([4_000_000_000, -3_000_000_000, 12]))
    for x in cases:
        scale = float(np.max(np.abs(x))) if x.size else 0.0
        what = f"lp_norm(x, 2) for x of length {x.size} with entries up to {scale:.2g}"
        if x.dtype.kind == "i":
            what = f"lp_norm(x, 2) for an int64 x of length {x.size} with entries up to {scale:.2g}"
        expected = float(np.sqrt(np.sum(np.abs(x.astype(float)) ** 2)))
        found = norm_of(lp_norm, x, 2, what)
        if np.isnan(found):
            hint = "the result is NaN: check any division (the zero vector has norm 0)."
        elif expected > 0 and abs(found - expected**2) <= 1e-9 * expected**2:
            hint = "that is the SQUARE of the norm: take the square root of the sum of squares."
        elif x.dtype.kind == "i":
            hint = (
                "numpy's int64 wraps around silently above 9.2e18, and 4e9 squared is 1.6e19: "
                "convert x with np.asarray(x, dtype=float) before squaring."
            )
        else:
            hint = "L2 = sqrt(sum of x_i**2)."
        assert_close(found, expected, rtol=1e-10, what=what, hint=hint)
    x = rng.normal(size=5)
    assert_close(
        norm_of(lp_norm, x.tolist(), 2, "lp_norm on a list"),
        np.sqrt(np.sum(x**2)),
        rtol=1e-10,
        what="lp_norm(x, 2) for x given as a Python list",
        hint="convert the input with np.asarray first.",
    )


@test_case(points=2, hidden=True)
def test_l1_and_linf_norms(lp_norm):
    rng = np.random.default_rng(304)
    for n in [1, 6, 30]:
        x = rng.normal(scale=3.0, size=n)
        x[np.argmax(np.abs(x))] = -abs(x[np.argmax(np.abs(x))])  # the largest entry is negative
        assert_close(
            norm_of(lp_norm, x, 1, "lp_norm(x, 1)"),
            np.sum(np.abs(x)),
            rtol=1e-10,
            what=f"lp_norm(x, 1) for a vector of length {n} with negative entries",
            hint="L1 sums the ABSOLUTE values of the entries.",
        )
        assert_close(
            norm_of(lp_norm, x, np.inf, "lp_norm(x, np.inf)"),
            np.max(np.abs(x)),
            rtol=1e-12,
            what=f"lp_norm(x, np.inf) for a vector of length {n} whose largest entry is negative",
            hint="L-inf is the largest ABSOLUTE value, max(|x_i|), not max(x_i).",
        )
    x = rng.integers(-20, 20, size=7)
    for p in [1, np.inf]:
        assert_close(
            norm_of(lp_norm, x, p, f"lp_norm(x, {p})"),
            np.linalg.norm(x.astype(float), p),
            what=f"lp_norm(x, {p}) on an integer array",
        )
    for p in [1, np.inf]:
        assert_close(
            norm_of(lp_norm, np.zeros(3), p, f"lp_norm(zeros, {p})"),
            0.0,
            what=f"lp_norm of the zero vector with p={p}",
            hint="every norm of the zero vector is 0.",
        )


@test_case(points=1, hidden=True)
def test_general_p(lp_norm):
    rng = np.random.default_rng(305)
    for p in [1.5, 3, 4.0, 7]:
        x = rng.normal(scale=2.0, size=9)
        found = norm_of(lp_norm, x, p, f"lp_norm(x, {p})")
        total = np.sum(np.abs(x) ** p)
        if np.isclose(found, total, rtol=1e-9):
            hint = "that is sum |x_i|**p: take its 1/p power."
        elif np.isnan(found):
            hint = "NaN: a negative entry raised to a fractional power; take |x_i| first."
        else:
            hint = "the general formula is (sum |x_i|**p) ** (1/p)."
        assert_close(
            found,
            total ** (1 / p),
            rtol=1e-10,
            what=f"lp_norm(x, {p}) for a vector with negative entries",
            hint=hint,
        )
