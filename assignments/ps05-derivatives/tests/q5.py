OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, call, to_number

name = "q5"
points = 4


@test_case(points=1, hidden=False)
def test_by_hand(directional_derivative):
    def f(x):
        return x[0] ** 2 + x[1] ** 2

    got = to_number(
        call(directional_derivative, f, np.array([1.0, 1.0]), np.array([3.0, 4.0])),
        what="directional_derivative(f, [1, 1], [3, 4])",
    )
    assert_close(
        got,
        2.8,
        rtol=1e-6,
        what="the rate of change of x0**2 + x1**2 at (1, 1) along (3, 4)",
        reveal=True,
        hint="normalize first: u = v / ||v|| = (0.6, 0.8), and grad f = (2, 2).",
    )


@test_case(points=2, hidden=True)
def test_random_functions(directional_derivative):
    rng = np.random.default_rng(551)
    for n in [2, 3, 5]:
        f, grad, _ = _family(rng, n)
        x = rng.normal(size=n)
        v = rng.normal(size=n)
        v *= rng.uniform(2, 5) / np.linalg.norm(v)
        expected = grad(x) @ (v / np.linalg.norm(v))
        got = to_number(
            call(directional_derivative, f, x.copy(), v.copy()),
            what=f"the directional derivative in R^{n}",
        )
        assert_close(
            got,
            expected,
            rtol=1e-6,
            atol=1e-7,
            what=f"the directional derivative of a random function in R^{n} along a "
            "direction of length > 1",
            hint="the convention is the unit direction u = v / ||v||; use central "
            "differences (or your numerical gradient) so the error is O(h^2).",
        )


@test_case(points=1, hidden=True)
def test_geometry(directional_derivative):
    rng = np.random.default_rng(552)
    n = 4
    f, grad, _ = _family(rng, n)
    x = rng.normal(size=n)
    g = grad(x)
    along = to_number(
        call(directional_derivative, f, x.copy(), 0.01 * g), what="the slope along grad f"
    )
    assert_close(
        along,
        np.linalg.norm(g),
        rtol=1e-6,
        atol=1e-7,
        what="the slope along the gradient direction (a short vector 0.01 * grad)",
        hint="along u = grad f / ||grad f|| the slope is ||grad f||, the steepest one; "
        "it must not depend on the length of v.",
    )
    against = to_number(call(directional_derivative, f, x.copy(), -3 * g), what="the slope against")
    assert_close(
        against,
        -np.linalg.norm(g),
        rtol=1e-6,
        atol=1e-7,
        what="the slope along -3 * grad f",
        hint="reversing the direction flips the sign; the length of v is irrelevant.",
    )
    w = rng.normal(size=n)
    w -= (w @ g) / (g @ g) * g
    flat = to_number(call(directional_derivative, f, x.copy(), w.copy()), what="the slope across")
    assert_close(
        flat,
        0.0,
        atol=1e-6 * np.linalg.norm(g),
        what="the slope along a direction orthogonal to the gradient",
        hint="directions orthogonal to grad f follow the level set: slope 0.",
    )
