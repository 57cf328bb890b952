"""Graph nodes for this set's tests of topological_order and backward.

Shipped beside the notebook (like mlmath_checks.py): it holds no answers, only nodes with
the attributes of the notebook's Value and a way to measure how much work a traversal does.
"""

import itertools

SERIAL = itertools.count()


class ReadBudget:
    """Counts reads of .parents while a student's traversal runs, and stops it past a limit.

    A traversal that visits each node once reads each node's .parents a few times at most;
    one that re-walks shared nodes reads them once per path, and a ladder of 60 diamonds has
    2**60 paths. Past the limit the read raises RuntimeError, so such a traversal fails in
    milliseconds instead of running for ever.
    """

    def __init__(self):
        self.reads = 0
        self.limit = None

    def start(self, limit):
        self.reads, self.limit = 0, limit

    def stop(self):
        self.limit = None


class GraphNode:
    """A scalar graph node with the attributes of the notebook's Value.

    Each node also carries a unique `uid`: tests recognize the nodes an answer returns by
    it, not by identity, so the checks hold when the grader runs the answer in another
    process and hands it stand-ins for these nodes.
    """

    def __init__(self, label="", parents=(), local_grads=None, data=0.0, budget=None):
        self.label = label
        self.uid = next(SERIAL)
        self.data = float(data)
        self.grad = 0.0
        self._parents = tuple(parents)
        if local_grads is None:
            local_grads = [1.0] * len(self._parents)
        self.local_grads = tuple(float(g) for g in local_grads)
        self._budget = budget

    @property
    def parents(self):
        budget = self._budget
        if budget is not None and budget.limit is not None:
            budget.reads += 1
            if budget.reads > budget.limit:
                raise RuntimeError(
                    f"stopped after {budget.limit} reads of .parents: shared nodes are being "
                    "visited again and again (once per path through them)"
                )
        return self._parents

    @parents.setter
    def parents(self, value):
        self._parents = tuple(value)

    def __repr__(self):
        return f"node {self.label}"


def diamond_ladder(levels, budget, weights=None):
    """x -> (a x, b x) -> their sum, repeated: 3 * levels + 1 nodes and 2**levels paths.

    Returns (leaf, root, nodes in creation order, which is a topological order).
    weights: pairs (a, b) used as the local derivatives of the two branches.
    """
    leaf = GraphNode("x", data=1.0, budget=budget)
    top, nodes = leaf, [leaf]
    for i in range(levels):
        a, b = weights[i] if weights is not None else (1.0, 1.0)
        left = GraphNode(f"l{i}", [top], [a], data=a * top.data, budget=budget)
        right = GraphNode(f"r{i}", [top], [b], data=b * top.data, budget=budget)
        top = GraphNode(
            f"m{i}", [left, right], [1.0, 1.0], data=left.data + right.data, budget=budget
        )
        nodes += [left, right, top]
    return leaf, top, nodes
