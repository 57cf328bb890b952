"""Reference solution for ps03-matrices."""

import numpy as np


def matmul(A, B):
    """Product of an (n, m) matrix A and an (m, p) matrix B, from the definition."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    n, m = A.shape
    m2, p = B.shape
    if m != m2:
        raise ValueError(f"inner dimensions differ: {m} and {m2}")
    C = np.zeros((n, p))
    for i in range(n):
        for j in range(p):
            total = 0.0
            for k in range(m):
                total += A[i, k] * B[k, j]
            C[i, j] = total
    return C


def matmul_flops(n, m, p):
    """(multiplications, additions) used by the definition for (n, m) times (m, p)."""
    return (n * m * p, n * (m - 1) * p)


def inverse_of_product(inverses):
    """Inverse of A1 @ A2 @ ... @ Ak, given the list [inv(A1), inv(A2), ..., inv(Ak)]."""
    result = np.asarray(inverses[-1], dtype=float)
    for inv in reversed(inverses[:-1]):
        result = result @ np.asarray(inv, dtype=float)
    return result


def inverse_of_transpose(A_inv):
    """Inverse of A.T, given inv(A)."""
    return np.asarray(A_inv, dtype=float).T


def back_substitution(U, b):
    """Solve U x = b for an upper triangular U (only the upper triangle is read)."""
    U = np.asarray(U, dtype=float)
    b = np.asarray(b, dtype=float)
    n = U.shape[0]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        if U[i, i] == 0:
            raise ValueError(f"U[{i}, {i}] is zero: the triangular system is singular")
        x[i] = (b[i] - U[i, i + 1 :] @ x[i + 1 :]) / U[i, i]
    return x


def gaussian_solve(A, b):
    """Solve A x = b by Gaussian elimination with partial pivoting."""
    A = np.array(A, dtype=float)  # copies: the caller's arrays stay untouched
    b = np.array(b, dtype=float)
    n, n2 = A.shape
    if n != n2:
        raise ValueError("A must be square")
    threshold = 1e-12 * np.max(np.abs(A), initial=0.0)
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold or A[p, k] == 0:
            raise ValueError(f"A is singular (no usable pivot in column {k})")
        if p != k:
            A[[k, p]] = A[[p, k]]
            b[[k, p]] = b[[p, k]]
        factors = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(factors, A[k, k:])
        b[k + 1 :] -= factors * b[k]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = (b[i] - A[i, i + 1 :] @ x[i + 1 :]) / A[i, i]
    return x


def rank(A, tol=1e-10):
    """Rank of A by row reduction with partial pivoting and a relative tolerance."""
    A = np.array(A, dtype=float)
    if A.ndim == 1:
        A = A.reshape(1, -1)
    m, n = A.shape
    threshold = tol * np.max(np.abs(A), initial=0.0)
    r = 0
    for j in range(n):
        if r == m:
            break
        p = r + int(np.argmax(np.abs(A[r:, j])))
        if abs(A[p, j]) <= threshold:
            continue
        A[[r, p]] = A[[p, r]]
        A[r + 1 :, j:] -= np.outer(A[r + 1 :, j] / A[r, j], A[r, j:])
        r += 1
    return r


def pivot_columns(A, tol=1e-10):
    """Indices of the pivot columns of A: a basis of its column space taken from A."""
    A = np.array(A, dtype=float)
    m, n = A.shape
    threshold = tol * np.max(np.abs(A), initial=0.0)
    pivots = []
    r = 0
    for j in range(n):
        if r == m:
            break
        p = r + int(np.argmax(np.abs(A[r:, j])))
        if abs(A[p, j]) <= threshold:
            continue
        A[[r, p]] = A[[p, r]]
        A[r + 1 :, j:] -= np.outer(A[r + 1 :, j] / A[r, j], A[r, j:])
        pivots.append(j)
        r += 1
    return pivots


def in_span(A, v, tol=1e-10):
    """True if v is a linear combination of the columns of A (v rescaled to the size of A)."""
    A = np.asarray(A, dtype=float)
    v = np.asarray(v, dtype=float).reshape(-1, 1)
    v_size = np.max(np.abs(v), initial=0.0)
    A_size = np.max(np.abs(A), initial=0.0)
    if v_size == 0:
        return True
    if A_size == 0:
        return False
    return bool(rank(np.hstack([A, v * (A_size / v_size)]), tol) == rank(A, tol))


def gram_schmidt(A):
    """Modified Gram-Schmidt: A (m, n) with independent columns -> Q (m, n), R (n, n)."""
    V = np.array(A, dtype=float)
    m, n = V.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = np.linalg.norm(V[:, j])
        Q[:, j] = V[:, j] / R[j, j]
        for k in range(j + 1, n):
            R[j, k] = Q[:, j] @ V[:, k]
            V[:, k] -= R[j, k] * Q[:, j]
    return Q, R


def project_onto_vector(v, a):
    """Orthogonal projection of v onto the line spanned by a (a must be nonzero)."""
    v = np.asarray(v, dtype=float)
    a = np.asarray(a, dtype=float)
    size = np.max(np.abs(a), initial=0.0)
    if size == 0:
        raise ValueError("cannot project onto the zero vector")
    u = a / size  # same line, entries of size 1: u . u neither underflows nor overflows
    return (u @ v) / (u @ u) * u


def projection_matrix(A):
    """Matrix P (m, m) of the orthogonal projection onto the column space of A (m, n)."""
    Q, _ = gram_schmidt(A)
    return Q @ Q.T


def lstsq_normal(X, y):
    """Least squares weights by the normal equations X^T X w = X^T y."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    return gaussian_solve(X.T @ X, X.T @ y)


def lstsq_qr(X, y):
    """Least squares weights by modified Gram-Schmidt: X = QR, then R w = Q^T y.

    Q^T y is computed the MGS way (one column at a time, each from the updated residual),
    which is the same as running Gram-Schmidt on the augmented matrix [X | y].
    """
    Q, R = gram_schmidt(X)
    r = np.array(y, dtype=float)
    c = np.zeros(Q.shape[1])
    for j in range(Q.shape[1]):
        c[j] = Q[:, j] @ r
        r -= c[j] * Q[:, j]
    return back_substitution(R, c)


def polynomial_design(x, degree):
    """Design matrix with columns 1, x, x**2, ..., x**degree."""
    x = np.asarray(x, dtype=float)
    return np.column_stack([x**k for k in range(degree + 1)])


def fit_polynomial(x, y, degree):
    """Least squares coefficients c0, ..., c_degree of y ~ c0 + c1 x + ... ."""
    return lstsq_qr(polynomial_design(x, degree), y)


def r_squared(y, y_hat):
    """Coefficient of determination 1 - SS_res / SS_tot."""
    y = np.asarray(y, dtype=float)
    y_hat = np.asarray(y_hat, dtype=float)
    return 1.0 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2)
