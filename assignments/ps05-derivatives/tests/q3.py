OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, assert_shape, call, rel_error

name = "q3"
points = 6


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


@test_case(points=2, hidden=False)
def test_by_hand(numerical_gradient):
    def f(x):
        return x[0] ** 2 + 3 * x[0] * x[1]

    got = assert_shape(
        call(numerical_gradient, f, [1.0, 2.0]), (2,), what="numerical_gradient(f, [1.0, 2.0])"
    )
    assert_close(
        got,
        [8.0, 3.0],
        rtol=1e-6,
        what="the gradient of x0**2 + 3 x0 x1 at (1, 2)",
        reveal=True,
        hint="component i is (f(x + h e_i) - f(x - h e_i)) / (2h), where e_i is the "
        "i-th unit vector; x may arrive as a list, so convert it with np.asarray.",
    )


@test_case(points=2, hidden=True)
def test_relative_error_random_functions(numerical_gradient):
    rng = np.random.default_rng(531)
    for n in [1, 3, 6]:
        f, grad, _ = _family(rng, n)
        x = rng.normal(size=n)
        got = assert_shape(
            call(numerical_gradient, f, x.copy()),
            (n,),
            what=f"numerical_gradient at a point in R^{n}",
        )
        error = rel_error(got, grad(x))
        if not error < 1e-6:
            _fail(
                f"relative error {error:.2e} against the exact gradient of a random function "
                f"in R^{n} (threshold 1e-6). A forward difference or a wrong divisor gives "
                "errors far above 1e-6: use the central formula with 2h."
            )


@test_case(points=1, hidden=True)
def test_uses_the_given_step(numerical_gradient):
    rng = np.random.default_rng(532)
    n = 4
    f, _, _ = _family(rng, n)
    x = rng.normal(size=n)
    for h in [0.1, 0.01]:
        expected = np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(n)])
        assert_close(
            call(numerical_gradient, f, x.copy(), h),
            expected,
            rtol=1e-8,
            atol=1e-12,
            what=f"numerical_gradient(f, x, h={h})",
            hint="step each coordinate by exactly +h and -h (not h*|x_i| nor h only "
            "forward) and divide by 2h.",
        )


@test_case(points=1, hidden=True)
def test_integer_input_untouched(numerical_gradient):
    rng = np.random.default_rng(533)
    f, grad, _ = _family(rng, 3)
    x = np.array([1, -2, 0])
    original = x.copy()
    expected = grad(original)  # before the call, from a copy the student never sees
    got = call(numerical_gradient, f, x)
    if not np.array_equal(x, original):
        _fail(
            "numerical_gradient changed the array x you were given: work on a "
            "float copy (np.asarray(x, dtype=float)) instead."
        )
    error = rel_error(assert_shape(got, (3,), what="the gradient at an integer point"), expected)
    if not error < 1e-6:
        _fail(
            f"at the integer point x = [1, -2, 0] the relative error is {error:.2e} (threshold "
            "1e-6). An int array cannot hold x_i + h: convert x to float before stepping."
        )
