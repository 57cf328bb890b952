OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - root.grad = 1, set once: every case (run_backward); variant "never seeds root.grad".
# - each node adds (its grad) x (local derivative) to each parent: test_deep_chain; variant
#   "forgets the upstream gradient".
# - contributions are summed (+=), also for a parent listed twice as in x * x:
#   test_shared_nodes; variants "assigns instead of accumulating", "pairs parents with
#   local grads in a dict".
# - nodes are processed in the reverse of the order given, so a grad is complete before it
#   is passed on: test_shared_nodes, test_many_inputs; variants "walks the order forwards",
#   "breadth-first order from the root".
# - each node pushes once: linear time, tested on a ladder of 60 diamonds (2**60 paths; the
#   test stops a sweep after 20 reads of .parents per node): test_shared_diamonds; variants
#   "sum over paths", "recursive push from the root".
# - order is the list topological_order(root) returns: the tests pass a correct order of
#   their own, so a mistake in Question 7 costs nothing here.
# - only .parents, .local_grads and .grad are used: the nodes are the tests' own.

import math

import numpy as np
from evidence import matching_hint
from graphs import GraphNode, ReadBudget, diamond_ladder
from otter.test_files import test_case

from mlmath_checks import assert_close

name = "q8"
points = 8


class Node(GraphNode):
    """A graph node with arithmetic, like the notebook's Value.

    Its local derivatives are estimated by central differences, so this test depends only
    on your backward, not on your rules (Questions 5 and 6) nor on your topological_order
    (Question 7): the test passes an order it computed itself.
    """

    def __init__(self, data, parents=(), local_grads=()):
        super().__init__("", parents, local_grads, data=data)

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


def order_of(root):
    """A topological order (parents first, root last), by an iterative depth-first search."""
    order, done, stack = [], set(), [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if node.uid in done:
            continue
        if expanded:
            done.add(node.uid)
            order.append(node)
        else:
            stack.append((node, True))
            stack.extend((p, False) for p in node.parents if p.uid not in done)
    return order


def sweep(order, mode):
    """What a sweep does to the grads of a graph: the right one, or a known mistake.

    The tests run it on a fresh copy of the graph (never the one the answer got), to
    recognize which mistake an answer made before choosing the hint.
    """
    grads = {node.uid: 0.0 for node in order}
    if mode != "no seed":
        grads[order[-1].uid] = 1.0
    walk = order if mode == "forwards" else order[::-1]
    for node in walk:
        pairs = list(zip(node.parents, node.local_grads, strict=True))
        if mode == "dict":
            pairs = list({p.uid: (p, g) for p, g in pairs}.values())
        for parent, local in pairs:
            push = local if mode == "no upstream" else local * grads[node.uid]
            if mode == "assign":
                grads[parent.uid] = push
            else:
                grads[parent.uid] += push
    return grads


HINTS = {
    "assign": "a node used several times must receive the sum of the gradients from all its "
    "uses: write parent.grad += ..., not parent.grad = ...",
    "dict": "a node listed twice among the parents of one node (as in x * x) must receive "
    "both contributions: loop over zip(node.parents, node.local_grads) directly, without "
    "a dict or a set, which keeps only one of the two entries.",
    "forwards": "walk the order in reverse (root first): each node's grad must be complete "
    "before it is passed on to its parents.",
    "no upstream": "multiply each local derivative by the node's own grad (the upstream "
    "gradient): parent.grad += local * node.grad.",
}
GENERIC = (
    "set root.grad = 1, then for each node of reversed(order) add local * node.grad to the "
    ".grad of each parent."
)


def hint_for(found, build):
    """The hint of the known mistake whose sweep gives `found` on a fresh copy of the graph."""
    leaves, root = build()
    order = order_of(root)
    right = sweep(order, "right")
    candidates = []
    for mode in HINTS:
        grads = sweep(order, mode)
        values = [grads[leaf.uid] for leaf in leaves]
        if not np.allclose(values, [right[leaf.uid] for leaf in leaves], rtol=1e-9):
            candidates.append((values, HINTS[mode]))
    return matching_hint(found, candidates, GENERIC, rtol=1e-9)


def run_backward(backward, root, order, what="", hint=GENERIC):
    if backward is None or not callable(backward):
        raise AssertionError("`backward` is not defined: run the cell that defines it.")
    where = f" on {what}" if what else ""
    for node in order:  # plain support nodes: under `mlmath grade` they cross by value
        node.__class__ = GraphNode
    try:
        backward(root, order)
    except NotImplementedError:
        raise AssertionError("`backward` is not implemented yet.") from None
    except Exception as error:
        raise AssertionError(
            f"calling backward(root, order){where} raised {type(error).__name__}: {error}. "
            f"{hint}".strip()
        ) from None
    if root.grad == 0.0:
        raise AssertionError(
            f"after backward(root, order){where}, root.grad is still 0: is backward still a "
            "stub? If not, seed the pass with root.grad = 1 (d root / d root) before "
            "propagating."
        )
    if root.grad != 1.0:
        raise AssertionError(
            f"after backward(root, order){where}, root.grad should be 1 (d root / d root), "
            f"found {root.grad!r}. Set root.grad = 1 once, before the sweep, and never add "
            "to it afterwards."
        )


def gradient_of(backward, f, values, what):
    leaves = [Node(v) for v in values]
    root = f(*leaves)
    run_backward(backward, root, order_of(root), what)
    return np.array([leaf.grad for leaf in leaves]), root


def rebuild(f, values):
    def build():
        leaves = [Node(v) for v in values]
        return leaves, f(*leaves)

    return build


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


@test_case(points=2, hidden=False)
def test_hand_example(backward):
    def f(x, y):
        return x * y + x

    grad, _ = gradient_of(backward, f, [2.0, 3.0], "z = x*y + x at x=2, y=3")
    hint = hint_for(grad, rebuild(f, [2.0, 3.0]))
    assert_close(grad[0], 4.0, what="dz/dx for z = x*y + x at x=2, y=3", reveal=True, hint=hint)
    assert_close(grad[1], 2.0, what="dz/dy for z = x*y + x at x=2, y=3", reveal=True, hint=hint)


@test_case(points=2, hidden=True)
def test_shared_nodes(backward):
    rng = np.random.default_rng(81)

    def quartic(x):
        square = x * x
        return square * square + square - x  # x^4 + x^2 - x

    for value in rng.uniform(-2, 2, size=5):
        grad, _ = gradient_of(backward, quartic, [value], "z = s*s + s - x with s = x*x")
        assert_close(
            grad[0],
            4 * value**3 + 2 * value - 1,
            rtol=1e-9,
            atol=1e-12,
            what="dz/dx for z = s*s + s - x with s = x*x",
            hint=hint_for(grad, rebuild(quartic, [value])),
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

        u, slope = start, 1.0
        for w in weights:
            t = math.tanh(w * u)
            slope *= 1 + w * (1 - t * t)
            u = u + t
        grad, _ = gradient_of(
            backward, residual, [start], f"{blocks} residual blocks h <- h + tanh(w*h)"
        )
        assert_close(
            grad[0],
            slope,
            rtol=1e-6,
            atol=1e-12,
            what=f"dh/dx through {blocks} residual blocks h <- h + tanh(w*h)",
            hint=hint_for(grad, rebuild(residual, [start])),
        )


@test_case(points=1, hidden=True)
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

        u, slope = start, 1.0
        for i, w in enumerate(weights):  # the chain rule along the chain, by hand
            if i % 2:
                u = math.tanh(w * u + 0.1)
                slope *= w * (1 - u * u)
            else:
                u, slope = 1.0 - 0.9 * u, -0.9 * slope
        grad, _ = gradient_of(backward, chain, [start], f"a chain of {length} operations")
        assert_close(
            grad[0],
            slope,
            rtol=1e-6,
            atol=1e-12,
            what=f"the derivative of a chain of {length} operations",
            hint=hint_for(grad, rebuild(chain, [start])),
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
            expected = numerical_gradient(f, values)
            grad, _ = gradient_of(backward, f, values, "an expression of three inputs")
            assert_close(
                grad,
                expected,
                rtol=1e-5,
                atol=1e-7,
                what="the gradient of an expression of three inputs",
                hint=hint_for(grad, rebuild(f, values)),
            )


@test_case(points=1, hidden=True)
def test_shared_diamonds(backward):
    rng = np.random.default_rng(84)
    weights = [tuple(pair) for pair in rng.uniform(0.2, 0.8, size=(60, 2))]
    budget = ReadBudget()
    leaf, root, nodes = diamond_ladder(60, budget, weights)
    expected = math.prod(a + b for a, b in weights)  # d root / d x, the sum over 2**60 paths
    what = "a ladder of 60 diamonds (181 nodes, 2**60 paths from the root to x)"
    budget.start(20 * len(nodes))
    try:
        run_backward(
            backward,
            root,
            list(nodes),
            what,
            hint="Each node must push its grad once, in reversed(order): a sweep that "
            "follows every path from the root (a recursion that pushes to the parents "
            "without an order) does 2**60 pushes on this graph.",
        )
    finally:
        budget.stop()

    def build():
        leaf, root, _ = diamond_ladder(60, None, weights)
        return [leaf], root

    assert_close(
        leaf.grad,
        expected,
        rtol=1e-9,
        what=f"d root / d x on {what}",
        hint=hint_for([leaf.grad], build),
    )
