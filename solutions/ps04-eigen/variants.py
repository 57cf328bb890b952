"""Variants for ps04-eigen."""

import cmath

import numpy as np

from mlmath.authoring import variant

# q1: eigenvalues of a 2x2 matrix


@variant("q1", wrong="takes a real square root: NaN instead of a complex pair when disc < 0")
def eig2x2(A):
    A = np.asarray(A, dtype=float)
    trace = A[0, 0] + A[1, 1]
    det = A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
    root = np.sqrt(trace**2 - 4 * det)
    return np.array([(trace + root) / 2, (trace - root) / 2])


@variant("q1", wrong="sign error in the determinant: a d + b c")
def eig2x2(A):
    A = np.asarray(A, dtype=float)
    trace = A[0, 0] + A[1, 1]
    det = A[0, 0] * A[1, 1] + A[0, 1] * A[1, 0]
    root = np.emath.sqrt(trace**2 - 4 * det)
    return np.array([(trace + root) / 2, (trace - root) / 2])


@variant("q1", wrong="forgets the 4 in the discriminant: trace^2 - det")
def eig2x2(A):
    A = np.asarray(A, dtype=float)
    trace = A[0, 0] + A[1, 1]
    det = np.linalg.det(A)
    root = np.emath.sqrt(trace**2 - det)
    return np.array([(trace + root) / 2, (trace - root) / 2])


@variant("q1", wrong="uses the characteristic polynomial t^2 + trace t + det (sign of trace)")
def eig2x2(A):
    A = np.asarray(A, dtype=float)
    trace = A[0, 0] + A[1, 1]
    det = A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
    root = np.emath.sqrt(trace**2 - 4 * det)
    return np.array([(-trace + root) / 2, (-trace - root) / 2])


@variant("q1", wrong="calls np.linalg.eigvals, which the question forbids")
def eig2x2(A):
    return np.linalg.eigvals(np.asarray(A, dtype=float))


@variant("q1", correct="cmath.sqrt on the discriminant, returns a list, smaller root first")
def eig2x2(A):
    (a, b), (c, d) = np.asarray(A, dtype=float).tolist()
    trace, det = a + d, a * d - b * c
    root = cmath.sqrt(trace * trace - 4 * det)
    return [(trace - root) / 2, (trace + root) / 2]


@variant("q1", correct="np.emath.sqrt, always returns a complex array")
def eig2x2(A):
    A = np.asarray(A, dtype=float)
    trace = np.trace(A)
    det = np.linalg.det(A)
    root = np.emath.sqrt(trace**2 - 4 * det)
    return np.array([(trace + root) / 2, (trace - root) / 2], dtype=complex)


@variant("q1", wrong="no float conversion: a d - b c of large integers wraps around in int64")
def eig2x2(A):
    (a, b), (c, d) = np.asarray(A)
    trace = a + d
    det = a * d - b * c
    root = np.emath.sqrt(trace**2 - 4 * det)
    return np.array([(trace + root) / 2, (trace - root) / 2])


# q2: checking an eigenpair


@variant("q2", wrong="forgets that an eigenvector must be non-zero")
def is_eigenpair(A, v, lam, tol=1e-8):
    v = np.asarray(v)
    return bool(np.linalg.norm(np.asarray(A) @ v - lam * v) <= tol * np.linalg.norm(v))


@variant("q2", wrong="absolute tolerance: ||A v - lam v|| <= tol, not relative to ||v||")
def is_eigenpair(A, v, lam, tol=1e-8):
    v = np.asarray(v)
    if np.linalg.norm(v) == 0:
        return False
    return bool(np.linalg.norm(np.asarray(A) @ v - lam * v) <= tol)


@variant("q2", wrong="checks only the Rayleigh quotient v.A v / v.v == lam")
def is_eigenpair(A, v, lam, tol=1e-8):
    v = np.asarray(v)
    if np.linalg.norm(v) == 0:
        return False
    quotient = np.vdot(v, np.asarray(A) @ v) / np.vdot(v, v)
    return bool(abs(quotient - lam) <= tol * max(1.0, abs(lam)))


@variant("q2", wrong="checks only that A v is parallel to v, ignoring lam")
def is_eigenpair(A, v, lam, tol=1e-8):
    v = np.asarray(v)
    if np.linalg.norm(v) == 0:
        return False
    Av = np.asarray(A) @ v
    mu = np.vdot(v, Av) / np.vdot(v, v)
    return bool(np.linalg.norm(Av - mu * v) <= tol * np.linalg.norm(v))


@variant("q2", correct="normalizes v first, then compares the residual with tol")
def is_eigenpair(A, v, lam, tol=1e-8):
    v = np.asarray(v)
    length = np.linalg.norm(v)
    if length == 0:
        return False
    u = v / length
    return bool(np.linalg.norm(np.asarray(A) @ u - lam * u) <= tol)


@variant("q2", correct="explicit loops over the entries")
def is_eigenpair(A, v, lam, tol=1e-8):
    n = len(v)
    residual = 0.0
    length = 0.0
    for i in range(n):
        row = sum(A[i][j] * v[j] for j in range(n))
        residual += abs(row - lam * v[i]) ** 2
        length += abs(v[i]) ** 2
    if length == 0:
        return False
    return residual**0.5 <= tol * length**0.5


@variant("q2", wrong="strict inequality: a residual exactly at tol * ||v|| is rejected")
def is_eigenpair(A, v, lam, tol=1e-8):
    v = np.asarray(v)
    if np.linalg.norm(v) == 0:
        return False
    return bool(np.linalg.norm(np.asarray(A) @ v - lam * v) < tol * np.linalg.norm(v))


# q3: Rayleigh quotient


@variant("q3", wrong="forgets to divide by x.x (only right for unit vectors)")
def rayleigh_quotient(A, x):
    x = np.asarray(x, dtype=float)
    return float(x @ np.asarray(A) @ x)


@variant("q3", wrong="divides by ||x|| instead of ||x||^2")
def rayleigh_quotient(A, x):
    x = np.asarray(x, dtype=float)
    return float(x @ np.asarray(A) @ x / np.linalg.norm(x))


@variant("q3", correct="normalizes x first, then x.A x, with einsum")
def rayleigh_quotient(A, x):
    u = np.asarray(x, dtype=float)
    u = u / np.linalg.norm(u)
    return np.einsum("i,ij,j->", u, np.asarray(A, dtype=float), u)


@variant("q3", correct="double loop over Python floats, returns a Python float")
def rayleigh_quotient(A, x):
    n = len(x)
    x = [float(xi) for xi in x]
    num = sum(x[i] * float(A[i][j]) * x[j] for i in range(n) for j in range(n))
    return num / sum(xi * xi for xi in x)


# q4: power iteration


@variant("q3", wrong="computes in the inputs' integer dtype: x.A x of large integers overflows")
def rayleigh_quotient(A, x):
    A = np.asarray(A)
    x = np.asarray(x)
    return float((x @ A @ x) / (x @ x))


@variant("q4", wrong="never normalizes inside the loop (only at the end): overflow/underflow")
def power_iteration(A, max_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    x = np.random.default_rng(0).normal(size=A.shape[0])
    v = x / np.linalg.norm(x)
    for _ in range(max_iter):
        x = A @ x
        w = x / np.linalg.norm(x)
        change = min(np.linalg.norm(w - v), np.linalg.norm(w + v))
        v = w
        if change < tol:
            break
    return float(v @ A @ v), v


@variant("q4", wrong="returns ||A v|| as the eigenvalue: the sign is lost when it is negative")
def power_iteration(A, max_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.random.default_rng(0).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    lam = 0.0
    for _ in range(max_iter):
        w = A @ v
        lam = np.linalg.norm(w)
        w = w / lam
        change = min(np.linalg.norm(w - v), np.linalg.norm(w + v))
        v = w
        if change < tol:
            break
    return lam, v


@variant("q4", wrong="starts from the all-ones vector, itself an eigenvector of some matrices")
def power_iteration(A, max_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.ones(A.shape[0]) / np.sqrt(A.shape[0])
    for _ in range(max_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        change = min(np.linalg.norm(w - v), np.linalg.norm(w + v))
        v = w
        if change < tol:
            break
    return float(v @ A @ v), v


@variant("q4", wrong="a fixed 30 iterations, ignoring max_iter and tol")
def power_iteration(A, max_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.random.default_rng(0).normal(size=A.shape[0])
    for _ in range(30):
        v = A @ v
        v = v / np.linalg.norm(v)
    return float(v @ A @ v), v


@variant("q4", wrong="uses np.linalg.eig, which the question forbids")
def power_iteration(A, max_iter=1000, tol=1e-10):
    values, vectors = np.linalg.eig(np.asarray(A, dtype=float))
    top = np.argmax(np.abs(values))
    v = vectors[:, top].real
    return float(values[top].real), v / np.linalg.norm(v)


@variant("q4", correct="convergence measured by the residual ||A v - lam v||, unseeded start")
def power_iteration(A, max_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.random.default_rng().uniform(-1, 1, size=A.shape[0])
    v /= np.linalg.norm(v)
    for _ in range(max_iter):
        Av = A @ v
        lam = v @ Av
        if np.linalg.norm(Av - lam * v) < tol * max(1.0, abs(lam)):
            break
        v = Av / np.linalg.norm(Av)
    return float(v @ A @ v), v


@variant("q4", wrong="ignores max_iter: a while loop that runs until the change is below tol")
def power_iteration(A, max_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.random.default_rng(0).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    while True:
        w = A @ v
        w = w / np.linalg.norm(w)
        change = min(np.linalg.norm(w - v), np.linalg.norm(w + v))
        v = w
        if change < tol:
            break
    return float(v @ A @ v), v


@variant("q4", wrong="ignores tol: stops at a fixed change of 1e-10")
def power_iteration(A, max_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.random.default_rng(0).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    for _ in range(max_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        change = min(np.linalg.norm(w - v), np.linalg.norm(w + v))
        v = w
        if change < 1e-10:
            break
    return float(v @ A @ v), v


@variant("q4", correct="fixes the sign of v each step and calls the student's rayleigh_quotient")
def power_iteration(A, max_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.random.default_rng(42).normal(size=len(A))
    v = v / np.linalg.norm(v)
    for _ in range(max_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        if w @ v < 0:
            w = -w
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    return rayleigh_quotient(A, v), list(v)


# q5: matrix powers through the eigendecomposition


@variant("q5", wrong="uses V.T instead of V^-1 (only valid for symmetric A)")
def matrix_power_eig(A, k):
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    return np.real(V @ np.diag(lam.astype(complex) ** k) @ V.T)


@variant("q5", wrong="multiplies the eigenvalues by k instead of raising them to the power k")
def matrix_power_eig(A, k):
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    return np.real(V @ np.diag(lam * k) @ np.linalg.inv(V))


@variant("q5", wrong="wrong order: V^-1 diag(lam^k) V")
def matrix_power_eig(A, k):
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    return np.real(np.linalg.inv(V) @ np.diag(lam.astype(complex) ** k) @ V)


@variant("q5", wrong="drops the imaginary parts of the eigenvalues before the power")
def matrix_power_eig(A, k):
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    return np.real(V @ np.diag(np.real(lam).astype(complex) ** k) @ np.linalg.inv(V))


@variant("q5", wrong="repeated multiplication: only works for whole non-negative k")
def matrix_power_eig(A, k):
    A = np.asarray(A, dtype=float)
    result = np.eye(len(A))
    for _ in range(int(k)):
        result = result @ A
    return result


@variant("q5", wrong="forgets np.real: returns a complex array with zero imaginary parts")
def matrix_power_eig(A, k):
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    return V @ np.diag(lam.astype(complex) ** k) @ np.linalg.inv(V)


@variant("q5", wrong="lam**k as exp(k log lam): NaN for k = 0 and a zero eigenvalue")
def matrix_power_eig(A, k):
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        lam_k = np.exp(k * np.log(lam.astype(complex)))
    return np.real(V @ np.diag(lam_k) @ np.linalg.inv(V))


@variant("q5", correct="broadcasting and np.linalg.solve instead of inv")
def matrix_power_eig(A, k):
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    scaled = V * np.power(lam.astype(complex), k)
    return np.linalg.solve(V.T, scaled.T).T.real


@variant("q5", correct="sum over eigenpairs of lam_i^k v_i w_i^T, w_i the rows of V^-1")
def matrix_power_eig(A, k):
    lam, V = np.linalg.eig(np.asarray(A, dtype=float))
    W = np.linalg.inv(V)
    total = np.zeros(V.shape, dtype=complex)
    for i in range(len(lam)):
        total += complex(lam[i]) ** k * np.outer(V[:, i], W[i])
    return total.real


# q6: spectral theorem


@variant("q6", wrong="np.linalg.eig + sort: eigenvectors not orthogonal for repeated eigenvalues")
def spectral_decomposition(S):
    lam, Q = np.linalg.eig(np.asarray(S, dtype=float))
    order = np.argsort(lam.real)[::-1]
    return lam.real[order], Q.real[:, order]


@variant("q6", wrong="keeps eigh's ascending order")
def spectral_decomposition(S):
    return np.linalg.eigh(np.asarray(S, dtype=float))


@variant("q6", wrong="reverses the eigenvalues but not the columns of Q")
def spectral_decomposition(S):
    lam, Q = np.linalg.eigh(np.asarray(S, dtype=float))
    return lam[::-1], Q


@variant("q6", wrong="returns the eigenvectors as rows (Q transposed)")
def spectral_decomposition(S):
    lam, Q = np.linalg.eigh(np.asarray(S, dtype=float))
    return lam[::-1], Q[:, ::-1].T


@variant("q6", wrong="from_spectrum computes Q^T diag(lam) Q")
def from_spectrum(lam, Q):
    Q = np.asarray(Q, dtype=float)
    return Q.T @ np.diag(lam) @ Q


@variant("q6", wrong="from_spectrum uses inv(Q): fails for a truncated, non-square Q")
def from_spectrum(lam, Q):
    Q = np.asarray(Q, dtype=float)
    return Q @ np.diag(lam) @ np.linalg.inv(Q)


@variant("q6", correct="scipy.linalg.eigh and flip, with explicit sorting")
def spectral_decomposition(S):
    import scipy.linalg

    lam, Q = scipy.linalg.eigh(np.asarray(S, dtype=float))
    return np.flip(lam), np.flip(Q, axis=1)


@variant("q6", correct="from_spectrum as a sum of rank-one matrices lam_i q_i q_i^T")
def from_spectrum(lam, Q):
    Q = np.asarray(Q, dtype=float)
    total = np.zeros((Q.shape[0], Q.shape[0]))
    for i in range(Q.shape[1]):
        total += lam[i] * np.outer(Q[:, i], Q[:, i])
    return total


# q7: best rank-k approximation


@variant("q7", wrong="keeps the k smallest singular values")
def rank_k_approx(X, k):
    U, s, Vt = np.linalg.svd(np.asarray(X, dtype=float), full_matrices=False)
    if k == 0:
        return np.zeros_like(np.asarray(X, dtype=float))
    return U[:, -k:] @ np.diag(s[-k:]) @ Vt[-k:, :]


@variant("q7", wrong="uses Vt.T where Vt is needed (transposes the wrong factor)")
def rank_k_approx(X, k):
    U, s, Vt = np.linalg.svd(np.asarray(X, dtype=float), full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt.T[:k, :]


@variant("q7", wrong="forgets the singular values: U_k V_k^T")
def rank_k_approx(X, k):
    U, s, Vt = np.linalg.svd(np.asarray(X, dtype=float), full_matrices=False)
    return U[:, :k] @ Vt[:k, :]


@variant("q7", wrong="zeroes s[k:] but keeps full_matrices=True: shapes only fit square X")
def rank_k_approx(X, k):
    U, s, Vt = np.linalg.svd(np.asarray(X, dtype=float))
    s[k:] = 0
    return U @ np.diag(s) @ Vt


@variant("q7", correct="full_matrices=True and a sum of k rank-one outer products")
def rank_k_approx(X, k):
    X = np.asarray(X, dtype=float)
    U, s, Vt = np.linalg.svd(X)
    total = np.zeros(X.shape)
    for i in range(k):
        total += s[i] * np.outer(U[:, i], Vt[i])
    return total


@variant("q7", correct="eigendecomposition of X^T X (the Gram matrix) instead of svd")
def rank_k_approx(X, k):
    X = np.asarray(X, dtype=float)
    if X.shape[0] < X.shape[1]:
        return rank_k_approx(X.T, k).T
    lam, V = np.linalg.eigh(X.T @ X)
    Vk = V[:, ::-1][:, :k]
    return X @ Vk @ Vk.T


# q8: truncation errors


@variant("q8", wrong="Frobenius error as the plain sum of discarded singular values")
def truncation_errors(s, k):
    s = np.asarray(s, dtype=float)
    return float(np.sum(s[k:])), float(s[k]) if k < len(s) else 0.0


@variant("q8", wrong="forgets the square root: sum of the squared discarded values")
def truncation_errors(s, k):
    s = np.asarray(s, dtype=float)
    return float(np.sum(s[k:] ** 2)), float(s[k]) if k < len(s) else 0.0


@variant("q8", wrong="off by one: spectral error s[k-1], the last value kept")
def truncation_errors(s, k):
    s = np.asarray(s, dtype=float)
    return float(np.linalg.norm(s[k:])), float(s[k - 1]) if k > 0 else float(s[0])


@variant("q8", wrong="indexes s[k] even when k = len(s): IndexError")
def truncation_errors(s, k):
    s = np.asarray(s, dtype=float)
    return float(np.sqrt(np.sum(s[k:] ** 2))), float(s[k])


@variant("q8", correct="np.linalg.norm of the tail and max of the tail with a default")
def truncation_errors(s, k):
    tail = np.asarray(s, dtype=float)[k:]
    return np.linalg.norm(tail), np.max(tail, initial=0.0)


@variant("q8", correct="explicit loop over the discarded singular values")
def truncation_errors(s, k):
    squares = 0.0
    for value in list(s)[k:]:
        squares += value * value
    spectral = s[k] if k < len(s) else 0
    return squares**0.5, float(spectral)


# q9: compression ratio and energy


@variant("q9", wrong="forgets to store the k singular values: k (m + n) / (m n)")
def compression_ratio(m, n, k):
    return k * (m + n) / (m * n)


@variant("q9", wrong="inverted ratio: original size over compressed size")
def compression_ratio(m, n, k):
    return (m * n) / (k * (m + n + 1)) if k else float("inf")


@variant("q9", wrong="energy measured with singular values, not their squares")
def rank_for_energy(s, energy):
    s = np.asarray(s, dtype=float)
    return int(np.argmax(np.cumsum(s) / np.sum(s) >= energy)) + 1


@variant("q9", wrong="returns the 0-based index instead of the count k")
def rank_for_energy(s, energy):
    s = np.asarray(s, dtype=float)
    return int(np.argmax(np.cumsum(s**2) / np.sum(s**2) >= energy))


@variant("q9", wrong="strict inequality: needs more than the target, not at least")
def rank_for_energy(s, energy):
    s = np.asarray(s, dtype=float)
    captured = np.cumsum(s**2) / np.sum(s**2)
    return int(min(np.sum(captured <= energy) + 1, len(s)))


@variant("q9", wrong="divides by np.sum(s**2): for energy = 1 rounding can leave every share < 1")
def rank_for_energy(s, energy):
    s = np.asarray(s, dtype=float)
    captured = np.cumsum(s**2) / np.sum(s**2)
    return int(np.argmax(captured >= energy)) + 1


@variant("q9", wrong="cumulative share over the last cumulative sum: blind to tiny values")
def rank_for_energy(s, energy):
    s = np.asarray(s, dtype=float)
    cumulative = np.cumsum(s**2)
    return int(np.argmax(cumulative / cumulative[-1] >= energy)) + 1


@variant("q9", wrong="a while loop adding one squared value at a time: 1 + 1e-18 == 1")
def rank_for_energy(s, energy):
    squares = [float(x) ** 2 for x in s]
    total = sum(squares)
    kept, k = 0.0, 0
    while k < len(squares) and kept < energy * total:
        kept += squares[k]
        k += 1
    return max(k, 1)


@variant("q9", correct="a while loop dropping squared values from the end while allowed")
def rank_for_energy(s, energy):
    squares = [float(x) ** 2 for x in s]
    allowed = (1 - energy) * sum(squares[::-1])
    k, dropped = len(squares), 0.0
    while k > 1 and dropped + squares[k - 1] <= allowed:
        dropped += squares[k - 1]
        k -= 1
    return k


@variant("q9", correct="energy = 1 counts the non-zero values; otherwise np.searchsorted")
def rank_for_energy(s, energy):
    s = np.asarray(s, dtype=float)
    if energy >= 1:
        return max(int(np.count_nonzero(s)), 1)
    captured = np.cumsum(s**2) / np.sum(s**2)
    return min(int(np.searchsorted(captured, energy)) + 1, len(s))


variant(
    "q9",
    correct="ratio written as a lambda of the three parts",
    compression_ratio=lambda m, n, k: (m * k + k + n * k) / (m * n),
)


# q10: Google matrix


@variant("q10", wrong="dangling columns left at zero: probability mass leaks")
def google_matrix(adj, alpha=0.85):
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    out = adj.sum(axis=1)
    M = (adj / np.where(out > 0, out, 1)[:, None]).T
    return alpha * M + (1 - alpha) / n


@variant("q10", wrong="forgets the teleport term (1 - alpha)/n")
def google_matrix(adj, alpha=0.85):
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    out = adj.sum(axis=1)
    M = np.where(out > 0, adj.T / np.where(out > 0, out, 1), 1 / n)
    return alpha * M


@variant("q10", wrong="row-stochastic: forgets to transpose (G[i, j] for i -> j)")
def google_matrix(adj, alpha=0.85):
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    out = adj.sum(axis=1)
    M = np.where(out[:, None] > 0, adj / np.where(out > 0, out, 1)[:, None], 1 / n)
    return alpha * M + (1 - alpha) / n


@variant("q10", wrong="normalizes by in-degree (column sums of adj) instead of out-degree")
def google_matrix(adj, alpha=0.85):
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    indeg = adj.sum(axis=0)
    M = np.where(indeg > 0, adj.T / np.where(indeg > 0, indeg, 1), 1 / n)
    return alpha * M + (1 - alpha) / n


@variant("q10", wrong="assumes adj is a NumPy array: a nested list has no .sum(axis=1)")
def google_matrix(adj, alpha=0.85):
    n = len(adj)
    out = adj.sum(axis=1)
    M = np.where(out > 0, adj.T / np.where(out > 0, out, 1), 1 / n)
    return alpha * M + (1 - alpha) / n


@variant("q10", correct="double loop; dangling columns set to 1/n after damping")
def google_matrix(adj, alpha=0.85):
    n = len(adj)
    G = [[0.0] * n for _ in range(n)]
    for j in range(n):
        out = sum(adj[j])
        for i in range(n):
            if out == 0:
                G[i][j] = 1 / n
            else:
                G[i][j] = alpha * adj[j][i] / out + (1 - alpha) / n
    return G


@variant("q10", correct="vectorized with np.where: every column divided by its out-degree")
def google_matrix(adj, alpha=0.85):
    adj = np.array(adj, dtype=float)
    n = len(adj)
    out = adj.sum(axis=1)
    M = np.where(out > 0, adj.T / np.where(out > 0, out, 1.0), 1.0 / n)
    return alpha * M + (1 - alpha) * np.ones((n, n)) / n


# q11: PageRank


@variant("q11", wrong="row-vector update r <- r G (that is G^T r) with a column-stochastic G")
def pagerank(G, tol=1e-10, max_iter=1000):
    G = np.asarray(G, dtype=float)
    r = np.full(len(G), 1 / len(G))
    for _ in range(max_iter):
        r_new = r @ G
        r_new = r_new / r_new.sum()
        done = np.abs(r_new - r).sum() < tol
        r = r_new
        if done:
            break
    return r


@variant("q11", wrong="scales r to unit Euclidean length, as in power iteration, not to sum 1")
def pagerank(G, tol=1e-10, max_iter=1000):
    G = np.asarray(G, dtype=float)
    r = np.full(len(G), 1 / len(G))
    for _ in range(max_iter):
        r_new = G @ r
        r_new = r_new / np.linalg.norm(r_new)
        done = np.abs(r_new - r).sum() < tol
        r = r_new
        if done:
            break
    return r


@variant("q11", wrong="adds its own teleport term to the G it is given (damps twice)")
def pagerank(G, tol=1e-10, max_iter=1000, alpha=0.85):
    G = np.asarray(G, dtype=float)
    n = len(G)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        r_new = alpha * G @ r + (1 - alpha) / n
        done = np.abs(r_new - r).sum() < tol
        r = r_new
        if done:
            break
    return r / r.sum()


@variant("q11", wrong="ignores max_iter: a while loop that runs until the change is below tol")
def pagerank(G, tol=1e-10, max_iter=1000):
    G = np.asarray(G, dtype=float)
    r = np.full(len(G), 1 / len(G))
    while True:
        r_new = G @ r
        done = np.abs(r_new - r).sum() < tol
        r = r_new
        if done:
            break
    return r / r.sum()


@variant("q11", wrong="ignores tol: a fixed stopping change of 1e-10")
def pagerank(G, tol=1e-10, max_iter=1000):
    G = np.asarray(G, dtype=float)
    r = np.full(len(G), 1 / len(G))
    for _ in range(max_iter):
        r_new = G @ r
        done = np.abs(r_new - r).sum() < 1e-10
        r = r_new
        if done:
            break
    return r / r.sum()


@variant("q11", wrong="one step too many: range(max_iter + 1)")
def pagerank(G, tol=1e-10, max_iter=1000):
    G = np.asarray(G, dtype=float)
    r = np.full(len(G), 1 / len(G))
    for _ in range(max_iter + 1):
        r_new = G @ r
        done = np.abs(r_new - r).sum() < tol
        r = r_new
        if done:
            break
    return r / r.sum()


@variant("q11", wrong="uses np.linalg.eig, which the question forbids")
def pagerank(G, tol=1e-10, max_iter=1000):
    values, vectors = np.linalg.eig(np.asarray(G, dtype=float))
    r = vectors[:, np.argmin(np.abs(values - 1))].real
    return r / r.sum()


@variant("q11", correct="a while loop with a step counter, normalizing r at every step")
def pagerank(G, tol=1e-10, max_iter=1000):
    n = len(G)
    r = [1 / n] * n
    steps = 0
    while steps < max_iter:
        r_new = [sum(G[i][j] * r[j] for j in range(n)) for i in range(n)]
        total = sum(r_new)
        r_new = [x / total for x in r_new]
        change = sum(abs(a - b) for a, b in zip(r_new, r, strict=True))
        r, steps = r_new, steps + 1
        if change < tol:
            break
    return np.array(r)


@variant("q11", correct="L1 change with np.linalg.norm(ord=1), normalizing once at the end")
def pagerank(G, tol=1e-10, max_iter=1000):
    G = np.array(G, dtype=float)
    r = np.ones(G.shape[0]) / G.shape[0]
    for _ in range(max_iter):
        r_new = np.dot(G, r)
        change = np.linalg.norm(r_new - r, ord=1)
        r = r_new
        if change < tol:
            break
    return r / np.sum(r)
