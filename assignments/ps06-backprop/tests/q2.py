OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q2"
points = 5


def numerical_jacobian(x, W, b, step=1e-6):
    """Central differences, column j = (layer(x + h e_j) - layer(x - h e_j)) / 2h."""
    columns = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = step
        columns.append((np.tanh((x + e) @ W + b) - np.tanh((x - e) @ W + b)) / (2 * step))
    return np.stack(columns, axis=1)


@test_case(points=1, hidden=False)
def test_shape_and_zero_point(tanh_layer_jacobian):
    W = np.array([[1.0, -2.0], [0.5, 3.0], [4.0, 0.0]])  # d = 3, h = 2
    J = assert_shape(
        call(tanh_layer_jacobian, np.zeros(3), W.copy(), np.zeros(2)),
        (2, 3),
        what="the Jacobian for d = 3, h = 2 (row i is the gradient of a_i)",
    )
    assert_close(
        J,
        W.T,
        what="the Jacobian at x = 0, b = 0 (where tanh'(0) = 1)",
        reveal=True,
        hint="at z = 0 the layer is locally linear with matrix W.T.",
    )


@test_case(points=4, hidden=True)
def test_matches_finite_differences(tanh_layer_jacobian):
    rng = np.random.default_rng(2)
    for d, h in [(3, 2), (1, 4), (5, 5), (6, 3), (2, 1)]:
        for scale in [0.5, 2.0]:
            x = rng.normal(size=d)
            W = rng.normal(scale=scale, size=(d, h))
            b = rng.normal(size=h)
            J = assert_shape(
                call(tanh_layer_jacobian, x.copy(), W.copy(), b.copy()),
                (h, d),
                what=f"the Jacobian for d = {d}, h = {h} (row i is the gradient of a_i)",
            )
            assert_close(
                J,
                numerical_jacobian(x, W, b),
                rtol=1e-6,
                atol=1e-8,
                what=f"the Jacobian for d = {d}, h = {h}",
                hint="da/dx = diag(1 - tanh(z)^2) @ W.T with z = x @ W + b: the "
                "derivative of tanh is taken at z, and W is transposed.",
            )
