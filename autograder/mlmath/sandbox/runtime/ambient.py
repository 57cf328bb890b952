"""Ambient state: what a test may set around a call that changes how the callee behaves.

Under otter the tests and the student's code share one process, so a test's
``np.errstate(over="raise")`` or ``warnings.simplefilter("error")`` applies to the
student's function. Under `mlmath grade` they live in two processes; this module keeps
the two in step: each crossing of control (a call, its answer, a checkpoint) carries the
items that changed since the last crossing, and the receiver applies them. So there is
one logical state, as in otter's single process.

Items: numpy's error state and print options, the warnings filters, and the legacy
global random states of numpy and of Python's `random`. Warnings that the callee emits
(and that its filters did not turn into errors) are re-emitted on the caller's side.
Imported by both sides (inside the sandbox it sits beside codec.py).
"""

import base64
import builtins
import re
import warnings


def _numpy():
    import numpy

    return numpy


def _warning_class(name):
    candidate = getattr(builtins, name, None)
    if isinstance(candidate, type) and issubclass(candidate, Warning):
        return candidate
    candidate = getattr(getattr(_numpy(), "exceptions", None), name, None)
    if isinstance(candidate, type) and issubclass(candidate, Warning):
        return candidate
    if name == "LinAlgWarning":
        from scipy.linalg import LinAlgWarning

        return LinAlgWarning
    return None


# Each item: raw() is cheap and hashable (compared at every crossing of control),
# encode(raw) makes it JSON (only when it changed), apply(value) sets it.


def _errstate_raw():
    return tuple(sorted(_numpy().geterr().items()))


def _errstate_apply(state):
    _numpy().seterr(**{str(k): str(v) for k, v in state})


_PRINT_KEYS = ("precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr",
               "infstr", "sign", "floatmode", "legacy")  # fmt: skip


def _printoptions_raw():
    options = _numpy().get_printoptions()
    return tuple((k, options[k]) for k in _PRINT_KEYS if k in options and _plain(options[k]))


def _printoptions_apply(state):
    _numpy().set_printoptions(**{str(k): v for k, v in state if k in _PRINT_KEYS})


def _plain(value):
    return value is None or type(value) in (bool, int, float, str)


def _filters_raw():
    return tuple(
        (str(action), getattr(message, "pattern", None), category.__name__,
         getattr(module, "pattern", None), int(lineno))
        for action, message, category, module, lineno in warnings.filters
    )  # fmt: skip


def _filters_apply(rows):
    filters = []
    for action, message, category, module, lineno in rows:
        cls = _warning_class(str(category))
        if cls is None:  # a category this side does not know cannot match its warnings
            continue
        filters.append((
            str(action),
            None if message is None else re.compile(str(message), re.I),
            cls,
            None if module is None else re.compile(str(module)),
            int(lineno),
        ))  # fmt: skip
    warnings.filters[:] = filters
    warnings._filters_mutated()


def _numpy_random_raw():
    name, keys, position, has_gauss, cached = _numpy().random.get_state()
    return (str(name), keys.tobytes(), int(position), int(has_gauss), float(cached))


def _numpy_random_encode(raw):
    name, keys, position, has_gauss, cached = raw
    return [name, base64.b64encode(keys).decode(), position, has_gauss, cached]


def _numpy_random_apply(state):
    numpy = _numpy()
    name, keys, position, has_gauss, cached = state
    raw = numpy.frombuffer(base64.b64decode(keys), dtype=numpy.uint32)
    numpy.random.set_state((str(name), raw, int(position), int(has_gauss), float(cached)))


def _python_random_raw():
    import random

    return random.getstate()


def _python_random_encode(raw):
    version, internal, gauss = raw
    return [version, list(internal), gauss]


def _python_random_apply(state):
    import random

    version, internal, gauss = state
    random.setstate((int(version), tuple(int(n) for n in internal), gauss))


def _as_lists(raw):
    return [list(row) if isinstance(row, tuple) else row for row in raw]


ITEMS = {
    "errstate": (_errstate_raw, _as_lists, _errstate_apply),
    "printoptions": (_printoptions_raw, _as_lists, _printoptions_apply),
    "warnings": (_filters_raw, _as_lists, _filters_apply),
    "numpy_random": (_numpy_random_raw, _numpy_random_encode, _numpy_random_apply),
    "python_random": (_python_random_raw, _python_random_encode, _python_random_apply),
}


def snapshot() -> dict:
    """Every item's current value (to restore a process between two submissions)."""
    return {name: encode(raw()) for name, (raw, encode, _apply) in ITEMS.items()}


def restore(state: dict):
    for name, value in state.items():
        ITEMS[name][2](value)


class Sync:
    """One side's record of what the other side last knew of each item."""

    def __init__(self):
        self.known: dict[str, int] = {}

    def outgoing(self) -> dict:
        changed = {}
        for name, (raw, encode, _apply) in ITEMS.items():
            value = raw()
            fingerprint = hash(value)
            if self.known.get(name) != fingerprint:
                changed[name] = encode(value)
                self.known[name] = fingerprint
        return changed

    def incoming(self, changed):
        if not isinstance(changed, dict):
            return
        for name, value in changed.items():
            if name not in ITEMS:
                continue
            try:
                ITEMS[name][2](value)
            except Exception:  # a malformed item is the sender's loss: it is not applied
                continue
            self.known[name] = hash(ITEMS[name][0]())

    def reset(self):
        """Forget what the other side knew (a new process): everything is sent again."""
        self.known.clear()


def run_recording_warnings(function, args, kwargs):
    """Call ``function`` under the current filters; (result, warnings it emitted)."""
    with warnings.catch_warnings(record=True) as log:
        result = function(*args, **kwargs)
    caught = [[w.category.__name__, str(w.message)[:2000]] for w in log[:50]]
    return result, caught


def replay_warnings(caught):
    """Emit here the warnings the other side's code emitted, under this side's filters."""
    if not isinstance(caught, list):
        return
    for item in caught[:50]:
        if not (isinstance(item, list) and len(item) == 2):
            continue
        category = _warning_class(str(item[0])) or UserWarning
        warnings.warn_explicit(str(item[1]), category, "<student code>", 0)
