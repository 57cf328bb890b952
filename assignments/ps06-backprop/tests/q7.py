OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - all nodes reachable through .parents, each exactly once: test_node_used_twice,
#   test_random_graphs; variant "no visited set" (a node used twice is listed twice).
# - every node after all of its parents: test_random_graphs; variants "pre-order",
#   "reversed breadth-first order".
# - root last (the order is not reversed): test_random_graphs; variant "returns the order
#   root first".
# - works for any root, not only the last node created: test_random_graphs.
# - graphs up to about 250 nodes deep: test_deep_and_diamond (a chain of 200 operations).
# - each node visited once, time linear in the size of the graph: test_shared_diamonds (a
#   ladder of 60 diamonds, 2**60 paths; the test stops a traversal after 20 reads of
#   .parents per node); variant "no visited set, duplicates skipped when appending" (the
#   right list, in exponential time).
# - the graph is not modified: the graph is snapshotted before the call; variant "cuts
#   every .parents link and returns only the root".

import numpy as np
from graphs import GraphNode, ReadBudget, diamond_ladder
from otter.test_files import test_case

from mlmath_checks import call

name = "q7"
points = 5


def Node(label, parents=()):
    """A bare graph node with the attributes of the notebook's Value (see support/graphs.py)."""
    return GraphNode(label, parents)


def reachable(root):
    seen, stack = {root.uid: root}, [root]
    while stack:
        for parent in stack.pop().parents:
            if parent.uid not in seen:
                seen[parent.uid] = parent
                stack.append(parent)
    return seen


def snapshot(root):
    """The graph below root as uids: the root's uid and the parents' uids of every node.

    Taken before the student's call: an answer that rewires .parents in place (say, cuts
    the graph down to the root) must not change the graph its order is checked against.
    """
    nodes = reachable(root)
    return root.uid, {uid: tuple(p.uid for p in node.parents) for uid, node in nodes.items()}


def check_topological_order(topological_order, root, what):
    graph = snapshot(root)  # before the call, which may change the graph in place
    check_order(call(topological_order, root, what=what), graph, what)


def check_order(order, graph, what):
    root_uid, nodes = graph
    if not isinstance(order, (list, tuple)):
        raise AssertionError(
            f"topological_order should return a list of nodes, found {type(order).__name__}."
        )
    ids = [getattr(item, "uid", None) for item in order]
    if any(uid is None for uid in ids):
        raise AssertionError(
            f"{what}: every entry of the list should be a node of the graph (the objects "
            "reached through .parents), found something else. Hint: append the nodes "
            "themselves, not their values, labels or id()."
        )
    if len(set(ids)) != len(ids):
        raise AssertionError(
            f"{what}: some node appears more than once in your order ({len(ids)} entries for "
            f"{len(set(ids))} distinct nodes). Hint: keep a set of visited nodes, so a node "
            "used twice (like x in x*x) is listed once."
        )
    if set(ids) != set(nodes):
        missing = len(set(nodes) - set(ids))
        extra = len(set(ids) - set(nodes))
        raise AssertionError(
            f"{what}: the order should hold exactly the {len(nodes)} nodes reachable from the "
            f"root through .parents; {missing} are missing and {extra} are not reachable. "
            "Hint: visit every parent of every node, starting from the root."
        )
    if ids[-1] != root_uid:
        raise AssertionError(
            f"{what}: the root should come last, found it at position "
            f"{ids.index(root_uid)} of {len(ids)}. Hint: append a node after its parents."
        )
    position = {uid: i for i, uid in enumerate(ids)}
    for uid, sources in nodes.items():
        for source in sources:
            if position[source] > position[uid]:
                raise AssertionError(
                    f"{what}: a node appears before one of its parents. Every node must come "
                    "after all of its parents. Hint: a depth-first search that appends a node "
                    "only once all its parents are appended (post-order) guarantees it."
                )


def random_dag(rng, size):
    nodes = [Node(i) for i in range(3)]
    for i in range(3, size):
        k = int(rng.integers(1, 4))
        picks = rng.choice(len(nodes), size=min(k, len(nodes)), replace=False)
        nodes.append(Node(i, [nodes[j] for j in picks]))
    return nodes


@test_case(points=1, hidden=False)
def test_chain(topological_order):
    a = Node("a")
    b = Node("b", [a])
    c = Node("c", [b])
    check_topological_order(topological_order, c, "for the chain a -> b -> c")


@test_case(points=1, hidden=True)
def test_node_used_twice(topological_order):
    x = Node("x")
    square = Node("x*x", [x, x])
    y = Node("y", [square, x])
    check_topological_order(topological_order, y, "for y = x*x + x")


@test_case(points=1, hidden=True)
def test_random_graphs(topological_order):
    rng = np.random.default_rng(7)
    for size in [5, 12, 25]:
        for _ in range(3):
            nodes = random_dag(rng, size)
            root, middle = nodes[-1], nodes[size // 2]
            # both snapshots before either call: the first call may change the shared graph
            graphs = snapshot(root), snapshot(middle)
            check_order(
                call(topological_order, root), graphs[0], f"for a random graph of {size} nodes"
            )
            check_order(
                call(topological_order, middle),
                graphs[1],
                "for a graph whose root is not the last node created",
            )


@test_case(points=1, hidden=True)
def test_deep_and_diamond(topological_order):
    leaf = Node("x")
    node = leaf
    for i in range(200):
        node = Node(i, [node, leaf] if i % 10 == 0 else [node])
    check_topological_order(topological_order, node, "for a chain of 200 operations")
    # A ladder of diamonds: every level reaches the previous one along two paths.
    top = Node("x")
    for i in range(12):
        left, right = Node(f"l{i}", [top]), Node(f"r{i}", [top])
        top = Node(f"m{i}", [left, right])
    check_topological_order(topological_order, top, "for a ladder of 12 diamonds")


@test_case(points=1, hidden=True)
def test_shared_diamonds(topological_order):
    budget = ReadBudget()
    _, root, nodes = diamond_ladder(60, budget)
    graph = snapshot(root)
    what = "for a ladder of 60 diamonds (181 nodes, 2**60 paths from the root to x)"
    budget.start(20 * len(nodes))
    try:
        order = call(
            topological_order,
            root,
            what="a ladder of 60 diamonds (181 nodes, 2**60 paths from the root to x)",
            hint="Each node must be visited once: keep a set of visited nodes and return "
            "from a node you have already visited before looking at its parents. A search "
            "that walks on through a visited node walks every path, and this graph has "
            "2**60 of them.",
        )
    finally:
        budget.stop()
    check_order(order, graph, what)
