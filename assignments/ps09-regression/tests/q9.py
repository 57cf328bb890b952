OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - minimizes ||y - A beta||^2 + lam * sum_{j >= 1} beta_j^2 (sum of squares, not the
#   mean; lam as given): test_by_hand (public), test_random_oracle; variants "lam
#   multiplied by n", "excludes the last coefficient from the penalty instead of the first"
# - the intercept beta_0 is not penalized: test_intercept_not_penalized; variant
#   "penalizes the intercept (lam * I)"
# - lam = 0 gives ordinary least squares; as lam grows the slopes go to 0 and the
#   intercept to mean(y): test_limits

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q9"
points = 5


def _oracle(A, y, lam):
    """Ridge as an ordinary least-squares problem on augmented data:
    ||y - A b||^2 + lam ||b[1:]||^2 = || [y; 0] - [A; sqrt(lam) E] b ||^2, E = [0 | I]."""
    n, p = A.shape
    E = np.eye(p)[1:]
    A_aug = np.vstack([A, np.sqrt(lam) * E])
    y_aug = np.concatenate([y, np.zeros(p - 1)])
    return np.linalg.lstsq(A_aug, y_aug, rcond=None)[0]


def _data(gen, n, d, level=0.0):
    A = np.column_stack([np.ones(n), gen.normal(size=(n, d))])
    y = level + A @ gen.normal(size=d + 1) + gen.normal(size=n)
    return A, y


def _hint(beta, A, y, lam):
    full = np.linalg.solve(A.T @ A + lam * np.eye(A.shape[1]), A.T @ y)
    if np.allclose(beta, full, rtol=1e-6):
        return (
            "you penalize the intercept too: leave beta_0 out of the penalty (a 0 in the "
            "top-left of the penalty matrix)."
        )
    if np.allclose(beta, _oracle(A, y, lam * A.shape[0]), rtol=1e-6):
        return (
            "your lam is multiplied by n: the loss here is the SUM of squared errors, not the mean."
        )
    return "solve (A^T A + lam D) beta = A^T y with D = diag(0, 1, ..., 1)."


@test_case(points=1, hidden=False)
def test_by_hand(fit_ridge):
    A = np.array([[1.0, -1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0.0, 1.0, 5.0])
    beta = call(fit_ridge, A.copy(), y.copy(), 2.0, what="the 3 points of the worked example")
    assert_close(
        assert_shape(beta, (2,), what="fit_ridge on a 3x2 A"),
        [2.0, 1.25],
        rtol=1e-10,
        what="fit_ridge(A, y, lam=2) for the worked example",
        hint="A^T A = [[3, 0], [0, 2]], A^T y = [6, 5]; add lam to the slope's diagonal entry "
        "only.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_oracle(fit_ridge):
    gen = np.random.default_rng(991)
    for n, d, lam in [(20, 3, 1.0), (60, 5, 25.0), (8, 6, 0.3)]:
        A, y = _data(gen, n, d)
        expected = _oracle(A, y, lam)
        beta = assert_shape(
            call(
                fit_ridge, A.copy(), y.copy(), lam, what=f"a random {n}x{d + 1} design, lam={lam}"
            ),
            (d + 1,),
            what=f"fit_ridge on a {n}x{d + 1} A",
        )
        assert_close(
            beta,
            expected,
            rtol=1e-8,
            atol=1e-10,
            what=f"fit_ridge on a random {n}x{d + 1} design with lam={lam}",
            hint=_hint(beta, A, y, lam),
        )


@test_case(points=1, hidden=True)
def test_intercept_not_penalized(fit_ridge):
    gen = np.random.default_rng(992)
    A, y = _data(gen, 30, 2, level=200.0)  # targets far from 0
    lam = 10.0
    expected = _oracle(A, y, lam)
    beta = np.asarray(
        call(fit_ridge, A.copy(), y.copy(), lam, what="targets near 200"), dtype=float
    )
    shifted = np.asarray(
        call(fit_ridge, A.copy(), y + 50.0, lam, what="the same targets plus 50"), dtype=float
    )
    hint = _hint(beta, A, y, lam)
    assert_close(beta, expected, rtol=1e-8, what="fit_ridge on targets near 200", hint=hint)
    assert_close(
        shifted - beta,
        [50.0, 0.0, 0.0],
        rtol=1e-8,
        atol=1e-8,
        what="the change in beta when 50 is added to every target",
        hint="with an unpenalized intercept, shifting y by 50 shifts beta_0 by exactly 50 and "
        "leaves the slopes alone. " + hint,
    )


@test_case(points=1, hidden=True)
def test_limits(fit_ridge):
    gen = np.random.default_rng(993)
    A, y = _data(gen, 25, 3, level=5.0)
    ols = np.linalg.lstsq(A, y, rcond=None)[0]
    beta = call(fit_ridge, A.copy(), y.copy(), 0.0, what="lam = 0")
    assert_close(
        beta,
        ols,
        rtol=1e-8,
        atol=1e-10,
        what="fit_ridge with lam = 0",
        hint="lam = 0 is ordinary least squares.",
    )
    beta = np.asarray(call(fit_ridge, A.copy(), y.copy(), 1e9, what="lam = 1e9"), dtype=float)
    expected = _oracle(A, y, 1e9)
    assert_close(
        beta,
        expected,
        rtol=1e-6,
        atol=1e-8,
        what="fit_ridge with lam = 1e9",
        hint="a huge lam drives the slopes to 0 but not the intercept, which tends to mean(y).",
    )
