"""Reference solution for ps04-eigen: eigenvalues, eigenvectors and the SVD."""

import numpy as np


def eig2x2(A):
    """Both eigenvalues of a 2x2 matrix, from its characteristic polynomial."""
    A = np.asarray(A, dtype=float)
    (a, b), (c, d) = A
    trace = a + d
    det = a * d - b * c
    disc = trace**2 - 4 * det
    if disc >= 0:
        root = np.sqrt(disc)
        return np.array([(trace + root) / 2, (trace - root) / 2])
    root = np.sqrt(-disc)
    return np.array([complex(trace / 2, root / 2), complex(trace / 2, -root / 2)])


def is_eigenpair(A, v, lam, tol=1e-8):
    """True when v is a non-zero vector with ||A v - lam v|| <= tol * ||v||."""
    A = np.asarray(A)
    v = np.asarray(v)
    v_norm = np.linalg.norm(v)
    if v_norm == 0:
        return False
    return bool(np.linalg.norm(A @ v - lam * v) <= tol * v_norm)


def rayleigh_quotient(A, x):
    """The Rayleigh quotient x^T A x / x^T x of a non-zero vector x."""
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    return float(x @ A @ x / (x @ x))


def power_iteration(A, max_iter=1000, tol=1e-10):
    """Dominant eigenpair (lam, v) of A by power iteration; v has unit length."""
    A = np.asarray(A, dtype=float)
    v = np.random.default_rng(0).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    for _ in range(max_iter):
        w = A @ v
        w_norm = np.linalg.norm(w)
        if w_norm == 0:
            break
        w = w / w_norm
        change = min(np.linalg.norm(w - v), np.linalg.norm(w + v))
        v = w
        if change < tol:
            break
    return rayleigh_quotient(A, v), v


def matrix_power_eig(A, k):
    """A**k for a diagonalizable A, computed as V diag(lam**k) V^-1."""
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    lam_k = lam.astype(complex) ** k
    return np.real(V @ np.diag(lam_k) @ np.linalg.inv(V))


def spectral_decomposition(S):
    """Eigenvalues (descending) and orthonormal eigenvectors (columns) of a symmetric S."""
    lam, Q = np.linalg.eigh(np.asarray(S, dtype=float))
    order = np.argsort(lam)[::-1]
    return lam[order], Q[:, order]


def from_spectrum(lam, Q):
    """The symmetric matrix Q diag(lam) Q^T = sum_i lam_i q_i q_i^T."""
    lam = np.asarray(lam, dtype=float)
    Q = np.asarray(Q, dtype=float)
    return (Q * lam) @ Q.T


def rank_k_approx(X, k):
    """The best rank-k approximation of X (Eckart-Young), from its SVD."""
    U, s, Vt = np.linalg.svd(np.asarray(X, dtype=float), full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k, :]


def truncation_errors(s, k):
    """Frobenius and spectral norm errors of the best rank-k approximation."""
    s = np.asarray(s, dtype=float)
    tail = s[k:]
    frobenius = float(np.sqrt(np.sum(tail**2)))
    spectral = float(tail[0]) if tail.size > 0 else 0.0
    return frobenius, spectral


def compression_ratio(m, n, k):
    """Numbers stored by a rank-k SVD (U_k, s_k, V_k) divided by the m*n of the full matrix."""
    return k * (m + n + 1) / (m * n)


def rank_for_energy(s, energy):
    """Smallest k whose first k singular values hold at least `energy` of sum(s**2)."""
    s = np.asarray(s, dtype=float)
    from_k = np.cumsum((s**2)[::-1])[::-1]  # from_k[k] = s[k]**2 + ... + s[-1]**2
    dropped = np.append(from_k[1:], 0.0)  # dropped[k - 1]: what keeping k values leaves out
    allowed = (1 - energy) * from_k[0]  # exactly 0 for energy = 1
    return int(np.argmax(dropped <= allowed)) + 1


def google_matrix(adj, alpha=0.85):
    """Column-stochastic Google matrix; adj[i, j] = 1 when page i links to page j."""
    adj = np.asarray(adj, dtype=float)
    n = adj.shape[0]
    out_degree = adj.sum(axis=1)
    M = np.full((n, n), 1.0 / n)  # dangling pages link to every page
    linked = out_degree > 0
    M[:, linked] = (adj[linked] / out_degree[linked, None]).T
    return alpha * M + (1 - alpha) / n


def pagerank(G, tol=1e-10, max_iter=1000):
    """PageRank vector (non-negative, sums to 1) by power iteration on the Google matrix G."""
    G = np.asarray(G, dtype=float)
    n = G.shape[0]
    r = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        r_new = G @ r
        done = np.abs(r_new - r).sum() < tol
        r = r_new
        if done:
            break
    return r / r.sum()
