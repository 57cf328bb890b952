"""Clauses of question 3 (log_base), each with the hidden case that checks it and the wrong
variant that breaks it alone:

- log_b(x) = ln(x) / ln(b) elementwise, relative error 1e-10, any shape:
  test_log_base_on_arrays; variants "ln(b) / ln(x)", "ln(x) / b", "log10(x) / ln(b)".
- x may be an array (not only a number): test_log_base_on_arrays; variant "math.log(x, b)".
- bases between 0 and 1: test_log_base_below_one (covered by the same variants).
- a number in gives a number out, integer inputs give real logarithms (not truncated to
  integers): test_log_base_invariants; variant "writes into np.empty_like(x)".
- log_b(b**k) = k and b**log_b(x) = x, paired with the absolute check log_base(32, 2) = 5:
  test_log_base_invariants.
"""

OK_FORMAT = False

import math

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_array, to_number

name = "q3"
points = 4


@test_case(points=1, hidden=False)
def test_log_base_by_hand(log_base):
    for x, b, expected in [(8.0, 2.0, 3.0), (100.0, 10.0, 2.0), (1.0, 7.0, 0.0)]:
        found = to_number(call(log_base, x, b), what=f"log_base({x:g}, {b:g})")
        assert_close(
            found,
            expected,
            rtol=1e-12,
            atol=1e-12,
            what=f"log_base({x:g}, {b:g})",
            hint="log_b(x) = ln(x) / ln(b).",
            reveal=True,
        )


@test_case(points=1, hidden=True)
def test_log_base_on_arrays(log_base):
    rng = np.random.default_rng(301)
    for shape, b in [((1,), 2.0), ((9,), 10.0), ((3, 4), np.e), ((2, 5), 3.7)]:
        values = np.exp(rng.uniform(-20, 20, size=shape))
        expected = np.vectorize(lambda v, b=b: math.log(v, b))(values)
        assert_close(
            call(log_base, values.copy(), b),
            expected,
            rtol=1e-10,
            atol=1e-12,
            what=f"log_base(x, {b:.3g}) on an array of shape {shape}",
            hint="divide np.log(x) by np.log(b), elementwise: the numerator holds x, "
            "the denominator holds the base.",
        )


@test_case(points=1, hidden=True)
def test_log_base_below_one(log_base):
    rng = np.random.default_rng(302)
    x = np.exp(rng.uniform(-10, 10, size=12))
    for b in [0.5, 0.1, rng.uniform(0.2, 0.9)]:
        found = call(log_base, x.copy(), b)
        assert_close(
            found,
            np.log(x) / np.log(b),
            rtol=1e-10,
            atol=1e-12,
            what=f"log_base(x, {b:.3g})",
            hint="a base below 1 has a negative ln(b), so log_b(x) < 0 for x > 1.",
        )


@test_case(points=1, hidden=True)
def test_log_base_invariants(log_base):
    rng = np.random.default_rng(303)
    for b in [2.0, 10.0, rng.uniform(1.1, 20)]:
        k = np.arange(-6, 7, dtype=float)
        assert_close(
            call(log_base, b**k, b),
            k,
            rtol=1e-9,
            atol=1e-9,
            what=f"log_base(b**k, b) for b = {b:.3g}",
            hint="the logarithm undoes the power: log_b(b**k) = k.",
        )
        x = np.exp(rng.uniform(-5, 5, size=6))
        found = call(log_base, x.copy(), b)
        assert_close(
            np.power(b, np.asarray(found, dtype=float)),
            x,
            rtol=1e-9,
            what=f"b ** log_base(x, b) for b = {b:.3g}",
            hint="b raised to log_b(x) must give back x.",
        )
    ints = np.array([1, 3, 8, 10, 1000, 12345])
    for base in [2, 10, 7]:
        found = to_array(
            call(log_base, ints.copy(), base, what=f"an integer array and the integer base {base}"),
            what=f"log_base(integer array, {base})",
        )
        assert_close(
            found,
            np.log(ints.astype(float)) / np.log(float(base)),
            rtol=1e-10,
            atol=1e-12,
            what=f"log_base on an integer array with base {base}",
            hint="the logarithms of integers are real numbers: return a float array (writing "
            "into np.empty_like(x) or np.zeros_like(x) of an integer x truncates them).",
        )
    value = to_number(call(log_base, 32.0, 2.0), what="log_base(32.0, 2.0)")
    assert_close(
        value, math.log2(32.0), rtol=1e-12, what="log_base(32.0, 2.0)", hint="ln(32) / ln(2)."
    )
