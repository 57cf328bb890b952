OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - the value f(x1, x2): test_random_points.
# - the adjoint of x1 sums its two contributions (ln and the product): test_random_points;
#   variant "overwrites the adjoint of x1".
# - the adjoint of v3 = sin x2 is -1: test_random_points; variant "sign error".
# - the product's partials d(x1 x2)/dx1 = x2, d(x1 x2)/dx2 = x1: test_random_points;
#   variant "swaps the partials".
# - grad is a length-2 array or list: every case.

import numpy as np
from evidence import matching_hint
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
        what = f"x1 = {x1:.3g}, x2 = {x2:.3g}"
        value, grad = pair(call(reverse_mode, x1, x2, what=what), "reverse_mode")
        assert_close(
            value,
            np.log(x1) + x1 * x2 - np.sin(x2),
            rtol=1e-10,
            what="the value f(x1, x2) returned by reverse_mode",
            hint="v5 = v4 - v3 with v4 = ln x1 + x1 x2 and v3 = sin x2.",
        )
        expected = np.array([1 / x1 + x2, x1 - np.cos(x2)])
        found = np.asarray(grad, dtype=float).ravel()
        hints = []
        if found.size == 2 and not np.isclose(found[0], expected[0], rtol=1e-8):
            hints.append(
                matching_hint(
                    found[0],
                    [
                        (
                            1 / x1,
                            "the adjoint of x1 holds only its contribution through ln: x1 "
                            "also feeds the product, and the two contributions add up.",
                        ),
                        (
                            x2,
                            "the adjoint of x1 holds only its contribution through the product: "
                            "x1 also feeds ln, and the two contributions add up.",
                        ),
                        (1 / x1 + x1, "d(x1 x2)/dx1 is x2 (the other factor), not x1."),
                    ],
                    "df/dx1 = 1/x1 + x2: two contributions, through ln and through the product.",
                    rtol=1e-8,
                )
            )
        if found.size == 2 and not np.isclose(found[1], expected[1], rtol=1e-8):
            hints.append(
                matching_hint(
                    found[1],
                    [
                        (
                            x1 + np.cos(x2),
                            "the adjoint of v3 = sin x2 is -1 (f = v4 - v3), so "
                            "its contribution to x2 is -cos x2.",
                        ),
                        (x2 - np.cos(x2), "d(x1 x2)/dx2 is x1 (the other factor), not x2."),
                    ],
                    "df/dx2 = x1 - cos x2.",
                    rtol=1e-8,
                )
            )
        assert_close(
            grad,
            expected,
            rtol=1e-8,
            atol=1e-10,
            what="the gradient (df/dx1, df/dx2) returned by reverse_mode",
            hint=" ".join(hints) or "the gradient has two entries (df/dx1, df/dx2).",
        )
