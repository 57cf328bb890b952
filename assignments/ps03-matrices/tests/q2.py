# q2: inverse_of_product and inverse_of_transpose. Clauses, with the hidden case that checks
# each and the wrong variant that breaks it alone:
# - (A1 ... Ak)^-1 = Ak^-1 ... A1^-1, for k >= 1 (k = 1 included), shape (n, n):
#   test_inverse_of_product_random (checked as result @ (A1 ... Ak) = I, a property a
#   constant or memorized answer cannot meet); variants "original order", "reverses but
#   transposes each inverse".
# - (A^T)^-1 = (A^-1)^T: test_inverse_of_transpose_random; variant "returns inv(A) itself".
# - inv, solve, pinv (numpy and scipy) forbidden: forbid_calls in both hidden cases.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls

name = "q2"
points = 3

FORBIDDEN = [
    "numpy.linalg.inv",
    "numpy.linalg.solve",
    "numpy.linalg.pinv",
    "scipy.linalg.inv",
    "scipy.linalg.solve",
    "scipy.linalg.pinv",
]


@test_case(points=1, hidden=False)
def test_small_inverses(inverse_of_product, inverse_of_transpose):
    A_inv = np.array([[0.5, 0.0], [0.0, 0.25]])  # A = diag(2, 4)
    B_inv = np.array([[1.0, -1.0], [0.0, 1.0]])  # B = [[1, 1], [0, 1]]
    result = call(inverse_of_product, [A_inv.copy(), B_inv.copy()])
    assert_close(
        result,
        [[0.5, -0.25], [0.0, 0.25]],
        what="inverse_of_product([inv(A), inv(B)]) with A = diag(2, 4), B = [[1, 1], [0, 1]]",
        hint="(AB)^{-1} = B^{-1} A^{-1}: the order reverses.",
        reveal=True,
    )
    assert_close(
        call(inverse_of_transpose, B_inv.copy()),
        [[1.0, 0.0], [-1.0, 1.0]],
        what="inverse_of_transpose(inv(B)) with B = [[1, 1], [0, 1]]",
        hint="(A^T)^{-1} = (A^{-1})^T.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_inverse_of_product_random(inverse_of_product):
    rng = np.random.default_rng(321)
    for n, k in [(1, 2), (3, 1), (3, 2), (4, 3), (6, 4)]:
        mats = [rng.normal(size=(n, n)) + 3 * np.eye(n) for _ in range(k)]
        inverses = [np.linalg.inv(M) for M in mats]
        product = mats[0]
        for M in mats[1:]:
            product = product @ M
        result = forbid_calls(FORBIDDEN, inverse_of_product, inverses)
        result = assert_shape(
            result, (n, n), what=f"inverse_of_product: the inverse of a product of {k} matrices"
        )
        assert_close(
            result @ product,
            np.eye(n),
            rtol=1e-8,
            atol=1e-8,
            what=f"inverse_of_product: your inverse times A1 @ ... @ A{k} for {k} matrices of "
            f"size {n}x{n} "
            "(should be the identity)",
            hint="multiply the given inverses in the reverse order: Ak^{-1} ... A2^{-1} A1^{-1}.",
        )


@test_case(points=1, hidden=True)
def test_inverse_of_transpose_random(inverse_of_transpose):
    rng = np.random.default_rng(322)
    for n in [1, 2, 5]:
        A = rng.normal(size=(n, n)) + 3 * np.eye(n)
        result = forbid_calls(FORBIDDEN, inverse_of_transpose, np.linalg.inv(A))
        result = assert_shape(result, (n, n), what=f"inverse_of_transpose of a {n}x{n} inverse")
        assert_close(
            result @ A.T,
            np.eye(n),
            rtol=1e-8,
            atol=1e-8,
            what="inverse_of_transpose: your (A^T)^{-1} times A^T (should be the identity)",
            hint="transposing A A^{-1} = I gives (A^{-1})^T A^T = I.",
        )
