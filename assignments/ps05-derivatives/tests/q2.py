OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q2"
points = 4


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _function_and_derivative(rng):
    """A random smooth function and its exact derivative."""
    a, w, c, d = rng.uniform(0.5, 2.0, size=4) * rng.choice([-1, 1], size=4)

    def f(t):
        return a * np.sin(w * t) + c * np.exp(0.5 * d * t)

    def df(t):
        return a * w * np.cos(w * t) + 0.5 * c * d * np.exp(0.5 * d * t)

    return f, df


@test_case(points=1, hidden=False)
def test_cube_by_hand(diff_errors):
    hs = np.array([0.1, 0.01])
    got = assert_shape(
        call(diff_errors, lambda t: t**3, lambda t: 3 * t**2, 1.0, hs),
        (2, 2),
        what="diff_errors(t**3, 3t**2, 1.0, [0.1, 0.01])",
    )
    # forward: ((1+h)^3 - 1)/h = 3 + 3h + h^2; central: 3 + h^2.
    expected = np.array([[0.31, 0.01], [0.0301, 0.0001]])
    assert_close(
        got,
        expected,
        rtol=1e-6,
        what="the errors for f(t) = t**3 at x = 1",
        reveal=True,
        hint="row k holds [|forward - exact|, |central - exact|] for the step hs[k]; "
        "errors are absolute values, not signed differences.",
    )


@test_case(points=2, hidden=True)
def test_random_functions(diff_errors):
    rng = np.random.default_rng(521)
    hs = np.logspace(-1, -3, 5)
    for _ in range(3):
        f, df = _function_and_derivative(rng)
        x = float(rng.uniform(-1.5, 1.5))
        exact = df(x)
        forward = np.abs((f(x + hs) - f(x)) / hs - exact)
        central = np.abs((f(x + hs) - f(x - hs)) / (2 * hs) - exact)
        got = assert_shape(
            call(diff_errors, f, df, x, hs.copy()),
            (hs.size, 2),
            what="diff_errors(f, df, x, hs) with 5 steps",
        )
        assert_close(
            got,
            np.column_stack([forward, central]),
            rtol=1e-6,
            atol=1e-14,
            what="the error table on a random function",
            hint="column 0 is the forward error, column 1 the central error, both "
            "absolute (np.abs), measured against df(x).",
        )


@test_case(points=1, hidden=True)
def test_truncation_and_round_off(diff_errors):
    rng = np.random.default_rng(522)
    f, df = _function_and_derivative(rng)
    x = float(rng.uniform(-1, 1))
    hs = np.logspace(-1, -13, 13)
    got = assert_shape(
        call(diff_errors, f, df, x, hs.copy()),
        (13, 2),
        what="diff_errors over 13 steps from 1e-1 to 1e-13",
    )
    if not np.all(np.isfinite(got)) or np.any(got < 0):
        _fail(
            "errors must be finite and non-negative (absolute values); "
            "found a negative, inf or NaN entry."
        )
    if not got[0, 0] > 10 * got[3, 0]:
        _fail(
            "the forward error should fall by about 1000x from h=1e-1 to "
            "h=1e-4 (truncation error ~ h); it did not. Check column 0."
        )
    if not got[-1, 1] > 10 * got[4, 1]:
        _fail(
            "at h=1e-13 round-off should make the central error much larger "
            "than at h=1e-5; it is not. Are you evaluating f at x+h and x-h "
            "with the given h?"
        )
