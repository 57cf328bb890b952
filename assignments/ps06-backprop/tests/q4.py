OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q4"
points = 4


def pair(result, what):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"{what} should return a pair (value, gradient), found {type(result).__name__}."
        )
    return result


@test_case(points=1, hidden=False)
def test_hand_example(reverse_mode):
    value, grad = pair(call(reverse_mode, 2.0, 0.0), "reverse_mode")
    assert_close(value, np.log(2.0), what="f(2, 0)", reveal=True)
    assert_close(
        grad,
        [0.5, 1.0],
        what="the gradient of f at (2, 0)",
        reveal=True,
        hint="the gradient has two entries (df/dx1, df/dx2).",
    )


@test_case(points=3, hidden=True)
def test_random_points(reverse_mode):
    rng = np.random.default_rng(4)
    for _ in range(25):
        x1, x2 = rng.uniform(0.2, 3.0), rng.uniform(-3.0, 3.0)
        value, grad = pair(call(reverse_mode, x1, x2), "reverse_mode")
        assert_close(
            value, np.log(x1) + x1 * x2 - np.sin(x2), rtol=1e-10, what="the value f(x1, x2)"
        )
        assert_close(
            grad,
            [1 / x1 + x2, x1 - np.cos(x2)],
            rtol=1e-8,
            atol=1e-10,
            what="the gradient (df/dx1, df/dx2)",
            hint="x1 feeds two nodes (ln and the product), so its adjoint is the "
            "sum of both contributions; the adjoint of v3 = sin(x2) is -1.",
        )
