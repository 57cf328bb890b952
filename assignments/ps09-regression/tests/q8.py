OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - starts from beta = 0 and applies beta <- beta - lr * (2/n) A^T (A beta - y) exactly
#   n_iter times, for the lr and n_iter given: test_one_step_by_hand (public),
#   test_iterates; variants "gradient without the 2/n factor", "gradient with 1/n
#   (missing the 2)", "gradient with the wrong sign", "starts from ones", "ignores lr"
# - returns (beta, losses) with losses[k] the MSE of the k-th iterate, k = 0..n_iter
#   (length n_iter + 1, losses[0] for beta = 0): test_one_step_by_hand, test_iterates;
#   variants "one step too many", "losses recorded after each step only (length n_iter)"
# - n_iter = 0 returns the zero vector: test_iterates
# - converges to the least-squares solution on a well-conditioned problem:
#   test_converges
# - with tol, stops at the first iterate k whose gradient norm is <= tol (tested before
#   each step), returning beta_k and losses[0..k]; a tol already met at beta = 0 returns
#   the zero vector and one loss: test_tol_stops_early; variants "ignores tol", "tests the
#   gradient after the step", "stops on the change of the loss"

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q8"
points = 6


def _run(gradient_descent, A, y, lr, n_iter, what, **tol):
    result = call(gradient_descent, A.copy(), y.copy(), lr, n_iter, what=what, **tol)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError("gradient_descent should return a tuple (beta, losses).")
    return result


def _iterate(A, y, lr, k):
    """The k-th iterate in closed form: beta_k = (I - M^k) beta_ls with M = I - lr (2/n) A^T A.

    Independent of any loop: beta_ls - beta_{k+1} = M (beta_ls - beta_k) and beta_0 = 0.
    """
    n, p = A.shape
    beta_ls = np.linalg.lstsq(A, y, rcond=None)[0]
    M = np.eye(p) - lr * (2.0 / n) * A.T @ A
    return (np.eye(p) - np.linalg.matrix_power(M, k)) @ beta_ls


def _hint(beta, A, y, lr, k):
    with np.errstate(all="ignore"):  # the diverging alternatives overflow; that is expected
        return _diagnose(beta, A, y, lr, k)


def _diagnose(beta, A, y, lr, k):
    if not np.all(np.isfinite(beta)):
        return (
            "your iterates overflow to inf or NaN: check the sign of the step (beta - lr * grad) "
            "and the 2/n factor of the gradient, without which the step is n/2 times too long."
        )
    if k >= 1 and np.allclose(beta, _iterate(A, y, -lr, k), rtol=1e-6, atol=1e-9):
        return "you step along the gradient instead of against it: beta - lr * grad."
    if k >= 1 and np.allclose(beta, _iterate(A, y, lr / 2, k), rtol=1e-6, atol=1e-9):
        return (
            "your steps are half as long: the gradient of the MEAN squared error is (2/n) "
            "A^T (A beta - y)."
        )
    if k >= 1 and np.allclose(beta, _iterate(A, y, lr * A.shape[0] / 2, k), rtol=1e-6, atol=1e-9):
        return "your gradient is missing the factor 2/n: lr is stated for the mean squared error."
    if k >= 1 and np.allclose(beta, _iterate(A, y, lr, k + 1), rtol=1e-6, atol=1e-9):
        return "you take one step too many: n_iter steps from beta = 0."
    if k >= 2 and np.linalg.norm(beta) > 10 * np.linalg.norm(_iterate(A, y, lr, k)) + 1:
        return "the iterates grow: step AGAINST the gradient, beta - lr * grad."
    return "start at beta = 0 and repeat beta <- beta - lr * (2/n) A^T (A beta - y) n_iter times."


@test_case(points=1, hidden=False)
def test_one_step_by_hand(gradient_descent):
    A = np.array([[1.0, 0.0], [1.0, 2.0]])
    y = np.array([2.0, 4.0])
    beta, losses = _run(gradient_descent, A, y, 0.25, 1, "A = [[1, 0], [1, 2]], y = [2, 4]")
    assert_close(
        beta,
        [1.5, 2.0],
        what="gradient_descent(A, y, lr=0.25, n_iter=1)",
        hint="the gradient at beta = 0 is (2/n) A^T (0 - y) = -[6, 8]; one step moves to 0.25 * "
        "[6, 8].",
        reveal=True,
    )
    assert_close(
        losses,
        [10.0, 1.25],
        what="losses of gradient_descent(A, y, lr=0.25, n_iter=1)",
        hint="losses[0] is the MSE at beta = 0, losses[1] the MSE after the step: n_iter + 1 "
        "values.",
        reveal=True,
    )


@test_case(points=2.5, hidden=True)
def test_iterates(gradient_descent):
    gen = np.random.default_rng(981)
    for n, d, lr, n_iter in [(20, 2, 0.05, 7), (50, 4, 0.2, 25), (10, 1, 0.01, 3), (30, 3, 0.1, 0)]:
        X = gen.normal(size=(n, d))
        A = np.column_stack([np.ones(n), X])
        y = A @ gen.normal(size=d + 1) + 0.5 * gen.normal(size=n)
        iterates = [_iterate(A, y, lr, k) for k in range(n_iter + 1)]
        expected_losses = [np.mean((A @ b - y) ** 2) for b in iterates]
        what = f"lr={lr}, n_iter={n_iter} on a {n}x{d + 1} design"
        beta, losses = _run(gradient_descent, A, y, lr, n_iter, what)
        beta = assert_shape(beta, (d + 1,), what=f"beta for {what}")
        assert_close(
            beta,
            iterates[-1],
            rtol=1e-7,
            atol=1e-10,
            what=f"beta after gradient_descent with {what}",
            hint=_hint(beta, A, y, lr, n_iter),
        )
        losses = assert_shape(
            losses,
            (n_iter + 1,),
            what=f"losses for {what}",
            hint="one loss per iterate beta_0 = 0, beta_1, ..., beta_{n_iter}: n_iter + 1 values.",
        )
        assert_close(
            losses,
            expected_losses,
            rtol=1e-7,
            atol=1e-10,
            what=f"losses for {what}",
            hint="losses[k] = mean((A beta_k - y)^2), the MSE of the k-th iterate, starting "
            "with beta_0 = 0.",
        )


@test_case(points=1.5, hidden=True)
def test_converges(gradient_descent):
    gen = np.random.default_rng(982)
    n, d = 80, 3
    X = gen.normal(size=(n, d))
    X = (X - X.mean(axis=0)) / X.std(axis=0)  # standardized: a well-conditioned problem
    A = np.column_stack([np.ones(n), X])
    y = A @ np.array([2.0, 1.0, -0.5, 0.25]) + 0.3 * gen.normal(size=n)
    expected = np.linalg.lstsq(A, y, rcond=None)[0]
    beta, losses = _run(gradient_descent, A, y, 0.2, 300, "lr=0.2, n_iter=300")
    assert_close(
        beta,
        expected,
        rtol=1e-6,
        atol=1e-8,
        what="beta after 300 steps with lr=0.2 on standardized features",
        hint="on standardized features gradient descent must reach the least-squares "
        "solution (Question 2); " + _hint(np.asarray(beta, dtype=float), A, y, 0.2, 300),
    )
    losses = np.asarray(losses, dtype=float)
    if np.any(np.diff(losses) > 1e-12):
        raise AssertionError(
            "with a small enough lr the MSE must never increase from one iterate to the next, "
            "but your losses do."
        )


@test_case(points=1, hidden=True)
def test_tol_stops_early(gradient_descent):
    gen = np.random.default_rng(983)
    n, d, lr, n_iter = 40, 2, 0.1, 500
    X = gen.normal(size=(n, d))
    A = np.column_stack([np.ones(n), (X - X.mean(axis=0)) / X.std(axis=0)])
    y = A @ np.array([1.0, -2.0, 0.5]) + 0.2 * gen.normal(size=n)

    def grad_norm(b):
        return np.linalg.norm((2.0 / n) * A.T @ (A @ b - y))

    cases = [(1e-2, None), (1e-5, None), (2 * grad_norm(np.zeros(3)), 0)]
    for tol, known in cases:
        # the oracle: the first iterate (from the closed form) whose gradient norm is <= tol
        k_stop = known
        if k_stop is None:
            k_stop = next(
                (k for k in range(n_iter) if grad_norm(_iterate(A, y, lr, k)) <= tol), n_iter
            )
        what = f"lr={lr}, n_iter={n_iter}, tol={tol:.3g}"
        beta, losses = _run(gradient_descent, A, y, lr, n_iter, what, tol=tol)
        found = np.asarray(losses, dtype=float).size
        if found != k_stop + 1:
            hint = (
                "stop at the first iterate beta_k whose gradient norm (2/n)||A^T (A beta_k - y)|| "
                "is <= tol, testing it before each step, and return beta_k with losses[0..k]."
            )
            if found == n_iter + 1:
                hint = "your run ignores tol: " + hint
            elif found == k_stop + 2:
                hint = "you stop one step late (test the gradient before the step): " + hint
            raise AssertionError(
                f"gradient_descent with {what} returned {found} losses, which is not the "
                f"number of iterates up to the first one that meets tol. {hint}"
            )
        assert_close(
            beta,
            _iterate(A, y, lr, k_stop),
            rtol=1e-7,
            atol=1e-10,
            what=f"beta for {what}",
            hint="return the iterate at which the run stopped.",
        )
