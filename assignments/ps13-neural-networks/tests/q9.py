OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# numerical_gradient(f, x, h=1e-5):
# - central differences (f(x + h e_i) - f(x - h e_i)) / (2h), accurate to about h**2:
#   test_central (f = sum of sin, expected cos to 1e-8; a forward difference is off by
#   about h/2 = 5e-6); variants "forward differences", "divides by h instead of 2h".
# - honours h: test_step_argument (f = sum x**3, whose central difference is exactly
#   3x**2 + h**2, at h = 0.01); variant "ignores h (always 1e-5)".
# - x of any shape, result of x's shape: test_central (shape (3, 4)), test_step_argument
#   (shape (2, 2, 2)); variant "loops over range(len(x))".
# - x is left exactly as it was: test_x_restored; variant "never puts x[i] back".
# relative_error(a, b):
# - max over entries of |a - b| / max(1e-8, |a| + |b|), a float: test_relative_error;
#   variants "mean instead of max", "divides by |b| only".
# - 0, not NaN, where both entries are 0 (the 1e-8 floor): test_relative_error; variant
#   "no floor (0/0 = NaN)".
# - usable as a gradient check: test_relative_error (a gradient right to 1e-9 scores
#   below 1e-6, a gradient off by a factor 2 scores 1/3).

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_number

name = "q9"
points = 5


def sum_of_squares(x):
    return float(np.sum(x**2))


def sum_of_sines(x):
    return float(np.sum(np.sin(x)))


def sum_of_cubes(x):
    return float(np.sum(x**3))


def smooth(x):
    return float(np.log(1 + np.sum(x**2)) + np.prod(np.cos(x)))


def smooth_grad(x):
    others = np.array([np.prod(np.cos(np.delete(x.ravel(), i))) for i in range(x.size)]).reshape(
        x.shape
    )
    return 2 * x / (1 + np.sum(x**2)) - np.sin(x) * others


def gradient_of(numerical_gradient, f, x, what, **kwargs):
    found = call(numerical_gradient, f, x.copy(), what=what, **kwargs)
    return assert_shape(
        found,
        x.shape,
        what=f"numerical_gradient on {what}",
        hint="the gradient has one entry per entry of x: loop with np.ndindex(x.shape).",
    )


@test_case(points=1, hidden=False)
def test_small_example(numerical_gradient, relative_error):
    x = np.array([1.0, 2.0, 3.0])
    assert_close(
        gradient_of(numerical_gradient, sum_of_squares, x, "f(x) = sum(x**2) at [1, 2, 3]"),
        [2.0, 4.0, 6.0],
        rtol=1e-8,
        what="the gradient of sum(x**2) at [1, 2, 3]",
        reveal=True,
        hint="(f(x + h e_i) - f(x - h e_i)) / (2h) for each i.",
    )
    assert_close(
        to_number(call(relative_error, np.array([1.0, 3.0]), np.array([1.0, 1.0]))),
        0.5,
        what="relative_error([1, 3], [1, 1])",
        reveal=True,
        hint="|3 - 1| / (3 + 1) = 0.5 is the largest entry.",
    )


@test_case(points=1, hidden=True)
def test_central(numerical_gradient):
    rng = np.random.default_rng(91)
    x = rng.uniform(-2, 2, size=(3, 4))
    found = gradient_of(
        numerical_gradient, sum_of_sines, x, "f(x) = sum(sin(x)), x of shape (3, 4)"
    )
    expected = np.cos(x)
    hint = (
        "use the central difference (f(x + h e_i) - f(x - h e_i)) / (2h): its error is about h**2."
    )
    if np.allclose(found, 2 * expected, rtol=1e-6):
        hint = "your gradient is twice too large: the two points x + h and x - h are 2h apart."
    elif np.max(np.abs(found - expected)) < 1e-4:
        hint = (
            "your gradient is off by about h: a one-sided (forward) difference has an error "
            "of order h; the central difference is accurate to order h**2."
        )
    assert_close(
        found,
        expected,
        rtol=1e-8,
        atol=1e-9,
        what="the gradient of sum(sin(x)), x of shape (3, 4)",
        hint=hint,
    )


@test_case(points=1, hidden=True)
def test_step_argument(numerical_gradient):
    rng = np.random.default_rng(92)
    x = rng.uniform(-1.5, 1.5, size=(2, 2, 2))
    h = 0.01
    expected = 3 * x**2 + h**2  # the central difference of t**3 is exactly 3t**2 + h**2
    found = gradient_of(numerical_gradient, sum_of_cubes, x, "f(x) = sum(x**3) with h = 0.01", h=h)
    assert_close(
        found,
        expected,
        rtol=1e-9,
        atol=1e-12,
        what="numerical_gradient(f, x, h=0.01) for f = sum(x**3), x of shape (2, 2, 2)",
        hint="use the step h you are given (the central difference of t**3 is 3t**2 + h**2).",
    )


@test_case(points=1, hidden=True)
def test_x_restored(numerical_gradient):
    rng = np.random.default_rng(93)
    x = rng.normal(size=(2, 3))
    keep = x.copy()
    call(numerical_gradient, smooth, x, what="an array of shape (2, 3)")
    assert np.array_equal(x, keep), (
        "numerical_gradient changed x: after perturbing x[i], put back its original value "
        "(save it first; adding and subtracting h leaves round-off behind), or work on a copy."
    )


@test_case(points=1, hidden=True)
def test_relative_error(relative_error):
    rng = np.random.default_rng(94)
    a, b = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    b[0, 0] = -a[0, 0] * 0.5
    a[3] = b[3] = 0.0  # entries where both are 0
    a[2, 2], b[2, 2] = 1e-9, 0.0  # the floor 1e-8 applies
    expected = float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
    found = to_number(
        call(
            relative_error,
            a.copy(),
            b.copy(),
            what="two arrays of shape (4, 3) with some zero entries",
        ),
        what="relative_error",
    )
    hint = "take the largest |a - b| / max(1e-8, |a| + |b|) over all entries."
    if not np.isfinite(found):
        hint = (
            "0 / 0 where both entries are 0: divide by np.maximum(1e-8, |a| + |b|), so such "
            "entries count as 0."
        )
    assert_close(
        found, expected, rtol=1e-12, what="relative_error on arrays of shape (4, 3)", hint=hint
    )
    # The gradient check itself: a correct gradient passes, a gradient off by 2 fails.
    exact = smooth_grad(rng.normal(size=5))
    numeric = exact * (1 + 1e-9 * rng.normal(size=5))  # what a good central difference gives
    good = to_number(call(relative_error, numeric, exact), what="relative_error")
    bad = to_number(call(relative_error, numeric, 2 * exact), what="relative_error")
    assert good < 1e-6, (
        f"relative_error of a gradient against itself up to a relative 1e-9 is {good:.2g}: "
        "a gradient check of a correct gradient must score below 1e-6."
    )
    assert abs(bad - 1 / 3) < 1e-5, (
        "relative_error of a gradient against twice itself should be 1/3 (|g - 2g| / (|g| + |2g|))."
    )
