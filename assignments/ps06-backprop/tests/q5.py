OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - each rule returns (out, local_grads), one partial per input, in input order (a tuple;
#   a list or a 1-D array is accepted): every case (unpack).
# - add_rule and mul_rule at random points: test_add_and_mul; variant "mul_rule partials
#   (a, b) instead of (b, a)".
# - div_rule's partials 1/b and -a/b**2 for b of either sign: test_div; variants "forgets
#   the minus sign", "quotient rule without the square".
# - pow_rule for constant k, negative and fractional included, k = 0 and k = 1:
#   test_pow; variant "k * a**k instead of k * a**(k - 1)".

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q5"
points = 6


def unpack(result, n_inputs, label):
    """Check the (value, local_grads) contract and return the pieces."""
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"{label} should return a pair (value, local_grads), found "
            f"{type(result).__name__}. Hint: `return out, (d_out_da, d_out_db)`."
        )
    value, grads = result
    if isinstance(grads, np.ndarray) and grads.ndim == 1:
        grads = tuple(grads)  # an array of partials works in Value as well as a tuple
    if not isinstance(grads, (tuple, list)) or len(grads) != n_inputs:
        raise AssertionError(
            f"{label}: local_grads should be a tuple with {n_inputs} number(s), one per "
            f"input, found {grads!r}. Hint: a one-input rule returns `(d,)`, with the comma."
        )
    return value, grads


@test_case(points=2, hidden=False)
def test_small_integers(add_rule, mul_rule, div_rule, pow_rule):
    cases = [
        ("add_rule(1, 2)", add_rule, (1.0, 2.0), 2, 3.0, [1.0, 1.0]),
        ("mul_rule(3, 5)", mul_rule, (3.0, 5.0), 2, 15.0, [5.0, 3.0]),
        ("div_rule(6, 3)", div_rule, (6.0, 3.0), 2, 2.0, [1 / 3, -2 / 3]),
        ("pow_rule(2, 3)", pow_rule, (2.0, 3), 1, 8.0, [12.0]),
    ]
    for label, rule, args, n_inputs, value, grads in cases:
        got_value, got_grads = unpack(call(rule, *args, name=label.split("(")[0]), n_inputs, label)
        assert_close(got_value, value, what=f"the value of {label}", reveal=True)
        assert_close(
            list(got_grads),
            grads,
            what=f"the local gradients of {label}",
            reveal=True,
            hint="one partial derivative per input, in input order.",
        )


@test_case(points=1, hidden=True)
def test_add_and_mul(add_rule, mul_rule):
    rng = np.random.default_rng(51)
    for a, b in rng.normal(scale=3, size=(20, 2)):
        value, grads = unpack(call(add_rule, a, b), 2, "add_rule")
        assert_close(value, a + b, what="the value of add_rule")
        assert_close(list(grads), [1.0, 1.0], what="the local gradients of add_rule")
        value, grads = unpack(call(mul_rule, a, b), 2, "mul_rule")
        assert_close(value, a * b, what="the value of mul_rule")
        assert_close(
            list(grads),
            [b, a],
            what="the local gradients of mul_rule",
            hint="d(ab)/da = b and d(ab)/db = a: each input's partial is the other.",
        )


@test_case(points=1.5, hidden=True)
def test_div(div_rule):
    rng = np.random.default_rng(52)
    for _ in range(20):
        a = rng.normal(scale=3)
        b = rng.choice([-1, 1]) * rng.uniform(0.2, 4.0)
        value, grads = unpack(call(div_rule, a, b), 2, "div_rule")
        assert_close(value, a / b, rtol=1e-12, what="the value of div_rule")
        assert_close(
            list(grads),
            [1 / b, -a / b**2],
            rtol=1e-10,
            what="the local gradients of div_rule",
            hint=matching_hint(
                list(grads),
                [
                    (
                        [1 / b, a / b**2],
                        "the partial in b has a minus sign: d(a/b)/db = -a / b**2.",
                    ),
                    ([1 / b, -a / b], "the partial in b has a square: d(a/b)/db = -a / b**2."),
                ],
                "write a/b = a * b**(-1): the partials are 1/b and -a / b**2.",
                rtol=1e-9,
            ),
        )


@test_case(points=1.5, hidden=True)
def test_pow(pow_rule):
    rng = np.random.default_rng(53)
    for k in [2, 3, -1, -2, 0.5, 1.5, 1, 0]:
        for a in rng.uniform(0.3, 3.0, size=4):
            value, grads = unpack(call(pow_rule, a, k), 1, f"pow_rule(a, {k})")
            assert_close(value, a**k, rtol=1e-12, what=f"the value of pow_rule(a, {k})")
            assert_close(
                list(grads),
                [k * a ** (k - 1)],
                rtol=1e-10,
                atol=1e-14,
                what=f"the local gradient of pow_rule(a, {k})",
                hint=matching_hint(
                    list(grads),
                    [
                        ([k * a**k], "you kept the exponent: d(a^k)/da = k a^(k-1)."),
                        ([a ** (k - 1)], "the factor k is missing: d(a^k)/da = k a^(k-1)."),
                    ],
                    "d(a^k)/da = k a^(k-1) for any constant k, including negative and "
                    "fractional ones.",
                    rtol=1e-9,
                ),
            )
