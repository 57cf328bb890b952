OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - the direction is normalized first, u = v / ||v||: test_random_functions, test_geometry;
#   variants "returns grad f . v", "divides by ||v||**2".
# - the central difference along u, (f(x + h u) - f(x - h u)) / (2h), with exactly the step
#   h passed: test_uses_the_given_step; variants "forward difference along u", "ignores h",
#   "numerical gradient along the axes, then dotted with u" (another formula, equal only in
#   the limit h -> 0).
# - v of any length, tiny (1e-12) or huge (1e9): test_scale_of_v; variant "steps by h * v and
#   divides by 2 h ||v||" (round-off for tiny v, truncation for huge v).
# - x and v may be lists or int arrays and are never modified (bit for bit): test_inputs_
#   untouched; variant "normalizes the caller's float v in place (v /= norm)".
# - returns a float: every case (to_number).
# This question does not use Question 3: it needs two evaluations of f, not 2n.

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, call, to_number


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


name = "q5"
points = 4


def _along(f, x, v, h):
    u = v / np.linalg.norm(v)
    return float((f(x + h * u) - f(x - h * u)) / (2 * h))


def _slope(directional_derivative, f, x, v, what, h=None, hint=""):
    args = (f, x, v) if h is None else (f, x, v, h)
    return to_number(
        call(directional_derivative, *args, what=what, hint=hint),
        what=f"directional_derivative on {what}",
    )


@test_case(points=1, hidden=False)
def test_by_hand(directional_derivative):
    def f(x):
        return x[0] ** 2 + x[1] ** 2

    got = _slope(
        directional_derivative,
        f,
        np.array([1.0, 1.0]),
        np.array([3.0, 4.0]),
        "f = x0**2 + x1**2, x = [1, 1], v = [3, 4]",
    )
    assert_close(
        got,
        2.8,
        rtol=1e-6,
        what="the rate of change of x0**2 + x1**2 at (1, 1) along (3, 4)",
        reveal=True,
        hint="normalize first: u = v / ||v|| = (0.6, 0.8), and grad f = (2, 2).",
    )


@test_case(points=0.5, hidden=True)
def test_random_functions(directional_derivative):
    rng = np.random.default_rng(551)
    for n in [2, 3, 5]:
        f, grad, _ = _family(rng, n)
        x = rng.normal(size=n)
        v = rng.normal(size=n)
        v *= rng.uniform(2, 5) / np.linalg.norm(v)
        g = grad(x)
        expected = g @ (v / np.linalg.norm(v))
        got = _slope(
            directional_derivative,
            f,
            x.copy(),
            v.copy(),
            f"a random function in R^{n} and a direction of length > 1",
        )
        hint = matching_hint(
            got,
            [
                (g @ v, "you returned grad f . v: normalize the direction first, u = v / ||v||."),
                (g @ v / (v @ v), "you divided by ||v||**2; the unit direction is v / ||v||."),
            ],
            "the slope is (f(x + h u) - f(x - h u)) / (2h) with u = v / ||v||.",
            rtol=1e-5,
        )
        assert_close(
            got,
            expected,
            rtol=1e-6,
            atol=1e-7,
            what=f"the directional derivative of a random function in R^{n}",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_uses_the_given_step(directional_derivative):
    rng = np.random.default_rng(553)
    n = 3
    f, grad, _ = _family(rng, n)
    x = rng.normal(size=n)
    v = rng.normal(size=n) * 2
    for h in [0.2, 0.05]:
        expected = _along(f, x, v, h)
        u = v / np.linalg.norm(v)
        got = _slope(directional_derivative, f, x.copy(), v.copy(), f"a point in R^3, h={h}", h)
        axes = np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(n)]) @ u
        hint = matching_hint(
            got,
            [
                (
                    (f(x + h * u) - f(x)) / h,
                    "this is the forward difference along u; use the "
                    "central one, (f(x + h u) - f(x - h u)) / (2h).",
                ),
                (
                    _along(f, x, v, 1e-5),
                    "you ignored h (this is the result of the default "
                    "step); use the h you are given.",
                ),
                (
                    axes,
                    "you took central differences along the axes and dotted them with u; "
                    "the prompt's formula steps along u itself: (f(x + h u) - f(x - h u)) / (2h).",
                ),
            ],
            "use exactly (f(x + h u) - f(x - h u)) / (2h), u = v / ||v||, with the given h.",
            rtol=1e-9,
        )
        assert_close(
            got,
            expected,
            rtol=1e-9,
            atol=1e-12,
            what=f"directional_derivative(f, x, v, h={h})",
            hint=hint,
        )


@test_case(points=0.5, hidden=True)
def test_scale_of_v(directional_derivative):
    rng = np.random.default_rng(554)
    n = 4
    f, grad, _ = _family(rng, n)
    x = rng.normal(size=n)
    direction = rng.normal(size=n)
    expected = grad(x) @ (direction / np.linalg.norm(direction))
    for scale in [1e-12, 1e9]:
        v = direction * scale
        h = 1e-5
        naive = (f(x + h * v) - f(x - h * v)) / (2 * h * np.linalg.norm(v))
        got = _slope(
            directional_derivative,
            f,
            x.copy(),
            v.copy(),
            f"a direction v of length about {scale:g}",
        )
        hint = matching_hint(
            got,
            [
                (
                    naive,
                    "you stepped by h v and divided by ||v|| afterwards: that steps "
                    f"{h * scale:g} here (all round-off for a tiny v, all truncation for a huge "
                    "one). Normalize v before you step: x + h u with u = v / ||v||.",
                )
            ],
            "the slope along u = v / ||v|| must not depend on the length of v.",
            rtol=1e-9,
        )
        assert_close(
            got,
            expected,
            rtol=1e-6,
            atol=1e-7,
            what=f"the slope along a direction v of length about {scale:g}",
            hint=hint,
        )


@test_case(points=0.5, hidden=True)
def test_inputs_untouched(directional_derivative):
    rng = np.random.default_rng(555)
    f, grad, _ = _family(rng, 2)
    hint = "convert x and v to new float arrays (u = np.asarray(v, dtype=float) / norm)."
    got = _slope(
        directional_derivative,
        f,
        [1, -1],
        [3, 4],
        "the int lists x = [1, -1], v = [3, 4]",
        hint=hint,
    )
    assert_close(
        got,
        grad(np.array([1.0, -1.0])) @ [0.6, 0.8],
        rtol=1e-6,
        atol=1e-7,
        what="the slope at x = [1, -1] along v = [3, 4] (lists of ints)",
        hint="the slope is (f(x + h u) - f(x - h u)) / (2h) with u = v / ||v||.",
    )
    x, v = rng.normal(size=2), rng.normal(size=2) * 3
    kept_x, kept_v = x.copy(), v.copy()
    _slope(directional_derivative, f, x, v, "float arrays x and v")
    if not (np.array_equal(x, kept_x) and np.array_equal(v, kept_v)):
        which = "v" if np.array_equal(x, kept_x) else "x"
        _fail(
            f"directional_derivative changed the caller's {which}. Compute u = v / norm(v) "
            "as a new array (v /= ... or u = np.asarray(v); u /= ... change the caller's v)."
        )


@test_case(points=0.5, hidden=True)
def test_geometry(directional_derivative):
    rng = np.random.default_rng(552)
    n = 4
    f, grad, _ = _family(rng, n)
    x = rng.normal(size=n)
    g = grad(x)
    w = rng.normal(size=n)
    w -= (w @ g) / (g @ g) * g
    along = _slope(directional_derivative, f, x.copy(), 0.01 * g, "the direction 0.01 * grad f")
    assert_close(
        along,
        np.linalg.norm(g),
        rtol=1e-6,
        atol=1e-7,
        what="the slope along the gradient direction (a short vector 0.01 * grad)",
        hint="along u = grad f / ||grad f|| the slope is ||grad f||, the steepest one; "
        "it must not depend on the length of v.",
    )
    against = _slope(directional_derivative, f, x.copy(), -3 * g, "the direction -3 * grad f")
    assert_close(
        against,
        -np.linalg.norm(g),
        rtol=1e-6,
        atol=1e-7,
        what="the slope along -3 * grad f",
        hint="reversing the direction flips the sign; the length of v is irrelevant.",
    )
    flat = _slope(directional_derivative, f, x.copy(), w.copy(), "a direction orthogonal to grad f")
    assert_close(
        flat,
        0.0,
        atol=1e-6 * np.linalg.norm(g),
        what="the slope along a direction orthogonal to the gradient",
        hint="directions orthogonal to grad f follow the level set: slope 0.",
    )
