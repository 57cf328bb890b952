"""Clauses of question 6 (solve_quadratic), each with the hidden case that checks it and the
wrong variant that breaks it alone:

- two real roots, sorted increasingly, a of either sign: test_random_quadratics; variant
  "does not sort".
- relative error 1e-12 for each root when the roots differ by at least 1e-3 of the larger
  one, even for |b| up to 1e9 with a, c of order 1: test_no_catastrophic_cancellation;
  variant "textbook formula".
- nearly double roots (Delta a tiny difference of two large numbers): error below 1e-7 of
  the larger root's magnitude: test_nearly_double_roots; variant "treats a small Delta
  as 0 with np.isclose".
- b = 0 (no sign), c = 0, exact double roots returned twice: test_special_coefficients;
  variant "np.sign(b)".
- Delta < 0 gives an empty array: test_conventions; variant "two NaN roots".
- a = 0 solves the linear equation; a = b = 0 raises ValueError: test_conventions; variant
  "forgets the linear case".
- no np.roots or numpy.polynomial: test_random_quadratics, test_no_catastrophic_cancellation
  (forbid_calls); variant "calls np.roots".
"""

OK_FORMAT = False

from decimal import Decimal, localcontext

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, describe, forbid_calls, to_array

name = "q6"
points = 7

FORBIDDEN = ["numpy.roots", "numpy.polynomial.polynomial.polyroots"]


def _exact_roots(a, b, c):
    """Both real roots of a x^2 + b x + c, in 60-digit decimal arithmetic (no cancellation)."""
    with localcontext() as ctx:
        ctx.prec = 60
        A, B, C = Decimal(a), Decimal(b), Decimal(c)
        root = (B * B - 4 * A * C).sqrt()
        roots = sorted([(-B - root) / (2 * A), (-B + root) / (2 * A)])
    return np.array([float(r) for r in roots])


def _roots(solve_quadratic, a, b, c, forbid=False, hint=""):
    label = f"solve_quadratic({a:.6g}, {b:.6g}, {c:.6g})"
    if forbid:
        result = forbid_calls(FORBIDDEN, solve_quadratic, a, b, c)
    else:
        result = call(solve_quadratic, a, b, c, hint=hint)
    roots = to_array(result, what=label)
    if roots.ndim != 1:
        raise AssertionError(f"{label} should be a 1-D array of roots, found shape {roots.shape}.")
    return roots, label


def _check(solve_quadratic, a, b, c, expected, hint, rtol=1e-12, atol=0.0, forbid=False):
    roots, label = _roots(solve_quadratic, a, b, c, forbid=forbid, hint=hint)
    expected = np.asarray(expected, dtype=float)
    if roots.shape != expected.shape:
        raise AssertionError(
            f"{label} should return {expected.size} root(s), found {roots.size}. {hint}"
        )
    if roots.size == 2 and roots[0] > roots[1]:
        raise AssertionError(f"the roots of {label} should be sorted in increasing order.")
    assert_close(roots, expected, rtol=rtol, atol=atol, what=label, hint=hint)


def _raises_value_error(solve_quadratic, a, b, c):
    label = f"solve_quadratic({a:g}, {b:g}, {c:.3g})"
    if solve_quadratic is None:
        raise AssertionError("`solve_quadratic` is not defined: run the cell that defines it.")
    try:
        found = solve_quadratic(a, b, c)
    except ValueError:
        return
    except Exception as error:
        message = f"{label} should raise ValueError, but raised {type(error).__name__}: {error}."
    else:
        message = f"{label} should raise ValueError, found {describe(found)}."
    raise AssertionError(f"{message} a = b = 0 is not an equation in x: `raise ValueError(...)`.")


@test_case(points=1, hidden=False)
def test_quadratic_by_hand(solve_quadratic):
    roots, label = _roots(solve_quadratic, 1.0, -3.0, 2.0)
    assert_close(
        roots,
        [1.0, 2.0],
        rtol=1e-12,
        what=label,
        hint="x^2 - 3x + 2 = (x - 1)(x - 2); return the roots sorted, as a 1-D array.",
        reveal=True,
    )
    roots, label = _roots(solve_quadratic, 1.0, 0.0, 1.0)
    if roots.shape != (0,):
        raise AssertionError(
            f"x^2 + 1 = 0 has no real root, so {label} should return an empty array "
            f"(np.array([])), found {roots.size} value(s)."
        )


@test_case(points=1, hidden=False)
def test_linear_by_hand(solve_quadratic):
    roots, label = _roots(solve_quadratic, 0.0, 2.0, -4.0)
    assert_close(
        roots,
        [2.0],
        rtol=1e-12,
        what=label,
        hint="a = 0 leaves the linear equation 2x - 4 = 0: return its one root in a 1-D array.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_quadratics(solve_quadratic):
    rng = np.random.default_rng(601)
    for _ in range(6):
        r1, r2 = rng.integers(-20, 21, size=2).astype(float)
        a = float(rng.choice([-1, 1]) * rng.integers(1, 6))
        b, c = -a * (r1 + r2), a * r1 * r2
        _check(
            solve_quadratic,
            a,
            b,
            c,
            np.sort([r1, r2]),
            "use x = (-b +/- sqrt(b^2 - 4ac)) / (2a) (or the stable form) and sort the roots; "
            "a may be negative.",
            rtol=1e-9,
            atol=1e-9,
            forbid=True,
        )


@test_case(points=1, hidden=True)
def test_no_catastrophic_cancellation(solve_quadratic):
    rng = np.random.default_rng(602)
    cases = [(1.0, 1e8, 1.0), (1.0, -3e9, 2.0), (-2.0, 5e7, 0.5)]
    for _ in range(4):
        a = float(rng.choice([-1, 1]) * rng.uniform(0.5, 3))
        b = float(rng.choice([-1, 1]) * 10 ** rng.uniform(5, 9))
        c = float(rng.uniform(-3, 3))
        cases.append((a, b, c))
    for a, b, c in cases:
        expected = _exact_roots(a, b, c)
        roots, _ = _roots(solve_quadratic, a, b, c)
        hint = (
            "when b^2 >> |4ac|, -b + sqrt(b^2 - 4ac) subtracts two nearly equal numbers and "
            "loses the small root. Compute q = -(b + sign(b) sqrt(disc)) / 2, then the roots "
            "q / a and c / q."
        )
        if roots.shape == (2,):
            errors = np.abs(np.sort(roots) - expected) / np.abs(expected)
            small = int(np.argmin(np.abs(expected)))
            if errors[1 - small] > 1e-9:
                hint = (
                    "even the LARGE root (about -b/a) is off, so this is not only cancellation: "
                    "check the formula, the sign of q and the order of the roots."
                )
        _check(solve_quadratic, a, b, c, expected, hint, rtol=1e-12, forbid=True)


@test_case(points=1, hidden=True)
def test_nearly_double_roots(solve_quadratic):
    rng = np.random.default_rng(605)
    for _ in range(5):
        a = float(rng.choice([-1, 1]) * rng.uniform(0.5, 2))
        r = float(rng.choice([-1, 1]) * rng.uniform(0.5, 2))
        gap = float(rng.uniform(3e-6, 1e-5)) * abs(r)
        b, c = -a * (2 * r + gap), a * r * (r + gap)
        expected = _exact_roots(a, b, c)
        scale = float(np.max(np.abs(expected)))
        roots, label = _roots(solve_quadratic, a, b, c)
        if roots.shape == (2,) and roots[0] == roots[1]:
            raise AssertionError(
                f"{label} has two distinct roots {gap:.2g} apart, but yours returned a double "
                "root. Delta = b^2 - 4ac is tiny here but positive: compare it with 0 exactly "
                "(disc < 0, disc == 0), not with np.isclose or a tolerance."
            )
        _check(
            solve_quadratic,
            a,
            b,
            c,
            expected,
            "nearly double roots: use the same stable formula; the tests allow an error of "
            "1e-7 times the larger root here, since Delta itself is rounded.",
            rtol=0.0,
            atol=1e-7 * scale,
        )


@test_case(points=1, hidden=True)
def test_special_coefficients(solve_quadratic):
    hint_b0 = "b = 0 has no sign: use np.copysign(np.sqrt(disc), b), or treat b = 0 separately."
    rng = np.random.default_rng(603)
    r = float(rng.uniform(1, 5))
    cases = [
        (1.0, 0.0, -r * r, [-r, r], hint_b0),
        (3.0, 0.0, 0.0, [0.0, 0.0], "b = c = 0: 0 is a double root, returned twice. " + hint_b0),
        (2.0, 5.0, 0.0, [-2.5, 0.0], "c = 0: x (2x + 5) = 0."),
        (1.0, -2 * r, r * r, [r, r], "a double root (disc = 0) is returned twice."),
        (-4.0, 4.0, -1.0, [0.5, 0.5], "a double root (disc = 0) is returned twice."),
    ]
    for a, b, c, expected, hint in cases:
        _check(solve_quadratic, a, b, c, expected, hint, rtol=1e-7, atol=1e-12)


@test_case(points=1, hidden=True)
def test_conventions(solve_quadratic):
    rng = np.random.default_rng(604)
    for _ in range(3):
        a = float(rng.uniform(0.5, 4))
        b = float(rng.uniform(-3, 3))
        c = b * b / (4 * a) + float(rng.uniform(0.1, 5))
        for sign in [1.0, -1.0]:
            _check(
                solve_quadratic,
                sign * a,
                sign * b,
                sign * c,
                [],
                "when b^2 - 4ac < 0 there is no real root: return an empty array, "
                "not NaN or complex numbers.",
            )
        b, c = float(rng.uniform(-9, 9)), float(rng.uniform(-9, 9))
        _check(
            solve_quadratic,
            0.0,
            b,
            c,
            [-c / b],
            "a = 0 leaves b x + c = 0, whose one root is -c / b.",
        )
    _raises_value_error(solve_quadratic, 0.0, 0.0, float(rng.uniform(1, 9)))
