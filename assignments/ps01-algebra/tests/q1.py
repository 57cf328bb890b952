"""Clauses of question 1 (compose), each with the hidden case that checks it and the
wrong variant that breaks it alone:

- compose(f, g)(x) == f(g(x)), the last function applied first:
  test_three_functions_on_arrays; variant "applies the functions left to right".
- compose() is the identity, compose(f) behaves like f: test_zero_and_one_function;
  variant "reduce without an initial value".
- any number of functions: test_many_functions_associative_and_reusable; variant
  "handles exactly two functions".
- a function is returned and no function is called before h is:
  test_many_functions_associative_and_reusable (a spy counts the calls); variant "tries
  each function once while composing".
- h works on numbers and arrays: test_zero_and_one_function, test_three_functions_on_arrays.
- calling h twice gives the same result: test_many_functions_associative_and_reusable;
  variant "pops the functions off a shared list".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q1"
points = 4


def _composed(compose, *functions, label="compose(...)"):
    """compose(*functions), checked to be a function; `label` names the call in messages."""
    result = call(compose, *functions, name="compose")
    if not callable(result):
        raise AssertionError(
            f"{label} should return a function, found {type(result).__name__}. "
            "Define an inner function (or a lambda) and return it without calling it."
        )
    return result


@test_case(points=1, hidden=False)
def test_two_functions_by_hand(compose):
    def add_one(x):
        return x + 1

    def double(x):
        return 2 * x

    h = _composed(compose, add_one, double, label="compose(add_one, double)")
    value = call(h, 3, name="compose(add_one, double)")
    if value == 8:
        raise AssertionError(
            "compose(add_one, double)(3) should be add_one(double(3)) = 7, found 8 = "
            "double(add_one(3)). The LAST function is applied FIRST: (f o g)(x) = f(g(x))."
        )
    assert_close(
        value,
        7.0,
        what="compose(add_one, double)(3)",
        hint="(f o g)(x) = f(g(x)): apply double first, then add_one.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_three_functions_on_arrays(compose):
    rng = np.random.default_rng(101)
    functions = [np.sin, np.exp, lambda x: 3 * x - 1]
    for shape in [(1,), (6,), (3, 4)]:
        x = rng.normal(size=shape)
        h = _composed(compose, *functions, label="compose(np.sin, np.exp, affine)")
        expected = np.sin(np.exp(3 * x - 1))
        backwards = 3 * np.exp(np.sin(x)) - 1
        found = call(h, x, name="compose(np.sin, np.exp, affine)")
        if np.shape(found) == shape and np.allclose(found, backwards):
            raise AssertionError(
                "compose(f, g, h)(x) should be f(g(h(x))), but yours computes h(g(f(x))): "
                "apply the functions from right to left."
            )
        for dropped in [np.sin(np.exp(x)), np.exp(3 * x - 1)]:
            if np.shape(found) == shape and np.allclose(found, dropped):
                raise AssertionError(
                    "compose(f, g, h)(x) should be f(g(h(x))), but yours applied only two of "
                    "the three functions: loop over all of them, however many there are."
                )
        assert_close(
            found,
            expected,
            rtol=1e-12,
            what=f"compose(f, g, h) on an array of shape {shape}",
            hint="apply the functions from right to left, passing each result to the next one.",
        )


@test_case(points=1, hidden=True)
def test_zero_and_one_function(compose):
    rng = np.random.default_rng(102)
    x = rng.normal(size=5)
    identity = _composed(compose, label="compose()")
    assert_close(
        call(identity, x, name="compose()"),
        x,
        what="compose() (no functions) applied to an array",
        hint="composing zero functions gives the identity x -> x; "
        "a loop over an empty tuple does exactly that.",
    )
    assert_close(
        call(identity, 2.5, name="compose()"),
        2.5,
        what="compose()(2.5)",
        hint="composing zero functions gives the identity.",
    )
    single = _composed(compose, np.tanh, label="compose(np.tanh)")
    assert_close(
        call(single, x, name="compose(np.tanh)"),
        np.tanh(x),
        rtol=1e-12,
        what="compose(np.tanh) applied to an array",
        hint="composing a single function gives that function.",
    )


@test_case(points=1, hidden=True)
def test_many_functions_associative_and_reusable(compose):
    rng = np.random.default_rng(103)
    shifts = rng.uniform(-2, 2, size=5)
    functions = [lambda x, s=s: np.cos(x) + s for s in shifts]
    x = rng.normal(size=7)
    expected = x.copy()
    for f in reversed(functions):
        expected = f(expected)
    calls = []

    def spy(value):
        calls.append(1)
        return value + 1.0

    spied = _composed(compose, spy, spy, spy, label="compose(f, f, f)")
    if calls:
        raise AssertionError(
            f"compose(f, f, f) called f {len(calls)} time(s) before the composed function was "
            "called. compose must only build the function h; the functions run when h(x) runs."
        )
    assert_close(
        call(spied, 1.0, name="compose(f, f, f)"),
        4.0,
        what="compose(f, f, f)(1.0) with f(x) = x + 1",
        hint="every function must be applied once when h is called.",
    )
    whole = _composed(compose, *functions, label="compose of five functions")
    assert_close(
        call(whole, x, name="compose of five functions"),
        expected,
        rtol=1e-12,
        what="compose of five functions",
        hint="every function must be applied, the last one first.",
    )
    assert_close(
        call(whole, x, name="compose of five functions"),
        expected,
        rtol=1e-12,
        what="the same composed function called a second time",
        hint="the returned function must not change any state when it is called.",
    )
    inner = _composed(compose, *functions[:2], label="compose(f, g)")
    left = _composed(compose, inner, *functions[2:], label="compose(compose(f, g), h, ...)")
    tail = _composed(compose, *functions[1:], label="compose(g, h, ...)")
    right = _composed(compose, functions[0], tail, label="compose(f, compose(g, ...))")
    for h, label in [
        (left, "compose(compose(f, g), h, ...)"),
        (right, "compose(f, compose(g, ...))"),
    ]:
        assert_close(
            call(h, x, name=label),
            expected,
            rtol=1e-12,
            what=label,
            hint="composition is associative: grouping must not change the result.",
        )
