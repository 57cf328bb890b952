OK_FORMAT = False

import numpy as np
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
        value, tangent = pair(call(forward_mode, x1, x2, dx1, dx2), "forward_mode")
        assert_close(
            value, np.log(x1) + x1 * x2 - np.sin(x2), rtol=1e-10, what="the value f(x1, x2)"
        )
        assert_close(
            tangent,
            grad @ [dx1, dx2],
            rtol=1e-8,
            atol=1e-10,
            what="the directional derivative",
            hint="forward mode returns one number, grad f . (dx1, dx2): use the "
            "product rule for v2 = x1*x2 and d sin(x2) = cos(x2) dx2.",
        )
