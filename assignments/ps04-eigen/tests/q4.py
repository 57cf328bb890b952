# q4: power_iteration. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - the dominant eigenpair (lam, v), v of unit length, up to sign: test_random_symmetric,
#   test_non_symmetric; variant "never normalizes inside the loop" (test_large_and_small_scales).
# - lam is the Rayleigh quotient of the final v, keeping the sign of a negative dominant
#   eigenvalue: test_negative_dominant, test_max_iter_and_tol; variant "returns ||A v||".
# - a random start (a nice start can be an eigenvector of a smaller eigenvalue):
#   test_special_start_vectors; variant "starts from all ones".
# - max_iter and tol are honoured: test_max_iter_and_tol (ratio 0.999, so stopping early is
#   visible); variants "ignores max_iter", "ignores tol", "a fixed 30 iterations".
# - eig, eigh, eigvals, svd forbidden: forbid_calls in every case; variant "uses np.linalg.eig".

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import (
    assert_close,
    assert_close_up_to_sign,
    describe,
    forbid_calls,
    to_array,
    to_number,
)

name = "q4"
points = 8

FORBIDDEN = [
    "numpy.linalg.eig",
    "numpy.linalg.eigh",
    "numpy.linalg.eigvals",
    "numpy.linalg.eigvalsh",
    "numpy.linalg.svd",
    "scipy.linalg.eig",
    "scipy.linalg.eigh",
    "scipy.linalg.eigvals",
    "scipy.linalg.eigvalsh",
    "scipy.linalg.svd",
    "scipy.sparse.linalg.eigs",
    "scipy.sparse.linalg.eigsh",
]


def run(power_iteration, A, what="a matrix", **kwargs):
    """Call power_iteration (no eig allowed) and unpack (lam, v), checking v has unit length."""
    result = forbid_calls(FORBIDDEN, power_iteration, A.copy(), what=what, **kwargs)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"power_iteration should return a pair (lam, v), found {describe(result)}."
        )
    lam = to_number(result[0], "the eigenvalue lam returned by power_iteration")
    v = to_array(result[1], "the eigenvector v returned by power_iteration")
    if v.shape != (A.shape[0],):
        raise AssertionError(f"the eigenvector should have shape ({A.shape[0]},), found {v.shape}.")
    assert_close(
        np.linalg.norm(v),
        1.0,
        rtol=1e-6,
        what="power_iteration: the length ||v|| of the returned eigenvector",
        hint="normalize v to unit length (v / np.linalg.norm(v)) at every iteration; "
        "without it the iterates overflow or underflow.",
    )
    return lam, v


def symmetric_with(lams, rng):
    n = len(lams)
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return Q @ np.diag(lams) @ Q.T, Q[:, 0]


@test_case(points=2, hidden=False)
def test_diagonal_example(power_iteration):
    A = np.diag([5.0, 2.0, -1.0])
    lam, v = run(power_iteration, A)
    assert_close(
        lam,
        5.0,
        rtol=1e-6,
        what="power_iteration: the dominant eigenvalue of diag(5, 2, -1)",
        hint="return the Rayleigh quotient v.A v of the final unit vector.",
        reveal=True,
    )
    assert_close_up_to_sign(
        v,
        [1.0, 0.0, 0.0],
        atol=1e-6,
        what="power_iteration: the dominant eigenvector of diag(5, 2, -1)",
        hint="repeat v <- A v / ||A v|| until v stops changing.",
    )


@test_case(points=1, hidden=True)
def test_random_symmetric(power_iteration):
    rng = np.random.default_rng(401)
    for n in [2, 3, 6, 10]:
        lams = np.concatenate([[10.0], rng.uniform(-8, 8, size=n - 1)])
        A, v1 = symmetric_with(lams, rng)
        lam, v = run(power_iteration, A, what=f"a random symmetric {n}x{n} matrix")
        assert_close(
            lam,
            10.0,
            rtol=1e-7,
            what=f"power_iteration: the dominant eigenvalue of a random symmetric {n}x{n} matrix",
            hint="iterate until v stops changing (tol), then return the Rayleigh quotient.",
        )
        assert_close_up_to_sign(
            v,
            v1,
            atol=1e-6,
            what=f"power_iteration: the dominant eigenvector of a random symmetric {n}x{n} matrix",
            hint="iterate until min(||v_new - v||, ||v_new + v||) < tol, up to max_iter steps.",
        )


@test_case(points=1, hidden=True)
def test_negative_dominant(power_iteration):
    rng = np.random.default_rng(402)
    for n in [3, 5]:
        lams = np.concatenate([[-9.0], rng.uniform(-6, 6, size=n - 1)])
        A, v1 = symmetric_with(lams, rng)
        lam, v = run(power_iteration, A)
        assert_close(
            lam,
            -9.0,
            rtol=1e-7,
            what="power_iteration: the dominant eigenvalue of a matrix whose largest-magnitude "
            "eigenvalue "
            "is negative",
            hint="||A v|| is |lam| and loses the sign: the Rayleigh quotient v.A v keeps it.",
        )
        assert_close_up_to_sign(
            v,
            v1,
            atol=1e-6,
            what="power_iteration: the dominant eigenvector when the dominant eigenvalue is "
            "negative",
            hint="v flips sign at every step: measure convergence up to sign.",
        )


@test_case(points=1, hidden=True)
def test_non_symmetric(power_iteration):
    rng = np.random.default_rng(403)
    for n in [3, 6, 9]:
        A = rng.uniform(0, 1, size=(n, n))
        values, vectors = np.linalg.eig(A)
        top = np.argmax(np.abs(values))
        v1 = vectors[:, top].real
        lam, v = run(power_iteration, A)
        assert_close(
            lam,
            values[top].real,
            rtol=1e-7,
            what=f"power_iteration: the dominant eigenvalue of a non-symmetric positive {n}x{n} "
            "matrix",
            hint="use the Rayleigh quotient of the unit vector v (v.A v).",
        )
        assert_close_up_to_sign(
            v,
            v1 / np.linalg.norm(v1),
            atol=1e-6,
            what=f"power_iteration: the dominant eigenvector of a non-symmetric positive {n}x{n} "
            "matrix",
        )


@test_case(points=1, hidden=True)
def test_large_and_small_scales(power_iteration):
    rng = np.random.default_rng(404)
    lams = np.array([1.0, 0.95, -0.9, 0.5, 0.1])
    for scale in [1e3, 1e-3]:
        A, v1 = symmetric_with(scale * lams, rng)
        lam, v = run(power_iteration, A)
        assert_close(
            lam,
            scale,
            rtol=1e-6,
            what="power_iteration: the dominant eigenvalue of a matrix whose eigenvalues are of "
            f"size {scale:g}",
            hint="normalize at every step, otherwise A^k x overflows or underflows.",
        )
        assert_close_up_to_sign(
            v,
            v1,
            atol=1e-5,
            what="power_iteration: the dominant eigenvector of a matrix with eigenvalues of size "
            f"{scale:g}",
            hint="normalize at every step, otherwise A^k x overflows or underflows.",
        )


@test_case(points=1, hidden=True)
def test_special_start_vectors(power_iteration):
    cases = [
        (np.array([[1.0, -2.0], [-2.0, 1.0]]), 3.0, np.array([1.0, -1.0]) / np.sqrt(2)),
        (np.diag([1.0, 4.0, -2.0]), 4.0, np.array([0.0, 1.0, 0.0])),
    ]
    for A, expected, v1 in cases:
        lam, v = run(power_iteration, A)
        assert_close(
            lam,
            expected,
            rtol=1e-7,
            what="power_iteration: the dominant eigenvalue of a small matrix with simple "
            "eigenvectors",
            hint="did you start from a special vector (all ones, e1) that is itself an "
            "eigenvector of a smaller eigenvalue? Start from a random vector.",
        )
        assert_close_up_to_sign(v, v1, atol=1e-6, what="power_iteration: the dominant eigenvector")


@test_case(points=1, hidden=True)
def test_max_iter_and_tol(power_iteration):
    # |lam2 / lam1| = 0.999: about 16000 steps to converge, so stopping early is visible
    rng = np.random.default_rng(405)
    lams = np.array([1.0, 0.999, 0.5, 0.3, -0.4, 0.2, 0.1, -0.05])
    A, v1 = symmetric_with(lams, rng)
    for kwargs, label, limit in [
        ({"max_iter": 2}, "max_iter=2", "after max_iter steps"),
        ({"tol": 1e-3, "max_iter": 100_000}, "tol=1e-3", "as soon as the change is below tol"),
    ]:
        what = f"a slowly converging 8x8 matrix (ratio 0.999) with {label}"
        lam, v = run(power_iteration, A, what=what, **kwargs)
        distance = min(np.linalg.norm(v - v1), np.linalg.norm(v + v1))
        if distance < 1e-5:
            raise AssertionError(
                f"power_iteration on {what} returned a fully converged eigenvector (distance "
                f"{distance:.1g} from the true one): it must stop {limit}. Use the "
                f"{label.split('=')[0]} argument you are given."
            )
        assert_close(
            lam,
            float(v @ A @ v),
            rtol=1e-9,
            atol=1e-12,
            what=f"power_iteration: lam for {what}, against the Rayleigh quotient v.A v of the v "
            "returned",
            hint="return the Rayleigh quotient of the final v, computed after the last update.",
        )
