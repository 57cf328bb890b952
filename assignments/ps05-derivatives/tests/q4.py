OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - returns the pair (error, passed), error a float and passed a bool: every case (the
#   helper _result); variant "returns (passed, error)".
# - error = max_i |a_i - b_i| / max(1e-8, |a_i| + |b_i|): test_known_errors; variants
#   "mean instead of max", "norm-based error", "denominator max(|a_i|, |b_i|)",
#   "absolute error".
# - the max(1e-8, ...) guard, at 0 and at tiny non-zero components: test_guard; variants
#   "no guard (0/0 = NaN)", "adds 1e-8 to the denominator instead of taking the max".
# - passed is True exactly when error < tol (strict, tested at error == tol): test_boundary;
#   variant "error <= tol".
# - the tol argument is honoured: test_boundary; variant "ignores tol".
# - b comes from num_grad(f, x), the function passed in: test_uses_num_grad; variant
#   "ignores num_grad and calls its own numerical_gradient".
# - scale-free: test_scale_free; variant "absolute error".
# The tests pass exact gradients as num_grad, so a mistake in Question 3 costs nothing here.

import copy

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, call, to_number

name = "q4"
points = 5


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _result(check_gradient, *args, what=None, **kwargs):
    out = call(check_gradient, *copy.deepcopy(args), what=what, **kwargs)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        _fail(f"check_gradient should return a pair (error, passed), found {type(out).__name__}.")
    if isinstance(out[0], (bool, np.bool_)) and not isinstance(out[1], (bool, np.bool_)):
        _fail("check_gradient returned (passed, error): the order is (error, passed).")
    error = to_number(out[0], what="the relative error (first item of check_gradient's pair)")
    if not isinstance(out[1], (bool, np.bool_)):
        _fail(
            "check_gradient: the second item should be a bool (True when error < tol), found "
            f"{type(out[1]).__name__}."
        )
    return error, bool(out[1])


def _given(b):
    """A num_grad that returns the fixed vector b, whatever f is."""

    def num_grad(f, x, h=1e-5):
        return np.array(b, dtype=float)

    return num_grad


def _exact(grad):
    """A num_grad that returns the exact gradient (a perfect Question 3)."""

    def num_grad(f, x, h=1e-5):
        return grad(np.asarray(x, dtype=float))

    return num_grad


def _oracle(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


def _error_hint(found, a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))
        candidates = [
            (
                np.mean(ratios),
                "you averaged the componentwise errors: take their max, so one "
                "bad component among many is not averaged away.",
            ),
            (
                np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)),
                "you compared "
                "norms of whole vectors; the error here is the max over components of "
                "|a_i - b_i| / max(1e-8, |a_i| + |b_i|).",
            ),
            (
                np.max(np.abs(a - b) / np.maximum(1e-8, np.maximum(np.abs(a), np.abs(b)))),
                "your denominator is max(|a_i|, |b_i|); the prompt's is |a_i| + |b_i| "
                "(guarded by max(1e-8, ...)).",
            ),
            (
                np.max(np.abs(a - b)),
                "this is the absolute error max |a_i - b_i|; divide each "
                "component by max(1e-8, |a_i| + |b_i|).",
            ),
            (
                np.max(np.abs(a - b) / (1e-8 + np.abs(a) + np.abs(b))),
                "the guard is "
                "max(1e-8, |a_i| + |b_i|), not 1e-8 + |a_i| + |b_i|: it matters only for tiny "
                "components, which is where it is tested.",
            ),
        ]
    return matching_hint(
        found, candidates, "error = max_i |a_i - b_i| / max(1e-8, |a_i| + |b_i|).", rtol=1e-9
    )


@test_case(points=1, hidden=False)
def test_by_hand(check_gradient):
    def f(x):
        return float(np.sum(x**2))

    def numerical(f, x, h=1e-5):
        return 2 * np.asarray(x, dtype=float)  # the exact gradient of sum(x**2)

    x = np.array([1.0, -2.0, 3.0])
    error, passed = _result(check_gradient, f, lambda x: 2 * x, x, numerical)
    if not (error < 1e-6 and passed):
        _fail(
            f"check_gradient: the correct gradient 2x of sum(x**2) gave error {error:.2e}, "
            f"passed={passed}; expected an error below 1e-6 and True."
        )
    error, passed = _result(check_gradient, f, lambda x: x, x, numerical)
    assert_close(
        error,
        1 / 3,
        rtol=1e-4,
        what="the error of the buggy gradient x",
        reveal=True,
        hint="elementwise |a - b| / max(1e-8, |a| + |b|) = |x - 2x| / |3x|, then the max.",
    )
    if passed:
        _fail(
            "check_gradient: the buggy gradient x (instead of 2x) passed; passed must be "
            "error < tol."
        )


@test_case(points=1, hidden=True)
def test_known_errors(check_gradient):
    rng = np.random.default_rng(541)
    n = 6
    f, grad, _ = _family(rng, n)
    x = rng.normal(size=n)
    exact = grad(x)
    for label, bug in [
        ("one component's sign flipped", np.array([1, 1, -1, 1, 1, 1.0])),
        ("every component scaled by 1.001", np.full(n, 1.001)),
        ("one component 10% too large", np.array([1, 1, 1, 1, 1.1, 1])),
    ]:
        a = bug * exact
        expected = _oracle(a, exact)  # before the call
        error, passed = _result(
            check_gradient,
            f,
            lambda y, bug=bug: bug * grad(y),
            x,
            _exact(grad),
            what=f"a gradient with {label}",
        )
        assert_close(
            error,
            expected,
            rtol=1e-6,
            what=f"check_gradient's error for a gradient with {label}",
            hint=_error_hint(error, a, exact),
        )
        if passed:
            _fail(
                f"check_gradient: a gradient with {label} passed the check (error "
                f"{error:.2e}, tol 1e-6)."
            )


@test_case(points=1, hidden=True)
def test_guard(check_gradient):
    # Components that are both exactly 0 give 0, not 0/0; a tiny non-zero one is measured
    # against the 1e-8 floor: |1e-9 - 0| / max(1e-8, 1e-9) = 0.1.
    for a, b, expected, label in [
        ([0.0, 2.0, -1.0], [0.0, 2.0, -1.0], 0.0, "a gradient with an exact 0 component"),
        ([1e-9, 2.0], [0.0, 2.0], 0.1, "a tiny component, 1e-9 against 0"),
        ([3e-9, 1.0], [-1e-9, 1.0], 0.4, "tiny components of opposite signs"),
    ]:
        error, passed = _result(
            check_gradient,
            lambda y: 0.0,
            lambda y, a=a: np.array(a),
            np.zeros(len(a)),
            _given(b),
            what=label,
        )
        if not np.isfinite(error):
            _fail(
                f"check_gradient returned error {error} for {label}: where both components "
                "are 0, |a_i| + |b_i| = 0, and the max(1e-8, ...) guard avoids 0 / 0."
            )
        assert_close(
            error,
            expected,
            rtol=1e-9,
            atol=1e-15,
            what=f"check_gradient's error for {label}",
            hint=_error_hint(error, a, b),
        )
        if passed != (expected < 1e-6):
            _fail(f"check_gradient: passed={passed} for {label} (error {error:.3g}, tol 1e-6).")


@test_case(points=1, hidden=True)
def test_boundary(check_gradient):
    # a = 3, b = 1: error |3 - 1| / (3 + 1) = 0.5 exactly in floating point.
    cases = [(0.5, False), (0.5000001, True), (0.1, False), (0.9, True)]
    for tol, should_pass in cases:
        error, passed = _result(
            check_gradient,
            lambda y: 0.0,
            lambda y: np.array([3.0]),
            np.zeros(1),
            _given([1.0]),
            tol=tol,
            what=f"a = 3, b = 1 (error 0.5) with tol={tol}",
        )
        assert_close(
            error,
            0.5,
            rtol=1e-12,
            what="check_gradient's error for a = 3, b = 1",
            hint=_error_hint(error, [3.0], [1.0]),
        )
        if passed != should_pass:
            if tol == 0.5:
                hint = "passed is error < tol, strictly: an error equal to tol fails."
            else:
                hint = "use the tol argument (the default 1e-6 applies only when none is given)."
            _fail(
                f"check_gradient with error 0.5 and tol={tol} returned passed={passed}; "
                f"expected {should_pass}. {hint}"
            )


@test_case(points=0.5, hidden=True)
def test_uses_num_grad(check_gradient):
    rng = np.random.default_rng(545)
    f, grad, _ = _family(rng, 3)
    x = rng.normal(size=3)
    b = grad(x) * np.array([1.0, 1.2, 1.0])  # what this num_grad claims, whatever f is
    a = grad(x)
    expected = _oracle(a, b)
    error, _ = _result(check_gradient, f, grad, x, _given(b), what="a num_grad given by the test")
    assert_close(
        error,
        expected,
        rtol=1e-6,
        what="check_gradient's error against the num_grad the test passed",
        hint="compute b with the num_grad argument, b = num_grad(f, x), not with "
        "numerical_gradient from the notebook or a formula of your own.",
    )


@test_case(points=0.5, hidden=True)
def test_scale_free(check_gradient):
    rng = np.random.default_rng(543)
    n = 4
    big, big_grad, _ = _family(rng, n, scale=1e6)
    x = rng.normal(size=n)
    slightly_off = lambda y: big_grad(y) * (1 + 1e-9)  # noqa: E731
    error, passed = _result(
        check_gradient, big, slightly_off, x, _exact(big_grad), what="a function of size ~1e6"
    )
    if not (error < 1e-6 and passed):
        _fail(
            f"check_gradient: a gradient correct to 1e-9 of a function of size ~1e6 gave error "
            f"{error:.2e}, passed={passed}. The error must be relative, |a-b| / max(1e-8, "
            "|a|+|b|), so the size of f does not matter."
        )
    tiny, tiny_grad, _ = _family(rng, n, scale=1e-6)
    x = rng.normal(size=n)
    error, passed = _result(
        check_gradient,
        tiny,
        lambda y: 2 * tiny_grad(y),
        x,
        _exact(tiny_grad),
        what="a function of size ~1e-6",
    )
    if passed or not error > 0.1:
        _fail(
            f"check_gradient: a gradient twice too large, on a function of size ~1e-6, gave "
            f"error {error:.2e}, passed={passed}. An absolute error |a-b| is tiny here; the "
            "relative error is not."
        )
