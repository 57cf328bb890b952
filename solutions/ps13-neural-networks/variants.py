"""Variants for ps13-neural-networks: the mistakes students make, and other correct answers."""

import numpy as np

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: relu, relu_grad


@variant("q1", wrong="relu_grad uses z >= 0, so the derivative at 0 is 1")
def relu_grad(z):
    return (np.asarray(z, dtype=float) >= 0).astype(float)


@variant("q1", wrong="relu_grad returns booleans (z > 0) instead of floats")
def relu_grad(z):
    return np.asarray(z) > 0


@variant("q1", wrong="relu_grad returns relu(z) instead of its derivative")
def relu_grad(z):
    return np.maximum(np.asarray(z, dtype=float), 0.0)


@variant("q1", wrong="relu returns abs(z)")
def relu(z):
    return np.abs(np.asarray(z, dtype=float))


@variant("q1", wrong="relu clips at 1 as well (np.clip(z, 0, 1))")
def relu(z):
    return np.clip(np.asarray(z, dtype=float), 0.0, 1.0)


@variant("q1", wrong="relu with np.maximum(z, 0) keeps the integer dtype of integer input")
def relu(z):
    return np.maximum(z, 0)


@variant("q1", wrong="relu zeroes the negative entries of z in place")
def relu(z):
    z[z < 0] = 0.0
    return np.asarray(z, dtype=float)


@variant("q1", correct="relu by z * (z > 0), relu_grad by np.where")
def relu(z):
    z = np.asarray(z, dtype=float)
    return z * (z > 0)


@variant("q1", correct="relu_grad by np.where(z > 0, 1.0, 0.0)")
def relu_grad(z):
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


# ---------------------------------------------------------------- q2: sigmoid and tanh


@variant("q2", wrong="the naive sigmoid 1 / (1 + exp(-z)) overflows for z < -709")
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


@variant("q2", wrong="sigmoid as 1 - 1 / (1 + exp(z)): loses every digit for very negative z")
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), 1.0 - 1.0 / (1.0 + e))


@variant("q2", wrong="sigmoid_grad = z (1 - z): the output formula applied to the input")
def sigmoid_grad(z):
    z = np.asarray(z, dtype=float)
    return z * (1.0 - z)


@variant("q2", wrong="sigmoid_grad = exp(-z) / (1 + exp(-z))**2, which overflows at z = -1000")
def sigmoid_grad(z):
    e = np.exp(-np.asarray(z, dtype=float))
    return e / (1.0 + e) ** 2


@variant("q2", wrong="tanh_grad = 1 - z**2: the output formula applied to the input")
def tanh_grad(z):
    z = np.asarray(z, dtype=float)
    return 1.0 - z**2


@variant("q2", wrong="tanh_grad = 1 - tanh(z), the square forgotten")
def tanh_grad(z):
    return 1.0 - np.tanh(np.asarray(z, dtype=float))


@variant("q2", wrong="tanh_grad = 1 / cosh(z)**2, which overflows for |z| > 710")
def tanh_grad(z):
    return 1.0 / np.cosh(np.asarray(z, dtype=float)) ** 2


@variant("q2", wrong="the tanh identity 0.5 (1 + tanh(z/2)): cancellation for very negative z")
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


@variant("q2", correct="sigmoid_grad as sigmoid(z) * sigmoid(-z), accurate in both tails")
def sigmoid_grad(z):
    z = np.asarray(z, dtype=float)
    return sigmoid(z) * sigmoid(-z)


@variant("q2", correct="sigmoid by boolean masks instead of np.where")
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty(z.shape)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1.0 + e)
    return out


# ---------------------------------------------------------------- q3: dense layer


@variant("q3", wrong="dense_forward forgets the bias")
def dense_forward(X, W, b):
    return np.asarray(X, dtype=float) @ np.asarray(W, dtype=float)


@variant("q3", wrong="dense_forward computes (W.T @ X.T), the transpose of Z")
def dense_forward(X, W, b):
    return np.asarray(W, dtype=float).T @ np.asarray(X, dtype=float).T + np.asarray(b)[:, None]


@variant("q3", wrong="dX = dZ @ W instead of dZ @ W.T")
def dense_backward(dZ, X, W):
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    return dZ @ W, X.T @ dZ, dZ.sum(axis=0)


@variant("q3", wrong="dW divided by the batch size n")
def dense_backward(dZ, X, W):
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    return dZ @ W.T, X.T @ dZ / len(X), dZ.sum(axis=0)


@variant("q3", wrong="dW = dZ.T @ X, the transpose")
def dense_backward(dZ, X, W):
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    return dZ @ W.T, dZ.T @ X, dZ.sum(axis=0)


@variant("q3", wrong="db as the mean over the batch")
def dense_backward(dZ, X, W):
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    return dZ @ W.T, X.T @ dZ, dZ.mean(axis=0)


@variant("q3", wrong="db with keepdims=True, shape (1, q)")
def dense_backward(dZ, X, W):
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0, keepdims=True)


@variant("q3", correct="loops over the examples, summing outer products")
def dense_backward(dZ, X, W):
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    dW = np.zeros(W.shape)
    db = np.zeros(W.shape[1])
    dX = np.zeros(X.shape)
    for i in range(len(X)):
        dW += np.outer(X[i], dZ[i])
        db += dZ[i]
        dX[i] = W @ dZ[i]
    return dX, dW, db


@variant("q3", correct="returns a list [dX, dW, db] and np.einsum")
def dense_backward(dZ, X, W):
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    return [np.einsum("nq,pq->np", dZ, W), np.einsum("np,nq->pq", X, dZ), dZ.sum(axis=0)]


# ---------------------------------------------------------------- q4: log-softmax


@variant("q4", wrong="the naive log_softmax Z - log(sum(exp(Z))): overflows at 1000")
def log_softmax(Z):
    Z = np.asarray(Z, dtype=float)
    return Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))


@variant("q4", wrong="log_softmax subtracts the maximum of the whole matrix, not of each row")
def log_softmax(Z):
    Z = np.asarray(Z, dtype=float)
    shifted = Z - Z.max()
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


@variant("q4", wrong="log_softmax as the log of a stable softmax: log(0) at a tiny probability")
def log_softmax(Z):
    return np.log(softmax(Z))


@variant("q4", wrong="log_softmax normalizes over the columns (axis=0)")
def log_softmax(Z):
    Z = np.asarray(Z, dtype=float)
    shifted = Z - Z.max(axis=0, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))


@variant("q4", wrong="the naive softmax exp(Z) / sum(exp(Z)): overflows at 1000")
def softmax(Z):
    e = np.exp(np.asarray(Z, dtype=float))
    return e / e.sum(axis=1, keepdims=True)


@variant("q4", wrong="softmax normalizes over the columns (axis=0)")
def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - Z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


@variant("q4", wrong="calls scipy.special.logsumexp, which the question forbids")
def log_softmax(Z):
    from scipy.special import logsumexp

    Z = np.asarray(Z, dtype=float)
    return Z - logsumexp(Z, axis=1, keepdims=True)


@variant("q4", correct="log_softmax by an explicit loop over the rows")
def log_softmax(Z):
    Z = np.asarray(Z, dtype=float)
    out = np.empty(Z.shape)
    for i, row in enumerate(Z):
        m = row.max()
        out[i] = row - m - np.log(np.sum(np.exp(row - m)))
    return out


@variant("q4", correct="softmax as exp(log_softmax(Z))")
def softmax(Z):
    return np.exp(log_softmax(Z))


# ---------------------------------------------------------------- q5: cross-entropy


@variant("q5", wrong="the loss sums over the batch instead of averaging")
def softmax_cross_entropy(Z, y):
    Z = np.asarray(Z, dtype=float)
    n = Z.shape[0]
    log_p = log_softmax(Z)
    dZ = np.exp(log_p) - np.eye(Z.shape[1])[np.asarray(y, dtype=int)]
    return float(-log_p[np.arange(n), y].sum()), dZ / n


@variant("q5", wrong="the loss as np.mean(onehot * log_p): divides by n*k")
def softmax_cross_entropy(Z, y):
    Z = np.asarray(Z, dtype=float)
    n, k = Z.shape
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    log_p = log_softmax(Z)
    return float(-np.mean(onehot * log_p)), (np.exp(log_p) - onehot) / n


@variant("q5", wrong="the naive softmax then log: overflows at logits of 1000")
def softmax_cross_entropy(Z, y):
    Z = np.asarray(Z, dtype=float)
    n, k = Z.shape
    e = np.exp(Z)
    P = e / e.sum(axis=1, keepdims=True)
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    return float(-np.mean(np.log(P[np.arange(n), y]))), (P - onehot) / n


@variant("q5", wrong="a stable softmax, then the log of the probability (log 0 = -inf)")
def softmax_cross_entropy(Z, y):
    Z = np.asarray(Z, dtype=float)
    n, k = Z.shape
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = e / e.sum(axis=1, keepdims=True)
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    return float(-np.mean(np.log(P[np.arange(n), y]))), (P - onehot) / n


@variant("q5", wrong="the gradient without the 1/n")
def softmax_cross_entropy(Z, y):
    Z = np.asarray(Z, dtype=float)
    n, k = Z.shape
    log_p = log_softmax(Z)
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    return float(-log_p[np.arange(n), y].mean()), np.exp(log_p) - onehot


@variant("q5", wrong="the gradient with the wrong sign, (onehot - P) / n")
def softmax_cross_entropy(Z, y):
    Z = np.asarray(Z, dtype=float)
    n, k = Z.shape
    log_p = log_softmax(Z)
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    return float(-log_p[np.arange(n), y].mean()), (onehot - np.exp(log_p)) / n


@variant("q5", wrong="the gradient forgets the onehot: softmax(Z) / n")
def softmax_cross_entropy(Z, y):
    Z = np.asarray(Z, dtype=float)
    n = Z.shape[0]
    log_p = log_softmax(Z)
    return float(-log_p[np.arange(n), y].mean()), np.exp(log_p) / n


@variant("q5", wrong="shifts the caller's Z in place (Z -= max)")
def softmax_cross_entropy(Z, y):
    n, k = Z.shape
    Z -= Z.max(axis=1, keepdims=True)
    log_p = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    return float(-log_p[np.arange(n), y].mean()), (np.exp(log_p) - onehot) / n


@variant("q5", correct="one-hot matrix, scipy logsumexp, a loop-free sum")
def softmax_cross_entropy(Z, y):
    from scipy.special import logsumexp

    Z = np.asarray(Z, dtype=float)
    n, k = Z.shape
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    lse = logsumexp(Z, axis=1)
    loss = np.sum(lse - np.sum(onehot * Z, axis=1)) / n
    P = np.exp(Z - lse[:, None])
    return loss, (P - onehot) / n


@variant("q5", correct="a loop over the examples")
def softmax_cross_entropy(Z, y):
    Z = np.asarray(Z, dtype=float)
    n, k = Z.shape
    total, dZ = 0.0, np.zeros((n, k))
    for i in range(n):
        m = Z[i].max()
        lse = m + np.log(np.sum(np.exp(Z[i] - m)))
        total += lse - Z[i, y[i]]
        dZ[i] = np.exp(Z[i] - lse)
        dZ[i, y[i]] -= 1.0
    return total / n, dZ / n


# ---------------------------------------------------------------- q6: initialization


@variant("q6", wrong="standard deviation gain / fan_in: variance and standard deviation confused")
def init_params(layer_sizes, rng, gain=2.0):
    return [
        {"W": rng.normal(0.0, gain / a, size=(a, b)), "b": np.zeros(b)}
        for a, b in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    ]


@variant("q6", wrong="divides by fan_out instead of fan_in")
def init_params(layer_sizes, rng, gain=2.0):
    return [
        {"W": rng.normal(0.0, np.sqrt(gain / b), size=(a, b)), "b": np.zeros(b)}
        for a, b in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    ]


@variant("q6", wrong="Glorot's average: variance gain / (fan_in + fan_out)")
def init_params(layer_sizes, rng, gain=2.0):
    return [
        {"W": rng.normal(0.0, np.sqrt(gain / (a + b)), size=(a, b)), "b": np.zeros(b)}
        for a, b in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    ]


@variant("q6", wrong="uniform weights of the right variance, where a normal is asked")
def init_params(layer_sizes, rng, gain=2.0):
    return [
        {"W": rng.uniform(-1, 1, size=(a, b)) * np.sqrt(3 * gain / a), "b": np.zeros(b)}
        for a, b in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    ]


@variant("q6", wrong="ignores gain (always 2)")
def init_params(layer_sizes, rng, gain=2.0):
    return [
        {"W": rng.normal(0.0, np.sqrt(2.0 / a), size=(a, b)), "b": np.zeros(b)}
        for a, b in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    ]


@variant("q6", wrong="W of shape (fan_out, fan_in)")
def init_params(layer_sizes, rng, gain=2.0):
    return [
        {"W": rng.normal(0.0, np.sqrt(gain / a), size=(b, a)), "b": np.zeros(b)}
        for a, b in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    ]


@variant("q6", wrong="biases drawn like the weights")
def init_params(layer_sizes, rng, gain=2.0):
    return [
        {
            "W": rng.normal(0.0, np.sqrt(gain / a), size=(a, b)),
            "b": rng.normal(0.0, np.sqrt(gain / a), size=b),
        }
        for a, b in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    ]


@variant("q6", wrong="draws from a fresh np.random.default_rng() instead of rng")
def init_params(layer_sizes, rng, gain=2.0):
    own = np.random.default_rng()
    return [
        {"W": own.normal(0.0, np.sqrt(gain / a), size=(a, b)), "b": np.zeros(b)}
        for a, b in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    ]


@variant("q6", correct="rng.standard_normal scaled, the layers drawn last to first")
def init_params(layer_sizes, rng, gain=2.0):
    params = []
    for a, b in reversed(list(zip(layer_sizes[:-1], layer_sizes[1:], strict=True))):
        params.insert(0, {"W": rng.standard_normal((a, b)) * np.sqrt(gain / a), "b": np.zeros(b)})
    return params


# ---------------------------------------------------------------- q7: forward pass


@variant("q7", wrong="applies the activation to the last layer too")
def mlp_forward(params, X, activation):
    A = np.asarray(X, dtype=float)
    Zs, As = [], []
    for layer in params:
        As.append(A)
        Z = A @ layer["W"] + layer["b"]
        A = activation(Z)
        Zs.append(Z)
    Zs[-1] = A
    return Zs, As


@variant("q7", wrong="As holds each layer's output instead of its input")
def mlp_forward(params, X, activation):
    A = np.asarray(X, dtype=float)
    Zs, As = [], []
    for l, layer in enumerate(params):
        Z = A @ layer["W"] + layer["b"]
        Zs.append(Z)
        A = activation(Z) if l < len(params) - 1 else Z
        As.append(A)
    return Zs, As


@variant("q7", wrong="always uses ReLU, ignoring the activation argument")
def mlp_forward(params, X, activation):
    A = np.asarray(X, dtype=float)
    Zs, As = [], []
    for l, layer in enumerate(params):
        As.append(A)
        Z = A @ layer["W"] + layer["b"]
        Zs.append(Z)
        if l < len(params) - 1:
            A = np.maximum(Z, 0.0)
    return Zs, As


@variant("q7", wrong="forgets the bias of the hidden layers")
def mlp_forward(params, X, activation):
    A = np.asarray(X, dtype=float)
    Zs, As = [], []
    for l, layer in enumerate(params):
        As.append(A)
        last = l == len(params) - 1
        Z = A @ layer["W"] + (layer["b"] if last else 0.0)
        Zs.append(Z)
        if not last:
            A = activation(Z)
    return Zs, As


@variant("q7", correct="recursion on the remaining layers, tuples")
def mlp_forward(params, X, activation):
    def run(layers, A):
        Z = A @ np.asarray(layers[0]["W"]) + np.asarray(layers[0]["b"])
        if len(layers) == 1:
            return (Z,), (A,)
        Zs, As = run(layers[1:], activation(Z))
        return (Z,) + Zs, (A,) + As

    return run(list(params), np.asarray(X, dtype=float))


# ---------------------------------------------------------------- q8: backward pass


@variant("q8", wrong="appends while walking backwards: the list comes out reversed")
def mlp_backward(params, Zs, As, dlogits, activation_grad):
    grads = []
    dZ = np.asarray(dlogits, dtype=float)
    for l in range(len(params) - 1, -1, -1):
        grads.append({"W": As[l].T @ dZ, "b": dZ.sum(axis=0)})
        if l > 0:
            dZ = (dZ @ params[l]["W"].T) * activation_grad(Zs[l - 1])
    return grads


@variant("q8", wrong="divides by n again (dlogits already holds the 1/n)")
def mlp_backward(params, Zs, As, dlogits, activation_grad):
    grads = [None] * len(params)
    dZ = np.asarray(dlogits, dtype=float)
    n = dZ.shape[0]
    for l in range(len(params) - 1, -1, -1):
        grads[l] = {"W": As[l].T @ dZ / n, "b": dZ.sum(axis=0) / n}
        if l > 0:
            dZ = (dZ @ params[l]["W"].T) * activation_grad(Zs[l - 1])
    return grads


@variant("q8", wrong="multiplies dlogits by activation_grad(Zs[-1]): an activation at the output")
def mlp_backward(params, Zs, As, dlogits, activation_grad):
    grads = [None] * len(params)
    dZ = np.asarray(dlogits, dtype=float) * activation_grad(Zs[-1])
    for l in range(len(params) - 1, -1, -1):
        grads[l] = {"W": As[l].T @ dZ, "b": dZ.sum(axis=0)}
        if l > 0:
            dZ = (dZ @ params[l]["W"].T) * activation_grad(Zs[l - 1])
    return grads


@variant("q8", wrong="evaluates activation_grad at the activation As[l], not at Zs[l - 1]")
def mlp_backward(params, Zs, As, dlogits, activation_grad):
    grads = [None] * len(params)
    dZ = np.asarray(dlogits, dtype=float)
    for l in range(len(params) - 1, -1, -1):
        grads[l] = {"W": As[l].T @ dZ, "b": dZ.sum(axis=0)}
        if l > 0:
            dZ = (dZ @ params[l]["W"].T) * activation_grad(As[l])
    return grads


@variant("q8", wrong="forgets the activation derivative")
def mlp_backward(params, Zs, As, dlogits, activation_grad):
    grads = [None] * len(params)
    dZ = np.asarray(dlogits, dtype=float)
    for l in range(len(params) - 1, -1, -1):
        grads[l] = {"W": As[l].T @ dZ, "b": dZ.sum(axis=0)}
        if l > 0:
            dZ = dZ @ params[l]["W"].T
    return grads


@variant("q8", wrong="always uses the derivative of tanh, ignoring activation_grad")
def mlp_backward(params, Zs, As, dlogits, activation_grad):
    grads = [None] * len(params)
    dZ = np.asarray(dlogits, dtype=float)
    for l in range(len(params) - 1, -1, -1):
        grads[l] = {"W": As[l].T @ dZ, "b": dZ.sum(axis=0)}
        if l > 0:
            dZ = (dZ @ params[l]["W"].T) * (1 - np.tanh(Zs[l - 1]) ** 2)
    return grads


@variant("q8", wrong="stores each dZ into the caller's Zs list, to save memory")
def mlp_backward(params, Zs, As, dlogits, activation_grad):
    grads = [None] * len(params)
    dZ = np.asarray(dlogits, dtype=float)
    for l in range(len(params) - 1, -1, -1):
        grads[l] = {"W": As[l].T @ dZ, "b": dZ.sum(axis=0)}
        if l > 0:
            Zs[l - 1] = (dZ @ params[l]["W"].T) * activation_grad(Zs[l - 1])
            dZ = Zs[l - 1]
    return grads


@variant("q8", correct="uses the student's own dense_backward for each layer")
def mlp_backward(params, Zs, As, dlogits, activation_grad):
    grads = []
    dZ = np.asarray(dlogits, dtype=float)
    for l in reversed(range(len(params))):
        dA, dW, db = dense_backward(dZ, As[l], params[l]["W"])
        grads = [{"W": dW, "b": db}] + grads
        if l > 0:
            dZ = dA * activation_grad(Zs[l - 1])
    return grads


# ---------------------------------------------------------------- q9: gradient check


@variant("q9", wrong="forward differences (f(x + h) - f(x)) / h")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.zeros(x.shape)
    base = f(x)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        grad[index] = (f(x) - base) / h
        x[index] = old
    return grad


@variant("q9", wrong="divides the central difference by h instead of 2h")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        up = f(x)
        x[index] = old - h
        down = f(x)
        x[index] = old
        grad[index] = (up - down) / h
    return grad


@variant("q9", wrong="ignores h (always 1e-5)")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + 1e-5
        up = f(x)
        x[index] = old - 1e-5
        down = f(x)
        x[index] = old
        grad[index] = (up - down) / 2e-5
    return grad


@variant("q9", wrong="never puts x[i] back: adds h, subtracts 2h, and leaves it there")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        x[index] += h
        up = f(x)
        x[index] -= 2 * h
        down = f(x)
        grad[index] = (up - down) / (2 * h)
    return grad


@variant("q9", wrong="loops over range(len(x)): perturbs whole rows of a matrix")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.zeros(len(x))
    for i in range(len(x)):
        old = x[i].copy()
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad


@variant("q9", wrong="relative_error without the 1e-8 floor: 0 / 0 is NaN")
def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))


@variant("q9", wrong="relative_error as the mean over the entries, not the max")
def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.mean(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


@variant("q9", wrong="relative_error divides by |b| only")
def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(b))))


@variant("q9", correct="numerical_gradient on a flat copy, reshaped at the end")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    work = x.copy()
    flat = work.reshape(-1)
    grad = np.zeros(flat.size)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        up = f(work)
        flat[i] = old - h
        down = f(work)
        flat[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad.reshape(x.shape)


@variant("q9", correct="relative_error by a loop over the flattened entries")
def relative_error(a, b):
    worst = 0.0
    for u, v in zip(np.ravel(a), np.ravel(b), strict=True):
        worst = max(worst, abs(u - v) / max(1e-8, abs(u) + abs(v)))
    return worst


# ---------------------------------------------------------------- q10: mini-batches


@variant("q10", wrong="no shuffle: batches of 0..n-1 in order")
def minibatch_indices(n, batch_size, rng):
    order = np.arange(n)
    return [order[i : i + batch_size] for i in range(0, n, batch_size)]


@variant("q10", wrong="shuffles the order of the batches, not their contents")
def minibatch_indices(n, batch_size, rng):
    order = np.arange(n)
    batches = [order[i : i + batch_size] for i in range(0, n, batch_size)]
    return [batches[j] for j in rng.permutation(len(batches))]


@variant("q10", wrong="draws indices with replacement (rng.integers)")
def minibatch_indices(n, batch_size, rng):
    order = rng.integers(0, n, size=n)
    return [order[i : i + batch_size] for i in range(0, n, batch_size)]


@variant("q10", wrong="drops the last, smaller batch")
def minibatch_indices(n, batch_size, rng):
    order = rng.permutation(n)
    return [order[i : i + batch_size] for i in range(0, n - batch_size + 1, batch_size)]


@variant("q10", wrong="range(0, n - batch_size, batch_size): loses the last batch")
def minibatch_indices(n, batch_size, rng):
    order = rng.permutation(n)
    return [order[i : i + batch_size] for i in range(0, max(1, n - batch_size), batch_size)]


@variant("q10", wrong="shuffles with the global np.random.permutation, not rng")
def minibatch_indices(n, batch_size, rng):
    order = np.random.permutation(n)
    return [order[i : i + batch_size] for i in range(0, n, batch_size)]


@variant("q10", correct="rng.shuffle of an arange, then np.split at the multiples of batch_size")
def minibatch_indices(n, batch_size, rng):
    order = np.arange(n)
    rng.shuffle(order)
    return np.split(order, np.arange(batch_size, n, batch_size))


# ---------------------------------------------------------------- q11: training epoch


@variant("q11", wrong="gradient ascent: params + learning_rate * grads")
def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    params = [{k: np.array(v, dtype=float) for k, v in layer.items()} for layer in params]
    losses = []
    for idx in batches:
        loss, grads = loss_and_grad(params, X[idx], y[idx])
        losses.append(loss)
        params = [
            {k: layer[k] + learning_rate * g[k] for k in layer}
            for layer, g in zip(params, grads, strict=True)
        ]
    return params, losses


@variant("q11", wrong="one update per epoch with the gradient averaged over the batches")
def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    params = [{k: np.array(v, dtype=float) for k, v in layer.items()} for layer in params]
    losses, total = [], None
    for idx in batches:
        loss, grads = loss_and_grad(params, X[idx], y[idx])
        losses.append(loss)
        if total is None:
            total = [{k: np.array(g[k], dtype=float) for k in g} for g in grads]
        else:
            total = [{k: t[k] + g[k] for k in t} for t, g in zip(total, grads, strict=True)]
    m = len(batches)
    params = [
        {k: layer[k] - learning_rate * t[k] / m for k in layer}
        for layer, t in zip(params, total, strict=True)
    ]
    return params, losses


@variant("q11", wrong="ignores the batches: the whole X at every step")
def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    params = [{k: np.array(v, dtype=float) for k, v in layer.items()} for layer in params]
    losses = []
    for _ in batches:
        loss, grads = loss_and_grad(params, X, y)
        losses.append(loss)
        params = [
            {k: layer[k] - learning_rate * g[k] for k in layer}
            for layer, g in zip(params, grads, strict=True)
        ]
    return params, losses


@variant("q11", wrong="ignores learning_rate (always 0.1)")
def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    params = [{k: np.array(v, dtype=float) for k, v in layer.items()} for layer in params]
    losses = []
    for idx in batches:
        loss, grads = loss_and_grad(params, X[idx], y[idx])
        losses.append(loss)
        params = [
            {k: layer[k] - 0.1 * g[k] for k in layer}
            for layer, g in zip(params, grads, strict=True)
        ]
    return params, losses


@variant("q11", wrong="records the loss after the update (a second call)")
def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    params = [{k: np.array(v, dtype=float) for k, v in layer.items()} for layer in params]
    losses = []
    for idx in batches:
        _, grads = loss_and_grad(params, X[idx], y[idx])
        params = [
            {k: layer[k] - learning_rate * g[k] for k in layer}
            for layer, g in zip(params, grads, strict=True)
        ]
        losses.append(loss_and_grad(params, X[idx], y[idx])[0])
    return params, losses


@variant("q11", wrong="updates the caller's arrays in place (W -= ...)")
def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    losses = []
    for idx in batches:
        loss, grads = loss_and_grad(params, X[idx], y[idx])
        losses.append(loss)
        for layer, g in zip(params, grads, strict=True):
            for k in layer:
                layer[k] -= learning_rate * np.asarray(g[k])
    return params, losses


@variant("q11", correct="copies with copy.deepcopy, then updates the copy in place")
def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    import copy

    params = copy.deepcopy(params)
    losses = np.zeros(len(batches))
    for i, idx in enumerate(batches):
        loss, grads = loss_and_grad(params, X[idx], y[idx])
        losses[i] = loss
        for layer, g in zip(params, grads, strict=True):
            for k in layer:
                layer[k] = layer[k] - learning_rate * np.asarray(g[k])
    return params, losses


@variant("q11", wrong="walks the batches in reverse order")
def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    params = [{k: np.array(v, dtype=float) for k, v in layer.items()} for layer in params]
    losses = []
    for idx in reversed(list(batches)):
        loss, grads = loss_and_grad(params, X[idx], y[idx])
        losses.append(loss)
        params = [
            {k: layer[k] - learning_rate * g[k] for k in layer}
            for layer, g in zip(params, grads, strict=True)
        ]
    return params, losses
