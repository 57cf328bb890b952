OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - returns 2 / lambda_max(A) as a float: test_random_spd; variants "1 / lambda_max",
#   "2 / lambda_min", "largest diagonal entry", "Frobenius norm instead of lambda_max".
# - for SPD matrices of any overall scale (1e-6 to 1e6): test_random_spd.
# - the value is the supremum of the converging learning rates (just below converges, just
#   above diverges): test_edge_of_stability.
# - expected values come from copies taken before the call: variant "zeroes A's
#   off-diagonal entries in place".

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q10"
points = 3


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _spd(rng, n):
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return Q @ np.diag(rng.uniform(0.2, 10.0, size=n)) @ Q.T


@test_case(points=1, hidden=False)
def test_diagonal(max_stable_lr):
    got = to_number(call(max_stable_lr, np.diag([1.0, 4.0])), what="max_stable_lr(diag(1, 4))")
    assert_close(
        got,
        0.5,
        rtol=1e-6,
        reveal=True,
        what="max_stable_lr(diag(1, 4))",
        hint="the update multiplies the error along eigenvector i by (1 - lr * "
        "lambda_i); |1 - lr * lambda| < 1 for every eigenvalue means lr < 2 / lambda_max.",
    )


@test_case(points=1, hidden=True)
def test_random_spd(max_stable_lr):
    rng = np.random.default_rng(5101)
    for n, scale in [(2, 1.0), (5, 1e-6), (8, 1e6), (3, 1.0)]:
        A = _spd(rng, n) * scale
        eigenvalues = np.linalg.eigvalsh(A)
        expected = 2 / eigenvalues.max()  # before the call
        what = f"a random {n}x{n} SPD matrix of scale {scale:g}"
        got = to_number(call(max_stable_lr, A.copy(), what=what), what=f"max_stable_lr of {what}")
        hint = matching_hint(
            got,
            [
                (
                    1 / eigenvalues.max(),
                    "your value is half the limit: the error factor "
                    "1 - lr * lambda reaches -1 at lr = 2 / lambda, not 1 / lambda.",
                ),
                (
                    2 / eigenvalues.min(),
                    "you used the smallest eigenvalue; the steepest "
                    "direction (lambda_max) sets the limit.",
                ),
                (
                    2 / np.max(np.diag(A)),
                    "you used the largest diagonal entry; the limit "
                    "depends on the largest eigenvalue of A.",
                ),
                (
                    2 / np.linalg.norm(A),
                    "np.linalg.norm(A) is the Frobenius norm, larger than "
                    "lambda_max; use the largest eigenvalue (np.linalg.eigvalsh).",
                ),
            ],
            "the limit is 2 / lambda_max(A), with lambda_max the largest eigenvalue of A.",
        )
        assert_close(
            got, expected, rtol=1e-6, what=f"the largest stable learning rate for {what}", hint=hint
        )


@test_case(points=1, hidden=True)
def test_edge_of_stability(max_stable_lr):
    rng = np.random.default_rng(5102)
    A = _spd(rng, 4)
    lr = to_number(
        call(max_stable_lr, A.copy(), what="a random 4x4 SPD matrix"),
        what="max_stable_lr of a 4x4 matrix",
    )
    x0 = rng.normal(size=4)
    for factor, should_converge in [(0.97, True), (1.03, False)]:
        x = x0.copy()
        for _ in range(1500):
            x = x - factor * lr * (A @ x)
            if not np.linalg.norm(x) < 1e100:  # diverged (stops before overflow)
                break
        converged = bool(np.linalg.norm(x) < 1e-6)
        if converged != should_converge:
            _fail(
                f"max_stable_lr: gradient descent on 0.5 x^T A x with lr = {factor} * your "
                f"answer {'did not converge' if should_converge else 'converged'}; just below "
                "the answer it must converge and just above it must diverge."
            )
