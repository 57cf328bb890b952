"""Variants for ps06-backprop."""

import math

import numpy as np

from mlmath.authoring import variant

# q1: chain_derivative


@variant("q1", wrong="evaluates every derivative at the original x, not at the intermediates")
def chain_derivative(fs, dfs, x):
    value, derivative = float(x), 1.0
    for f, df in zip(fs, dfs, strict=True):
        derivative *= df(x)
        value = f(value)
    return value, derivative


@variant("q1", wrong="composes in the wrong order: applies fs[-1] first")
def chain_derivative(fs, dfs, x):
    value, derivative = float(x), 1.0
    for f, df in zip(reversed(fs), reversed(dfs), strict=True):
        derivative *= df(value)
        value = f(value)
    return value, derivative


@variant("q1", wrong="adds the local derivatives instead of multiplying them")
def chain_derivative(fs, dfs, x):
    value, derivative = float(x), 0.0
    for f, df in zip(fs, dfs, strict=True):
        derivative += df(value)
        value = f(value)
    return value, derivative


@variant("q1", wrong="ignores dfs: central finite difference of the composition")
def chain_derivative(fs, dfs, x):
    def g(t):
        for f in fs:
            t = f(t)
        return t

    h = 1e-5
    return g(float(x)), (g(x + h) - g(x - h)) / (2 * h)


@variant("q1", correct="reverse accumulation: stores the intermediates, multiplies from the end")
def chain_derivative(fs, dfs, x):
    inputs = [float(x)]
    for f in fs:
        inputs.append(f(inputs[-1]))
    derivative = 1.0
    for i in range(len(fs) - 1, -1, -1):
        derivative = derivative * dfs[i](inputs[i])
    return inputs[-1], derivative


@variant("q1", correct="recursive: (g o f)'(x) = g'(f(x)) f'(x), returned as a list")
def chain_derivative(fs, dfs, x):
    if not fs:
        return [x, 1.0]
    inner_value, inner_slope = chain_derivative(fs[:-1], dfs[:-1], x)
    return [fs[-1](inner_value), dfs[-1](inner_value) * inner_slope]


@variant("q1", correct="forward accumulation with functools.reduce, returned as an array")
def chain_derivative(fs, dfs, x):
    import functools

    def step(pair, functions):
        f, df = functions
        return np.array([f(pair[0]), df(pair[0]) * pair[1]])

    return functools.reduce(step, zip(fs, dfs, strict=True), np.array([float(x), 1.0]))


# q2: tanh_layer_jacobian


@variant("q2", wrong="forgets the derivative of tanh: returns W.T")
def tanh_layer_jacobian(x, W, b):
    return np.asarray(W, float).T


@variant("q2", wrong="uses 1 - z**2 (the pre-activation) instead of 1 - tanh(z)**2")
def tanh_layer_jacobian(x, W, b):
    z = np.asarray(x) @ W + b
    return (1 - z**2)[:, None] * np.asarray(W).T


@variant("q2", wrong="returns the transposed Jacobian, shape (d, h)")
def tanh_layer_jacobian(x, W, b):
    a = np.tanh(np.asarray(x) @ W + b)
    return np.asarray(W) * (1 - a**2)[None, :]


@variant("q2", wrong="leaves the bias out: tanh' evaluated at x @ W instead of x @ W + b")
def tanh_layer_jacobian(x, W, b):
    a = np.tanh(np.asarray(x) @ W)
    return (1 - a**2)[:, None] * np.asarray(W).T


@variant("q2", wrong="scales the columns of W.T instead of its rows")
def tanh_layer_jacobian(x, W, b):
    a = np.tanh(np.asarray(x) @ W + b)
    return np.asarray(W).T * (1 - a**2)[None, :]


@variant("q2", wrong="tanh written with np.exp: NaN (inf / inf) for saturated units")
def tanh_layer_jacobian(x, W, b):
    e = np.exp(2 * (np.asarray(x) @ W + b))
    a = (e - 1) / (e + 1)
    return (1 - a**2)[:, None] * np.asarray(W).T


@variant("q2", correct="builds diag(1 - a^2) explicitly and multiplies by W.T")
def tanh_layer_jacobian(x, W, b):
    a = np.tanh(np.asarray(x) @ W + b)
    return np.diag(1 - a**2) @ np.asarray(W).T


@variant("q2", correct="loops over entries, J[i][j] = (1 - a_i^2) W[j][i], as nested lists")
def tanh_layer_jacobian(x, W, b):
    W = np.asarray(W)
    d, h = W.shape
    z = [sum(x[j] * W[j, i] for j in range(d)) + b[i] for i in range(h)]
    return [[(1 - math.tanh(z[i]) ** 2) * W[j, i] for j in range(d)] for i in range(h)]


# q3: forward_mode


@variant("q3", wrong="forward-mode confusion: seeds every input with 1, ignoring (dx1, dx2)")
def forward_mode(x1, x2, dx1, dx2):
    dx1 = dx2 = 1.0
    v1, dv1 = math.log(x1), dx1 / x1
    v2, dv2 = x1 * x2, dx1 * x2 + x1 * dx2
    v3, dv3 = math.sin(x2), math.cos(x2) * dx2
    return v1 + v2 - v3, dv1 + dv2 - dv3


@variant("q3", wrong="sign error: adds the tangent of sin(x2) instead of subtracting it")
def forward_mode(x1, x2, dx1, dx2):
    v1, dv1 = math.log(x1), dx1 / x1
    v2, dv2 = x1 * x2, dx1 * x2 + x1 * dx2
    v3, dv3 = math.sin(x2), math.cos(x2) * dx2
    return v1 + v2 - v3, dv1 + dv2 + dv3


@variant("q3", wrong="product rule with one term: tangent of x1*x2 taken as x2*dx1")
def forward_mode(x1, x2, dx1, dx2):
    v1, dv1 = math.log(x1), dx1 / x1
    v2, dv2 = x1 * x2, dx1 * x2
    v3, dv3 = math.sin(x2), math.cos(x2) * dx2
    return v1 + v2 - v3, dv1 + dv2 - dv3


@variant("q3", wrong="tangent of ln x1 taken as 1/x1, without the input tangent dx1")
def forward_mode(x1, x2, dx1, dx2):
    v1, dv1 = math.log(x1), 1 / x1
    v2, dv2 = x1 * x2, dx1 * x2 + x1 * dx2
    v3, dv3 = math.sin(x2), math.cos(x2) * dx2
    return v1 + v2 - v3, dv1 + dv2 - dv3


@variant("q3", correct="computes the gradient in closed form, then its dot with the direction")
def forward_mode(x1, x2, dx1, dx2):
    grad = np.array([1 / x1 + x2, x1 - np.cos(x2)])
    return np.log(x1) + x1 * x2 - np.sin(x2), grad @ np.array([dx1, dx2])


@variant("q3", correct="dual numbers: each node a numpy array [value, tangent], array returned")
def forward_mode(x1, x2, dx1, dx2):
    u, v = np.array([x1, dx1], float), np.array([x2, dx2], float)
    v1 = np.array([math.log(u[0]), u[1] / u[0]])
    v2 = np.array([u[0] * v[0], u[1] * v[0] + u[0] * v[1]])
    v3 = np.array([math.sin(v[0]), math.cos(v[0]) * v[1]])
    return v1 + v2 - v3


# q4: reverse_mode


@variant("q4", wrong="overwrites the adjoint of x1 instead of summing its two contributions")
def reverse_mode(x1, x2):
    f = math.log(x1) + x1 * x2 - math.sin(x2)
    x1_bar = 1.0 * x2
    x1_bar = 1.0 / x1  # the second path replaces the first
    x2_bar = 1.0 * x1 - math.cos(x2)
    return f, np.array([x1_bar, x2_bar])


@variant("q4", wrong="sign error: the adjoint of v3 = sin(x2) taken as +1")
def reverse_mode(x1, x2):
    f = math.log(x1) + x1 * x2 - math.sin(x2)
    return f, np.array([1 / x1 + x2, x1 + math.cos(x2)])


@variant("q4", wrong="swaps the partials of the product: d(x1 x2)/dx1 taken as x1")
def reverse_mode(x1, x2):
    f = math.log(x1) + x1 * x2 - math.sin(x2)
    return f, np.array([1 / x1 + x1, x2 - math.cos(x2)])


@variant("q4", correct="two forward-mode passes (one per input), gradient as a list")
def reverse_mode(x1, x2):
    f, g1 = forward_mode(x1, x2, 1.0, 0.0)
    _, g2 = forward_mode(x1, x2, 0.0, 1.0)
    return f, [g1, g2]


# q5: add_rule, mul_rule, div_rule, pow_rule


@variant("q5", wrong="mul_rule: each input's partial taken as itself, (a, b) instead of (b, a)")
def mul_rule(a, b):
    return a * b, (a, b)


@variant("q5", wrong="div_rule: forgets the minus sign, d(a/b)/db = a / b**2")
def div_rule(a, b):
    return a / b, (1 / b, a / b**2)


@variant("q5", wrong="div_rule: quotient rule without the square, d(a/b)/db = -a / b")
def div_rule(a, b):
    return a / b, (1 / b, -a / b)


@variant("q5", wrong="pow_rule: keeps the exponent, k * a**k instead of k * a**(k - 1)")
def pow_rule(a, k):
    return a**k, (k * a**k,)


@variant("q5", correct="div_rule via a * b**-1 with the product and power rules; lists")
def div_rule(a, b):
    inverse = b**-1
    return a * inverse, [inverse, a * (-1) * b**-2]


@variant("q5", correct="pow_rule with np.power, returning numpy scalars")
def pow_rule(a, k):
    return np.power(float(a), k), (np.float64(k) * np.power(float(a), k - 1),)


@variant("q5", correct="mul_rule returning the partials as a numpy array, not a tuple")
def mul_rule(a, b):
    return a * b, np.array([b, a])


# q6: exp_rule, log_rule, tanh_rule


@variant("q6", wrong="tanh_rule: squares the input, 1 - a**2, instead of the output")
def tanh_rule(a):
    return math.tanh(a), (1 - a * a,)


@variant("q6", wrong="tanh_rule: forgets the derivative of tanh, local gradient 1")
def tanh_rule(a):
    return math.tanh(a), (1.0,)


@variant("q6", wrong="log_rule: base-10 logarithm instead of the natural logarithm")
def log_rule(a):
    return math.log10(a), (1 / (a * math.log(10)),)


@variant("q6", wrong="tanh_rule written with exp: (e^2a - 1) / (e^2a + 1) overflows for a > 355")
def tanh_rule(a):
    e = math.exp(2 * a)
    t = (e - 1) / (e + 1)
    return t, (1 - t * t,)


@variant("q6", correct="tanh_rule from exp(-2|a|) (no overflow), derivative 4 / (e^a + e^-a)^2")
def tanh_rule(a):
    e = math.exp(-2 * abs(a))
    t = math.copysign((1 - e) / (1 + e), a)
    return t, [4 * e / (1 + e) ** 2]


@variant("q6", correct="exp_rule with np.exp, returning a numpy scalar")
def exp_rule(a):
    e = np.exp(a)
    return e, (e,)


@variant("q6", wrong="log_rule: derivative of ln taken as ln(a) itself (confused with exp)")
def log_rule(a):
    value = math.log(a)
    return value, (value,)


# q7: topological_order


@variant("q7", wrong="no visited set: a node used twice is listed twice")
def topological_order(root):
    order = []

    def visit(node):
        for parent in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order


@variant("q7", wrong="pre-order: appends a node before its parents (root first)")
def topological_order(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        order.append(node)
        for parent in node.parents:
            visit(parent)

    visit(root)
    return order


@variant("q7", wrong="reversed breadth-first order, which is not topological for shared nodes")
def topological_order(root):
    order, seen, queue = [], {id(root)}, [root]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for parent in node.parents:
            if id(parent) not in seen:
                seen.add(id(parent))
                queue.append(parent)
    return order[::-1]


@variant(
    "q7",
    wrong="no visited set, duplicates skipped when appending: the right list, but it walks "
    "every path (exponential time on shared diamonds)",
)
def topological_order(root):
    order = []

    def visit(node):
        for parent in node.parents:
            visit(parent)
        if not any(node is seen for seen in order):
            order.append(node)

    visit(root)
    return order


@variant("q7", correct="iterative depth-first search with an explicit stack")
def topological_order(root):
    order, done, stack = [], set(), [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if id(node) in done:
            continue
        if expanded:
            done.add(id(node))
            order.append(node)
        else:
            stack.append((node, True))
            for parent in node.parents:
                if id(parent) not in done:
                    stack.append((parent, False))
    return order


@variant("q7", correct="Kahn's algorithm on the reachable subgraph, as a tuple")
def topological_order(root):
    nodes, stack = {id(root): root}, [root]
    while stack:
        for parent in stack.pop().parents:
            if id(parent) not in nodes:
                nodes[id(parent)] = parent
                stack.append(parent)
    pending = {key: 0 for key in nodes}  # children of each node not yet placed
    for node in nodes.values():
        for parent in set(map(id, node.parents)):
            pending[parent] += 1
    order, ready = [], [root]
    while ready:
        node = ready.pop()
        order.append(node)
        for parent_id in set(map(id, node.parents)):
            pending[parent_id] -= 1
            if pending[parent_id] == 0:
                ready.append(nodes[parent_id])
    return tuple(reversed(order))


@variant("q7", wrong="returns the order root first (reversed already, for the backward pass)")
def topological_order(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order[::-1]


@variant(
    "q7",
    wrong="cuts every .parents link in place and returns only the root (a check that walks "
    "the graph after the call would find nothing else to order)",
)
def topological_order(root):
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.parents)
        node.parents = ()
    return [root]


@variant("q7", correct="visited list checked with `in` (identity), micrograd style")
def topological_order(root):
    topo, visited = [], []

    def build(node):
        if node not in visited:
            visited.append(node)
            for parent in node.parents:
                build(parent)
            topo.append(node)

    build(root)
    return topo


# q8: backward


@variant("q8", wrong="assigns instead of accumulating: parent.grad = ... (x*x gets x's grad once)")
def backward(root, order):
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad = local * node.grad


@variant("q8", wrong="walks the topological order forwards (leaves first), not in reverse")
def backward(root, order):
    root.grad = 1.0
    for node in order:
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad += local * node.grad


@variant("q8", wrong="forgets the upstream gradient: parent.grad += local only")
def backward(root, order):
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad += local


@variant("q8", wrong="never seeds root.grad = 1, so every gradient stays 0")
def backward(root, order):
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad += local * node.grad


@variant("q8", correct="accumulates in a dict keyed by node, writes .grad at the end")
def backward(root, order):
    grads = {id(node): 0.0 for node in order}
    grads[id(root)] = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            grads[id(parent)] += local * grads[id(node)]
    for node in order:
        node.grad = grads[id(node)]
    return order


@variant("q8", wrong="pairs parents with local grads in a dict: x*x keeps one of its two entries")
def backward(root, order):
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in dict(zip(node.parents, node.local_grads, strict=True)).items():
            parent.grad += local * node.grad


@variant(
    "q8", wrong="recursive push from the root: a shared node pushes before its grad is complete"
)
def backward(root, order):
    root.grad = 1.0

    def push(node):
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad += local * node.grad
            push(parent)

    push(root)


@variant("q8", wrong="breadth-first order from the root instead of reverse topological order")
def backward(root, order):
    root.grad = 1.0
    queue, seen = [root], {id(root)}
    while queue:
        node = queue.pop(0)
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad += local * node.grad
            if id(parent) not in seen:
                seen.add(id(parent))
                queue.append(parent)


@variant(
    "q8",
    wrong="sum over paths: pushes the path product recursively, ignoring the order (right "
    "values, but one push per path: 2**60 on a ladder of 60 diamonds)",
)
def backward(root, order):
    def push(node, upstream):
        node.grad += upstream
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            push(parent, upstream * local)

    push(root, 1.0)


@variant("q8", correct="zeroes every grad first, then sweeps with indices")
def backward(root, order):
    order = list(order)
    for node in order:
        node.grad = 0
    order[-1].grad = 1
    for i in range(len(order) - 1, -1, -1):
        node = order[i]
        for j in range(len(node.parents)):
            node.parents[j].grad = node.parents[j].grad + node.local_grads[j] * node.grad


@variant("q8", correct="ignores the order given and computes its own with topological_order")
def backward(root, order):
    root.grad = 1.0
    for node in reversed(topological_order(root)):
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad += local * node.grad


# q9: mlp_loss


@variant("q9", wrong="forgets the 1/2: returns the mean of the squared norms")
def mlp_loss(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    return float(np.sum((H @ params["W2"] + params["b2"] - Y) ** 2) / X.shape[0])


@variant("q9", wrong="averages over all n*k entries instead of over the n examples")
def mlp_loss(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    return float(0.5 * np.mean((H @ params["W2"] + params["b2"] - Y) ** 2))


@variant("q9", wrong="sums over the batch: no 1/n")
def mlp_loss(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    return float(0.5 * np.sum((H @ params["W2"] + params["b2"] - Y) ** 2))


@variant("q9", wrong="uses ReLU instead of tanh in the hidden layer")
def mlp_loss(params, X, Y):
    H = np.maximum(0, X @ params["W1"] + params["b1"])
    return float(0.5 * np.sum((H @ params["W2"] + params["b2"] - Y) ** 2) / X.shape[0])


@variant("q9", wrong="divides by the number of features d = X.shape[1] instead of n")
def mlp_loss(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    return float(0.5 * np.sum((H @ params["W2"] + params["b2"] - Y) ** 2) / X.shape[1])


@variant("q9", wrong="forgets the hidden bias b1")
def mlp_loss(params, X, Y):
    H = np.tanh(X @ params["W1"])
    return float(0.5 * np.sum((H @ params["W2"] + params["b2"] - Y) ** 2) / X.shape[0])


@variant("q9", correct="loops over the examples, returns a numpy scalar")
def mlp_loss(params, X, Y):
    total = 0.0
    for x, y in zip(X, Y, strict=True):
        h = np.tanh(x @ params["W1"] + params["b1"])
        total += 0.5 * np.sum((h @ params["W2"] + params["b2"] - y) ** 2)
    return np.float64(total / len(X))


# q10: mlp_gradients


@variant("q10", wrong="missing the 1/n factor of the batch average")
def mlp_gradients(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    dY = H @ params["W2"] + params["b2"] - Y
    dZ1 = (dY @ params["W2"].T) * (1 - H**2)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(0), "W2": H.T @ dY, "b2": dY.sum(0)}


@variant("q10", wrong="transposed weight gradient: dW1 = dZ1.T @ X, shape (h, d)")
def mlp_gradients(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    dY = (H @ params["W2"] + params["b2"] - Y) / X.shape[0]
    dZ1 = (dY @ params["W2"].T) * (1 - H**2)
    return {"W1": dZ1.T @ X, "b1": dZ1.sum(0), "W2": H.T @ dY, "b2": dY.sum(0)}


@variant("q10", wrong="sign error: uses Y - Y_hat as the output error")
def mlp_gradients(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    dY = (Y - H @ params["W2"] - params["b2"]) / X.shape[0]
    dZ1 = (dY @ params["W2"].T) * (1 - H**2)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(0), "W2": H.T @ dY, "b2": dY.sum(0)}


@variant("q10", wrong="forgets the derivative of tanh (1 - H**2) in the hidden layer")
def mlp_gradients(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    dY = (H @ params["W2"] + params["b2"] - Y) / X.shape[0]
    dZ1 = dY @ params["W2"].T
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(0), "W2": H.T @ dY, "b2": dY.sum(0)}


@variant("q10", wrong="bias gradients as a mean over the batch (divides by n twice)")
def mlp_gradients(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    dY = (H @ params["W2"] + params["b2"] - Y) / X.shape[0]
    dZ1 = (dY @ params["W2"].T) * (1 - H**2)
    return {"W1": X.T @ dZ1, "b1": dZ1.mean(0), "W2": H.T @ dY, "b2": dY.mean(0)}


@variant(
    "q10",
    wrong="forgets the tanh derivative, after zeroing X and W2 in place (finite differences "
    "taken after the call, on the zeroed inputs, would agree)",
)
def mlp_gradients(params, X, Y):
    X[...] = 0.0
    params["W2"][...] = 0.0
    H = np.tanh(X @ params["W1"] + params["b1"])
    dY = (H @ params["W2"] + params["b2"] - Y) / X.shape[0]
    dZ1 = dY @ params["W2"].T
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(0), "W2": H.T @ dY, "b2": dY.sum(0)}


@variant("q10", wrong="bias gradients summed with keepdims=True: shapes (1, h) and (1, k)")
def mlp_gradients(params, X, Y):
    H = np.tanh(X @ params["W1"] + params["b1"])
    dY = (H @ params["W2"] + params["b2"] - Y) / X.shape[0]
    dZ1 = (dY @ params["W2"].T) * (1 - H**2)
    return {
        "W1": X.T @ dZ1,
        "b1": dZ1.sum(axis=0, keepdims=True),
        "W2": H.T @ dY,
        "b2": dY.sum(axis=0, keepdims=True),
    }


@variant("q10", wrong="gradients by central differences of mlp_loss (forbidden; fail at scale)")
def mlp_gradients(params, X, Y):
    grads = {}
    for key, value in params.items():
        grads[key] = np.zeros_like(value, dtype=float)
        for index in np.ndindex(np.shape(value)):
            up = {name: np.array(array, dtype=float) for name, array in params.items()}
            down = {name: np.array(array, dtype=float) for name, array in params.items()}
            up[key][index] += 1e-6
            down[key][index] -= 1e-6
            grads[key][index] = (mlp_loss(up, X, Y) - mlp_loss(down, X, Y)) / 2e-6
    return grads


@variant("q10", correct="einsum instead of matmul")
def mlp_gradients(params, X, Y):
    Z1 = np.einsum("nd,dh->nh", X, params["W1"]) + params["b1"]
    H = np.tanh(Z1)
    dY = (np.einsum("nh,hk->nk", H, params["W2"]) + params["b2"] - Y) / len(X)
    dZ1 = np.einsum("nk,hk->nh", dY, params["W2"]) / np.cosh(Z1) ** 2
    return {
        "W1": np.einsum("nd,nh->dh", X, dZ1),
        "b1": np.einsum("nh->h", dZ1),
        "W2": np.einsum("nh,nk->hk", H, dY),
        "b2": np.einsum("nk->k", dY),
    }


@variant("q10", correct="one example at a time, summing outer products")
def mlp_gradients(params, X, Y):
    grads = {key: np.zeros_like(value, dtype=float) for key, value in params.items()}
    n = len(X)
    for x, y in zip(X, Y, strict=True):
        h = np.tanh(x @ params["W1"] + params["b1"])
        dy = (h @ params["W2"] + params["b2"] - y) / n
        dz = (params["W2"] @ dy) * (1 - h * h)
        grads["W2"] += np.outer(h, dy)
        grads["b2"] += dy
        grads["W1"] += np.outer(x, dz)
        grads["b1"] += dz
    return grads


@variant("q8", correct="own ordering: releases a node once all its users have pushed to it")
def backward(root, order):
    users, stack, seen = {}, [root], {id(root)}
    while stack:  # count, for every node, how many edges leave it towards its users
        node = stack.pop()
        for parent in node.parents:
            users[id(parent)] = users.get(id(parent), 0) + 1
            if id(parent) not in seen:
                seen.add(id(parent))
                stack.append(parent)
    root.grad = 1.0
    ready = [root]
    while ready:
        node = ready.pop()
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad += local * node.grad
            users[id(parent)] -= 1
            if users[id(parent)] == 0:
                ready.append(parent)


@variant("q9", correct="einsum for the products, np.linalg.norm for the squared errors")
def mlp_loss(params, X, Y):
    H = np.tanh(np.einsum("nd,dh->nh", X, params["W1"]) + params["b1"])
    residual = np.einsum("nh,hk->nk", H, params["W2"]) + params["b2"] - Y
    return np.linalg.norm(residual) ** 2 / (2 * len(X))
