OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - cond(A) = sigma_max / sigma_min for a tall (n >= p) or square A: test_by_hand
#   (public), test_random_tall; variants "returns cond(A^T A) = cond(A)^2",
#   "ratio of the largest to the smallest |eigenvalue| of A^T A, no square root"
# - computed from the singular values of A itself, accurate to 1e-6 relative even when
#   cond(A) = 1e10: test_ill_conditioned; variant "square roots of the eigenvalues of A^T A"
# - np.linalg.cond is not used: test_no_shortcut; variant "calls np.linalg.cond"

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls, to_number

name = "q5"
points = 3


def _with_singular_values(gen, n, s):
    p = len(s)
    U, _ = np.linalg.qr(gen.normal(size=(n, p)))
    V, _ = np.linalg.qr(gen.normal(size=(p, p)))
    return U @ np.diag(s) @ V.T


@test_case(points=1, hidden=False)
def test_by_hand(condition_number):
    A = np.array([[10.0, 0.0], [0.0, 2.0], [0.0, 0.0]])
    got = to_number(
        call(condition_number, A.copy()), what="condition_number([[10, 0], [0, 2], [0, 0]])"
    )
    hint = "the singular values of this A are 10 and 2."
    if np.isclose(got, 25.0):
        hint = "25 = 5^2 is cond(A^T A); cond(A) is sigma_max / sigma_min = 10 / 2."
    assert_close(
        got,
        5.0,
        rtol=1e-12,
        what="condition_number([[10, 0], [0, 2], [0, 0]])",
        hint=hint,
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_tall(condition_number):
    gen = np.random.default_rng(951)
    for n, p in [(10, 3), (50, 6), (4, 4)]:
        A = gen.normal(size=(n, p)) * gen.uniform(0.1, 10, size=p)
        expected = np.linalg.cond(A)
        got = to_number(call(condition_number, A.copy(), what=f"a random {n}x{p} A"))
        hint = "cond(A) = sigma_max / sigma_min, the singular values of A."
        if np.isclose(got, expected**2, rtol=1e-6):
            hint = "that is cond(A^T A) = cond(A)^2: take the singular values of A itself."
        assert_close(
            got, expected, rtol=1e-8, what=f"condition_number of a random {n}x{p} A", hint=hint
        )


@test_case(points=0.5, hidden=True)
def test_ill_conditioned(condition_number):
    gen = np.random.default_rng(952)
    for c in [1e8, 1e10]:
        s = np.geomspace(1.0, 1.0 / c, 4)
        A = _with_singular_values(gen, 30, s)
        expected = np.linalg.cond(A)
        with np.errstate(invalid="ignore", divide="ignore"):
            got = to_number(call(condition_number, A.copy(), what=f"a 30x4 A with cond {c:.0e}"))
        assert_close(
            got,
            expected,
            rtol=1e-6,
            what=f"condition_number of a 30x4 A with condition number {c:.0e}",
            hint="forming A^T A squares the condition number (here beyond 1 / machine "
            "epsilon), so its small eigenvalues are lost to round-off; use np.linalg.svd(A).",
        )


@test_case(points=0.5, hidden=True)
def test_no_shortcut(condition_number):
    gen = np.random.default_rng(953)
    forbid_calls(["numpy.linalg.cond"], condition_number, gen.normal(size=(8, 3)))
