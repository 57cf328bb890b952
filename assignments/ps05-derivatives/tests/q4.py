OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, call, to_number

name = "q4"
points = 5


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _result(check_gradient, *args, **kwargs):
    out = call(check_gradient, *copy.deepcopy(args), **kwargs)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        _fail(f"check_gradient should return a pair (error, passed), found {type(out).__name__}.")
    error = to_number(out[0], what="the relative error (first item)")
    if not isinstance(out[1], (bool, np.bool_)):
        _fail(
            "the second item should be a bool (True when error < tol), found "
            f"{type(out[1]).__name__}."
        )
    return error, bool(out[1])


def _oracle(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


@test_case(points=1, hidden=False)
def test_by_hand(check_gradient):
    def f(x):
        return float(np.sum(x**2))

    x = np.array([1.0, -2.0, 3.0])
    error, passed = _result(check_gradient, f, lambda x: 2 * x, x)
    if not (error < 1e-6 and passed):
        _fail(
            f"the correct gradient 2x of sum(x**2) gave error {error:.2e}, "
            f"passed={passed}; expected an error below 1e-6 and True."
        )
    error, passed = _result(check_gradient, f, lambda x: x, x)
    assert_close(
        error,
        1 / 3,
        rtol=1e-4,
        what="the error of the buggy gradient x",
        reveal=True,
        hint="elementwise |a - b| / max(1e-8, |a| + |b|) = |2x - x| / |3x|, then the max.",
    )
    if passed:
        _fail("the buggy gradient x (instead of 2x) passed: passed must be error < tol.")


@test_case(points=1, hidden=True)
def test_correct_gradients_pass(check_gradient):
    rng = np.random.default_rng(541)
    for n in [2, 5]:
        f, grad, _ = _family(rng, n)
        error, passed = _result(check_gradient, f, grad, rng.normal(size=n))
        if not (0 <= error < 1e-6 and passed):
            _fail(
                f"a correct gradient in R^{n} gave error {error:.2e}, passed={passed}; expected "
                "0 <= error < 1e-6 and True. Is your numerical gradient the central one?"
            )


@test_case(points=1, hidden=True)
def test_buggy_gradients_fail(check_gradient):
    rng = np.random.default_rng(542)
    n = 5
    f, grad, _ = _family(rng, n)
    x = rng.normal(size=n)
    for label, bug in [
        ("one component's sign flipped", np.array([1, 1, -1, 1, 1.0])),
        ("scaled by 1.001", np.full(n, 1.001)),
    ]:
        # before the call: the buggy gradient's default `bug` is an array the student can reach
        expected = _oracle(bug * grad(x), grad(x))
        error, passed = _result(check_gradient, f, lambda y, bug=bug: bug * grad(y), x)
        assert_close(
            error,
            expected,
            rtol=1e-2,
            what=f"the error of a gradient with {label}",
            hint="take the largest elementwise relative error (np.max), not the mean "
            "and not a difference of norms.",
        )
        if passed:
            _fail(f"a gradient with {label} passed the check (error {error:.2e}, tol 1e-6).")


@test_case(points=1, hidden=True)
def test_scale_free(check_gradient):
    rng = np.random.default_rng(543)
    n = 4
    big, big_grad, _ = _family(rng, n, scale=1e6)
    error, passed = _result(check_gradient, big, big_grad, rng.normal(size=n))
    if not (error < 1e-6 and passed):
        _fail(
            f"a correct gradient of a function of size ~1e6 gave error {error:.2e}, "
            f"passed={passed}. The error must be relative, |a-b| / max(1e-8, |a|+|b|), so the "
            "size of f does not matter."
        )
    tiny, tiny_grad, _ = _family(rng, n, scale=1e-9)
    error, passed = _result(check_gradient, tiny, lambda y: 2 * tiny_grad(y), rng.normal(size=n))
    if passed or not error > 0.1:
        _fail(
            f"a gradient twice too large, on a function of size ~1e-9, gave error {error:.2e}, "
            f"passed={passed}. An absolute error |a-b| is tiny here; the relative error is not."
        )


@test_case(points=1, hidden=True)
def test_zero_components_and_tol(check_gradient):
    rng = np.random.default_rng(544)
    f3, grad3, _ = _family(rng, 3)

    def f(x):
        return f3(x[:3])

    def grad(x):
        return np.concatenate([grad3(x[:3]), [0.0]])

    x = rng.normal(size=4)
    error, passed = _result(check_gradient, f, grad, x)
    if not (np.isfinite(error) and error < 1e-6 and passed):
        _fail(
            f"f does not depend on x[3], so both gradients are 0 there; found error {error}, "
            f"passed={passed}. The max(1e-8, ...) in the denominator avoids 0 / 0."
        )
    wrong = lambda y: 1.01 * grad(y)  # noqa: E731
    loose = _result(check_gradient, f, wrong, x, tol=0.1)[1]
    strict = _result(check_gradient, f, wrong, x, tol=1e-3)[1]
    if not (loose and not strict):
        _fail(
            f"a gradient 1% too large (error ~5e-3) should pass with tol=0.1 and fail with "
            f"tol=1e-3; found passed={loose} and passed={strict}. Use the tol argument."
        )
