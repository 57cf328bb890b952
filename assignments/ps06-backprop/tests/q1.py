OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - fs[0] is applied first: test_random_chains; variant "applies fs[-1] first".
# - each dfs[i] is evaluated at the input of fs[i] (the intermediate value): test_random_
#   chains; variant "evaluates every derivative at x".
# - the local derivatives are multiplied: test_random_chains; variant "adds them".
# - an empty chain is the identity, (x, 1.0): test_short_chains.
# - the chain rule, no finite differences: each fs[i] is called only at its own input u_i,
#   and the derivative comes from dfs: test_no_finite_differences; variant "central finite
#   difference of the composition".
# - returns a pair of floats (a list or an array of two numbers is accepted): every case.

import math

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q1"
points = 4

# A small library of differentiable pieces (function, derivative) to build chains from.
LIBRARY = [
    (math.sin, math.cos),
    (math.tanh, lambda u: 1 - math.tanh(u) ** 2),
    (lambda u: 0.5 * u * u, lambda u: u),
    (lambda u: 0.7 * u + 0.2, lambda u: 0.7),
    (lambda u: math.exp(-u * u), lambda u: -2 * u * math.exp(-u * u)),
    (lambda u: math.log(1 + u * u), lambda u: 2 * u / (1 + u * u)),
    (lambda u: u**3 / 3, lambda u: u * u),
]


def value_and_slope(result, what):
    if isinstance(result, np.ndarray) and result.shape == (2,):
        result = tuple(result)  # an array [value, derivative] is a pair too
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"{what} should return a pair (value, derivative), found {type(result).__name__}. "
            "Hint: return a tuple of two floats."
        )
    return result


@test_case(points=1, hidden=False)
def test_hand_example(chain_derivative):
    # g(x) = (3x)^2 at x = 1: value 9, derivative 2 * (3x) * 3 = 18.
    fs = [lambda u: 3 * u, lambda u: u**2]
    dfs = [lambda u: 3.0, lambda u: 2 * u]
    value, slope = value_and_slope(call(chain_derivative, fs, dfs, 1.0), "chain_derivative")
    assert_close(
        value,
        9.0,
        what="the value of (3x)^2 at x = 1",
        reveal=True,
        hint="apply fs[0] first, then fs[1].",
    )
    assert_close(
        slope,
        18.0,
        what="the derivative of (3x)^2 at x = 1",
        reveal=True,
        hint="multiply each df evaluated at the intermediate value it receives.",
    )


@test_case(points=2, hidden=True)
def test_random_chains(chain_derivative):
    rng = np.random.default_rng(61)
    for length in [2, 3, 4, 6]:
        for _ in range(4):
            picks = rng.integers(len(LIBRARY), size=length)
            fs = [LIBRARY[i][0] for i in picks]
            dfs = [LIBRARY[i][1] for i in picks]
            x = float(rng.uniform(-1.2, 1.2))
            u, slope = x, 1.0
            for f, df in zip(fs, dfs, strict=True):
                slope *= df(u)
                u = f(u)
            got = value_and_slope(
                call(chain_derivative, fs, dfs, x, what=f"a random chain of {length} functions"),
                "chain_derivative",
            )
            assert_close(
                got[0],
                u,
                rtol=1e-9,
                atol=1e-12,
                what=f"the value of a chain of {length} functions",
                hint="fs[0] is applied first: g(x) = fs[-1](...fs[1](fs[0](x))).",
            )
            assert_close(
                got[1],
                slope,
                rtol=1e-8,
                atol=1e-12,
                what=f"the derivative of a chain of {length} functions",
                hint="each dfs[i] must be evaluated at the input of fs[i] (the "
                "intermediate value), not at x; then multiply them all.",
            )


@test_case(points=0.5, hidden=True)
def test_short_chains(chain_derivative):
    rng = np.random.default_rng(62)
    x = float(rng.uniform(0.3, 0.9))
    got = value_and_slope(call(chain_derivative, [], [], x), "chain_derivative")
    assert_close(
        got[0],
        x,
        what="the value of an empty chain (the identity)",
        hint="with no functions, g(x) = x.",
    )
    assert_close(
        got[1],
        1.0,
        what="the derivative of an empty chain (the identity)",
        hint="start the running product of derivatives at 1, not 0.",
    )
    for f, df in LIBRARY:
        got = value_and_slope(call(chain_derivative, [f], [df], x), "chain_derivative")
        assert_close(
            got[1],
            df(x),
            rtol=1e-12,
            what="the derivative of a one-function chain",
            hint="with one function, the derivative is dfs[0](x).",
        )


@test_case(points=0.5, hidden=True)
def test_no_finite_differences(chain_derivative):
    rng = np.random.default_rng(63)
    picks = rng.integers(len(LIBRARY), size=4)
    x = float(rng.uniform(-1, 1))
    inputs, u = [], x  # the input u_i that fs[i] receives
    for i in picks:
        inputs.append(u)
        u = LIBRARY[i][0](u)
    strays = []

    def watched(i, f):
        def g(t):
            if t != inputs[i]:
                strays.append((i, t))
            return f(t)

        return g

    fs = [watched(i, LIBRARY[k][0]) for i, k in enumerate(picks)]
    # derivatives that are not the derivatives of fs: only a chain-rule answer that uses
    # dfs gets their product; a finite difference of the composition does not
    dfs = [lambda t, k=k: 1.5 + 0.1 * k for k in picks]
    expected = math.prod(1.5 + 0.1 * k for k in picks)
    got = value_and_slope(
        call(chain_derivative, fs, dfs, x, what="a chain of 4 functions"), "chain_derivative"
    )
    assert_close(
        got[0],
        u,
        rtol=1e-12,
        what="the value of a chain of 4 functions",
        hint="fs[0] is applied first: g(x) = fs[-1](...fs[1](fs[0](x))).",
    )
    if strays:
        i, t = strays[0]
        raise AssertionError(
            f"chain_derivative evaluated fs[{i}] at {t:.6g}, which is not its input "
            f"{inputs[i]:.6g}: use dfs (the chain rule), not finite differences."
        )
    assert_close(
        got[1],
        expected,
        rtol=1e-12,
        what="the derivative built from the dfs passed in",
        hint="the derivative is the product of dfs[i] evaluated at the inputs u_i: take "
        "the derivatives from dfs, never from differences of fs.",
    )
