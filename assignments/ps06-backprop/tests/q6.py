OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - each rule returns (out, (d_out_da,)), a one-element tuple (a list or a 1-D array of
#   one number is accepted): every case (unpack).
# - exp_rule: value and derivative e^a: test_exp.
# - log_rule: the natural logarithm, derivative 1/a, for a from e^-4 to e^4: test_log;
#   variants "base-10 logarithm", "derivative taken as ln(a)".
# - tanh_rule: derivative 1 - t**2 with t = tanh(a): test_tanh; variants "1 - a**2",
#   "derivative 1".
# - tanh_rule for any finite a, |a| in the hundreds included (value +-1, derivative 0):
#   test_tanh_saturates; variant "tanh written with exp" (inf / inf = NaN, or an
#   OverflowError from math.exp).

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q6"
points = 4


def unpack(result, label):
    """Check the (value, (local_grad,)) contract of a one-input rule."""
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"{label} should return a pair (value, local_grads), found "
            f"{type(result).__name__}. Hint: `return out, (d_out_da,)`."
        )
    value, grads = result
    if isinstance(grads, np.ndarray) and grads.ndim == 1:
        grads = tuple(grads)  # an array of partials works in Value as well as a tuple
    if not isinstance(grads, (tuple, list)) or len(grads) != 1:
        raise AssertionError(
            f"{label}: local_grads should be a tuple with one number, found {grads!r}. "
            "Hint: write `(d,)` with the comma."
        )
    return value, grads[0]


@test_case(points=1, hidden=False)
def test_at_simple_points(exp_rule, log_rule, tanh_rule):
    for label, rule, a in [
        ("exp_rule", exp_rule, 0.0),
        ("log_rule", log_rule, 1.0),
        ("tanh_rule", tanh_rule, 0.0),
    ]:
        value, grad = unpack(call(rule, a, name=label), label)
        expected = 1.0 if label == "exp_rule" else 0.0
        assert_close(value, expected, what=f"the value of {label}({a})", reveal=True)
        assert_close(grad, 1.0, what=f"the local gradient of {label}({a})", reveal=True)


@test_case(points=1, hidden=True)
def test_exp(exp_rule):
    for a in np.random.default_rng(61).uniform(-5, 5, size=20):
        value, grad = unpack(call(exp_rule, a), "exp_rule")
        assert_close(value, np.exp(a), rtol=1e-12, what="the value of exp_rule")
        assert_close(
            grad,
            np.exp(a),
            rtol=1e-12,
            what="the local gradient of exp_rule",
            hint="exp is its own derivative.",
        )


@test_case(points=1, hidden=True)
def test_log(log_rule):
    for a in np.exp(np.random.default_rng(62).uniform(-4, 4, size=20)):
        value, grad = unpack(call(log_rule, a), "log_rule")
        assert_close(
            value,
            np.log(a),
            rtol=1e-12,
            atol=1e-14,
            what="the value of log_rule",
            hint="use the natural logarithm.",
        )
        assert_close(
            grad,
            1 / a,
            rtol=1e-12,
            what="the local gradient of log_rule",
            hint="d ln(a) / da = 1 / a.",
        )


@test_case(points=0.5, hidden=True)
def test_tanh(tanh_rule):
    for a in np.random.default_rng(63).uniform(-4, 4, size=20):
        value, grad = unpack(call(tanh_rule, a), "tanh_rule")
        assert_close(value, np.tanh(a), rtol=1e-12, atol=1e-14, what="the value of tanh_rule")
        assert_close(
            grad,
            1 - np.tanh(a) ** 2,
            rtol=1e-10,
            atol=1e-14,
            what="the local gradient of tanh_rule",
            hint=matching_hint(
                grad,
                [
                    (
                        1 - a * a,
                        "you squared the input: d tanh(a) / da = 1 - t**2 with the "
                        "output t = tanh(a).",
                    ),
                    (1.0, "the local gradient is not 1: d tanh(a) / da = 1 - tanh(a)**2."),
                ],
                "d tanh(a) / da = 1 - tanh(a)**2.",
                rtol=1e-9,
            ),
        )


@test_case(points=0.5, hidden=True)
def test_tanh_saturates(tanh_rule):
    for a in [400.0, -750.0, 30.0, 1000.0]:
        hint = (
            "use math.tanh (or np.tanh): a tanh written with exp overflows for |a| > 355, "
            "where tanh itself is just +-1."
        )
        with np.errstate(over="ignore", invalid="ignore"):
            value, grad = unpack(call(tanh_rule, a, what=f"a = {a:g}", hint=hint), "tanh_rule")
        if not (np.isfinite(value) and np.isfinite(grad)):
            raise AssertionError(f"tanh_rule({a:g}) returned inf or NaN. {hint}")
        assert_close(
            value, np.tanh(a), rtol=1e-12, what=f"the value of tanh_rule({a:g})", hint=hint
        )
        assert_close(
            grad,
            1 - np.tanh(a) ** 2,
            atol=1e-15,
            what=f"the local gradient of tanh_rule({a:g})",
            hint="d tanh(a) / da = 1 - tanh(a)**2, which is 0 here.",
        )
