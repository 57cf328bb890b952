"""Variants for ps10-classification: the mistakes students make, and other correct answers."""

import numpy as np

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: sigmoid and BCE


@variant("q1", wrong="naive sigmoid 1 / (1 + exp(-z)): overflows for z below -709")
def sigmoid(z):
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


@variant("q1", wrong="sign slip: 1 / (1 + exp(z)), which is sigmoid(-z)")
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))


@variant("q1", wrong="takes the log of the sigmoid: log(0) = -inf at confident logits")
def bce_with_logits(z, y):
    p = sigmoid(z)
    y = np.asarray(y, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))


@variant("q1", wrong="clips probabilities to [1e-15, 1 - 1e-15]: finite but caps the cost at 34.5")
def bce_with_logits(z, y):
    p = np.clip(sigmoid(z), 1e-15, 1 - 1e-15)
    y = np.asarray(y, dtype=float)
    return float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))


@variant("q1", wrong="sums the losses instead of averaging them")
def bce_with_logits(z, y):
    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)
    return float(np.sum(np.logaddexp(0.0, z) - y * z))


@variant("q1", wrong="tanh identity 0.5 (1 + tanh(z / 2)): 1 - 1 cancels, no relative accuracy")
def sigmoid(z):
    return 0.5 * (1 + np.tanh(np.asarray(z, dtype=float) / 2))


@variant("q1", correct="sigmoid as exp(-logaddexp(0, -z)), from the stable log-sigmoid")
def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))


@variant("q1", correct="loss as max(z, 0) - y z + log1p(exp(-|z|)), a loop over examples")
def bce_with_logits(z, y):
    import math

    total = 0.0
    for zi, yi in zip(np.asarray(z, dtype=float), np.asarray(y, dtype=float), strict=True):
        total += max(zi, 0.0) - yi * zi + math.log1p(math.exp(-abs(zi)))
    return total / len(z)


# ---------------------------------------------------------------- q2: logistic gradient


@variant("q2", wrong="sign error: X.T @ (y - p) / n")
def logistic_grad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    r = y - sigmoid(X @ w + b)
    return X.T @ r / len(y) + lam * w, float(np.mean(r))


@variant("q2", wrong="forgets the 1/n of the mean in the data term")
def logistic_grad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    r = sigmoid(X @ w + b) - y
    return X.T @ r + lam * w, float(np.sum(r))


@variant("q2", wrong="regularizes the bias: adds lam * b to grad_b")
def logistic_grad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    r = sigmoid(X @ w + b) - y
    return X.T @ r / len(y) + lam * w, float(np.mean(r)) + lam * b


@variant("q2", wrong="penalty gradient 2 * lam * w (differentiates lam ||w||^2, not lam/2)")
def logistic_grad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    r = sigmoid(X @ w + b) - y
    return X.T @ r / len(y) + 2 * lam * w, float(np.mean(r))


@variant("q2", wrong="probabilities as exp(z) / (1 + exp(z)): inf / inf = nan at large logits")
def logistic_grad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    e = np.exp(X @ w + b)
    r = e / (1 + e) - y
    return X.T @ r / len(y) + lam * w, float(np.mean(r))


@variant("q2", correct="a loop over the examples, accumulating (p_i - y_i) x_i")
def logistic_grad(w, b, X, y, lam):
    w = np.asarray(w, dtype=float)
    grad_w, grad_b = np.zeros_like(w), 0.0
    for x_i, y_i in zip(np.asarray(X, dtype=float), np.asarray(y, dtype=float), strict=True):
        r = float(sigmoid(x_i @ w + b)) - y_i
        grad_w += r * x_i
        grad_b += r
    n = len(y)
    return grad_w / n + lam * w, grad_b / n


# ---------------------------------------------------------------- q3: gradient descent


@variant("q3", wrong="off by one: takes n_iter - 1 steps (range(1, n_iter))")
def gradient_descent(grad, w0, b0, lr, n_iter):
    w, b = np.array(w0, dtype=float), np.array(b0, dtype=float)
    ws, bs = [w.copy()], [b.copy()]
    for _ in range(1, n_iter):
        gw, gb = grad(w, b)
        w, b = w - lr * np.asarray(gw), b - lr * np.asarray(gb)
        ws.append(w)
        bs.append(b)
    ws.append(w)
    bs.append(b)
    return ws[: n_iter + 1], bs[: n_iter + 1]


@variant("q3", wrong="ignores lr: a fixed step of 0.1")
def gradient_descent(grad, w0, b0, lr, n_iter):
    w, b = np.array(w0, dtype=float), np.array(b0, dtype=float)
    ws, bs = [w], [b]
    for _ in range(n_iter):
        gw, gb = grad(w, b)
        w, b = w - 0.1 * np.asarray(gw), b - 0.1 * np.asarray(gb)
        ws.append(w)
        bs.append(b)
    return ws, bs


@variant("q3", wrong="gradient ascent: w + lr * grad_w")
def gradient_descent(grad, w0, b0, lr, n_iter):
    w, b = np.array(w0, dtype=float), np.array(b0, dtype=float)
    ws, bs = [w], [b]
    for _ in range(n_iter):
        gw, gb = grad(w, b)
        w, b = w + lr * np.asarray(gw), b + lr * np.asarray(gb)
        ws.append(w)
        bs.append(b)
    return ws, bs


@variant("q3", wrong="updates b with a gradient taken after w has already moved")
def gradient_descent(grad, w0, b0, lr, n_iter):
    w, b = np.array(w0, dtype=float), np.array(b0, dtype=float)
    ws, bs = [w], [b]
    for _ in range(n_iter):
        w = w - lr * np.asarray(grad(w, b)[0])
        b = b - lr * np.asarray(grad(w, b)[1])
        ws.append(w)
        bs.append(b)
    return ws, bs


@variant("q3", wrong="updates w0 in place with -= and appends the same array every time")
def gradient_descent(grad, w0, b0, lr, n_iter):
    w, b = w0, np.array(b0, dtype=float)
    ws, bs = [w], [b]
    for _ in range(n_iter):
        gw, gb = grad(w, b)
        w -= lr * np.asarray(gw)
        b = b - lr * np.asarray(gb)
        ws.append(w)
        bs.append(b)
    return ws, bs


@variant("q3", wrong="flattens w to a 1-D vector")
def gradient_descent(grad, w0, b0, lr, n_iter):
    w, b = np.array(w0, dtype=float).ravel(), np.array(b0, dtype=float)
    ws, bs = [w], [b]
    for _ in range(n_iter):
        gw, gb = grad(w.reshape(np.shape(w0)), b)
        w, b = w - lr * np.asarray(gw).ravel(), b - lr * np.asarray(gb)
        ws.append(w)
        bs.append(b)
    return ws, bs


@variant("q3", correct="returns Python floats for a scalar b and builds new arrays (no copy)")
def gradient_descent(grad, w0, b0, lr, n_iter):
    w = np.asarray(w0, dtype=float) * 1.0
    b = float(b0) if np.ndim(b0) == 0 else np.asarray(b0, dtype=float) * 1.0
    ws, bs = [w], [b]
    t = 0
    while t < n_iter:
        gw, gb = grad(w, b)
        w = w - lr * np.asarray(gw, dtype=float)
        b = b - lr * (float(gb) if np.ndim(b0) == 0 else np.asarray(gb, dtype=float))
        ws.append(w)
        bs.append(b)
        t += 1
    return ws, bs


# ---------------------------------------------------------------- q4: predict, boundary


@variant("q4", wrong="compares the logit X @ w + b with the threshold (a probability)")
def predict_logistic(w, b, X, threshold=0.5):
    z = np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b
    return (z >= threshold).astype(int)


@variant("q4", wrong="strict >: a point exactly on the boundary gets label 0")
def predict_logistic(w, b, X, threshold=0.5):
    p = sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)
    return (p > threshold).astype(int)


@variant("q4", wrong="returns the boolean array, not integer labels")
def predict_logistic(w, b, X, threshold=0.5):
    return sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b) >= threshold


@variant("q4", wrong="sign error on the boundary: x2 = (w[0] x1 + b) / w[1]")
def boundary_x2(w, b, x1, threshold=0.5):
    level = np.log(threshold / (1 - threshold))
    return (w[0] * np.asarray(x1, dtype=float) + b - level) / w[1]


@variant("q4", wrong="ignores the threshold: always the line x . w + b = 0")
def boundary_x2(w, b, x1, threshold=0.5):
    return -(b + w[0] * np.asarray(x1, dtype=float)) / w[1]


@variant("q4", correct="compares logits with logit(threshold), np.where for the labels")
def predict_logistic(w, b, X, threshold=0.5):
    z = np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b
    return np.where(z >= np.log(threshold / (1 - threshold)), 1, 0)


# ---------------------------------------------------------------- q5: softmax, one-hot


@variant("q5", wrong="normalizes the columns (axis 0) instead of the rows")
def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - Z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


@variant("q5", wrong="no shift: exp overflows for scores above 709")
def softmax(Z):
    e = np.exp(np.asarray(Z, dtype=float))
    return e / e.sum(axis=1, keepdims=True)


@variant("q5", wrong="subtracts the global maximum: rows far below it become 0 / 0")
def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - Z.max())
    return e / e.sum(axis=1, keepdims=True)


@variant("q5", wrong="k taken from the labels (y.max() + 1) instead of the k given")
def one_hot(y, k):
    y = np.asarray(y)
    if np.any(y < 0) or np.any(y >= k):
        raise ValueError("bad label")
    return np.eye(y.max() + 1)[y]


@variant("q5", wrong="no check: a label -1 silently sets the last column")
def one_hot(y, k):
    return np.eye(k)[np.asarray(y)]


@variant("q5", correct="softmax via exp(Z - logsumexp), one_hot by comparison with arange")
def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    m = Z.max(axis=1, keepdims=True)
    return np.exp(Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True)))


@variant("q5", correct="one_hot by comparing y[:, None] with np.arange(k)")
def one_hot(y, k):
    y = np.asarray(y)
    if y.min() < 0 or y.max() > k - 1:
        raise ValueError("labels must be in 0..k-1")
    return (y[:, None] == np.arange(k)).astype(float)


# ---------------------------------------------------------------- q6: softmax loss and gradient


@variant("q6", wrong="sums the cross-entropy over the examples instead of averaging")
def softmax_loss_grad(W, b, X, y, lam):
    W, b, X = np.asarray(W, dtype=float), np.asarray(b, dtype=float), np.asarray(X, dtype=float)
    n, k = X.shape[0], W.shape[1]
    Z = X @ W + b
    m = Z.max(axis=1)
    loss = np.sum(m + np.log(np.exp(Z - m[:, None]).sum(axis=1)) - Z[np.arange(n), y])
    G = (softmax(Z) - one_hot(y, k)) / n
    return float(loss + lam / 2 * np.sum(W**2)), X.T @ G + lam * W, G.sum(axis=0)


@variant("q6", wrong="leaves the penalty lam/2 ||W||^2 out of the loss (keeps it in the gradient)")
def softmax_loss_grad(W, b, X, y, lam):
    W, b, X = np.asarray(W, dtype=float), np.asarray(b, dtype=float), np.asarray(X, dtype=float)
    n, k = X.shape[0], W.shape[1]
    Z = X @ W + b
    m = Z.max(axis=1)
    loss = np.mean(m + np.log(np.exp(Z - m[:, None]).sum(axis=1)) - Z[np.arange(n), y])
    G = (softmax(Z) - one_hot(y, k)) / n
    return float(loss), X.T @ G + lam * W, G.sum(axis=0)


@variant("q6", wrong="loss as -log of the softmax probability: log 0 = -inf at large scores")
def softmax_loss_grad(W, b, X, y, lam):
    W, b, X = np.asarray(W, dtype=float), np.asarray(b, dtype=float), np.asarray(X, dtype=float)
    n, k = X.shape[0], W.shape[1]
    P = softmax(X @ W + b)
    with np.errstate(divide="ignore"):
        loss = np.mean(-np.log(P[np.arange(n), y])) + lam / 2 * np.sum(W**2)
    G = (P - one_hot(y, k)) / n
    return float(loss), X.T @ G + lam * W, G.sum(axis=0)


@variant("q6", wrong="gradient with Y - P (wrong sign)")
def softmax_loss_grad(W, b, X, y, lam):
    W, b, X = np.asarray(W, dtype=float), np.asarray(b, dtype=float), np.asarray(X, dtype=float)
    Z = X @ W + b
    m = Z.max(axis=1)
    loss = np.mean(m + np.log(np.exp(Z - m[:, None]).sum(axis=1)) - Z[np.arange(len(y)), y])
    loss = float(loss + lam / 2 * np.sum(W**2))
    G = (one_hot(y, W.shape[1]) - softmax(Z)) / X.shape[0]
    return loss, X.T @ G + lam * W, G.sum(axis=0)


@variant("q6", wrong="forgets the 1/n in the gradient")
def softmax_loss_grad(W, b, X, y, lam):
    W, b, X = np.asarray(W, dtype=float), np.asarray(b, dtype=float), np.asarray(X, dtype=float)
    Z = X @ W + b
    m = Z.max(axis=1)
    loss = np.mean(m + np.log(np.exp(Z - m[:, None]).sum(axis=1)) - Z[np.arange(len(y)), y])
    loss = float(loss + lam / 2 * np.sum(W**2))
    G = softmax(Z) - one_hot(y, W.shape[1])
    return loss, X.T @ G + lam * W, G.sum(axis=0)


@variant("q6", wrong="regularizes the bias: adds lam * b to grad_b")
def softmax_loss_grad(W, b, X, y, lam):
    W, b, X = np.asarray(W, dtype=float), np.asarray(b, dtype=float), np.asarray(X, dtype=float)
    n, k = X.shape[0], W.shape[1]
    Z = X @ W + b
    m = Z.max(axis=1)
    loss = np.mean(m + np.log(np.exp(Z - m[:, None]).sum(axis=1)) - Z[np.arange(n), y])
    G = (softmax(Z) - one_hot(y, k)) / n
    return float(loss + lam / 2 * np.sum(W**2)), X.T @ G + lam * W, G.sum(axis=0) + lam * b


@variant("q6", correct="a loop over the examples with a per-example log-sum-exp")
def softmax_loss_grad(W, b, X, y, lam):
    W, b, X = np.asarray(W, dtype=float), np.asarray(b, dtype=float), np.asarray(X, dtype=float)
    n = X.shape[0]
    loss, grad_W, grad_b = 0.0, np.zeros_like(W), np.zeros_like(b)
    for x_i, y_i in zip(X, y, strict=True):
        z = x_i @ W + b
        m = z.max()
        loss += m + np.log(np.sum(np.exp(z - m))) - z[y_i]
        g = np.exp(z - m) / np.sum(np.exp(z - m))
        g[y_i] -= 1
        grad_W += np.outer(x_i, g)
        grad_b += g
    return loss / n + lam / 2 * np.sum(W * W), grad_W / n + lam * W, grad_b / n


# ---------------------------------------------------------------- q7: hinge


@variant("q7", wrong="counts points with margin <= 1 (inconsistent with the stated kink rule)")
def hinge_loss_subgrad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    m = y * (X @ w + b)
    active = m <= 1
    loss = lam / 2 * w @ w + np.mean(np.maximum(0.0, 1 - m))
    return float(loss), lam * w - X.T @ (y * active) / len(y), float(-np.sum(y * active) / len(y))


@variant("q7", wrong="the perceptron loss max(0, -y z): no margin of 1")
def hinge_loss_subgrad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    m = y * (X @ w + b)
    active = m < 1
    loss = lam / 2 * w @ w + np.mean(np.maximum(0.0, -m))
    return float(loss), lam * w - X.T @ (y * active) / len(y), float(-np.sum(y * active) / len(y))


@variant("q7", wrong="sums the hinges instead of averaging (loss and subgradient)")
def hinge_loss_subgrad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    m = y * (X @ w + b)
    active = m < 1
    loss = lam / 2 * w @ w + np.sum(np.maximum(0.0, 1 - m))
    return float(loss), lam * w - X.T @ (y * active), float(-np.sum(y * active))


@variant("q7", wrong="sign error in the data term: + y_i x_i / n")
def hinge_loss_subgrad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    m = y * (X @ w + b)
    active = m < 1
    loss = lam / 2 * w @ w + np.mean(np.maximum(0.0, 1 - m))
    return float(loss), lam * w + X.T @ (y * active) / len(y), float(np.sum(y * active) / len(y))


@variant("q7", wrong="forgets the gradient lam * w of the penalty")
def hinge_loss_subgrad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    m = y * (X @ w + b)
    active = m < 1
    loss = lam / 2 * w @ w + np.mean(np.maximum(0.0, 1 - m))
    return float(loss), -X.T @ (y * active) / len(y), float(-np.sum(y * active) / len(y))


@variant("q7", wrong="regularizes the bias: adds lam * b to grad_b")
def hinge_loss_subgrad(w, b, X, y, lam):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    m = y * (X @ w + b)
    active = m < 1
    loss = lam / 2 * w @ w + np.mean(np.maximum(0.0, 1 - m))
    grad_b = -np.sum(y * active) / len(y) + lam * b
    return float(loss), lam * w - X.T @ (y * active) / len(y), float(grad_b)


@variant("q7", correct="a loop over the examples with an if on the margin")
def hinge_loss_subgrad(w, b, X, y, lam):
    w = np.asarray(w, dtype=float)
    n = len(y)
    loss, grad_w, grad_b = lam / 2 * float(w @ w), lam * w, 0.0
    for x_i, y_i in zip(np.asarray(X, dtype=float), np.asarray(y, dtype=float), strict=True):
        margin = y_i * (x_i @ w + b)
        if margin < 1:
            loss += (1 - margin) / n
            grad_w = grad_w - y_i * x_i / n
            grad_b -= y_i / n
    return loss, grad_w, grad_b


# ---------------------------------------------------------------- q8: margins


@variant("q8", wrong="no division by ||w||: the functional margin")
def signed_distances(w, b, X):
    return np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b


@variant("q8", wrong="divides by ||w||^2")
def signed_distances(w, b, X):
    w = np.asarray(w, dtype=float)
    return (np.asarray(X, dtype=float) @ w + b) / (w @ w)


@variant("q8", wrong="divides by the norm of (w, b), b included")
def signed_distances(w, b, X):
    w = np.asarray(w, dtype=float)
    return (np.asarray(X, dtype=float) @ w + b) / np.linalg.norm(np.append(w, b))


@variant("q8", wrong="ignores the labels: min of the unsigned distances")
def geometric_margin(w, b, X, y):
    return float(np.min(np.abs(signed_distances(w, b, X))))


@variant("q8", correct="signed distances by a loop, norm by sqrt(sum w^2)")
def signed_distances(w, b, X):
    w = np.asarray(w, dtype=float)
    return np.array([(x @ w + b) / np.sqrt(np.sum(w * w)) for x in np.asarray(X, dtype=float)])


# ---------------------------------------------------------------- q9: kernels


@variant("q9", wrong="RBF with the distance, not the squared distance")
def rbf_kernel(A, B, gamma):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    return np.exp(-gamma * np.sqrt(np.sum((A[:, None, :] - B[None, :, :]) ** 2, axis=2)))


@variant("q9", wrong="divides by gamma: exp(-||a - b||^2 / gamma)")
def rbf_kernel(A, B, gamma):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    return np.exp(-np.sum((A[:, None, :] - B[None, :, :]) ** 2, axis=2) / gamma)


@variant("q9", wrong="expands ||a||^2 + ||b||^2 - 2 a.b: cancellation far from the origin")
def rbf_kernel(A, B, gamma):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    sq = np.sum(A**2, axis=1)[:, None] + np.sum(B**2, axis=1)[None, :] - 2 * A @ B.T
    return np.exp(-gamma * np.maximum(sq, 0.0))


@variant("q9", wrong="polynomial kernel ignores c: (A B^T)^degree")
def polynomial_kernel(A, B, degree, c=1.0):
    return (np.asarray(A, dtype=float) @ np.asarray(B, dtype=float).T) ** degree


@variant("q9", wrong="polynomial kernel adds c after the power: (A B^T)^degree + c")
def polynomial_kernel(A, B, degree, c=1.0):
    return (np.asarray(A, dtype=float) @ np.asarray(B, dtype=float).T) ** degree + c


@variant("q9", correct="RBF with scipy's cdist (sqeuclidean); loops for the polynomial kernel")
def rbf_kernel(A, B, gamma):
    from scipy.spatial.distance import cdist

    return np.exp(
        -gamma * cdist(np.asarray(A, dtype=float), np.asarray(B, dtype=float), "sqeuclidean")
    )


@variant("q9", correct="polynomial kernel with two loops")
def polynomial_kernel(A, B, degree, c=1.0):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    K = np.empty((len(A), len(B)))
    for i, a in enumerate(A):
        for j, b in enumerate(B):
            K[i, j] = (a @ b + c) ** degree
    return K


# ---------------------------------------------------------------- q10: kernel ridge


@variant("q10", wrong="adds lam to every entry of K: K + lam")
def kernel_ridge_fit(K, y, lam):
    return np.linalg.solve(np.asarray(K, dtype=float) + lam, np.asarray(y, dtype=float))


@variant("q10", wrong="ignores lam: solves K alpha = y")
def kernel_ridge_fit(K, y, lam):
    return np.linalg.lstsq(np.asarray(K, dtype=float), np.asarray(y, dtype=float), rcond=None)[0]


@variant("q10", wrong="adds lam to K's diagonal in place, changing the caller's K")
def kernel_ridge_fit(K, y, lam):
    K[np.diag_indices_from(K)] += lam
    return np.linalg.solve(K, np.asarray(y, dtype=float))


@variant("q10", wrong="predicts with alpha @ K_new (the transpose)")
def kernel_ridge_predict(K_new, alpha):
    return np.asarray(alpha, dtype=float) @ np.asarray(K_new, dtype=float)


@variant("q10", correct="forms the inverse explicitly; prediction by a sum over training points")
def kernel_ridge_fit(K, y, lam):
    K = np.asarray(K, dtype=float)
    return np.linalg.inv(K + lam * np.eye(len(K))) @ np.asarray(y, dtype=float)


@variant("q10", correct="prediction as sum_i alpha_i K_new[:, i]")
def kernel_ridge_predict(K_new, alpha):
    K_new = np.asarray(K_new, dtype=float)
    return sum(a * K_new[:, i] for i, a in enumerate(np.asarray(alpha, dtype=float)))


# ---------------------------------------------------------------- q11: metrics


@variant("q11", wrong="transposed confusion matrix: rows are the predictions")
def confusion_matrix(y_true, y_pred, k):
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (np.asarray(y_pred), np.asarray(y_true)), 1)
    return C


@variant("q11", wrong="k inferred from the labels instead of the k given")
def confusion_matrix(y_true, y_pred, k):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    size = int(max(y_true.max(), y_pred.max())) + 1
    C = np.zeros((size, size), dtype=int)
    np.add.at(C, (y_true, y_pred), 1)
    return C


@variant("q11", wrong="precision and recall swapped")
def binary_metrics(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    precision = float(tp / (tp + fp)) if tp + fp > 0 else 0.0
    recall = float(tp / (tp + fn)) if tp + fn > 0 else 0.0
    return float(np.mean(y_true == y_pred)), recall, precision


@variant("q11", wrong="0 / 0 gives nan instead of the stated 0.0")
def binary_metrics(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    with np.errstate(invalid="ignore"):
        return float(np.mean(y_true == y_pred)), float(tp / (tp + fp)), float(tp / (tp + fn))


@variant("q11", wrong="accuracy as TP / n (forgets the true negatives)")
def binary_metrics(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    precision = float(tp / (tp + fp)) if tp + fp > 0 else 0.0
    recall = float(tp / (tp + fn)) if tp + fn > 0 else 0.0
    return float(tp / len(y_true)), precision, recall


@variant("q11", wrong="compares the labels with == 1 without converting lists to arrays")
def binary_metrics(y_true, y_pred):
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    precision = float(tp / (tp + fp)) if tp + fp > 0 else 0.0
    recall = float(tp / (tp + fn)) if tp + fn > 0 else 0.0
    return float(np.mean(y_true == y_pred)), precision, recall


@variant("q11", correct="a loop over the pairs, counting into a list of lists")
def confusion_matrix(y_true, y_pred, k):
    C = [[0] * k for _ in range(k)]
    for t, p in zip(y_true, y_pred, strict=True):
        C[int(t)][int(p)] += 1
    return np.array(C)


@variant("q11", correct="metrics read off the confusion matrix")
def binary_metrics(y_true, y_pred):
    (tn, fp), (fn, tp) = confusion_matrix(np.asarray(y_true), np.asarray(y_pred), 2)
    n = tn + fp + fn + tp
    return (tp + tn) / n, (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


# ---------------------------------------------------------------- q12: ROC and AUC


@variant("q12", wrong="thresholds in increasing order: the curve runs from (1, 1) to (0, 0)")
def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos = y_true == 1
    fpr = [np.sum(~pos & (scores >= t)) / np.sum(~pos) for t in np.unique(scores)] + [0.0]
    tpr = [np.sum(pos & (scores >= t)) / np.sum(pos) for t in np.unique(scores)] + [0.0]
    return np.array(fpr), np.array(tpr)


@variant("q12", wrong="rule score > t: the curve never reaches (1, 1)")
def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos = y_true == 1
    thresholds = np.unique(scores)[::-1]
    fpr = [0.0] + [np.sum(~pos & (scores > t)) / np.sum(~pos) for t in thresholds]
    tpr = [0.0] + [np.sum(pos & (scores > t)) / np.sum(pos) for t in thresholds]
    return np.array(fpr), np.array(tpr)


@variant("q12", wrong="one point per example after sorting: splits tied scores into steps")
def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    order = np.argsort(-scores, kind="stable")
    t = y_true[order]
    tpr = np.concatenate([[0.0], np.cumsum(t == 1) / np.sum(t == 1)])
    fpr = np.concatenate([[0.0], np.cumsum(t == 0) / np.sum(t == 0)])
    return fpr, tpr


@variant("q12", wrong="returns (tpr, fpr)")
def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos = y_true == 1
    thresholds = np.unique(scores)[::-1]
    fpr = [0.0] + [np.sum(~pos & (scores >= t)) / np.sum(~pos) for t in thresholds]
    tpr = [0.0] + [np.sum(pos & (scores >= t)) / np.sum(pos) for t in thresholds]
    return np.array(tpr), np.array(fpr)


@variant("q12", wrong="ties count 0: P(positive > negative) only")
def auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    return float(np.mean(pos[:, None] > neg[None, :]))


@variant("q12", wrong="ties count 1: P(positive >= negative)")
def auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    return float(np.mean(pos[:, None] >= neg[None, :]))


@variant("q12", wrong="ranks the wrong way: P(negative > positive), i.e. 1 - AUC")
def auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    return float(np.mean((neg[None, :] > pos[:, None]) + 0.5 * (neg[None, :] == pos[:, None])))


@variant("q12", wrong="ranks by argsort without averaging ties (ordinal ranks)")
def auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores, kind="stable")] = np.arange(1, len(scores) + 1)
    n_pos = np.sum(y_true == 1)
    u = np.sum(ranks[y_true == 1]) - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * (len(y_true) - n_pos)))


@variant("q12", wrong="calls scipy.stats.mannwhitneyu")
def auc(y_true, scores):
    from scipy.stats import mannwhitneyu

    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    return float(mannwhitneyu(pos, neg).statistic / (len(pos) * len(neg)))


@variant("q12", correct="AUC by pairwise comparisons (broadcasting)")
def auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    return float(np.mean((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])))


@variant("q12", correct="AUC as the trapezoidal area under the tie-grouped ROC curve")
def auc(y_true, scores):
    fpr, tpr = roc_curve(y_true, scores)
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))


@variant("q12", correct="ROC by sorting once and keeping the last point of each tie group")
def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    order = np.argsort(-scores, kind="stable")
    s, t = scores[order], y_true[order]
    tp, fp = np.cumsum(t == 1), np.cumsum(t == 0)
    last = np.r_[s[1:] != s[:-1], True]
    return (np.r_[0.0, fp[last] / fp[-1]], np.r_[0.0, tp[last] / tp[-1]])


# ---------------------------------------------------------------- more mistakes


@variant("q4", wrong="boundary at the level x . w + b = threshold (the probability, not its logit)")
def boundary_x2(w, b, x1, threshold=0.5):
    return (threshold - b - w[0] * np.asarray(x1, dtype=float)) / w[1]


@variant("q5", wrong="one_hot as an integer array (np.eye(k, dtype=int))")
def one_hot(y, k):
    y = np.asarray(y)
    if np.any(y < 0) or np.any(y >= k):
        raise ValueError("labels must be in 0..k-1")
    return np.eye(k, dtype=int)[y]


@variant("q8", wrong="geometric margin as the largest signed distance (max instead of min)")
def geometric_margin(w, b, X, y):
    return float(np.max(np.asarray(y, dtype=float) * signed_distances(w, b, X)))


@variant("q10", wrong="scales the ridge term by n: solves (K + lam n I) alpha = y")
def kernel_ridge_fit(K, y, lam):
    K = np.asarray(K, dtype=float)
    return np.linalg.solve(K + lam * len(K) * np.eye(len(K)), np.asarray(y, dtype=float))


@variant("q11", wrong="float counts: np.zeros((k, k)) without dtype=int")
def confusion_matrix(y_true, y_pred, k):
    C = np.zeros((k, k))
    np.add.at(C, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return C
