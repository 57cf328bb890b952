# q3: rayleigh_quotient. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - x^T A x / x^T x for non-unit x, any real A; integers whose x^T A x overflows int64:
#   test_random_matrices; variants "forgets to divide by x.x", "divides by ||x||",
#   "computes in the inputs' integer dtype".
# - independent of the length and sign of x: test_scale_invariance.
# - an eigenvector gives its eigenvalue: test_eigenvector_gives_eigenvalue.
# - returns a float: to_number in every case.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q3"
points = 4


@test_case(points=1, hidden=False)
def test_small_example(rayleigh_quotient):
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    found = to_number(call(rayleigh_quotient, A, np.array([1.0, 1.0])), "rayleigh_quotient")
    assert_close(
        found,
        3.0,
        what="rayleigh_quotient([[2, 1], [1, 2]], [1, 1])",
        hint="x.A x = 6 and x.x = 2.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_matrices(rayleigh_quotient):
    rng = np.random.default_rng(301)
    for n in [1, 3, 8]:
        A = rng.normal(size=(n, n))
        x = rng.normal(size=n) * 3
        found = to_number(call(rayleigh_quotient, A.copy(), x.copy()), "the Rayleigh quotient")
        assert_close(
            found,
            x @ A @ x / (x @ x),
            rtol=1e-9,
            atol=1e-12,
            what=f"rayleigh_quotient: the Rayleigh quotient of a random {n}x{n} matrix and a "
            "non-unit vector",
            hint="divide x.A x by x.x (the squared length), not by ||x||.",
        )
    # integers: x.A x is about 1e20 here, beyond the int64 maximum 9.2e18
    A = rng.integers(1_000_000, 3_000_000, size=(4, 4))
    x = rng.integers(1_000_000, 2_000_000, size=4)
    expected = x.astype(float) @ A.astype(float) @ x.astype(float) / (x.astype(float) @ x)
    found = to_number(
        call(rayleigh_quotient, A.copy(), x.copy(), what="integer A and x with entries near 2e6"),
        "the Rayleigh quotient",
    )
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what="rayleigh_quotient: the Rayleigh quotient of an integer matrix and vector with "
        "entries near 2e6",
        hint="x.A x of these integers is about 1e20, beyond the int64 maximum 9.2e18, and numpy "
        "wraps around silently: convert A and x to float first.",
    )


@test_case(points=1, hidden=True)
def test_scale_invariance(rayleigh_quotient):
    rng = np.random.default_rng(302)
    A = rng.normal(size=(5, 5))
    x = rng.normal(size=5)
    expected = x @ A @ x / (x @ x)
    for scale in [1e4, -2.5, 1e-4]:
        found = to_number(call(rayleigh_quotient, A.copy(), scale * x), "the Rayleigh quotient")
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-12,
            what=f"rayleigh_quotient: the Rayleigh quotient of a vector scaled by {scale:g}",
            hint="R(c x) = R(x) for every c != 0: the quotient must not depend on the length of x.",
        )


@test_case(points=1, hidden=True)
def test_eigenvector_gives_eigenvalue(rayleigh_quotient):
    rng = np.random.default_rng(303)
    B = rng.normal(size=(6, 6))
    lam, Q = np.linalg.eigh(B + B.T)
    for i in [0, 3, 5]:
        found = to_number(call(rayleigh_quotient, B + B.T, 7 * Q[:, i]), "the Rayleigh quotient")
        assert_close(
            found,
            lam[i],
            rtol=1e-9,
            atol=1e-12,
            what="rayleigh_quotient: the Rayleigh quotient of an eigenvector",
            hint="for A v = lam v, v.A v / v.v = lam.",
        )
