"""Clauses of question 10, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- exp_residuals(theta, t, y) = theta0 exp(theta1 t) - y (model minus data), shape (n,):
  test_residuals_and_jacobian; variant "y - model".
- exp_jacobian(theta, t) is the (n, 2) Jacobian of those residuals: columns exp(theta1 t) and
  theta0 t exp(theta1 t), checked against central differences of the test's own residuals:
  test_residuals_and_jacobian; variants "second column without theta0", "shape (2, n)".
- gauss_newton: theta_{k+1} = theta_k - (J^T J)^{-1} J^T r at theta_k, graded step by step
  against the test's own recurrence on another model (logistic growth), with the test's
  residual and Jacobian: test_gauss_newton_steps; variants "plus sign", "theta - J^T r (a
  gradient step)", "J computed once at theta0".
- where it ends: on a noisy exponential decay, 12 steps reach scipy.optimize.least_squares'
  fit and J^T r = 0 there: test_fits_the_data.
- the path has shape (n_steps + 1, p), row 0 = theta0, theta0 is never modified:
  test_gauss_newton_steps.
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import assert_path, matching_hint, path_shape
from scipy.optimize import least_squares

from mlmath_checks import assert_close, assert_shape, call

name = "q10"
points = 6


def _fail(message):
    raise AssertionError(message)


def _gn(residual, jacobian, theta0, n_steps, mistake=None):
    theta = np.array(theta0, dtype=float)
    rows = [theta]
    with np.errstate(all="ignore"):  # the mistaken recurrences may blow up
        J0 = jacobian(theta)
        for _ in range(n_steps):
            r = residual(theta)
            J = J0 if mistake == "frozen J" else jacobian(theta)
            if not (np.all(np.isfinite(J)) and np.all(np.isfinite(r))):
                step = np.full(theta.size, np.nan)
            elif mistake == "gradient":
                step = J.T @ r
            else:
                try:
                    step = np.linalg.lstsq(J, r, rcond=None)[0]
                except np.linalg.LinAlgError:
                    step = np.full(theta.size, np.nan)
            theta = theta + step if mistake == "plus" else theta - step
            rows.append(theta)
    return np.array(rows)


def _numeric_jacobian(residual, theta, h=1e-6):
    """Central differences, one column per parameter."""
    e = np.eye(theta.size)
    return np.column_stack(
        [
            (residual(theta + h * e[j]) - residual(theta - h * e[j])) / (2 * h)
            for j in range(theta.size)
        ]
    )


@test_case(points=1, hidden=False)
def test_residuals_by_hand(exp_residuals, exp_jacobian):
    t = np.array([0.0, 1.0])
    assert_close(
        call(exp_residuals, np.array([2.0, 0.0]), t, np.array([1.0, 3.0])),
        [1.0, -1.0],
        rtol=1e-12,
        what="exp_residuals(theta=[2, 0], t=[0, 1], y=[1, 3])",
        hint="with theta1 = 0 the model is the constant theta0 = 2; residuals are model - y.",
        reveal=True,
    )
    assert_close(
        call(exp_jacobian, np.array([2.0, 0.0]), t),
        [[1.0, 0.0], [1.0, 2.0]],
        rtol=1e-12,
        what="exp_jacobian(theta=[2, 0], t=[0, 1])",
        hint="row i is [exp(theta1 t_i), theta0 t_i exp(theta1 t_i)]: shape (len(t), 2).",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_gauss_newton_by_hand(gauss_newton):
    def residual(theta):
        return np.array([theta[0] - 1.0, theta[0] + theta[1] - 3.0])

    def jacobian(theta):
        return np.array([[1.0, 0.0], [1.0, 1.0]])

    path = path_shape(
        call(gauss_newton, residual, jacobian, np.array([0.0, 0.0]), 1),
        2,
        2,
        "gauss_newton on a linear residual, 1 step",
    )
    assert_close(
        path,
        [[0.0, 0.0], [1.0, 2.0]],
        rtol=1e-12,
        atol=1e-12,
        what="gauss_newton(r(theta) = [theta0 - 1, theta0 + theta1 - 3], theta0=[0, 0], n_steps=1)",
        hint="for a linear residual one Gauss-Newton step solves the least-squares problem "
        "exactly: theta1 = theta0 - (J^T J)^{-1} J^T r = (1, 2).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_residuals_and_jacobian(exp_residuals, exp_jacobian):
    rng = np.random.default_rng(1001)
    for n in [5, 12]:
        t = np.sort(rng.uniform(0, 3, size=n))
        theta = np.array([rng.uniform(0.5, 4), rng.uniform(-2, 0.5)])
        y = rng.normal(size=n)
        expected = theta[0] * np.exp(theta[1] * t) - y
        found = call(exp_residuals, theta.copy(), t.copy(), y.copy(), what=f"{n} data points")
        hint = matching_hint(
            found,
            [
                (
                    -expected,
                    "the sign is reversed: residuals are model - data, theta0 exp(theta1 t) - y.",
                )
            ],
            "r_i = theta0 exp(theta1 t_i) - y_i.",
        )
        assert_close(
            found, expected, rtol=1e-10, atol=1e-12, what=f"exp_residuals on {n} points", hint=hint
        )
        numeric = _numeric_jacobian(lambda th, t=t, y=y: th[0] * np.exp(th[1] * t) - y, theta)
        found = call(exp_jacobian, theta.copy(), t.copy(), what=f"{n} data points")
        if np.shape(found) == (2, n):
            _fail(
                f"exp_jacobian on {n} points returned shape (2, {n}): the Jacobian has one ROW per "
                "residual and one column per parameter, shape (n, 2)."
            )
        J = assert_shape(found, (n, 2), what=f"exp_jacobian on {n} points")
        if np.allclose(J[:, 1], numeric[:, 1] / theta[0], rtol=1e-5):
            hint = "d/dtheta1 of theta0 exp(theta1 t) is theta0 t exp(theta1 t): keep the theta0."
        else:
            hint = "column j is the derivative of the residuals with respect to theta_j."
        assert_close(
            J, numeric, rtol=1e-6, atol=1e-8, what=f"exp_jacobian on {n} points", hint=hint
        )


def _logistic(t, y):
    def residual(theta):
        return theta[0] / (1 + np.exp(-theta[1] * (t - theta[2]))) - y

    def jacobian(theta):
        e = np.exp(-theta[1] * (t - theta[2]))
        s = 1 / (1 + e)
        return np.column_stack(
            [s, theta[0] * s * s * e * (t - theta[2]), -theta[0] * s * s * e * theta[1]]
        )

    return residual, jacobian


@test_case(points=1, hidden=True)
def test_gauss_newton_steps(gauss_newton):
    rng = np.random.default_rng(1002)
    t = np.linspace(0, 10, 25)
    y = 5 / (1 + np.exp(-1.2 * (t - 4))) + 0.1 * rng.normal(size=t.size)
    residual, jacobian = _logistic(t, y)
    theta0 = np.array([4.0, 1.0, 5.0])
    kept = theta0.copy()
    expected = _gn(residual, jacobian, theta0, 6)
    with np.errstate(all="ignore"):  # a wrong step may send the logistic model to overflow
        found = call(
            gauss_newton, residual, jacobian, theta0, 6, what="a logistic-growth fit, 6 steps"
        )
    if not np.array_equal(theta0, kept):
        _fail("gauss_newton changed the caller's theta0: work on a float copy.")

    def candidates():  # computed only when the path is wrong
        return [
            (
                np.vstack([kept, 2 * kept - expected[1], found_array[2:]]),
                "your first step goes the wrong way: theta - (J^T J)^{-1} J^T r, with a minus.",
            ),
            (
                _gn(residual, jacobian, kept, 6, "gradient"),
                "you take the gradient step theta - J^T r: "
                "Gauss-Newton solves (J^T J) d = J^T r for the step d.",
            ),
            (
                _gn(residual, jacobian, kept, 6, "frozen J"),
                "call jacobian(theta) at the current theta on every step, not once at theta0.",
            ),
        ]

    found_array = path_shape(found, 7, 3, "the path of a logistic-growth fit, 6 steps")
    with np.errstate(all="ignore"):
        assert_path(
            found,
            expected,
            "gauss_newton on a logistic-growth fit",
            lambda path: matching_hint(
                path,
                candidates(),
                "theta_{k+1} = theta_k - d with (J^T J) d = J^T r, J and r at theta_k.",
            ),
            rtol=1e-8,
            atol=1e-10,
        )


@test_case(points=1, hidden=True)
def test_fits_the_data(gauss_newton):
    rng = np.random.default_rng(1003)
    t = np.linspace(0, 4, 30)
    y = 3.0 * np.exp(-0.8 * t) + 0.05 * rng.normal(size=t.size)

    def residual(theta):
        return theta[0] * np.exp(theta[1] * t) - y

    def jacobian(theta):
        e = np.exp(theta[1] * t)
        return np.column_stack([e, theta[0] * t * e])

    best = least_squares(residual, [1.0, 0.0], jac=jacobian, xtol=1e-14, ftol=1e-14, gtol=1e-14).x
    path = path_shape(
        call(gauss_newton, residual, jacobian, [1, 0], 12, what="an exponential decay, 12 steps"),
        13,
        2,
        "gauss_newton from the integer list theta0 = [1, 0]",
        "one row per step plus theta0.",
    )
    if np.all(path == np.round(path)):
        hint = (
            "every parameter in your path is a whole number: convert theta0 to a float array "
            "first (an int array cannot hold the fractional updates)."
        )
    else:
        hint = (
            "Gauss-Newton converges fast near the fit: check the step "
            "theta - (J^T J)^{-1} J^T r, with J and r at the current theta."
        )
    assert_close(
        path[-1],
        best,
        rtol=1e-7,
        atol=1e-9,
        what="the fit after 12 Gauss-Newton steps (compared with scipy.optimize.least_squares)",
        hint=hint,
    )
    gradient = jacobian(path[-1]).T @ residual(path[-1])
    if np.linalg.norm(gradient) > 1e-8:
        _fail("at your last point the gradient J^T r of the loss is not 0.")
