OK_FORMAT = False

import math

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close

name = "q8"
points = 8


class Node:
    """A scalar graph node with the attributes of the notebook's Value.

    Its local derivatives are estimated by central differences, so this test depends only
    on your backward (and the topological_order it uses), not on your rules.
    """

    def __init__(self, data, parents=(), local_grads=()):
        self.data = float(data)
        self.grad = 0.0
        self.parents = tuple(parents)
        self.local_grads = tuple(local_grads)

    def __add__(self, other):
        other = lift(other)
        return Node(self.data + other.data, (self, other), (1.0, 1.0))

    def __radd__(self, other):
        return lift(other) + self

    def __mul__(self, other):
        other = lift(other)
        return Node(self.data * other.data, (self, other), (other.data, self.data))

    def __rmul__(self, other):
        return lift(other) * self

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-lift(other))

    def __rsub__(self, other):
        return lift(other) + (-self)

    def __truediv__(self, other):
        return self * lift(other) ** -1

    def __rtruediv__(self, other):
        return lift(other) * self**-1

    def __pow__(self, k):
        return unary(self, lambda u: u**k)

    def exp(self):
        return unary(self, math.exp)

    def log(self):
        return unary(self, math.log)

    def tanh(self):
        return unary(self, math.tanh)


def lift(x):
    return x if isinstance(x, Node) else Node(x)


def unary(node, f):
    step = 1e-5 * max(1.0, abs(node.data))
    slope = (f(node.data + step) - f(node.data - step)) / (2 * step)
    return Node(f(node.data), (node,), (slope,))


def run_backward(backward, root):
    if backward is None or not callable(backward):
        raise AssertionError("`backward` is not defined: run the cell that defines it.")
    try:
        backward(root)
    except NotImplementedError:
        raise AssertionError("`backward` is not implemented yet.") from None
    except Exception as error:
        raise AssertionError(
            f"calling backward(root) raised {type(error).__name__}: {error}"
        ) from None
    if root.grad == 0.0:
        raise AssertionError(
            "after backward(root), root.grad is still 0: is backward still a stub? If not, "
            "seed the pass with root.grad = 1 (d root / d root) before propagating."
        )
    if root.grad != 1.0:
        raise AssertionError(
            f"after backward(root), root.grad should be 1 (d root / d root), found {root.grad!r}."
            " Hint: set root.grad = 1 once, before the sweep, and never add to it afterwards."
        )


def gradient_of(backward, f, values):
    leaves = [Node(v) for v in values]
    root = f(*leaves)
    run_backward(backward, root)
    return np.array([leaf.grad for leaf in leaves]), root


def numerical_gradient(f, values, step=1e-6):
    grad = []
    for i in range(len(values)):
        up, down = list(values), list(values)
        up[i] += step
        down[i] -= step
        grad.append(
            (f(*[Node(v) for v in up]).data - f(*[Node(v) for v in down]).data) / (2 * step)
        )
    return np.array(grad)


ACCUMULATE = (
    "a node used several times must receive the sum of the gradients from all its "
    "uses: write parent.grad += ..., not parent.grad = ..."
)
ORDER = (
    "visit the nodes in reverse topological order (root first), so a node's grad is "
    "complete before it is passed to its parents; multiply each local gradient by the "
    "node's own grad (the upstream gradient)."
)


@test_case(points=2, hidden=False)
def test_hand_example(backward):
    x, y = Node(2.0), Node(3.0)
    z = x * y + x
    run_backward(backward, z)
    assert_close(
        x.grad, 4.0, what="dz/dx for z = x*y + x at x=2, y=3", reveal=True, hint=ACCUMULATE
    )
    assert_close(y.grad, 2.0, what="dz/dy for z = x*y + x at x=2, y=3", reveal=True, hint=ORDER)


@test_case(points=2, hidden=True)
def test_shared_nodes(backward):
    rng = np.random.default_rng(81)
    for value in rng.uniform(-2, 2, size=5):
        x = Node(value)
        square = x * x
        z = square * square + square - x  # x^4 + x^2 - x
        run_backward(backward, z)
        assert_close(
            square.grad,
            2 * value**2 + 1,
            rtol=1e-9,
            atol=1e-12,
            what="the grad of the shared node s = x*x in z = s*s + s - x",
            hint=ACCUMULATE,
        )
        assert_close(
            x.grad,
            4 * value**3 + 2 * value - 1,
            rtol=1e-9,
            atol=1e-12,
            what="dz/dx for z = s*s + s - x with s = x*x",
            hint=ACCUMULATE,
        )
    # A stack of residual blocks h <- h + tanh(w * h): each h feeds its successor along a
    # short path (the skip connection) and a longer one (through w * h and tanh).
    for blocks in [3, 6]:
        weights = rng.uniform(-1.5, 1.5, size=blocks)
        start = float(rng.uniform(-1, 1))

        def residual(x, weights=weights):
            h = x
            for w in weights:
                h = h + (w * h).tanh()
            return h

        grad, _ = gradient_of(backward, residual, [start])
        u, slope = start, 1.0
        for w in weights:
            t = math.tanh(w * u)
            slope *= 1 + w * (1 - t * t)
            u = u + t
        assert_close(
            grad[0],
            slope,
            rtol=1e-6,
            atol=1e-12,
            what=f"dh/dx through {blocks} residual blocks h <- h + tanh(w*h)",
            hint="each h is used twice, by the skip connection and by w*h: "
            + ACCUMULATE
            + "; and "
            + ORDER,
        )


@test_case(points=2, hidden=True)
def test_deep_chain(backward):
    rng = np.random.default_rng(82)
    for length in [50, 70]:
        weights = rng.uniform(0.5, 1.5, size=length)
        start = float(rng.uniform(-1, 1))

        def chain(x, weights=weights):
            h = x
            for i, w in enumerate(weights):
                h = (w * h + 0.1).tanh() if i % 2 else 1.0 - h * 0.9
            return h

        grad, _ = gradient_of(backward, chain, [start])
        u, slope = start, 1.0
        for i, w in enumerate(weights):  # the chain rule along the chain, by hand
            if i % 2:
                u = math.tanh(w * u + 0.1)
                slope *= w * (1 - u * u)
            else:
                u, slope = 1.0 - 0.9 * u, -0.9 * slope
        assert_close(
            grad[0],
            slope,
            rtol=1e-6,
            atol=1e-12,
            what=f"the derivative of a chain of {length} operations",
            hint=ORDER,
        )


@test_case(points=2, hidden=True)
def test_many_inputs(backward):
    rng = np.random.default_rng(83)
    expressions = [
        lambda a, b, c: (a * b + c) / (1 + a * a) - 3 / b + c**3,
        lambda a, b, c: (a / b).tanh() * c + (2 - a) * (b * c).exp() * 0.1,
        lambda a, b, c: (a * a + b * b + c * c) ** 0.5 + (1 + a * b * c) * 2,
        lambda a, b, c: ((a - b) ** 2).exp().log() + b**-2 * a - c / c,
    ]
    for f in expressions:
        for _ in range(4):
            values = list(rng.uniform(0.5, 1.5, size=3) * rng.choice([-1, 1], size=3))
            grad, root = gradient_of(backward, f, values)
            assert_close(
                grad,
                numerical_gradient(f, values),
                rtol=1e-5,
                atol=1e-7,
                what="the gradient of an expression of three inputs",
                hint=ACCUMULATE + "; " + ORDER,
            )
