OK_FORMAT = False

import numpy as np
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
    for n in [2, 5, 8]:
        A = _spd(rng, n)
        got = to_number(call(max_stable_lr, A.copy()), what=f"max_stable_lr of a {n}x{n} matrix")
        assert_close(
            got,
            2 / np.linalg.eigvalsh(A).max(),
            rtol=1e-6,
            what=f"the largest stable learning rate for a random {n}x{n} SPD matrix",
            hint="the limit is set by the largest eigenvalue of A (not its diagonal, "
            "not the smallest eigenvalue), and it is 2 / lambda_max, not 1 / lambda_max.",
        )


@test_case(points=1, hidden=True)
def test_edge_of_stability(max_stable_lr):
    rng = np.random.default_rng(5102)
    A = _spd(rng, 4)
    lr = to_number(call(max_stable_lr, A.copy()), what="max_stable_lr of a 4x4 matrix")
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
                f"gradient descent on 0.5 x^T A x with lr = {factor} * your answer "
                f"{'did not converge' if should_converge else 'converged'}; just below the "
                "answer it must converge and just above it must diverge."
            )
