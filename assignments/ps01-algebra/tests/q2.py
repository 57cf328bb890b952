OK_FORMAT = False

import sys

import numpy as np
from otter.test_files import test_case

from mlmath_checks import FORBID_PROTOCOL, assert_close, call, forbid_calls, to_number

name = "q2"
points = 8

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


def _raises_value_error(func, *args, what, hint):
    if func is None:
        raise AssertionError("the function is not defined: run the cell that defines it.")
    try:
        result = func(*args)
    except ValueError:
        return
    except Exception as error:
        raise AssertionError(
            f"{what} should raise ValueError, but raised {type(error).__name__}: {error}. {hint}"
        ) from None
    raise AssertionError(f"{what} should raise ValueError, but returned {result!r}. {hint}")


def _solver_rule(invert, f, y, lo, hi):
    """Fail if invert calls a scipy.optimize solver.

    Code can only call scipy.optimize once something imported it, so the (slow) import that
    forbid_calls needs is skipped when it is absent; a proxy for code running in another
    process is always checked.
    """
    remote = getattr(invert, FORBID_PROTOCOL, None) is not None
    if remote or any(module.startswith("scipy.optimize") for module in sys.modules):
        forbid_calls(SOLVERS, invert, f, y, lo, hi)


def _invert(invert, f, y, lo, hi, label, forbid=False):
    """invert(f, y, lo, hi) as a float, with `label` naming f in messages."""
    what = f"invert({label}, {y:.4g}, {lo:g}, {hi:g})"
    if invert is None:
        raise AssertionError("`invert` is not defined: run the cell that defines it.")
    try:
        result = invert(f, y, lo, hi)
    except Exception as error:
        raise AssertionError(f"calling {what} raised {type(error).__name__}: {error}") from None
    if result is None:
        raise AssertionError(f"{what} returned None: is it still a stub, or is a `return` missing?")
    found = to_number(result, what=what)
    if forbid:  # the same call again, now watching for scipy.optimize
        _solver_rule(invert, f, y, lo, hi)
    return found


def _check_inverse(invert, f, y, lo, hi, expected, label, hint):
    found = _invert(invert, f, y, lo, hi, label)
    if not abs(found - expected) <= 1e-8 * max(1.0, abs(expected)):
        residual = abs(f(found) - y)
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
        what="invert(x**3, 30, 0, 3)",
        hint="30 is not between f(0) = 0 and f(3) = 27.",
    )
