OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - the value f(x1, x2): test_random_points_and_directions.
# - the tangent along the given direction (dx1, dx2), any direction: test_random_points_
#   and_directions; variant "seeds every input with 1".
# - the local rules of the trace: test_random_points_and_directions; variants "adds the
#   tangent of sin", "product rule with one term", "tangent of ln x1 without dx1".
# - returns a pair of floats (an array of two numbers is accepted): every case.

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q3"
points = 4


def pair(result, what):
    if isinstance(result, np.ndarray) and result.shape == (2,):
        result = tuple(result)  # an array [value, derivative] is a pair too
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"{what} should return a pair (value, tangent), found {type(result).__name__}."
        )
    return result


@test_case(points=1, hidden=False)
def test_hand_example(forward_mode):
    value, tangent = pair(call(forward_mode, 2.0, 0.0, 1.0, 1.0), "forward_mode")
    assert_close(value, np.log(2.0), what="f(2, 0)", reveal=True)
    assert_close(
        tangent,
        1.5,
        what="the derivative of f at (2, 0) in direction (1, 1)",
        reveal=True,
        hint="propagate (v, v_dot) through each line of the trace.",
    )


@test_case(points=3, hidden=True)
def test_random_points_and_directions(forward_mode):
    rng = np.random.default_rng(3)
    for _ in range(25):
        x1, x2 = rng.uniform(0.2, 3.0), rng.uniform(-3.0, 3.0)
        dx1, dx2 = rng.normal(size=2)
        grad = np.array([1 / x1 + x2, x1 - np.cos(x2)])
        what = f"x1 = {x1:.3g}, x2 = {x2:.3g} along a random direction"
        value, tangent = pair(call(forward_mode, x1, x2, dx1, dx2, what=what), "forward_mode")
        assert_close(
            value,
            np.log(x1) + x1 * x2 - np.sin(x2),
            rtol=1e-10,
            what="the value f(x1, x2) returned by forward_mode",
            hint="v5 = v4 - v3 with v4 = ln x1 + x1 x2 and v3 = sin x2.",
        )
        hint = matching_hint(
            tangent,
            [
                (
                    grad @ [1.0, 1.0],
                    "your tangent ignores the direction: start from "
                    "(dx1, dx2) as given, not from (1, 1).",
                ),
                (
                    dx1 / x1 + x2 * dx1 + x1 * dx2 + np.cos(x2) * dx2,
                    "the tangent of v5 = v4 - v3 subtracts the tangent of v3 = sin x2.",
                ),
                (
                    dx1 / x1 + x2 * dx1 - np.cos(x2) * dx2,
                    "the product rule has two terms: the tangent of x1*x2 is x2*dx1 + x1*dx2.",
                ),
                (
                    1 / x1 + x2 * dx1 + x1 * dx2 - np.cos(x2) * dx2,
                    "the tangent of ln x1 is "
                    "dx1 / x1: multiply the local derivative 1/x1 by the input tangent.",
                ),
            ],
            "propagate (v, v_dot) through each line of the trace: v_dot = sum over inputs "
            "of (local derivative) x (input tangent).",
            rtol=1e-8,
        )
        assert_close(
            tangent,
            grad @ [dx1, dx2],
            rtol=1e-8,
            atol=1e-10,
            what="the directional derivative returned by forward_mode",
            hint=hint,
        )
