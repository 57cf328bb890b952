"""Variants for ps03-matrices."""

import functools

import numpy as np
import scipy.linalg

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: matmul and its cost


@variant("q1", wrong="multiplies A[i, k] by B[j, k]: computes A @ B.T")
def matmul(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.shape[1] != B.shape[0]:
        raise ValueError("inner dimensions differ")
    n, m = A.shape
    p = B.shape[1]
    C = np.zeros((n, p))
    for i in range(n):
        for j in range(p):
            for k in range(m):
                C[i, j] += A[i, k] * B[j % B.shape[0], k % p]
    return C


@variant("q1", wrong="no shape check: loops over A's columns and fails or truncates silently")
def matmul(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    C = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):
        for j in range(B.shape[1]):
            C[i, j] = sum(a * b for a, b in zip(A[i, :], B[:, j], strict=False))
    return C


@variant("q1", wrong="multiplies elementwise (A * B) instead of rows times columns")
def matmul(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.shape[1] != B.shape[0]:
        raise ValueError("inner dimensions differ")
    return A * B


@variant("q1", correct="each entry as a dot product of a row of A and a column of B")
def matmul(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[0]:
        raise ValueError("shapes do not match")
    return [[float(np.sum(A[i, :] * B[:, j])) for j in range(B.shape[1])] for i in range(len(A))]


@variant("q1", wrong="counts m additions per entry (adds into a zero accumulator)")
def matmul_flops(n, m, p):
    return (n * m * p, n * m * p)


@variant("q1", wrong="returns the usual total 2nmp instead of the pair")
def matmul_flops(n, m, p):
    return 2 * n * m * p


@variant("q1", correct="returns a list [mults, adds] computed as per-entry counts")
def matmul_flops(n, m, p):
    entries = n * p
    return [entries * m, entries * (m - 1)]


@variant("q1", wrong="keeps the integer dtype of the inputs: int64 products overflow silently")
def matmul(A, B):
    A = np.asarray(A)
    B = np.asarray(B)
    if A.shape[1] != B.shape[0]:
        raise ValueError("inner dimensions differ")
    C = np.zeros((A.shape[0], B.shape[1]), dtype=np.result_type(A, B))
    for i in range(A.shape[0]):
        for j in range(B.shape[1]):
            C[i, j] = np.sum(A[i, :] * B[:, j])
    return C


# ---------------------------------------------------------------- q2: inverse rules


@variant("q2", wrong="multiplies the inverses in the original order A1^-1 A2^-1 ...")
def inverse_of_product(inverses):
    result = np.asarray(inverses[0], dtype=float)
    for inv in inverses[1:]:
        result = result @ np.asarray(inv, dtype=float)
    return result


@variant("q2", wrong="reverses the order but also transposes each inverse")
def inverse_of_product(inverses):
    result = np.asarray(inverses[-1], dtype=float).T
    for inv in reversed(inverses[:-1]):
        result = result @ np.asarray(inv, dtype=float).T
    return result


@variant("q2", wrong="returns inv(A) itself as the inverse of A^T")
def inverse_of_transpose(A_inv):
    return np.asarray(A_inv, dtype=float)


@variant("q2", correct="functools.reduce with matmul from the right")
def inverse_of_product(inverses):
    mats = [np.asarray(M, dtype=float) for M in inverses]
    return functools.reduce(lambda acc, M: M @ acc, mats)


@variant("q2", correct="np.transpose with a list input")
def inverse_of_transpose(A_inv):
    return np.transpose(np.asarray(A_inv, dtype=float)).tolist()


# ---------------------------------------------------------------- q3: back substitution


@variant("q3", wrong="loops forward (i = 0 .. n-1) so later unknowns are still zero")
def back_substitution(U, b):
    U = np.asarray(U, dtype=float)
    b = np.asarray(b, dtype=float)
    n = len(b)
    x = np.zeros(n)
    for i in range(n):
        if U[i, i] == 0:
            raise ValueError("singular")
        x[i] = (b[i] - U[i, i + 1 :] @ x[i + 1 :]) / U[i, i]
    return x


@variant("q3", wrong="forgets to divide by the diagonal entry U[i, i]")
def back_substitution(U, b):
    U = np.asarray(U, dtype=float)
    b = np.asarray(b, dtype=float)
    n = len(b)
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        if U[i, i] == 0:
            raise ValueError("singular")
        x[i] = b[i] - U[i, i + 1 :] @ x[i + 1 :]
    return x


@variant("q3", wrong="x = np.zeros_like(b): integer b gives a truncated integer solution")
def back_substitution(U, b):
    U = np.asarray(U)
    b = np.asarray(b)
    n = len(b)
    x = np.zeros_like(b)
    for i in range(n - 1, -1, -1):
        if U[i, i] == 0:
            raise ValueError("singular")
        x[i] = (b[i] - U[i, i + 1 :] @ x[i + 1 :]) / U[i, i]
    return x


@variant("q3", wrong="no check of the diagonal: divides by zero and returns inf or nan")
def back_substitution(U, b):
    U = np.asarray(U, dtype=float)
    b = np.asarray(b, dtype=float)
    n = len(b)
    x = np.zeros(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(n - 1, -1, -1):
            x[i] = (b[i] - U[i, i + 1 :] @ x[i + 1 :]) / U[i, i]
    return x


@variant("q3", wrong="updates b in place (column-oriented) without copying it")
def back_substitution(U, b):
    U = np.asarray(U, dtype=float)
    if not isinstance(b, np.ndarray) or b.dtype != float:
        b = np.asarray(b, dtype=float)
    n = len(b)
    for j in range(n - 1, -1, -1):
        if U[j, j] == 0:
            raise ValueError("singular")
        b[j] = b[j] / U[j, j]
        b[:j] -= U[:j, j] * b[j]
    return b


@variant("q3", correct="column-oriented back substitution on a copy of b")
def back_substitution(U, b):
    U = np.asarray(U, dtype=float)
    x = np.array(b, dtype=float)
    for j in range(len(x) - 1, -1, -1):
        if U[j, j] == 0:
            raise ValueError("zero on the diagonal")
        x[j] /= U[j, j]
        x[:j] -= U[:j, j] * x[j]
    return x


@variant("q3", correct="two plain loops over the entries, a scalar accumulator per row")
def back_substitution(U, b):
    n = len(b)
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        if U[i][i] == 0:
            raise ValueError("zero on the diagonal")
        total = float(b[i])
        for j in range(i + 1, n):
            total -= U[i][j] * x[j]
        x[i] = total / U[i][i]
    return np.array(x)


@variant("q3", wrong="uses U[i+1:, i] (the column below the diagonal) for U[i, i+1:]")
def back_substitution(U, b):
    U = np.asarray(U, dtype=float)
    b = np.asarray(b, dtype=float)
    n = len(b)
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        if U[i, i] == 0:
            raise ValueError("singular")
        x[i] = (b[i] - U[i + 1 :, i] @ x[i + 1 :]) / U[i, i]
    return x


@variant("q3", wrong="raises when |U[i, i]| < 1e-10: a tolerance the prompt does not ask for")
def back_substitution(U, b):
    U = np.asarray(U, dtype=float)
    b = np.asarray(b, dtype=float)
    n = len(b)
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        if abs(U[i, i]) < 1e-10:
            raise ValueError("singular")
        x[i] = (b[i] - U[i, i + 1 :] @ x[i + 1 :]) / U[i, i]
    return x


# ---------------------------------------------------------------- q4: Gaussian elimination


@variant("q4", wrong="no pivoting: divides by A[k, k] whatever its size")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    for k in range(n):
        if A[k, k] == 0:
            raise ValueError("zero pivot")
        for i in range(k + 1, n):
            f = A[i, k] / A[k, k]
            A[i, k:] -= f * A[k, k:]
            b[i] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="pivot row from argmax(|A[k:, k]|) without adding the offset k")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    threshold = 1e-12 * np.max(np.abs(A))
    for k in range(n):
        p = int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold:
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="pivots on the largest entry of row k (wrong direction) and swaps rows")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    threshold = 1e-12 * np.max(np.abs(A))
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k, k:])))
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        if abs(A[k, k]) <= threshold:
            raise ValueError("singular")
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="swaps the rows of A but forgets to swap b")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    threshold = 1e-12 * np.max(np.abs(A))
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold:
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="tests pivot == 0 exactly: a numerically singular matrix is 'solved'")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if A[p, k] == 0:
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="absolute singularity test |pivot| < 1e-12, so tiny-scale matrices fail")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) < 1e-12:
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="np.asarray without dtype=float: works in place on the caller's arrays")
def gaussian_solve(A, b):
    A = np.asarray(A)
    b = np.asarray(b)
    n = len(b)
    threshold = 1e-12 * np.max(np.abs(A))
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold:
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:]).astype(A.dtype)
        b[k + 1 :] -= (f * b[k]).astype(b.dtype)
    return back_substitution(A, b)


@variant("q4", wrong="raises ZeroDivisionError-style errors instead of ValueError when singular")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    threshold = 1e-12 * np.max(np.abs(A))
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold:
            raise ZeroDivisionError("singular matrix")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="calls np.linalg.solve (forbidden)")
def gaussian_solve(A, b):
    return np.linalg.solve(np.asarray(A, dtype=float), np.asarray(b, dtype=float))


@variant("q4", correct="Gauss-Jordan: partial pivoting, eliminates above and below, no back-sub")
def gaussian_solve(A, b):
    M = np.column_stack([np.array(A, dtype=float), np.array(b, dtype=float)])
    n = M.shape[0]
    threshold = 1e-12 * np.max(np.abs(M[:, :n]))
    for k in range(n):
        p = k + int(np.argmax(np.abs(M[k:, k])))
        if abs(M[p, k]) <= threshold or M[p, k] == 0:
            raise ValueError("matrix is singular")
        M[[k, p]] = M[[p, k]]
        M[k] /= M[k, k]
        for i in range(n):
            if i != k:
                M[i] -= M[i, k] * M[k]
    return M[:, n]


@variant("q4", correct="LU factorization with a permutation vector, then two triangular solves")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    n = A.shape[0]
    perm = np.arange(n)
    L = np.eye(n)
    U = A.copy()
    threshold = 1e-12 * np.abs(A).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= threshold or U[p, k] == 0:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        L[[k, p], :k] = L[[p, k], :k]
        perm[[k, p]] = perm[[p, k]]
        for i in range(k + 1, n):
            L[i, k] = U[i, k] / U[k, k]
            U[i, k:] -= L[i, k] * U[k, k:]
    c = np.array(b, dtype=float)[perm]
    for i in range(n):
        c[i] -= L[i, :i] @ c[:i]
    return back_substitution(U, c)


@variant("q4", wrong="swaps rows only when the pivot is exactly 0 (first non-zero pivot)")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    threshold = 1e-12 * np.max(np.abs(A))
    for k in range(n):
        p = k
        if A[k, k] == 0:
            p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold:
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="threshold 1e-8 * max|A| 'to be safe': a valid 2e-9 pivot is refused")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    threshold = 1e-8 * np.max(np.abs(A))
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold:
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="strict |pivot| < 1e-12 max|A|: a pivot at the threshold is accepted")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    threshold = 1e-12 * np.max(np.abs(A))
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) < threshold or A[p, k] == 0:
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


@variant("q4", wrong="threshold from the block left after elimination, not the original A")
def gaussian_solve(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    for k in range(n):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= 1e-12 * np.max(np.abs(A[k:, k:])):
            raise ValueError("singular")
        A[[k, p]] = A[[p, k]]
        b[[k, p]] = b[[p, k]]
        f = A[k + 1 :, k] / A[k, k]
        A[k + 1 :, k:] -= np.outer(f, A[k, k:])
        b[k + 1 :] -= f * b[k]
    return back_substitution(A, b)


# ---------------------------------------------------------------- q5: rank


@variant("q5", wrong="compares pivots with exactly 0 (no tolerance)")
def rank(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    r = 0
    for j in range(n):
        if r == m:
            break
        p = r + int(np.argmax(np.abs(A[r:, j])))
        if A[p, j] == 0:
            continue
        A[[r, p]] = A[[p, r]]
        A[r + 1 :, j:] -= np.outer(A[r + 1 :, j] / A[r, j], A[r, j:])
        r += 1
    return r


@variant("q5", wrong="walks the diagonal: a pivot-less column also skips a row")
def rank(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    threshold = tol * np.max(np.abs(A), initial=0.0)
    r = 0
    for k in range(min(m, n)):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold:
            continue
        A[[k, p]] = A[[p, k]]
        A[k + 1 :, k:] -= np.outer(A[k + 1 :, k] / A[k, k], A[k, k:])
        r += 1
    return r


@variant("q5", wrong="absolute tolerance: |pivot| <= tol regardless of the scale of A")
def rank(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    r = 0
    for j in range(n):
        if r == m:
            break
        p = r + int(np.argmax(np.abs(A[r:, j])))
        if abs(A[p, j]) <= tol:
            continue
        A[[r, p]] = A[[p, r]]
        A[r + 1 :, j:] -= np.outer(A[r + 1 :, j] / A[r, j], A[r, j:])
        r += 1
    return r


@variant("q5", wrong="counts the nonzero rows of A instead of the pivots")
def rank(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    return int(np.sum(np.any(np.abs(A) > tol * np.abs(A).max(initial=0.0), axis=1)))


@variant("q5", wrong="calls np.linalg.matrix_rank (forbidden)")
def rank(A, tol=1e-10):
    return int(np.linalg.matrix_rank(np.asarray(A, dtype=float)))


@variant("q5", wrong="row-reduces the caller's array in place (np.asarray makes no copy)")
def rank(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
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


@variant("q5", correct="complete pivoting (largest entry of the remaining block, column swaps)")
def rank(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    threshold = tol * np.max(np.abs(A), initial=0.0)
    r = 0
    while r < min(m, n):
        block = np.abs(A[r:, r:])
        i, j = np.unravel_index(int(np.argmax(block)), block.shape)
        if block[i, j] <= threshold:
            break
        A[[r, r + i]] = A[[r + i, r]]
        A[:, [r, r + j]] = A[:, [r + j, r]]
        A[r + 1 :, r:] -= np.outer(A[r + 1 :, r] / A[r, r], A[r, r:])
        r += 1
    return r


@variant("q5", correct="row-reduces the transpose (column rank equals row rank)")
def rank(A, tol=1e-10):
    A = np.array(A, dtype=float).T.copy()
    m, n = A.shape
    threshold = tol * np.max(np.abs(A), initial=0.0)
    r = 0
    for j in range(n):
        if r == m:
            break
        p = r + int(np.argmax(np.abs(A[r:, j])))
        if abs(A[p, j]) > threshold:
            A[[r, p]] = A[[p, r]]
            A[r + 1 :, j:] -= np.outer(A[r + 1 :, j] / A[r, j], A[r, j:])
            r += 1
    return r


@variant("q5", wrong="ignores the tol argument (a fixed 1e-10)")
def rank(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    threshold = 1e-10 * np.max(np.abs(A), initial=0.0)
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


@variant("q5", wrong="strict |pivot| < tol max|A|: a pivot equal to the threshold counts")
def rank(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    threshold = tol * np.max(np.abs(A), initial=0.0)
    r = 0
    for j in range(n):
        if r == m:
            break
        p = r + int(np.argmax(np.abs(A[r:, j])))
        if abs(A[p, j]) < threshold or A[p, j] == 0:
            continue
        A[[r, p]] = A[[p, r]]
        A[r + 1 :, j:] -= np.outer(A[r + 1 :, j] / A[r, j], A[r, j:])
        r += 1
    return r


@variant("q5", wrong="np.array(A) without dtype=float: integer matrices cannot be reduced")
def rank(A, tol=1e-10):
    A = np.array(A)
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


# ---------------------------------------------------------------- q6: basis and span


@variant("q6", wrong="walks the diagonal: a pivot-less column also skips a row")
def pivot_columns(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    threshold = tol * np.max(np.abs(A), initial=0.0)
    pivots = []
    for k in range(min(m, n)):
        p = k + int(np.argmax(np.abs(A[k:, k])))
        if abs(A[p, k]) <= threshold:
            continue
        A[[k, p]] = A[[p, k]]
        A[k + 1 :, k:] -= np.outer(A[k + 1 :, k] / A[k, k], A[k, k:])
        pivots.append(k)
    return pivots


@variant("q6", wrong="returns every column that is not zero (ignores dependence)")
def pivot_columns(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    return [j for j in range(A.shape[1]) if np.abs(A[:, j]).max() > tol * np.abs(A).max()]


@variant("q6", wrong="complete pivoting: picks the largest columns first, not the leftmost")
def pivot_columns(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    cols = list(range(n))
    threshold = tol * np.max(np.abs(A), initial=0.0)
    r = 0
    while r < min(m, n):
        block = np.abs(A[r:, r:])
        i, j = np.unravel_index(int(np.argmax(block)), block.shape)
        if block[i, j] <= threshold:
            break
        A[[r, r + i]] = A[[r + i, r]]
        A[:, [r, r + j]] = A[:, [r + j, r]]
        cols[r], cols[r + j] = cols[r + j], cols[r]
        A[r + 1 :, r:] -= np.outer(A[r + 1 :, r] / A[r, r], A[r, r:])
        r += 1
    return sorted(cols[:r])


@variant("q6", wrong="in_span compares rank([A | v]) with the number of columns of A")
def in_span(A, v, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v, dtype=float).reshape(-1, 1)
    return rank(np.hstack([A, v]), tol) == A.shape[1]


@variant("q6", wrong="in_span tests whether v is parallel to one of the columns of A")
def in_span(A, v, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v, dtype=float)
    return any(rank(np.column_stack([A[:, j], v]), tol) <= 1 for j in range(A.shape[1]))


@variant("q6", correct="greedy with Gram-Schmidt: keeps column j if its residual is not ~0")
def pivot_columns(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    threshold = tol * np.sqrt(A.shape[0]) * np.max(np.abs(A), initial=0.0)
    basis = []
    kept = []
    for j in range(A.shape[1]):
        v = A[:, j].copy()
        for q in basis:
            v -= (q @ v) * q
        norm = np.linalg.norm(v)
        if norm > threshold and norm > 0:
            basis.append(v / norm)
            kept.append(j)
    return np.array(kept)


@variant("q6", correct="greedy with rank: column j is a pivot if it raises the rank of A[:, :j]")
def pivot_columns(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    pivots = []
    for j in range(A.shape[1]):
        if rank(A[:, : j + 1], tol) > len(pivots):
            pivots.append(j)
    return pivots


@variant("q6", correct="in_span via pivot columns: the rescaled v is not a pivot of [A | v]")
def in_span(A, v, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v, dtype=float)
    if not v.any():
        return True
    if not A.any():
        return False
    v = v / np.abs(v).max() * np.abs(A).max()
    return A.shape[1] not in pivot_columns(np.column_stack([A, v]), tol)


@variant("q6", wrong="appends v without rescaling it: the answer depends on the length of v")
def in_span(A, v, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v, dtype=float).reshape(-1, 1)
    return bool(rank(np.hstack([A, v]), tol) == rank(A, tol))


@variant("q6", wrong="rescales v to unit length instead of to the size of A")
def in_span(A, v, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v, dtype=float)
    length = np.linalg.norm(v)
    if length == 0:
        return True
    if not A.any():
        return False
    return bool(rank(np.column_stack([A, v / length]), tol) == rank(A, tol))


@variant("q6", wrong="in_span ignores tol: calls rank with its default")
def in_span(A, v, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v, dtype=float).reshape(-1, 1)
    if not v.any():
        return True
    if not A.any():
        return False
    v = v / np.abs(v).max() * np.abs(A).max()
    return bool(rank(np.hstack([A, v])) == rank(A))


@variant("q6", wrong="pivot_columns ignores tol (a fixed 1e-10)")
def pivot_columns(A, tol=1e-10):
    A = np.array(A, dtype=float)
    m, n = A.shape
    threshold = 1e-10 * np.max(np.abs(A), initial=0.0)
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


# ---------------------------------------------------------------- q7: Gram-Schmidt


@variant("q7", wrong="classical Gram-Schmidt: projections computed from the original column")
def gram_schmidt(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ A[:, j]
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        Q[:, j] = v / R[j, j]
    return Q, R


@variant("q7", wrong="forgets to normalize: Q has orthogonal but not unit columns")
def gram_schmidt(A):
    V = np.array(A, dtype=float)
    m, n = V.shape
    Q = np.zeros((m, n))
    R = np.eye(n)
    for j in range(n):
        Q[:, j] = V[:, j]
        for k in range(j + 1, n):
            R[j, k] = (Q[:, j] @ V[:, k]) / (Q[:, j] @ Q[:, j])
            V[:, k] -= R[j, k] * Q[:, j]
    return Q, R


@variant("q7", wrong="subtracts projections onto the original columns a_i instead of q_i")
def gram_schmidt(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = A[:, i] @ v / (A[:, i] @ A[:, i])
            v -= R[i, j] * A[:, i]
        R[j, j] = np.linalg.norm(v)
        Q[:, j] = v / R[j, j]
    return Q, R


@variant("q7", wrong="modifies the columns of A in place (no copy)")
def gram_schmidt(A):
    V = np.asarray(A) if isinstance(A, np.ndarray) and A.dtype == float else np.array(A, float)
    m, n = V.shape
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = np.linalg.norm(V[:, j])
        V[:, j] /= R[j, j]
        for k in range(j + 1, n):
            R[j, k] = V[:, j] @ V[:, k]
            V[:, k] -= R[j, k] * V[:, j]
    return V, R


@variant("q7", correct="left-looking modified Gram-Schmidt (updates v inside the loop)")
def gram_schmidt(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v = v - R[i, j] * Q[:, i]
        R[j, j] = np.sqrt(v @ v)
        Q[:, j] = v / R[j, j]
    return Q, R


@variant("q7", correct="classical Gram-Schmidt run twice (reorthogonalization, CGS2)")
def gram_schmidt(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for _ in range(2):
            c = Q[:, :j].T @ v
            v = v - Q[:, :j] @ c
            R[:j, j] += c
        R[j, j] = np.linalg.norm(v)
        Q[:, j] = v / R[j, j]
    return Q, R


@variant("q7", correct="Householder reflections by hand, signs fixed so diag(R) > 0")
def gram_schmidt(A):
    R = np.array(A, dtype=float)
    m, n = R.shape
    Q = np.eye(m)
    for k in range(n):
        x = R[k:, k]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v /= np.linalg.norm(v)
        R[k:, :] -= 2 * np.outer(v, v @ R[k:, :])
        Q[:, k:] -= 2 * np.outer(Q[:, k:] @ v, v)
    Q, R = Q[:, :n], np.triu(R[:n, :])
    signs = np.sign(np.diag(R))
    return Q * signs, R * signs[:, None]


@variant("q7", wrong="Householder reflections without fixing the signs: R has negative diagonal")
def gram_schmidt(A):
    R = np.array(A, dtype=float)
    m, n = R.shape
    Q = np.eye(m)
    for k in range(n):
        x = R[k:, k]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v /= np.linalg.norm(v)
        R[k:, :] -= 2 * np.outer(v, v @ R[k:, :])
        Q[:, k:] -= 2 * np.outer(Q[:, k:] @ v, v)
    return Q[:, :n], np.triu(R[:n, :])


# ---------------------------------------------------------------- q8: projection onto a vector


@variant("q8", wrong="forgets the denominator: returns (a . v) a")
def project_onto_vector(v, a):
    v = np.asarray(v, dtype=float)
    a = np.asarray(a, dtype=float)
    if not a.any():
        raise ValueError("zero vector")
    return (a @ v) * a


@variant("q8", wrong="divides by ||a|| instead of ||a||^2")
def project_onto_vector(v, a):
    v = np.asarray(v, dtype=float)
    a = np.asarray(a, dtype=float)
    if not a.any():
        raise ValueError("zero vector")
    return (a @ v) / np.linalg.norm(a) * a


@variant("q8", wrong="swaps the roles: projects a onto v")
def project_onto_vector(v, a):
    v = np.asarray(v, dtype=float)
    a = np.asarray(a, dtype=float)
    if not a.any():
        raise ValueError("zero vector")
    return (a @ v) / (v @ v) * v


@variant("q8", wrong="no zero check: returns nan for the zero vector")
def project_onto_vector(v, a):
    v = np.asarray(v, dtype=float)
    a = np.asarray(a, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (a @ v) / (a @ a) * a


@variant("q8", wrong="the plain formula (a.v)/(a.a) a: a.a underflows or overflows")
def project_onto_vector(v, a):
    v = np.asarray(v, dtype=float)
    a = np.asarray(a, dtype=float)
    aa = a @ a
    if aa == 0:
        raise ValueError("cannot project onto the zero vector")
    return (a @ v) / aa * a


@variant("q8", wrong="integer division a.v // a.a for the coefficient")
def project_onto_vector(v, a):
    v = np.asarray(v)
    a = np.asarray(a)
    if not a.any():
        raise ValueError("zero vector")
    return (a @ v) // (a @ a) * a


@variant("q8", correct="projects with the unit vector u = a / ||a|| of the rescaled a: (u . v) u")
def project_onto_vector(v, a):
    a = np.asarray(a, dtype=float)
    if not a.any():
        raise ValueError("cannot project onto 0")
    a = a / np.abs(a).max()
    norm = np.linalg.norm(a)
    if norm == 0:
        raise ValueError("cannot project onto 0")
    u = a / norm
    return list(np.dot(u, v) * u)


# ---------------------------------------------------------------- q9: projection matrix


@variant("q9", wrong="P = A A^T (forgets the (A^T A)^{-1} in the middle)")
def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return A @ A.T


@variant("q9", wrong="uses A A^T inside: P = A^T (A A^T)^{-1} A, an n x n matrix")
def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return A.T @ np.linalg.pinv(A @ A.T) @ A


@variant("q9", wrong="returns the complementary projection I - A (A^T A)^{-1} A^T")
def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return np.eye(len(A)) - A @ np.linalg.solve(A.T @ A, A.T)


@variant("q9", wrong="sums the projections onto each column (only right for orthogonal columns)")
def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return sum(np.outer(a, a) / (a @ a) for a in A.T)


@variant("q9", correct="normal-equations formula A (A^T A)^{-1} A^T with np.linalg.solve")
def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return A @ np.linalg.solve(A.T @ A, A.T)


@variant("q9", correct="pseudo-inverse: P = A pinv(A)")
def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return A @ np.linalg.pinv(A)


# ---------------------------------------------------------------- q10: least squares


@variant("q10", wrong="lstsq_normal uses X X^T instead of X^T X (and y for X^T y)")
def lstsq_normal(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    return np.linalg.pinv(X @ X.T) @ y


@variant("q10", wrong="lstsq_normal forgets the inverse: w = X^T X X^T y")
def lstsq_normal(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    return X.T @ X @ (X.T @ y)


@variant("q10", wrong="lstsq_qr solves by the normal equations (squares the condition number)")
def lstsq_qr(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    return gaussian_solve(X.T @ X, X.T @ y)


@variant("q10", wrong="lstsq_qr computes Q.T @ y from a Q that is not exactly orthogonal")
def lstsq_qr(X, y):
    Q, R = gram_schmidt(X)
    return back_substitution(R, Q.T @ np.asarray(y, dtype=float))


@variant("q10", wrong="lstsq_qr solves R^T w = Q^T y (transposed triangle)")
def lstsq_qr(X, y):
    X = np.asarray(X, dtype=float)
    n = X.shape[1]
    _, R = gram_schmidt(np.column_stack([X, y]))
    return scipy.linalg.solve_triangular(R[:n, :n].T, R[:n, n], lower=True)


@variant(
    "q10",
    wrong="lstsq_normal interpolates the first n rows, then overwrites y with X @ w in place "
    "(a test that computes its oracle from y after the call would agree)",
)
def lstsq_normal(X, y):
    n = X.shape[1]
    w = np.linalg.solve(X[:n], y[:n])
    y[...] = X @ w
    return w


@variant("q10", correct="normal equations with np.linalg.solve")
def lstsq_normal(X, y):
    X = np.asarray(X, dtype=float)
    return np.linalg.solve(X.T @ X, X.T @ np.asarray(y, dtype=float))


@variant("q10", correct="Householder QR by hand, then R w = Q^T y")
def lstsq_qr(X, y):
    R = np.array(X, dtype=float)
    c = np.array(y, dtype=float)
    m, n = R.shape
    for k in range(n):
        x = R[k:, k]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v /= np.linalg.norm(v)
        R[k:, :] -= 2 * np.outer(v, v @ R[k:, :])
        c[k:] -= 2 * v * (v @ c[k:])
    return scipy.linalg.solve_triangular(R[:n, :n], c[:n])


@variant("q10", correct="MGS on the augmented matrix [X | y]: Q^T y is the last column of R")
def lstsq_qr(X, y):
    X = np.asarray(X, dtype=float)
    n = X.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):  # y may lie in the column space
        _, R = gram_schmidt(np.column_stack([X, y]))
    return back_substitution(R[:n, :n], R[:n, n])


# ---------------------------------------------------------------- q11: fitting data


@variant("q11", wrong="np.vander default: decreasing powers x**d, ..., 1")
def polynomial_design(x, degree):
    return np.vander(np.asarray(x, dtype=float), degree + 1)


@variant("q11", wrong="off by one: columns 1, x, ..., x**(degree-1)")
def polynomial_design(x, degree):
    x = np.asarray(x, dtype=float)
    return np.column_stack([x**k for k in range(max(degree, 1))])


@variant("q11", wrong="R^2 with an uncentered total sum of squares sum(y**2)")
def r_squared(y, y_hat):
    y = np.asarray(y, dtype=float)
    return 1 - np.sum((y - np.asarray(y_hat)) ** 2) / np.sum(y**2)


@variant("q11", wrong="R^2 as the squared correlation of y and y_hat")
def r_squared(y, y_hat):
    return np.corrcoef(y, y_hat)[0, 1] ** 2


@variant("q11", wrong="fit_polynomial returns np.polyfit coefficients (forbidden, wrong order)")
def fit_polynomial(x, y, degree):
    return np.polyfit(x, y, degree)


@variant("q11", correct="np.vander(increasing=True) for the design matrix")
def polynomial_design(x, degree):
    return np.vander(np.asarray(x, dtype=float), degree + 1, increasing=True)


@variant("q11", correct="fit by the normal equations on the design matrix")
def fit_polynomial(x, y, degree):
    return lstsq_normal(polynomial_design(x, degree), y)


@variant("q11", correct="R^2 as 1 - var(residual) / var(y) written with means")
def r_squared(y, y_hat):
    y = np.asarray(y, dtype=float)
    res = y - np.asarray(y_hat, dtype=float)
    return 1 - np.mean(res**2) / np.mean((y - np.mean(y)) ** 2)


@variant("q11", wrong="integer powers of an integer x: int64 wraps around for large x")
def polynomial_design(x, degree):
    x = np.asarray(x)
    return np.column_stack([x**k for k in range(degree + 1)])
