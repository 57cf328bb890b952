OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - component i is the central difference (f(x + h e_i) - f(x - h e_i)) / (2h), with the
#   default h = 1e-5 accurate to a relative error below 1e-6: test_relative_error_random_
#   functions; variants "forward differences", "divides by h", "sign error".
# - exactly the step h that is passed: test_uses_the_given_step; variant "relative step
#   h * |x_i|".
# - x may be a list or an int array; convert it to float: test_integer_input_untouched;
#   variant "copies x without converting to float".
# - never modify the caller's x (checked bit for bit on a float array): test_float_input_
#   untouched; variant "perturbs the caller's float array in place and restores it by
#   adding h back" (rounding leaves x changed).
# - f receives a 1-D float array of length n, every time: test_calls_f_with_float_arrays;
#   variant "steps a Python list copy of x, so f receives lists".
# - returns a float array of shape (n,) (a list of floats is accepted): every case.

import numpy as np
from evidence import ArgumentLog, matching_hint
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, assert_shape, call, rel_error

name = "q3"
points = 6


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _exact_central(f, x, h):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


def _gradient_hint(got, f, x, h, exact):
    forward = np.array([(f(x + h * e) - f(x)) / h for e in np.eye(x.size)])
    return matching_hint(
        got,
        [
            (
                2 * exact,
                "every component is twice too large: the two points are 2h apart, so divide by 2h.",
            ),
            (-exact, "every component has the wrong sign: f(x + h e_i) comes first."),
            (
                forward,
                "this is the forward difference (f(x + h e_i) - f(x)) / h; use the "
                "central one, which steps both ways.",
            ),
        ],
        "component i is (f(x + h e_i) - f(x - h e_i)) / (2h), stepping only coordinate i.",
        rtol=1e-7,
    )


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


@test_case(points=1, hidden=True)
def test_relative_error_random_functions(numerical_gradient):
    rng = np.random.default_rng(531)
    for n in [1, 3, 6]:
        f, grad, _ = _family(rng, n)
        x = rng.normal(size=n)
        exact = grad(x)
        what = f"numerical_gradient at a point in R^{n}"
        got = assert_shape(call(numerical_gradient, f, x.copy(), what=what), (n,), what=what)
        error = rel_error(got, exact)
        if not error < 1e-6:
            _fail(
                f"numerical_gradient: relative error {error:.2e} against the exact gradient "
                f"of a random function in R^{n} (threshold 1e-6). "
                + _gradient_hint(got, f, x, 1e-5, exact)
            )


@test_case(points=1, hidden=True)
def test_uses_the_given_step(numerical_gradient):
    rng = np.random.default_rng(532)
    n = 4
    f, _, _ = _family(rng, n)
    x = rng.normal(size=n) * 2
    for h in [0.1, 0.01]:
        expected = _exact_central(f, x, h)
        got = call(numerical_gradient, f, x.copy(), h, what=f"a point in R^4 with h={h}")
        hint = matching_hint(
            got,
            [
                (
                    np.array(
                        [
                            (f(x + h * max(1, abs(v)) * e) - f(x - h * max(1, abs(v)) * e))
                            / (2 * h * max(1, abs(v)))
                            for v, e in zip(x, np.eye(n), strict=True)
                        ]
                    ),
                    "you scaled the step with |x_i|; use exactly the h you are given.",
                ),
                (
                    _exact_central(f, x, 1e-5),
                    "you ignored the h argument (this is the result of the default step 1e-5).",
                ),
            ],
            "step each coordinate by exactly +h and -h and divide by 2h.",
            rtol=1e-9,
        )
        assert_close(
            got, expected, rtol=1e-8, atol=1e-12, what=f"numerical_gradient(f, x, h={h})", hint=hint
        )


@test_case(points=0.5, hidden=True)
def test_integer_input_untouched(numerical_gradient):
    rng = np.random.default_rng(533)
    f, grad, _ = _family(rng, 3)
    for x in [np.array([1, -2, 0]), [2, 0, -1]]:
        original = np.array(x, copy=True)
        expected = grad(original)  # before the call, from a copy the student never sees
        kind = "int array" if isinstance(x, np.ndarray) else "list of ints"
        hint = (
            "convert x to a float array first (np.asarray(x, dtype=float)): an int "
            "array cannot hold x_i + h, and a list has no vector arithmetic."
        )
        got = call(numerical_gradient, f, x, what=f"the {kind} x = {original.tolist()}", hint=hint)
        if not np.array_equal(x, original):
            _fail(
                f"numerical_gradient changed the {kind} x it was given: work on a float "
                "copy (np.array(x, dtype=float)) instead."
            )
        error = rel_error(assert_shape(got, (3,), what=f"the gradient at a {kind}"), expected)
        if not error < 1e-6:
            evidence = matching_hint(
                got,
                [(np.zeros(3), hint)],
                _gradient_hint(got, f, original.astype(float), 1e-5, expected),
            )
            _fail(
                f"numerical_gradient: at the {kind} x = {original.tolist()} the relative "
                f"error is {error:.2e} (threshold 1e-6). {evidence}"
            )


@test_case(points=1, hidden=True)
def test_float_input_untouched(numerical_gradient):
    rng = np.random.default_rng(534)
    f, grad, _ = _family(rng, 6)
    x = rng.normal(size=6) * 3 + 0.1
    kept = x.copy()
    call(numerical_gradient, f, x, what="a float array x in R^6")
    if not np.array_equal(x, kept):
        changed = int(np.sum(x != kept))
        _fail(
            f"numerical_gradient changed {changed} entr{'y' if changed == 1 else 'ies'} of the "
            "caller's float array x (even x_i + h - h can differ from x_i in the last bit). "
            "Step a copy: x_plus = x.copy(); x_plus[i] += h, or x + h * e_i."
        )


@test_case(points=0.5, hidden=True)
def test_calls_f_with_float_arrays(numerical_gradient):
    rng = np.random.default_rng(535)
    for n in [1, 4]:
        family, grad, _ = _family(rng, n)
        log = ArgumentLog(n)
        x = rng.normal(size=n)
        got = call(
            numerical_gradient, log.strict(family), list(x), what=f"x given as a list of {n} floats"
        )
        if log.problem is not None:
            _fail(
                f"numerical_gradient called f with {log.problem}; the contract of f is a 1-D "
                f"float numpy array of length n = {n}. Convert x with np.asarray(x, "
                "dtype=float) and step copies of that array."
            )
        error = rel_error(assert_shape(got, (n,), what=f"the gradient in R^{n}"), grad(x))
        if not error < 1e-6:
            _fail(
                f"numerical_gradient: relative error {error:.2e} at a point given as a list "
                "(threshold 1e-6). " + _gradient_hint(got, family, x, 1e-5, grad(x))
            )
