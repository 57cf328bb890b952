"""Clauses of question 2, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- affine_inverse(a, b)(a x + b) == x for numbers and arrays: test_affine_inverse_round_trip
  (paired with an absolute check f(inverse(y)) == y); variants "reciprocal 1 / f(y)",
  "y / a - b".
- affine_inverse(0, b) raises ValueError: test_affine_inverse_rejects_constant_map;
  variant "does not reject a = 0".
- invert works for increasing f: test_invert_increasing; variant "stops after 20 halvings".
- invert works for decreasing f: test_invert_decreasing; variant "assumes f is increasing".
- within 1e-8 of the true inverse, no closed form needed: test_invert_without_closed_form.
- no scipy.optimize: test_invert_without_closed_form (forbid_calls); variant "brentq".
- y outside [f(lo), f(hi)] raises ValueError: test_invert_rejects_y_outside_the_bracket;
  variant "never checks the bracket".
- y equal to f(lo) or f(hi) is inside (inclusive): test_invert_inclusive_boundaries;
  variant "rejects y equal to f(lo) or f(hi)".
- tol is honoured (stop when hi - lo <= tol): test_invert_honours_tol (a tol of 1e-13
  must give a more accurate answer than the default); variant "ignores tol".
- at most 200 halvings: test_invert_honours_tol, on a bracket near 1e6 whose floats are
  1.2e-10 apart, so hi - lo never drops below tol = 1e-10 (f stops the run after 2000
  calls); variant "no cap on the number of halvings".
"""

OK_FORMAT = False

import sys

import numpy as np
from otter.test_files import test_case

from mlmath_checks import FORBID_PROTOCOL, assert_close, call, describe, forbid_calls, to_number

name = "q2"
points = 10

SOLVERS = [
    "scipy.optimize.bisect",
    "scipy.optimize.brentq",
    "scipy.optimize.brenth",
    "scipy.optimize.ridder",
    "scipy.optimize.newton",
    "scipy.optimize.root_scalar",
    "scipy.optimize.fsolve",
]


def _inverse_function(affine_inverse, a, b):
    result = call(affine_inverse, a, b)
    if not callable(result):
        raise AssertionError(
            f"affine_inverse({a}, {b}) should return a function, found {type(result).__name__}."
        )
    return result


def _raises_value_error(func, *args, name, what, hint):
    if func is None:
        raise AssertionError(f"`{name}` is not defined: run the cell that defines it.")
    try:
        result = func(*args)
    except ValueError:
        return
    except Exception as error:
        raise AssertionError(
            f"{what} should raise ValueError, but raised {type(error).__name__}: {error}. {hint}"
        ) from None
    raise AssertionError(f"{what} should raise ValueError, but returned {describe(result)}. {hint}")


def _solver_rule(invert, f, y, lo, hi):
    """Fail if invert calls a scipy.optimize solver.

    Code can only call scipy.optimize once something imported it, so the (slow) import that
    forbid_calls needs is skipped when it is absent; a proxy for code running in another
    process is always checked.
    """
    remote = getattr(invert, FORBID_PROTOCOL, None) is not None
    if remote or any(module.startswith("scipy.optimize") for module in sys.modules):
        forbid_calls(SOLVERS, invert, f, y, lo, hi)


def _invert(invert, f, y, lo, hi, label, forbid=False, hint="", **kwargs):
    """invert(f, y, lo, hi) as a float, with `label` naming f in messages."""
    what = f"invert({label}, {y:.4g}, {lo:g}, {hi:g})"
    result = call(invert, f, y, lo, hi, name="invert", what=what, hint=hint, **kwargs)
    found = to_number(result, what=what)
    if forbid:  # the same call again, now watching for scipy.optimize
        _solver_rule(invert, f, y, lo, hi)
    return found


def _check_inverse(invert, f, y, lo, hi, expected, label, hint):
    found = _invert(invert, f, y, lo, hi, label, hint=hint)
    if not abs(found - expected) <= 1e-8 * max(1.0, abs(expected)):
        residual = abs(f(found) - y)
        if abs(found - expected) < (hi - lo) / 1000:
            hint = (
                "you are close but not within 1e-8: keep halving until hi - lo <= tol (about "
                "37 halvings take a bracket of width 10 down to 1e-10)."
            )
        raise AssertionError(
            f"invert({label}, y, {lo}, {hi}) is off by {abs(found - expected):.3g} "
            f"(|f(x) - y| = {residual:.3g}); it should be within 1e-8. {hint}"
        )


@test_case(points=1, hidden=False)
def test_affine_inverse_by_hand(affine_inverse):
    inverse = _inverse_function(affine_inverse, 2.0, 3.0)
    assert_close(
        call(inverse, 7.0, name="affine_inverse(2, 3)"),
        2.0,
        what="affine_inverse(2, 3)(7)",
        hint="f(x) = 2x + 3 = 7 gives x = (7 - 3) / 2.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_invert_cube_by_hand(invert):
    found = _invert(invert, lambda x: x**3, 8.0, 0.0, 5.0, "lambda x: x**3")
    if not abs(found - 2.0) <= 1e-8:
        raise AssertionError(
            f"invert(lambda x: x**3, 8, 0, 5) should be 2 (within 1e-8), found {found!r}. "
            "Halve the bracket [lo, hi] until it is shorter than tol, keeping the half where "
            "f(x) - y changes sign."
        )


@test_case(points=1, hidden=True)
def test_affine_inverse_round_trip(affine_inverse):
    rng = np.random.default_rng(201)
    for a, b in [(-3.0, 0.5), (0.25, -7.0), (rng.uniform(5, 50), rng.normal(scale=10))]:
        inverse = _inverse_function(affine_inverse, a, b)
        x = rng.normal(scale=10, size=8)
        assert_close(
            call(inverse, a * x + b, name=f"affine_inverse(a={a:.3g}, b={b:.3g})"),
            x,
            rtol=1e-10,
            atol=1e-10,
            what=f"affine_inverse(a={a:.3g}, b={b:.3g}) applied to f(x)",
            hint="the inverse must undo f: solve y = a x + b for x (not 1 / (a x + b)).",
        )
        y = rng.normal(scale=10)
        x_back = to_number(call(inverse, y, name="the inverse"), what="the inverse at a number")
        assert_close(
            a * x_back + b,
            y,
            rtol=1e-10,
            atol=1e-10,
            what=f"f(inverse(y)) for a={a:.3g}, b={b:.3g}",
            hint="subtract b first, then divide by a.",
        )


@test_case(points=1, hidden=True)
def test_affine_inverse_rejects_constant_map(affine_inverse):
    _raises_value_error(
        affine_inverse,
        0.0,
        4.0,
        name="affine_inverse",
        what="affine_inverse(0, 4)",
        hint="x -> 0 * x + 4 is constant, so it has no inverse: `raise ValueError(...)`.",
    )


@test_case(points=1, hidden=True)
def test_invert_increasing(invert):
    rng = np.random.default_rng(202)
    for y in rng.uniform(-900, 900, size=3):
        _check_inverse(
            invert,
            lambda x: x**3,
            y,
            -10.0,
            10.0,
            np.cbrt(y),
            "x**3",
            "keep the half of the bracket where f(x) - y changes sign.",
        )
    for y in rng.uniform(0.01, 100, size=3):
        _check_inverse(
            invert, np.exp, y, -10.0, 10.0, np.log(y), "np.exp", "stop only when hi - lo <= tol."
        )


@test_case(points=1, hidden=True)
def test_invert_decreasing(invert):
    rng = np.random.default_rng(203)
    hint = (
        "f may be decreasing: decide which half to keep from the SIGN of f(mid) - y "
        "compared with the sign of f(lo) - y, not from f(mid) < y."
    )
    for y in rng.uniform(np.exp(-4), np.exp(4), size=3):
        _check_inverse(invert, lambda x: np.exp(-x), y, -5.0, 5.0, -np.log(y), "exp(-x)", hint)
    for y in rng.uniform(-50, 50, size=3):
        _check_inverse(invert, lambda x: 7 - x**3, y, -6.0, 6.0, np.cbrt(7 - y), "7 - x**3", hint)


@test_case(points=1, hidden=True)
def test_invert_without_closed_form(invert):
    rng = np.random.default_rng(204)
    # f' >= slope on the bracket, so |x - x*| <= |f(x) - y| / slope: no oracle needed
    cases = [
        (lambda x: x + np.exp(x), "x + exp(x)", -20.0, 20.0, 1.0, rng.uniform(-15, 15, size=3)),
        (lambda x: x - 0.5 * np.sin(x), "x - sin(x) / 2", -10.0, 10.0, 0.5, rng.uniform(-8, 8, 3)),
    ]
    for f, label, lo, hi, slope, ys in cases:
        for y in ys:
            found = _invert(invert, f, y, lo, hi, label, forbid=True)
            bound = abs(f(found) - y) / slope
            if not (lo <= found <= hi and bound <= 1e-8):
                raise AssertionError(
                    f"invert({label}, {y:.4g}, {lo:g}, {hi:g}) returned x = {found!r}, where "
                    f"|f(x) - y| = {abs(f(found) - y):.3g}: x is not within 1e-8 of the solution. "
                    "Bisect until the bracket is shorter than tol."
                )


@test_case(points=1, hidden=True)
def test_invert_rejects_y_outside_the_bracket(invert):
    _raises_value_error(
        invert,
        np.exp,
        -1.0,
        -3.0,
        3.0,
        name="invert",
        what="invert(np.exp, -1, -3, 3)",
        hint="exp never equals -1: check that f(lo) - y and f(hi) - y have opposite signs "
        "(or one is 0) before bisecting, and `raise ValueError(...)` otherwise.",
    )
    _raises_value_error(
        invert,
        lambda x: x**3,
        30.0,
        0.0,
        3.0,
        name="invert",
        what="invert(x**3, 30, 0, 3)",
        hint="30 is not between f(0) = 0 and f(3) = 27.",
    )


@test_case(points=1, hidden=True)
def test_invert_inclusive_boundaries(invert):
    rng = np.random.default_rng(205)
    hint = (
        "y equal to f(lo) or to f(hi) is inside the bracket (the interval is closed): then "
        "f(lo) - y or f(hi) - y is 0, which is not a reason to raise ValueError."
    )
    lo, hi = -float(rng.uniform(1, 3)), float(rng.uniform(1, 3))
    for f, label in [(lambda x: x**3 + x, "x**3 + x"), (lambda x: 2 - np.exp(x), "2 - exp(x)")]:
        for end in [lo, hi]:
            y = float(f(end))
            found = _invert(invert, f, y, lo, hi, label, hint=hint)
            if not abs(found - end) <= 1e-8:
                if abs(found - end) < (hi - lo) / 1000:
                    advice = "You are close: keep halving until hi - lo <= tol."
                else:
                    advice = (
                        "When f(lo) - y (or f(hi) - y) is exactly 0, return that end before "
                        "bisecting: 0 has no sign, and comparing signs with it walks the "
                        "bracket away from the solution."
                    )
                raise AssertionError(
                    f"invert({label}, y, {lo:.4g}, {hi:.4g}) with y = f({end:.4g}), the value at "
                    f"an end of the bracket, should return that end (within 1e-8), found "
                    f"{found!r}. {advice}"
                )


@test_case(points=1, hidden=True)
def test_invert_honours_tol(invert):
    rng = np.random.default_rng(206)
    for y in rng.uniform(0.5, 6.5, size=3):
        root = float(np.cbrt(y))
        found = _invert(invert, lambda x: x**3, float(y), 0.0, 2.0, "x**3", tol=1e-13)
        if not abs(found - root) <= 2e-13:
            raise AssertionError(
                f"invert(x**3, {y:.4g}, 0, 2, tol=1e-13) is {abs(found - root):.3g} from the "
                "solution, more than tol allows. Use the tol argument you are given (do not "
                "replace it by a fixed 1e-10) and stop only when hi - lo <= tol."
            )
    calls = []

    def minus_a_million(x):
        calls.append(1)
        if len(calls) > 2000:
            raise RuntimeError("invert called f more than 2000 times")
        return x - 1e6

    y = float(rng.uniform(2, 8))
    hint = (
        "near 1e6 neighbouring floats are 1.2e-10 apart, so hi - lo can never drop below "
        "tol = 1e-10 (the midpoint rounds to lo or hi): stop after at most 200 halvings, "
        "as the task says, e.g. with `for _ in range(200):`."
    )
    found = _invert(invert, minus_a_million, y, 1e6, 1e6 + 10, "x - 1e6", hint=hint)
    if not abs(found - (1e6 + y)) <= 1e-8:
        raise AssertionError(
            f"invert(x - 1e6, {y:.4g}, 1e6, 1e6 + 10) is {abs(found - 1e6 - y):.3g} from the "
            f"solution. {hint}"
        )
