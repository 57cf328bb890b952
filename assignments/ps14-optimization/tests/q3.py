"""Clauses of question 3, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- the result is the FIRST t in t0, t0 rho, t0 rho^2, ... with
  f(x + t d) <= f(x) + c t grad_fx . d: test_first_acceptable_step (the condition holds at
  t and fails at t / rho); variants "shrinks t once more after the test passed", "plain
  decrease f(x + t d) < f(x), c ignored" (caught in test_honours_arguments).
- t0, c and rho are honoured: test_honours_arguments (t0 = 8 and 0.01, c = 0.5, rho = 0.8);
  variants "always starts at t = 1", "ignores c", "always halves".
- grad_fx . d >= 0 raises ValueError: test_rejects_ascent_direction; variant "never checks".
- at most max_backtracks reductions, then t0 rho^max_backtracks is returned:
  test_gives_up_after_max_backtracks (an f where the condition never holds, which stops
  the run after 500 calls); variant "while loop with no cap".
- f is called with 1-D float arrays, x, d and grad_fx may be lists of integers:
  test_first_acceptable_step; variant "uses x and d as given (t * d fails on a list)".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import GradientLog, spd_matrix

from mlmath_checks import assert_close, call, describe, to_number

name = "q3"
points = 5


def _fail(message):
    raise AssertionError(message)


def _first_t(f, g, x, d, t0, c, rho, max_backtracks=60):
    slope = float(g @ d)
    t = t0
    for _ in range(max_backtracks):
        if f(x + t * d) <= f(x) + c * t * slope:
            return t
        t *= rho
    return t


def _armijo(armijo_step, f, g, x, d, what, hint="", **kwargs):
    return to_number(
        call(armijo_step, f, g, x, d, what=what, hint=hint, **kwargs), what=f"armijo_step on {what}"
    )


@test_case(points=1, hidden=False)
def test_by_hand(armijo_step):
    found = _armijo(
        armijo_step,
        lambda x: float(x @ x),
        np.array([2.0]),
        np.array([1.0]),
        np.array([-2.0]),
        "f(x) = x^2 at x = 1, d = -2",
    )
    assert_close(
        found,
        0.5,
        rtol=1e-12,
        what="armijo_step(x^2, grad_fx=[2], x=[1], d=[-2])",
        hint="t = 1 lands on x = -1 where f = 1 is not below 1 - 1e-4 * 4; t = 0.5 lands "
        "on 0, which passes.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_first_acceptable_step(armijo_step):
    rng = np.random.default_rng(301)
    for n in [2, 4]:
        A = spd_matrix(rng, rng.uniform(1.0, 40.0, size=n))

        def f(z, A=A):
            return float(0.5 * z @ A @ z + np.log(np.sum(np.exp(z))))

        x = rng.normal(size=n) * 2
        g = A @ x + np.exp(x) / np.sum(np.exp(x))
        for d in [-g, -g / np.abs(g).max() + 0.1 * rng.normal(size=n)]:
            if g @ d >= 0:
                continue
            expected = _first_t(f, g, x, d, 1.0, 1e-4, 0.5)  # before the call
            log = GradientLog(n)
            found = _armijo(
                armijo_step,
                log.wrap(f),
                g.copy(),
                x.copy(),
                d.copy(),
                f"a convex function in R^{n}",
            )
            if log.problem is not None:
                _fail(
                    f"armijo_step called f with {log.problem}: call it with the 1-D float "
                    "array x + t * d."
                )
            passes = f(x + found * d) <= f(x) + 1e-4 * found * (g @ d)
            if np.isclose(found, expected * 0.5, rtol=1e-9):
                hint = (
                    "you return rho times the first t that passes: return t as soon as it passes."
                )
            elif not passes:
                hint = "at your t the Armijo condition fails: keep shrinking t until it holds."
            else:
                hint = (
                    "return the FIRST t of t0, t0 rho, t0 rho^2, ... at which the condition holds."
                )
            assert_close(
                found,
                expected,
                rtol=1e-9,
                what=f"the step on a convex function in R^{n}",
                hint=hint,
            )
    found = _armijo(
        armijo_step,
        lambda z: float(z @ z),
        [4, 6],
        [1, 0],
        [-1, 0],
        "integer lists",
        hint="convert x, d and grad_fx to float arrays first (t * d fails on a list).",
    )
    assert_close(
        found,
        1.0,
        rtol=1e-12,
        what="armijo_step(x @ x, grad_fx=[1, 0], x=[4, 6], d=[-1, 0]) with lists of integers",
        hint="convert x, d and grad_fx to float arrays first.",
    )


@test_case(points=1, hidden=True)
def test_honours_arguments(armijo_step):
    rng = np.random.default_rng(302)
    A = spd_matrix(rng, [1.0, 3.0, 10.0])

    def f(z):
        return float(0.5 * z @ A @ z)

    x = rng.normal(size=3) * 3
    g = A @ x
    d = -g
    for kwargs, hint in [
        ({"t0": 8.0}, "start from the t0 you are given, not from 1."),
        ({"t0": 0.01}, "start from the t0 you are given, not from 1 (t0 = 0.01 may pass at once)."),
        (
            {"c": 0.5},
            "the condition is f(x + t d) <= f(x) + c t grad_fx . d with the given c: "
            "a plain decrease f(x + t d) < f(x) is not enough.",
        ),
        ({"rho": 0.8}, "shrink t by the given factor rho, not by a fixed 1/2."),
        ({"t0": 3.0, "c": 0.3, "rho": 0.9}, "use all of t0, c and rho as given."),
    ]:
        options = {"t0": 1.0, "c": 1e-4, "rho": 0.5, **kwargs}
        expected = _first_t(f, g, x, d, options["t0"], options["c"], options["rho"])
        found = _armijo(
            armijo_step, f, g.copy(), x.copy(), d.copy(), "a quadratic in R^3", **kwargs
        )
        shown = ", ".join(f"{k}={v}" for k, v in kwargs.items())
        if np.isclose(found, expected * options["rho"], rtol=1e-9):
            hint = "you return rho times the first t that passes: return t as soon as it passes."
        assert_close(found, expected, rtol=1e-9, what=f"armijo_step(..., {shown})", hint=hint)


@test_case(points=1, hidden=True)
def test_rejects_ascent_direction(armijo_step):
    x = np.array([1.0, -2.0])
    g = 2 * x
    for d, label in [
        (g.copy(), "d = +grad (uphill)"),
        (np.array([2.0, 1.0]), "d orthogonal to grad"),
    ]:
        try:
            result = armijo_step(lambda z: float(z @ z), g.copy(), x.copy(), d)
        except ValueError:
            continue
        except Exception as error:
            _fail(
                f"armijo_step with {label} should raise ValueError, but raised "
                f"{type(error).__name__}: {error}."
            )
        _fail(
            f"armijo_step with {label} should raise ValueError (grad_fx . d >= 0: no step size "
            f"can give a sufficient decrease), but returned {describe(result)}."
        )


@test_case(points=1, hidden=True)
def test_gives_up_after_max_backtracks(armijo_step):
    calls = []

    def f(z):  # grad_fx below claims a descent direction, but f only grows away from x
        calls.append(1)
        if len(calls) > 500:
            raise RuntimeError("armijo_step called f more than 500 times")
        return float(np.sum((z - 1.0) ** 2))

    x = np.array([1.0, 1.0])
    hint = (
        "when no t passes, stop after max_backtracks reductions and return t0 * "
        "rho**max_backtracks (use a for loop, not an unbounded while)."
    )
    for max_backtracks in [10, 25]:
        found = _armijo(
            armijo_step,
            f,
            np.array([1.0, 0.0]),
            x.copy(),
            np.array([-1.0, 0.0]),
            "a function that never decreases along d",
            hint=hint,
            max_backtracks=max_backtracks,
        )
        calls.clear()
        assert_close(
            found,
            0.5**max_backtracks,
            rtol=1e-9,
            what=f"armijo_step(..., max_backtracks={max_backtracks}) where no step passes",
            hint=hint,
        )
