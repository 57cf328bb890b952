"""Variants for ps09-regression."""

import numpy as np
import scipy.linalg

from mlmath.authoring import variant

# q1: the design matrix


@variant("q1", wrong="appends the ones column last instead of first")
def design_matrix(X):
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    return np.column_stack([X, np.ones(X.shape[0])])


@variant("q1", wrong="forgets the intercept column: returns the features only")
def design_matrix(X):
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    return X


@variant("q1", wrong="treats a 1-D X as a single row of d features")
def design_matrix(X):
    X = np.atleast_2d(np.asarray(X, dtype=float))
    return np.column_stack([np.ones(X.shape[0]), X])


@variant("q1", wrong="keeps the input dtype: np.ones_like on an integer X stays integer")
def design_matrix(X):
    X = np.asarray(X)
    if X.ndim == 1:
        X = X[:, None]
    return np.hstack([np.ones_like(X[:, :1]), X])


@variant("q1", correct="np.insert of a ones column at position 0, on a reshaped copy")
def design_matrix(X):
    X = np.asarray(X, dtype=float).reshape(len(X), -1)
    return np.insert(X, 0, 1.0, axis=1)


@variant("q1", correct="builds the array with np.empty and fills it, from a list of lists")
def design_matrix(X):
    X = np.array(X, dtype=float, ndmin=1)
    if X.ndim == 1:
        X = X.reshape(-1, 1)
    A = np.empty((X.shape[0], X.shape[1] + 1))
    A[:, 0] = 1.0
    A[:, 1:] = X
    return A


# q2: normal equations


@variant("q2", wrong="adds a second ones column although A already has one")
def fit_normal_equations(A, y):
    A = np.column_stack([np.ones(len(A)), np.asarray(A, dtype=float)])
    y = np.asarray(y, dtype=float).ravel()
    return np.linalg.solve(A.T @ A, A.T @ y)[1:]


@variant("q2", wrong="multiplies by A^T A instead of solving with it")
def fit_normal_equations(A, y):
    A = np.asarray(A, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    return (A.T @ A) @ (A.T @ y)


@variant("q2", wrong="returns a (p, 1) column when y is a column")
def fit_normal_equations(A, y):
    A = np.asarray(A, dtype=float)
    y = np.asarray(y, dtype=float)
    return np.linalg.solve(A.T @ A, A.T @ y)


@variant("q2", wrong="calls np.linalg.lstsq, the shortcut the question forbids")
def fit_normal_equations(A, y):
    return np.linalg.lstsq(np.asarray(A, float), np.ravel(y), rcond=None)[0]


@variant("q2", wrong="calls np.linalg.pinv")
def fit_normal_equations(A, y):
    return np.linalg.pinv(np.asarray(A, float)) @ np.ravel(y)


@variant("q2", correct="inverts A^T A explicitly with np.linalg.inv")
def fit_normal_equations(A, y):
    A = np.asarray(A, dtype=float)
    return np.linalg.inv(A.T @ A) @ A.T @ np.ravel(y)


@variant("q2", correct="solves the normal equations by a Cholesky factorization (scipy)")
def fit_normal_equations(A, y):
    A = np.asarray(A, dtype=float)
    factor = scipy.linalg.cho_factor(A.T @ A)
    return scipy.linalg.cho_solve(factor, A.T @ np.ravel(y))


# q3: MSE and R^2


@variant("q3", wrong="mse divides by n - 1")
def mse(y, y_hat):
    e = np.ravel(y) - np.ravel(y_hat)
    return float(e @ e / (len(e) - 1))


@variant("q3", wrong="mse returns the root mean squared error")
def mse(y, y_hat):
    return float(np.sqrt(np.mean((np.ravel(y) - np.ravel(y_hat)) ** 2)))


@variant("q3", wrong="r_squared measures the TSS around 0 instead of the mean")
def r_squared(y, y_hat):
    y, y_hat = np.ravel(y), np.ravel(y_hat)
    return float(1 - np.sum((y - y_hat) ** 2) / np.sum(y**2))


@variant("q3", wrong="r_squared is the squared correlation of y and y_hat")
def r_squared(y, y_hat):
    return float(np.corrcoef(np.ravel(y), np.ravel(y_hat))[0, 1] ** 2)


@variant("q3", wrong="r_squared clips negative values to 0")
def r_squared(y, y_hat):
    y, y_hat = np.ravel(y), np.ravel(y_hat)
    return float(max(0.0, 1 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2)))


@variant("q3", wrong="does not flatten: (n,) minus (n, 1) broadcasts to an (n, n) matrix")
def mse(y, y_hat):
    return float(np.mean((np.asarray(y) - np.asarray(y_hat)) ** 2))


@variant("q3", correct="r_squared as 1 - MSE / variance of y (np.var, ddof=0)")
def r_squared(y, y_hat):
    y, y_hat = np.ravel(y), np.ravel(y_hat)
    return float(1 - np.mean((y - y_hat) ** 2) / np.var(y))


@variant("q3", correct="mse with a Python loop over flattened lists")
def mse(y, y_hat):
    ys, hs = np.ravel(y).tolist(), np.ravel(y_hat).tolist()
    total = 0.0
    for a, b in zip(ys, hs, strict=True):
        total += (a - b) ** 2
    return total / len(ys)


# q4: residuals, sigma2, standard errors


@variant("q4", wrong="sigma2 divides the RSS by n")
def ols_summary(A, y):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.linalg.lstsq(A, y, rcond=None)[0]
    r = y - A @ beta
    sigma2 = float(r @ r / len(y))
    se = np.sqrt(sigma2 * np.diag(np.linalg.inv(A.T @ A)))
    return {"beta": beta, "residuals": r, "sigma2": sigma2, "se": se}


@variant("q4", wrong="sigma2 divides the RSS by n - 1")
def ols_summary(A, y):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.linalg.lstsq(A, y, rcond=None)[0]
    r = y - A @ beta
    sigma2 = float(r @ r / (len(y) - 1))
    se = np.sqrt(sigma2 * np.diag(np.linalg.inv(A.T @ A)))
    return {"beta": beta, "residuals": r, "sigma2": sigma2, "se": se}


@variant("q4", wrong="se forgets the square root (returns variances)")
def ols_summary(A, y):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    n, p = A.shape
    beta = np.linalg.lstsq(A, y, rcond=None)[0]
    r = y - A @ beta
    sigma2 = float(r @ r / (n - p))
    se = sigma2 * np.diag(np.linalg.inv(A.T @ A))
    return {"beta": beta, "residuals": r, "sigma2": sigma2, "se": se}


@variant("q4", wrong="se uses 1 / diag(A^T A) instead of diag((A^T A)^{-1})")
def ols_summary(A, y):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    n, p = A.shape
    beta = np.linalg.lstsq(A, y, rcond=None)[0]
    r = y - A @ beta
    sigma2 = float(r @ r / (n - p))
    se = np.sqrt(sigma2 / np.diag(A.T @ A))
    return {"beta": beta, "residuals": r, "sigma2": sigma2, "se": se}


@variant("q4", wrong="residuals with the wrong sign, A beta - y")
def ols_summary(A, y):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    n, p = A.shape
    beta = np.linalg.lstsq(A, y, rcond=None)[0]
    r = A @ beta - y
    sigma2 = float(r @ r / (n - p))
    se = np.sqrt(sigma2 * np.diag(np.linalg.inv(A.T @ A)))
    return {"beta": beta, "residuals": r, "sigma2": sigma2, "se": se}


@variant("q4", correct="everything from a QR factorization, without forming A^T A")
def ols_summary(A, y):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    n, p = A.shape
    Q, R = np.linalg.qr(A)
    beta = scipy.linalg.solve_triangular(R, Q.T @ y)
    r = y - A @ beta
    sigma2 = float(r @ r / (n - p))
    R_inv = scipy.linalg.solve_triangular(R, np.eye(p))
    return {
        "beta": beta,
        "residuals": r,
        "sigma2": sigma2,
        "se": np.sqrt(sigma2 * (R_inv**2).sum(1)),
    }


# q5: condition number


@variant("q5", wrong="returns cond(A^T A) = cond(A)^2")
def condition_number(A):
    s = np.linalg.svd(np.asarray(A, dtype=float), compute_uv=False)
    return float((s.max() / s.min()) ** 2)


@variant("q5", wrong="square roots of the eigenvalues of A^T A (loses the small ones)")
def condition_number(A):
    A = np.asarray(A, dtype=float)
    e = np.linalg.eigvalsh(A.T @ A)
    return float(np.sqrt(e.max() / e.min()))


@variant("q5", wrong="ratio of the extreme eigenvalues of A^T A without the square root")
def condition_number(A):
    A = np.asarray(A, dtype=float)
    e = np.abs(np.linalg.eigvalsh(A.T @ A))
    return float(e.max() / e.min())


@variant("q5", wrong="calls np.linalg.cond, the shortcut the question forbids")
def condition_number(A):
    return float(np.linalg.cond(A))


@variant("q5", correct="singular values from scipy.linalg.svdvals")
def condition_number(A):
    s = scipy.linalg.svdvals(A)
    return float(s[0] / s[-1])


# q6: QR


@variant("q6", wrong="solves the normal equations (loses digits on ill-conditioned designs)")
def fit_qr(A, y):
    A = np.asarray(A, dtype=float)
    M, b = A.T @ A, A.T @ np.ravel(y)
    L = np.linalg.cholesky(M)
    z = scipy.linalg.solve_triangular(L, b, lower=True)
    return scipy.linalg.solve_triangular(L.T, z)


@variant("q6", wrong="back substitution runs from the top row down")
def fit_qr(A, y):
    Q, R = np.linalg.qr(np.asarray(A, dtype=float))
    c = Q.T @ np.ravel(y)
    p = R.shape[1]
    beta = np.zeros(p)
    for i in range(p):
        beta[i] = (c[i] - R[i, :i] @ beta[:i]) / R[i, i]
    return beta


@variant("q6", wrong="complete QR and Q @ y instead of Q^T y")
def fit_qr(A, y):
    Q, R = np.linalg.qr(np.asarray(A, dtype=float), mode="complete")
    p = R.shape[1]
    c = (Q @ np.ravel(y))[:p]
    return scipy.linalg.solve_triangular(R[:p], c)


@variant("q6", wrong="returns a (p, 1) column when y is a column")
def fit_qr(A, y):
    Q, R = np.linalg.qr(np.asarray(A, dtype=float))
    return scipy.linalg.solve_triangular(R, Q.T @ np.asarray(y, dtype=float))


@variant("q6", wrong="solves R beta = Q^T y with np.linalg.solve (forbidden)")
def fit_qr(A, y):
    Q, R = np.linalg.qr(np.asarray(A, dtype=float))
    return np.linalg.solve(R, Q.T @ np.ravel(y))


@variant("q6", wrong="multiplies by np.linalg.inv(R) (forbidden)")
def fit_qr(A, y):
    Q, R = np.linalg.qr(np.asarray(A, dtype=float))
    return np.linalg.inv(R) @ (Q.T @ np.ravel(y))


@variant("q6", correct="scipy.linalg.solve_triangular for the back substitution")
def fit_qr(A, y):
    Q, R = np.linalg.qr(np.asarray(A, dtype=float))
    return scipy.linalg.solve_triangular(R, Q.T @ np.ravel(y))


@variant("q6", correct="complete QR, keeping the first p rows of R and of Q^T y")
def fit_qr(A, y):
    Q, R = scipy.linalg.qr(np.asarray(A, dtype=float))
    p = R.shape[1]
    return scipy.linalg.solve_triangular(R[:p], (Q.T @ np.ravel(y))[:p])


# q7: standardization


@variant("q7", wrong="scales the test set with its own mean and std")
def standardize(X_train, X_test):
    X_train, X_test = np.asarray(X_train, float), np.asarray(X_test, float)
    mean, std = X_train.mean(0), X_train.std(0)
    return (X_train - mean) / std, (X_test - X_test.mean(0)) / X_test.std(0), mean, std


@variant("q7", wrong="pools train and test to compute the statistics")
def standardize(X_train, X_test):
    X_train, X_test = np.asarray(X_train, float), np.asarray(X_test, float)
    both = np.vstack([X_train, X_test])
    mean, std = both.mean(0), both.std(0)
    return (X_train - mean) / std, (X_test - mean) / std, mean, std


@variant("q7", wrong="standard deviation with ddof=1")
def standardize(X_train, X_test):
    X_train, X_test = np.asarray(X_train, float), np.asarray(X_test, float)
    mean, std = X_train.mean(0), X_train.std(0, ddof=1)
    return (X_train - mean) / std, (X_test - mean) / std, mean, std


@variant("q7", wrong="subtracts the mean and divides in place, changing the caller's arrays")
def standardize(X_train, X_test):
    mean, std = X_train.mean(0), X_train.std(0)
    X_train -= mean
    X_train /= std
    X_test -= mean
    X_test /= std
    return X_train, X_test, mean, std


@variant("q7", wrong="unscale keeps the standardized intercept")
def unscale_coefficients(beta_z, mean, std):
    beta_z = np.asarray(beta_z, dtype=float)
    return np.concatenate([[beta_z[0]], beta_z[1:] / np.asarray(std)])


@variant("q7", wrong="unscale multiplies the slopes by std")
def unscale_coefficients(beta_z, mean, std):
    beta_z = np.asarray(beta_z, dtype=float)
    slopes = beta_z[1:] * np.asarray(std)
    return np.concatenate([[beta_z[0] - slopes @ np.asarray(mean)], slopes])


@variant("q7", correct="unscale by a loop over the features, lists in and out")
def unscale_coefficients(beta_z, mean, std):
    beta_z = list(np.ravel(beta_z))
    out = [beta_z[0]]
    for j in range(1, len(beta_z)):
        out.append(beta_z[j] / std[j - 1])
        out[0] -= out[j] * mean[j - 1]
    return out


# q8: gradient descent


@variant("q8", wrong="gradient without the 2/n factor: A^T (A beta - y)")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        if tol is not None and np.linalg.norm((2 / len(y)) * A.T @ (A @ beta - y)) <= tol:
            break
        beta = beta - lr * A.T @ (A @ beta - y)
        losses.append(np.mean((A @ beta - y) ** 2))
    return beta, np.array(losses)


@variant("q8", wrong="gradient with 1/n, missing the 2 from the derivative of the square")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        if tol is not None and np.linalg.norm((2 / len(y)) * A.T @ (A @ beta - y)) <= tol:
            break
        beta = beta - lr * A.T @ (A @ beta - y) / len(y)
        losses.append(np.mean((A @ beta - y) ** 2))
    return beta, np.array(losses)


@variant("q8", wrong="gradient with the wrong sign: (2/n) A^T (y - A beta)")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        if tol is not None and np.linalg.norm((2 / len(y)) * A.T @ (A @ beta - y)) <= tol:
            break
        beta = beta - lr * (2 / len(y)) * A.T @ (y - A @ beta)
        losses.append(np.mean((A @ beta - y) ** 2))
    return beta, np.array(losses)


@variant("q8", wrong="starts from beta = ones instead of zeros")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.ones(A.shape[1])
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        if tol is not None and np.linalg.norm((2 / len(y)) * A.T @ (A @ beta - y)) <= tol:
            break
        beta = beta - lr * (2 / len(y)) * A.T @ (A @ beta - y)
        losses.append(np.mean((A @ beta - y) ** 2))
    return beta, np.array(losses)


@variant("q8", wrong="takes n_iter + 1 steps (range(n_iter + 1))")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = []
    for _ in range(n_iter + 1):
        if tol is not None and np.linalg.norm((2 / len(y)) * A.T @ (A @ beta - y)) <= tol:
            break
        losses.append(np.mean((A @ beta - y) ** 2))
        beta = beta - lr * (2 / len(y)) * A.T @ (A @ beta - y)
    return beta, np.array(losses)


@variant("q8", wrong="records the loss only after each step (n_iter values, no losses[0])")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = []
    for _ in range(n_iter):
        if tol is not None and np.linalg.norm((2 / len(y)) * A.T @ (A @ beta - y)) <= tol:
            break
        beta = beta - lr * (2 / len(y)) * A.T @ (A @ beta - y)
        losses.append(np.mean((A @ beta - y) ** 2))
    return beta, np.array(losses)


@variant("q8", wrong="ignores lr: a fixed step of 0.01")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        if tol is not None and np.linalg.norm((2 / len(y)) * A.T @ (A @ beta - y)) <= tol:
            break
        beta = beta - 0.01 * (2 / len(y)) * A.T @ (A @ beta - y)
        losses.append(np.mean((A @ beta - y) ** 2))
    return beta, np.array(losses)


@variant("q8", correct="precomputes A^T A and A^T y, a while loop, losses as a list")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    n = len(y)
    G, b = A.T @ A, A.T @ y
    beta = np.zeros(A.shape[1])
    losses = [float(y @ y / n)]
    k = 0
    while k < n_iter:
        grad = (2 / n) * (G @ beta - b)
        if tol is not None and np.sqrt(grad @ grad) <= tol:
            break
        beta = beta - lr * grad
        r = A @ beta - y
        losses.append(float(r @ r / n))
        k += 1
    return beta, losses


@variant("q8", wrong="ignores tol: always runs n_iter steps")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        beta = beta - lr * (2 / len(y)) * A.T @ (A @ beta - y)
        losses.append(np.mean((A @ beta - y) ** 2))
    return beta, np.array(losses)


@variant("q8", wrong="tests the gradient after the step: one step past the stopping iterate")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        grad = (2 / len(y)) * A.T @ (A @ beta - y)
        beta = beta - lr * grad
        losses.append(np.mean((A @ beta - y) ** 2))
        if tol is not None and np.linalg.norm(grad) <= tol:
            break
    return beta, np.array(losses)


@variant("q8", wrong="stops when the loss changes by less than tol instead of the gradient norm")
def gradient_descent(A, y, lr, n_iter, tol=None):
    A, y = np.asarray(A, float), np.ravel(y).astype(float)
    beta = np.zeros(A.shape[1])
    losses = [np.mean((A @ beta - y) ** 2)]
    for _ in range(n_iter):
        beta = beta - lr * (2 / len(y)) * A.T @ (A @ beta - y)
        losses.append(np.mean((A @ beta - y) ** 2))
        if tol is not None and abs(losses[-2] - losses[-1]) <= tol:
            break
    return beta, np.array(losses)


# q9: ridge


@variant("q9", wrong="penalizes the intercept too (lam * I)")
def fit_ridge(A, y, lam):
    A = np.asarray(A, dtype=float)
    return np.linalg.solve(A.T @ A + lam * np.eye(A.shape[1]), A.T @ np.ravel(y))


@variant("q9", wrong="lam multiplied by n, as if the loss were the mean squared error")
def fit_ridge(A, y, lam):
    A = np.asarray(A, dtype=float)
    D = np.eye(A.shape[1])
    D[0, 0] = 0.0
    return np.linalg.solve(A.T @ A + len(A) * lam * D, A.T @ np.ravel(y))


@variant("q9", wrong="leaves the last coefficient unpenalized instead of the intercept")
def fit_ridge(A, y, lam):
    A = np.asarray(A, dtype=float)
    D = np.eye(A.shape[1])
    D[-1, -1] = 0.0
    return np.linalg.solve(A.T @ A + lam * D, A.T @ np.ravel(y))


@variant("q9", correct="least squares on data augmented with sqrt(lam) rows, via QR")
def fit_ridge(A, y, lam):
    A = np.asarray(A, dtype=float)
    p = A.shape[1]
    B = np.vstack([A, np.sqrt(lam) * np.eye(p)[1:]])
    c = np.concatenate([np.ravel(y), np.zeros(p - 1)])
    Q, R = np.linalg.qr(B)
    return scipy.linalg.solve_triangular(R, Q.T @ c)


@variant("q9", correct="centers the features and y, solves for the slopes, recovers the intercept")
def fit_ridge(A, y, lam):
    A = np.asarray(A, dtype=float)
    y = np.ravel(y).astype(float)
    X = A[:, 1:]
    Xc, yc = X - X.mean(0), y - y.mean()
    slopes = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ yc)
    return np.concatenate([[y.mean() - X.mean(0) @ slopes], slopes])


# q10: polynomial features and overfitting


@variant("q10", wrong="powers in decreasing order (np.vander's default)")
def poly_features(x, degree):
    return np.vander(np.ravel(x).astype(float), degree + 1)


@variant("q10", wrong="leaves out the x^0 column (powers 1..degree)")
def poly_features(x, degree):
    x = np.ravel(x).astype(float)
    return x[:, None] ** np.arange(1, degree + 1)


@variant("q10", correct="poly_features with np.vander(increasing=True)")
def poly_features(x, degree):
    return np.vander(np.ravel(x), degree + 1, increasing=True).astype(float)


@variant("q7", correct="standardize column by column with a Python loop")
def standardize(X_train, X_test):
    X_train = np.array(X_train, dtype=float)
    X_test = np.array(X_test, dtype=float)
    mean = np.zeros(X_train.shape[1])
    std = np.zeros(X_train.shape[1])
    Z_train, Z_test = np.empty_like(X_train), np.empty_like(X_test)
    for j in range(X_train.shape[1]):
        mean[j] = X_train[:, j].mean()
        std[j] = np.sqrt(np.mean((X_train[:, j] - mean[j]) ** 2))
        Z_train[:, j] = (X_train[:, j] - mean[j]) / std[j]
        Z_test[:, j] = (X_test[:, j] - mean[j]) / std[j]
    return Z_train, Z_test, mean, std


@variant("q10", wrong="refits on the validation set to compute the validation error")
def poly_errors(x_train, y_train, x_val, y_val, degrees):
    train, val = [], []
    for degree in degrees:
        P, Pv = poly_features(x_train, degree), poly_features(x_val, degree)
        b = np.linalg.lstsq(P, np.ravel(y_train), rcond=None)[0]
        bv = np.linalg.lstsq(Pv, np.ravel(y_val), rcond=None)[0]
        train.append(np.mean((P @ b - np.ravel(y_train)) ** 2))
        val.append(np.mean((Pv @ bv - np.ravel(y_val)) ** 2))
    return np.array(train), np.array(val)


@variant("q10", wrong="returns sums of squared errors instead of means")
def poly_errors(x_train, y_train, x_val, y_val, degrees):
    train, val = [], []
    for degree in degrees:
        P, Pv = poly_features(x_train, degree), poly_features(x_val, degree)
        b = np.linalg.lstsq(P, np.ravel(y_train), rcond=None)[0]
        train.append(np.sum((P @ b - np.ravel(y_train)) ** 2))
        val.append(np.sum((Pv @ b - np.ravel(y_val)) ** 2))
    return np.array(train), np.array(val)


@variant("q10", correct="np.polyfit / np.polyval for each degree, lists returned")
def poly_errors(x_train, y_train, x_val, y_val, degrees):
    train, val = [], []
    for degree in degrees:
        c = np.polyfit(np.ravel(x_train), np.ravel(y_train), degree)
        train.append(float(np.mean((np.polyval(c, x_train) - y_train) ** 2)))
        val.append(float(np.mean((np.polyval(c, x_val) - y_val) ** 2)))
    return train, val


# q11: Bayesian posterior


@variant("q11", wrong="forgets the noise precision: cov = (A^T A + D / tau2)^{-1}")
def blr_posterior(A, y, sigma2, tau2):
    A = np.asarray(A, dtype=float)
    D = np.eye(A.shape[1]) / tau2
    D[0, 0] = 0.0
    cov = np.linalg.inv(A.T @ A + D)
    return cov @ A.T @ np.ravel(y) / sigma2, cov


@variant("q11", wrong="returns the posterior precision instead of the covariance")
def blr_posterior(A, y, sigma2, tau2):
    A = np.asarray(A, dtype=float)
    D = np.eye(A.shape[1]) / tau2
    D[0, 0] = 0.0
    precision = A.T @ A / sigma2 + D
    return np.linalg.solve(precision, A.T @ np.ravel(y) / sigma2), precision


@variant("q11", wrong="posterior mean without the 1/sigma2")
def blr_posterior(A, y, sigma2, tau2):
    A = np.asarray(A, dtype=float)
    D = np.eye(A.shape[1]) / tau2
    D[0, 0] = 0.0
    cov = np.linalg.inv(A.T @ A / sigma2 + D)
    return cov @ A.T @ np.ravel(y), cov


@variant("q11", wrong="N(0, tau2) prior on the intercept too")
def blr_posterior(A, y, sigma2, tau2):
    A = np.asarray(A, dtype=float)
    cov = np.linalg.inv(A.T @ A / sigma2 + np.eye(A.shape[1]) / tau2)
    return cov @ A.T @ np.ravel(y) / sigma2, cov


@variant("q11", wrong="the ridge ratio upside down: lam = tau2 / sigma2")
def blr_posterior(A, y, sigma2, tau2):
    A = np.asarray(A, dtype=float)
    D = np.eye(A.shape[1])
    D[0, 0] = 0.0
    cov = np.linalg.inv(A.T @ A / sigma2 + D / tau2)
    return np.linalg.solve(A.T @ A + D * tau2 / sigma2, A.T @ np.ravel(y)), cov


@variant("q11", correct="mean from fit_ridge with lam = sigma2 / tau2, cov by Cholesky")
def blr_posterior(A, y, sigma2, tau2):
    A = np.asarray(A, dtype=float)
    p = A.shape[1]
    D = np.eye(p)
    D[0, 0] = 0.0
    factor = scipy.linalg.cho_factor(A.T @ A / sigma2 + D / tau2)
    cov = scipy.linalg.cho_solve(factor, np.eye(p))
    return fit_ridge(A, y, sigma2 / tau2), cov


# q12: predictive distribution


@variant("q12", wrong="leaves out the noise term sigma2")
def blr_predict(A_new, mean, cov, sigma2):
    A_new = np.asarray(A_new, dtype=float)
    return A_new @ mean, np.einsum("ij,jk,ik->i", A_new, np.asarray(cov), A_new)


@variant("q12", wrong="uses only the diagonal of cov")
def blr_predict(A_new, mean, cov, sigma2):
    A_new = np.asarray(A_new, dtype=float)
    return A_new @ mean, sigma2 + (A_new**2) @ np.diag(cov)


@variant("q12", wrong="returns the whole (m, m) predictive covariance matrix")
def blr_predict(A_new, mean, cov, sigma2):
    A_new = np.asarray(A_new, dtype=float)
    return A_new @ mean, sigma2 * np.eye(len(A_new)) + A_new @ cov @ A_new.T


@variant("q12", correct="a loop over the new rows, returning lists")
def blr_predict(A_new, mean, cov, sigma2):
    means, variances = [], []
    for a in np.asarray(A_new, dtype=float):
        means.append(float(a @ mean))
        variances.append(float(sigma2 + a @ cov @ a))
    return means, variances
