"""Reference solution for ps09-regression."""

import numpy as np


def design_matrix(X):
    """Prepend a column of ones to the features X: (n,) or (n, d) -> float (n, d + 1)."""
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    return np.column_stack([np.ones(X.shape[0]), X])


def fit_normal_equations(A, y):
    """Least-squares coefficients from the normal equations A^T A beta = A^T y."""
    A = np.asarray(A, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    return np.linalg.solve(A.T @ A, A.T @ y)


def mse(y, y_hat):
    """Mean squared error between targets and predictions ((n,) or (n, 1) each)."""
    y = np.asarray(y, dtype=float).ravel()
    y_hat = np.asarray(y_hat, dtype=float).ravel()
    return float(np.mean((y - y_hat) ** 2))


def r_squared(y, y_hat):
    """Coefficient of determination 1 - RSS / TSS, TSS measured around the mean of y."""
    y = np.asarray(y, dtype=float).ravel()
    y_hat = np.asarray(y_hat, dtype=float).ravel()
    rss = np.sum((y - y_hat) ** 2)
    tss = np.sum((y - y.mean()) ** 2)
    return float(1.0 - rss / tss)


def ols_summary(A, y):
    """Coefficients, residuals, noise variance (ddof n - p) and standard errors."""
    A = np.asarray(A, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    n, p = A.shape
    beta = np.linalg.lstsq(A, y, rcond=None)[0]
    residuals = y - A @ beta
    sigma2 = float(residuals @ residuals / (n - p))
    se = np.sqrt(sigma2 * np.diag(np.linalg.inv(A.T @ A)))
    return {"beta": beta, "residuals": residuals, "sigma2": sigma2, "se": se}


def condition_number(A):
    """cond(A) = largest / smallest singular value, from the singular values of A."""
    s = np.linalg.svd(np.asarray(A, dtype=float), compute_uv=False)
    return float(s.max() / s.min())


def fit_qr(A, y):
    """Least squares by the reduced QR factorization and back substitution."""
    A = np.asarray(A, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    Q, R = np.linalg.qr(A)
    c = Q.T @ y
    p = R.shape[1]
    beta = np.zeros(p)
    for i in range(p - 1, -1, -1):
        beta[i] = (c[i] - R[i, i + 1 :] @ beta[i + 1 :]) / R[i, i]
    return beta


def standardize(X_train, X_test):
    """Scale both sets with the mean and standard deviation (ddof=0) of the training set."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std, mean, std


def unscale_coefficients(beta_z, mean, std):
    """Coefficients [b0, b1..bd] in original units from those fitted on standardized X."""
    beta_z = np.asarray(beta_z, dtype=float)
    mean = np.asarray(mean, dtype=float)
    std = np.asarray(std, dtype=float)
    slopes = beta_z[1:] / std
    intercept = beta_z[0] - slopes @ mean
    return np.concatenate([[intercept], slopes])


def gradient_descent(A, y, lr, n_iter, tol=None):
    """Batch gradient descent on the mean squared error, from beta = 0.

    Returns (beta, losses) with losses[k] the MSE of the k-th iterate; with tol, stops at
    the first iterate whose gradient norm is at most tol.
    """
    A = np.asarray(A, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    n, p = A.shape
    beta = np.zeros(p)
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        grad = (2.0 / n) * A.T @ (A @ beta - y)
        if tol is not None and np.linalg.norm(grad) <= tol:
            break
        beta = beta - lr * grad
        losses.append(np.mean((A @ beta - y) ** 2))
    return beta, np.array(losses)


def fit_ridge(A, y, lam):
    """Ridge regression: minimize ||y - A beta||^2 + lam * sum_{j >= 1} beta_j^2."""
    A = np.asarray(A, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    penalty = lam * np.eye(A.shape[1])
    penalty[0, 0] = 0.0
    return np.linalg.solve(A.T @ A + penalty, A.T @ y)


def poly_features(x, degree):
    """Columns x^0, x^1, ..., x^degree of a 1-D array x: shape (n, degree + 1)."""
    x = np.asarray(x, dtype=float).ravel()
    return x[:, None] ** np.arange(degree + 1)


def poly_errors(x_train, y_train, x_val, y_val, degrees):
    """Training and validation MSE of least-squares polynomial fits, one per degree."""
    train, val = [], []
    y_train = np.asarray(y_train, dtype=float).ravel()
    y_val = np.asarray(y_val, dtype=float).ravel()
    for degree in degrees:
        P_train = poly_features(x_train, degree)
        P_val = poly_features(x_val, degree)
        beta = np.linalg.lstsq(P_train, y_train, rcond=None)[0]
        train.append(np.mean((P_train @ beta - y_train) ** 2))
        val.append(np.mean((P_val @ beta - y_val) ** 2))
    return np.array(train), np.array(val)


def blr_posterior(A, y, sigma2, tau2):
    """Posterior mean and covariance of beta: flat prior on beta_0, N(0, tau2) on the others."""
    A = np.asarray(A, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    prior_precision = np.eye(A.shape[1]) / tau2
    prior_precision[0, 0] = 0.0
    precision = A.T @ A / sigma2 + prior_precision
    cov = np.linalg.inv(precision)
    cov = (cov + cov.T) / 2
    mean = cov @ A.T @ y / sigma2
    return mean, cov


def blr_predict(A_new, mean, cov, sigma2):
    """Predictive mean and variance of new targets y = a^T beta + noise, one per row of A_new."""
    A_new = np.asarray(A_new, dtype=float)
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    pred_mean = A_new @ mean
    pred_var = sigma2 + np.einsum("ij,jk,ik->i", A_new, cov, A_new)
    return pred_mean, pred_var
