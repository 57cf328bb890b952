OK_FORMAT = False

# Clauses of Question 9, each with its case and the wrong variant that breaks it alone:
# - rbf_kernel[i, j] = exp(-gamma ||A[i] - B[j]||^2) with the SQUARED distance, shape
#     (len(A), len(B)): test_rbf_random; variants "unsquared distance" and
#     "exp(-||.||^2 / gamma)".
# - accurate (rtol 1e-9) for points far from the origin: test_rbf_far_from_origin;
#     variant "||a||^2 + ||b||^2 - 2 a.b" (cancellation).
# - polynomial_kernel = (A B^T + c)^degree with the c given (default 1):
#     test_polynomial; variants "ignores c" and "adds c after the power".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q9"
points = 4


def _rbf(A, B, gamma):
    from scipy.spatial.distance import cdist

    return np.exp(-gamma * cdist(A, B, "sqeuclidean"))


@test_case(points=1, hidden=False)
def test_by_hand(rbf_kernel, polynomial_kernel):
    A, B = np.array([[0.0, 0.0]]), np.array([[1.0, 1.0], [0.0, 0.0]])
    assert_close(
        call(rbf_kernel, A.copy(), B.copy(), 0.5),
        [[np.exp(-1.0), 1.0]],
        rtol=1e-12,
        what="rbf_kernel([[0, 0]], [[1, 1], [0, 0]], 0.5)",
        reveal=True,
        hint="||(0,0) - (1,1)||^2 = 2, so exp(-0.5 * 2) = exp(-1).",
    )
    assert_close(
        call(polynomial_kernel, np.array([[1.0, 2.0]]), np.array([[3.0, 1.0]]), 2),
        [[36.0]],
        rtol=1e-12,
        what="polynomial_kernel([[1, 2]], [[3, 1]], 2)",
        reveal=True,
        hint="(1*3 + 2*1 + 1)^2 = 36.",
    )


@test_case(points=1, hidden=True)
def test_rbf_random(rbf_kernel):
    gen = np.random.default_rng(901)
    for na, nb, d, gamma in [(1, 1, 1, 1.0), (5, 3, 2, 0.3), (4, 7, 3, 2.5)]:
        A, B = gen.normal(size=(na, d)), gen.normal(size=(nb, d))
        K = assert_shape(
            call(rbf_kernel, A.copy(), B.copy(), gamma, what=f"({na}, {d}) and ({nb}, {d})"),
            (na, nb),
            what="rbf_kernel(A, B, gamma)",
            hint="one row per row of A, one column per row of B.",
        )
        expected = _rbf(A, B, gamma)
        hint = "K[i, j] = exp(-gamma * ||A[i] - B[j]||^2), the squared distance times gamma."
        from scipy.spatial.distance import cdist

        if np.allclose(K, np.exp(-gamma * cdist(A, B)), rtol=1e-6):
            hint = "you used the distance; the RBF kernel uses the SQUARED distance."
        assert_close(
            K, expected, rtol=1e-9, atol=1e-300, what=f"rbf_kernel with gamma={gamma}", hint=hint
        )


@test_case(points=1, hidden=True)
def test_rbf_far_from_origin(rbf_kernel):
    gen = np.random.default_rng(902)
    center = np.array([3e5, -2e5, 1e5])
    A = center + gen.normal(size=(4, 3))
    B = center + gen.normal(size=(5, 3))
    K = call(rbf_kernel, A.copy(), B.copy(), 0.5, what="points near (3e5, -2e5, 1e5)")
    assert_close(
        K,
        _rbf(A, B, 0.5),
        rtol=1e-9,
        atol=1e-300,
        what="rbf_kernel for nearby points far from the origin",
        hint="||a||^2 + ||b||^2 - 2 a.b subtracts numbers near 1e11 to get about 1: the "
        "difference is lost to rounding. Compute the differences A[:, None, :] - B[None, :, :] "
        "first (broadcasting), then square and sum.",
    )


@test_case(points=1, hidden=True)
def test_polynomial(polynomial_kernel):
    gen = np.random.default_rng(903)
    A, B = gen.normal(size=(4, 3)), gen.normal(size=(6, 3))
    for args, c in [((3,), 1.0), ((2, 0.0), 0.0), ((3, 2.5), 2.5)]:
        K = assert_shape(
            call(polynomial_kernel, A.copy(), B.copy(), *args, what=f"degree {args[0]}, c={c}"),
            (4, 6),
            what="polynomial_kernel(A, B, ...)",
        )
        assert_close(
            K,
            (A @ B.T + c) ** args[0],
            rtol=1e-9,
            atol=1e-12,
            what=f"polynomial_kernel with degree {args[0]} and c={c}",
            hint="K = (A @ B.T + c) ** degree: dot products of rows, plus the c given "
            "(1 when not given), then the power.",
        )
