"""The wire, message by message, with hostile input (sandbox/codec.py's protocol).

No sandbox here: the grader's endpoint is fed what a hostile student process could send,
and must refuse it with a ProtocolError or an error answer, never build a large object,
never serve anything but the calls and checkpoints the protocol allows.
"""

import socket

import numpy as np
import pandas as pd
import pytest

from mlmath.grading.session import GraderEndpoint
from mlmath.sandbox.runtime import codec

HOSTILE_VALUES = {
    "frame over a huge range": {
        "dataframe": {"columns": ["a"], "index": {"range": [0, 500_000_000, 1]},
                      "data": [{"npscalar": "AAAAAAAA8D8=", "dtype": "<f8"}]}},
    "column broadcast": {
        "dataframe": {"columns": ["a"], "index": {"ndarray": "AAAAAAAA8D8=", "dtype": "<f8",
                                                   "shape": [1]},
                      "data": [{"npscalar": "AAAAAAAA8D8=", "dtype": "<f8"}]}},
    "series over a range": {"series": {"name": "s", "index": {"range": [0, 10**12, 1]},
                                       "values": {"npscalar": "AAAAAAAA8D8=", "dtype": "<f8"}}},
    "object array shape": {"objarray": [1], "shape": [100_000, 100_000]},
    "array shape": {"ndarray": "AAAAAAAA8D8=", "dtype": "<f8", "shape": [10**6, 10**6]},
    "negative shape": {"ndarray": "", "dtype": "<f8", "shape": [-1]},
    "object dtype": {"ndarray": "AAAAAAAA8D8=", "dtype": "|O", "shape": [1]},
    "structured dtype": {"ndarray": "AAAAAAAA8D8=", "dtype": [["a", "<f8"]], "shape": [1]},
    "wide strings": {"ndarray": "", "dtype": "<U1000000000", "shape": [8]},
    "long range": {"range": [0, 10**15, 1]},
    "unknown tag": {"pickle": "gASVAAAAAAAAAAB9lC4="},
    "unknown reference": {"yours": 12345},
    "bad float": {"float": "1e999999"},
    "unhashable key": {"dict": [[[1, 2], 3]]},
    "bad bit generator": {"generator": "Evil", "state": {"dict": []}},
}  # fmt: skip
NESTED = 1
for _ in range(codec.MAX_DEPTH + 10):
    NESTED = [NESTED]
HOSTILE_VALUES["deep nesting"] = NESTED


def _grader():
    ours, theirs = socket.socketpair()
    endpoint = GraderEndpoint(
        codec.Channel(ours, 1 << 20),
        on_checkpoint=lambda questions: None,
        on_stuck=lambda: "stuck",
        on_ended=lambda: "ended",
        on_broken=lambda error: "broken",
        watched=["scipy.special.logsumexp"],
    )
    return endpoint, codec.Channel(theirs, 1 << 20)


@pytest.mark.parametrize("name", sorted(HOSTILE_VALUES))
def test_the_decoder_refuses_hostile_values_before_allocating(name):
    endpoint, _ = _grader()
    with pytest.raises(codec.ProtocolError):
        endpoint.decode(HOSTILE_VALUES[name])


def test_plain_values_round_trip_by_value():
    endpoint, _ = _grader()
    frame = pd.DataFrame({"x": [1.0, 2.0], "y": ["a", "b"]}, index=[3, 4])
    generator = np.random.default_rng(7)
    values = [None, True, 3, 2.5, float("nan"), "text \udc80", [1, (2, 3)], {"k": {1, 2}},
              complex(1, 2), b"bytes", range(3), slice(1, 5), Ellipsis,
              np.arange(6).reshape(2, 3), np.float32(1.5), frame, frame["x"]]  # fmt: skip
    for value in values:
        back = endpoint.decode(endpoint.encode(value))
        if isinstance(value, pd.DataFrame | pd.Series):
            assert back.equals(value)
        elif isinstance(value, np.ndarray):
            assert back.dtype == value.dtype and np.array_equal(back, value)
        elif isinstance(value, float) and value != value:
            assert back != back
        elif isinstance(value, str):
            assert back == codec.storable(value)
        else:
            assert back == value and type(back) is type(value)
    copy = endpoint.decode(endpoint.encode(generator))
    assert copy is not generator and copy.random() == generator.random()


def test_the_grader_exports_only_callables_a_test_passes():
    endpoint, _ = _grader()
    assert endpoint.encode(len)["callable"] is True
    for value in (np.ndarray, object(), open, __import__("os"), socket.socket()):
        with pytest.raises(TypeError):
            endpoint.encode(value)


@pytest.mark.parametrize(
    "request_",
    [
        {"op": "getattr", "ref": 1, "name": "tofile"},
        {"op": "setattr", "ref": 1, "name": "x", "value": 1},
        {"op": "getitem", "ref": 1, "key": 0},
        {"op": "len", "ref": 1},
        {"op": "list", "ref": 1},
        {"op": "get", "name": "np"},
        {"op": "call", "ref": 99, "args": [], "kwargs": {"dict": []}},
        {"op": "open", "path": "../tests/q1.py"},
        {"op": "exit"},
    ],
)
def test_the_grader_serves_nothing_else(request_):
    endpoint, student = _grader()
    endpoint.encode(lambda x: x)  # one real export: ref 1
    endpoint.serve(dict(request_))
    answer = student.receive(deadline=None)
    assert "error" in answer and "value" not in answer


def test_a_call_of_an_exported_callable_runs_it_on_copies():
    endpoint, student = _grader()
    seen = []
    ref = endpoint.encode(lambda values: seen.append(values) or len(values))["ref"]
    endpoint.serve({"op": "call", "ref": ref, "args": [[1, 2, 3]], "kwargs": {"dict": []}})
    answer = student.receive(deadline=None)
    assert answer["value"] == 3 and seen == [[1, 2, 3]]


@pytest.mark.parametrize("op", ["ready", "cell", "done", "invalid"])
def test_notebook_messages_out_of_turn_end_the_conversation(op):
    endpoint, _ = _grader()
    with pytest.raises(codec.ProtocolError):
        endpoint.serve({"op": op})


def test_forbidden_notices_count_only_inside_a_watched_call():
    endpoint, student = _grader()
    used = []
    endpoint.serve({"op": "forbidden", "name": "scipy.special.logsumexp"})  # outside: ignored
    endpoint.watching.append(({"scipy.special.logsumexp"}, used))
    endpoint.serve({"op": "forbidden", "name": "scipy.special.logsumexp"})
    endpoint.serve({"op": "forbidden", "name": "numpy.sum"})  # not forbidden here
    assert used == ["scipy.special.logsumexp"]


def test_text_is_always_storable():
    assert codec.storable("a \udc80 b").encode("utf-8")
    error = ValueError("bad \udcff")
    assert codec.message_of(error).encode("utf-8")

    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("no")

    assert codec.message_of(Unprintable()) == "Unprintable"


class GraphNode:
    """Stands for a problem set's support class: its instances cross by value."""

    def __init__(self, label, parents=()):
        self.label, self.parents, self.grad = label, tuple(parents), 0.0


def test_support_objects_cross_by_value_keeping_shared_nodes_and_changes():
    """A diamond crosses once per node; the student's in-place changes come back to the
    test's own nodes, and nodes the student returns are the test's own objects again."""
    import sys
    import threading
    from pathlib import Path

    import mlmath.sandbox.runtime

    sys.path.insert(0, str(Path(mlmath.sandbox.runtime.__file__).parent))  # as inside the sandbox
    from student import StudentEndpoint

    ours, theirs = socket.socketpair()
    grader = GraderEndpoint(
        codec.Channel(ours, 1 << 20), lambda qs: None, lambda: "stuck", lambda: "ended",
        lambda error: "broken", watched=[],
    )  # fmt: skip
    student = StudentEndpoint(sys.modules["codec"].Channel(theirs, 1 << 20), {}, call_seconds=None)
    for endpoint in (grader, student):
        endpoint.allow_value_classes([GraphNode])

    def backward(root):
        order, seen = [], set()

        def visit(node):
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.parents:
                    visit(parent)
                order.append(node)

        visit(root)
        for node in order:
            node.grad += 1.0
        return order

    ref = student.encode(backward)["ref"]
    proxy = grader.proxy(ref, True, "function", "backward")

    def serve():
        student.serve(student.channel.receive())

    worker = threading.Thread(target=serve)
    worker.start()
    a = GraphNode("a")
    b, c = GraphNode("b", [a]), GraphNode("c", [a])
    d = GraphNode("d", [b, c])
    order = proxy(d)
    worker.join(5)
    assert [n.label for n in order] == ["a", "b", "c", "d"]  # a once: still shared
    assert all(found is mine for found, mine in zip(order, [a, b, c, d], strict=True))
    assert [n.grad for n in (a, b, c, d)] == [1.0, 1.0, 1.0, 1.0]


def test_named_tuples_and_container_subclasses_cross_as_what_they_are():
    import collections

    endpoint, _ = _grader()
    result = endpoint.decode(endpoint.encode(np.linalg.eigh(np.diag([2.0, 1.0]))))
    lam, vectors = result  # a pair, as otter's in-process tests see numpy's EighResult
    assert isinstance(result, tuple) and np.array_equal(result.eigenvalues, lam)
    assert endpoint.decode(endpoint.encode(collections.Counter("aab"))) == {"a": 2, "b": 1}
    assert endpoint.decode(endpoint.encode(collections.OrderedDict(k=[1]))) == {"k": [1]}
