"""The wire between the grader and a student's process: frames, values and the protocol.

Both sides import this one module (inside the sandbox it sits at /opt/mlmath/runtime).
The two sides are not peers: the student's process is assumed hostile, so the grader
serves it almost nothing. This docstring is the protocol's whole surface.

Frames: a 4-byte big-endian length, then that many bytes of one JSON object. A frame
larger than the limit is refused before it is read.

Grader -> student requests (each answered by one answer frame):
  {"op": "get", "name": N}                        a name of the notebook's namespace
  {"op": "call", "ref": R, "args": [V], "kwargs": V, "ambient": A, "forbid": [N]}
                                                  call a student callable (forbid: watch
                                                  these library functions during the call)
  {"op": "getattr", "ref": R, "name": N}          read an attribute of a student object
  {"op": "setattr", "ref": R, "name": N, "value": V}
  {"op": "getitem", "ref": R, "key": V}
  {"op": "len", "ref": R}  /  {"op": "list", "ref": R}
  {"op": "exit"}                                  grading is over (no answer)
Student -> grader requests, valid only while the grader waits for an answer:
  {"op": "call", "ref": R, "args": [V], "kwargs": V, "ambient": A}
                                                  call a callable that a test passed to the
                                                  student's code; nothing else of the grader
                                                  can be named, read or called
  {"op": "checkpoint", "questions": [N] | null, "ambient": A}
                                                  grader.check / check_all (answered once
                                                  the grader has graded those questions)
Student -> grader notices (no answer): "ready", "cell" (index), "done" (errors),
"forbidden" (name: a watched library function ran; sent by the watch itself).
Answers: {"value": V, "mutated": [[i, V]], "mutated_kw": [[k, V]], "ambient": A,
"warnings": [[category, message]]} or {"error": {"types": [N], "message": S}}.

Values V cross BY VALUE: None, bool, int, str, float ("nan"/"inf" tagged), and tagged
lists: tuple, dict, set, frozenset, complex, bytes, range, slice, Ellipsis, numpy arrays
and scalars of plain dtypes, object arrays of values, pandas DataFrame and Series, numpy
Generators (their bit generator's state), and instances of the problem set's own
support classes (its support/*.py, which students receive too): {"object": "module.Class",
"id": N, "state": V} with {"same": N} for an object already in the same message, so a
shared node stays shared; the receiver builds them with the same class, never running
__init__. An argument that a call may change in place (list, dict, set, ndarray,
Generator, support object) comes back in "mutated" and the caller applies the change to
its own object (support objects keep their ids, so the caller finds its own): no
reference to it ever crosses. Anything else crosses as a
reference {"ref": R}: the grader sends references only for callables a test passes on
purpose (the student may only call them: every other operation on them is refused); the
student's objects (a function, a class instance it returns) become proxies in the
grader whose every use is a request above. {"yours": R} names the receiver's own
object sent back. The decoder checks every size before it allocates.

Ambient state A: what a test may set around a call that changes how the callee behaves
(numpy's error state and print options, warnings filters, the legacy global random
states), sent with each crossing of control where it changed (see ambient.py).
"""

import base64
import builtins
import json
import select
import socket
import struct
import sys
import time
import types

try:  # the grader imports this module from the mlmath package, the sandbox beside it
    from . import ambient
except ImportError:
    import ambient

HEADER = struct.Struct("!I")
MAX_DEPTH = 4000  # deep enough for a chain of a thousand graph nodes
RECURSION_LIMIT = 20_000
MAX_ITEMS = 1_000_000
ARRAY_KINDS = set("biufcUSmM")
BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")

_UNSHAREABLE_BUILTINS = {
    builtins.open, builtins.eval, builtins.exec, builtins.compile, builtins.__import__,
    builtins.getattr, builtins.setattr, builtins.delattr, builtins.globals, builtins.locals,
    builtins.vars, builtins.input, builtins.breakpoint,
}  # fmt: skip


class ProtocolError(Exception):
    """The other side sent something that is not a valid message."""


class RemoteError(Exception):
    """Raised when the other side's code raised an exception of no known type."""


class ChannelClosed(ProtocolError):
    """The other side went away (its process ended or was killed)."""


class CallTimeout(ProtocolError):
    """The other side did not answer in time."""


class FrameTooLarge(ValueError):
    """A value this side wanted to send is larger than the frame limit: an error of the
    call that produced it, not a broken conversation."""


class Refused(Exception):
    """A request this side never serves (raised back to the other side as an error)."""


def exception_class(names: list[str]) -> type[BaseException]:
    """The most specific known exception class among a remote exception's type names
    (its MRO, most derived first): builtins, numpy's own, or RemoteError."""
    for name in names:
        candidate = getattr(builtins, name, None)
        if isinstance(candidate, type) and issubclass(candidate, Exception):
            return candidate
        known = _numpy_exception(name)
        if known is not None:
            return known
    return RemoteError


def _numpy_exception(name: str):
    import numpy

    if name == "LinAlgError":
        return numpy.linalg.LinAlgError
    candidate = getattr(getattr(numpy, "exceptions", None), name, None)
    if isinstance(candidate, type) and issubclass(candidate, Exception):
        return candidate
    return None


def message_of(error: BaseException) -> str:
    """An exception's text, whatever its __str__ does; never a lone surrogate."""
    try:
        text = str(error)
    except Exception:  # a student's exception whose __str__ fails
        text = type(error).__name__
    return storable(text[:4000])


def storable(text) -> str:
    """Text that any UTF-8 consumer (JSON, SQLite, a terminal) can take."""
    return str(text).encode("utf-8", "backslashreplace").decode("utf-8")


class Channel:
    """Length-prefixed JSON frames over a socket, with a size bound and read deadlines."""

    def __init__(self, sock: socket.socket, max_frame: int):
        self.sock = sock
        self.max_frame = max_frame

    def send(self, message: dict):
        data = json.dumps(message, separators=(",", ":")).encode("utf-8", "backslashreplace")
        if len(data) > self.max_frame:
            raise FrameTooLarge(
                f"a value of {len(data)} bytes is larger than the limit of {self.max_frame}"
            )
        try:
            self.sock.sendall(HEADER.pack(len(data)) + data)
        except OSError as error:  # the other side's process is gone
            raise ChannelClosed(f"the other side closed the connection ({error})") from None

    def receive(self, deadline: float | None = None) -> dict:
        header = self._read(HEADER.size, deadline)
        (size,) = HEADER.unpack(header)
        if size > self.max_frame:
            raise ProtocolError(f"a message of {size} bytes is larger than allowed")
        try:
            message = json.loads(self._read(size, deadline))
        except (ValueError, RecursionError, MemoryError) as error:  # bad JSON, deep nesting
            raise ProtocolError(f"unreadable message: {str(error)[:200]}") from None
        if not isinstance(message, dict):
            raise ProtocolError("a message must be an object")
        return message

    def _read(self, size: int, deadline: float | None) -> bytes:
        chunks, missing = [], size
        while missing:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                    raise CallTimeout("no answer in time")
            try:
                chunk = self.sock.recv(min(missing, 1 << 20))
            except OSError as error:
                raise ChannelClosed(f"the connection failed ({error})") from None
            if not chunk:
                raise ChannelClosed("the other side closed the connection")
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)


def mutable(value, value_classes=()) -> bool:
    """Whether a call may change this argument in place (and the change must come back)."""
    kind = type(value)
    if kind in (list, dict, set) or kind in value_classes:
        return True
    return kind.__module__.startswith("numpy") and kind.__name__ in ("ndarray", "Generator")


def apply_in_place(original, state):
    """Make ``original`` look like ``state``: what an in-place change would have done."""
    try:
        if isinstance(original, list) and isinstance(state, list):
            original[:] = state
        elif isinstance(original, (dict, set)) and type(state) is type(original):
            original.clear()
            original.update(state)
        elif type(original).__name__ == "Generator" and type(state).__name__ == "Generator":
            original.bit_generator.state = state.bit_generator.state
        elif hasattr(original, "shape") and getattr(state, "shape", None) == original.shape:
            if not (original == state).all():
                original[...] = state
    except Exception:  # a changed shape or type cannot be mirrored; the copy stands
        pass


class Endpoint:
    """One side of the conversation: encodes and decodes values, exports local objects
    as references, and serves the other side's requests while it waits for an answer.
    Each side says what it exports (``export``) and what it serves (``answer``)."""

    def __init__(self, channel: Channel):
        self.channel = channel
        self.exported: dict[int, object] = {}
        self._export_ids: dict[int, int] = {}
        self._proxies: dict[int, object] = {}
        self.call_timeout: float | None = None
        self.deadline: float | None = None
        self.ambient = ambient.Sync()
        self.value_classes: dict[str, type] = {}  # support classes that cross by value
        self._out: dict | None = None  # the support objects of the message being built
        self._in: dict[int, object] | None = None  # N -> object in the message being read
        self._sent: dict[int, object] | None = None  # N -> object, for the pending call
        self._fresh = 0
        sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))

    def allow_value_classes(self, classes):
        self.value_classes = {f"{c.__module__}.{c.__qualname__}": c for c in classes}
        self._value_types = set(self.value_classes.values())

    _value_types: set = set()

    def encode_message(self, values: list, known: dict[int, int] | None = None):
        """Encode several values as one message: a support object shared between them is
        sent once. ``known`` gives objects the ids the other side knows them by. Returns
        the encoded values and the objects sent, by id."""
        previous, self._out = self._out, {"numbers": dict(known or {}), "emitted": {}}
        try:
            return [self.encode(value) for value in values], self._out["emitted"]
        finally:
            self._out = previous

    def decode_message(self, encoded: list, existing: dict[int, object] | None = None):
        """Decode one message's values; a support object whose id is in ``existing`` is
        that very object, changed in place to the state sent. Returns the values and the
        support objects read, by id."""
        previous, self._in = self._in, dict(existing or {})
        try:
            return [self.decode(value) for value in encoded], self._in
        finally:
            self._in = previous

    # ---- values -------------------------------------------------------------------------

    def encode(self, value, depth: int = 0):
        if depth > MAX_DEPTH:
            raise ProtocolError("value nested too deeply")
        kind = type(value)
        if value is None or kind in (bool, int):
            return value
        if kind is str:
            return storable(value)
        if kind is float:
            return (
                value if value == value and abs(value) != float("inf") else {"float": repr(value)}
            )
        if kind is list:
            return [self.encode(v, depth + 1) for v in value]
        if kind is tuple:
            return {"tuple": [self.encode(v, depth + 1) for v in value]}
        if kind is dict:
            return {
                "dict": [
                    [self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()
                ]
            }
        if kind in (set, frozenset):
            return {kind.__name__: [self.encode(v, depth + 1) for v in value]}
        if kind is complex:
            return {"complex": [self.encode(value.real), self.encode(value.imag)]}
        if kind is bytes:
            return {"bytes": base64.b64encode(value).decode()}
        if kind is range:
            return {"range": [value.start, value.stop, value.step]}
        if kind is slice:
            return {
                "slice": [self.encode(v, depth + 1) for v in (value.start, value.stop, value.step)]
            }
        if value is Ellipsis:
            return {"ellipsis": True}
        if isinstance(value, RemoteObject) and value._endpoint is self:
            return {"yours": value._ref}  # back to its owner, as the very same object
        if isinstance(value, tuple) and isinstance(getattr(kind, "_fields", None), tuple):
            return {  # a named tuple (numpy's EighResult, say): a tuple with field names
                "namedtuple": storable(kind.__name__),
                "fields": [storable(f) for f in kind._fields],
                "values": [self.encode(v, depth + 1) for v in value],
            }
        if isinstance(value, (tuple, list, dict)) and kind not in self._value_types:
            # subclasses of plain containers (OrderedDict, Counter...) cross as the plain kind
            plain = tuple if isinstance(value, tuple) else list if isinstance(value, list) else dict
            return self.encode(plain(value), depth)
        if kind in self._value_types:
            return self._encode_object(value, depth)
        encoded = self._encode_scientific(value, depth)
        if encoded is not None:
            return encoded
        return self.export(value)

    def _encode_object(self, value, depth):
        if self._out is None:  # a lone value: a message of its own
            return self.encode_message([value])[0][0]
        numbers, emitted = self._out["numbers"], self._out["emitted"]
        key = id(value)
        if key in numbers and numbers[key] in emitted:
            return {"same": numbers[key]}
        if key not in numbers:
            self._fresh += 1
            numbers[key] = self._fresh + (10**9 if self.serves_student else 0)
        emitted[numbers[key]] = value  # also keeps it alive while its id is in use
        return {
            "object": f"{type(value).__module__}.{type(value).__qualname__}",
            "id": numbers[key],
            "state": self.encode(dict(vars(value)), depth + 1),
        }

    def _encode_scientific(self, value, depth):
        module = type(value).__module__.split(".")[0]
        if module == "numpy":
            import numpy

            if isinstance(value, numpy.ndarray):
                if value.nbytes > self.channel.max_frame:  # fail before copying it twice
                    raise FrameTooLarge(
                        f"an array of {value.nbytes} bytes is larger than the limit of "
                        f"{self.channel.max_frame}"
                    )
                if value.dtype.kind in ARRAY_KINDS:
                    array = numpy.ascontiguousarray(value)
                    return {
                        "ndarray": base64.b64encode(array.tobytes()).decode(),
                        "dtype": array.dtype.str,
                        "shape": list(value.shape),  # not array's: 0-d became 1-d
                    }
                return {
                    "objarray": self.encode(value.ravel().tolist(), depth + 1),
                    "shape": list(value.shape),
                }
            if isinstance(value, numpy.generic) and value.dtype.kind in ARRAY_KINDS:
                return {
                    "npscalar": base64.b64encode(value.tobytes()).decode(),
                    "dtype": value.dtype.str,
                }
            if isinstance(value, numpy.random.Generator):
                bit_generator = value.bit_generator
                name = type(bit_generator).__name__
                if name in BIT_GENERATORS:
                    return {"generator": name, "state": self.encode(bit_generator.state, depth)}
        if module == "pandas":
            import pandas

            if isinstance(value, pandas.DataFrame):
                return {
                    "dataframe": {
                        "columns": self.encode(list(value.columns), depth + 1),
                        "index": self.encode(value.index.to_numpy(), depth + 1),
                        "data": [
                            self.encode(value.iloc[:, i].to_numpy(), depth + 1)
                            for i in range(value.shape[1])
                        ],
                    }
                }
            if isinstance(value, pandas.Series):
                return {
                    "series": {
                        "name": self.encode(value.name, depth + 1),
                        "index": self.encode(value.index.to_numpy(), depth + 1),
                        "values": self.encode(value.to_numpy(), depth + 1),
                    }
                }
        return None

    def export(self, value):
        """A reference to a local object for the other side (each side decides what)."""
        raise TypeError(f"a {type(value).__name__} cannot cross to the other process")

    def _exported_ref(self, value, is_callable: bool):
        key = id(value)
        if key not in self._export_ids:
            ref = len(self.exported) + 1
            self._export_ids[key] = ref
            self.exported[ref] = value
        name = getattr(value, "__name__", None) if is_callable else None
        return {
            "ref": self._export_ids[key],
            "callable": is_callable,
            "type": storable(type(value).__name__),
            "name": storable(name) if isinstance(name, str) else None,
        }

    def decode(self, data, depth: int = 0):
        if depth > MAX_DEPTH:
            raise ProtocolError("value nested too deeply")
        if data is None or type(data) in (bool, int, float, str):
            return data
        if type(data) is list:
            if len(data) > MAX_ITEMS:
                raise ProtocolError("too many items")
            return [self.decode(v, depth + 1) for v in data]
        if type(data) is not dict or len(data) == 0:
            raise ProtocolError("malformed value")
        tag = next(iter(data))
        try:
            return self._decode_tagged(tag, data[tag], data, depth)
        except ProtocolError:
            raise
        except Exception as error:  # any malformed body is the sender's fault
            raise ProtocolError(f"malformed {tag!r} value: {str(error)[:200]}") from None

    def _decode_tagged(self, tag, body, data, depth):
        items = lambda: [self.decode(v, depth + 1) for v in _sized(body)]  # noqa: E731
        items_of = lambda values: [self.decode(v, depth + 1) for v in _sized(values)]  # noqa: E731
        if tag == "float":
            if body not in ("nan", "inf", "-inf"):
                raise ProtocolError("bad float")
            return float(body)
        if tag == "tuple":
            return tuple(items())
        if tag == "dict":
            return {self._key(k, depth): self.decode(v, depth + 1) for k, v in _sized(body)}
        if tag in ("set", "frozenset"):
            return (set if tag == "set" else frozenset)(self._key(v, depth) for v in _sized(body))
        if tag == "complex":
            real, imag = (self.decode(v, depth + 1) for v in _sized(body))
            return complex(float(real), float(imag))
        if tag == "bytes":
            return base64.b64decode(_text(body))
        if tag == "range":
            value = range(*(int(_integer(v)) for v in _sized(body)))
            if len(value) > MAX_ITEMS:
                raise ProtocolError("a range longer than allowed")
            return value
        if tag == "slice":
            return slice(*items())
        if tag == "ellipsis":
            return Ellipsis
        if tag == "ndarray":
            return self._decode_array(body, data)
        if tag == "objarray":
            import numpy

            shape = _shape(data.get("shape"))
            values = self.decode(body, depth + 1)
            if not isinstance(values, list) or len(values) != _product(shape):
                raise ProtocolError("an object array whose values do not fill its shape")
            array = numpy.empty(len(values), dtype=object)
            array[:] = values
            return array.reshape(shape)
        if tag == "npscalar":
            import numpy

            dtype = _plain_dtype(data.get("dtype"))
            raw = base64.b64decode(_text(body))
            if len(raw) != dtype.itemsize:
                raise ProtocolError("a scalar of the wrong size")
            return numpy.frombuffer(raw, dtype=dtype)[0]
        if tag == "generator":
            import numpy

            if body not in BIT_GENERATORS:
                raise ProtocolError("unknown bit generator")
            bit_generator = getattr(numpy.random, body)()
            bit_generator.state = self.decode(data.get("state"), depth + 1)
            return numpy.random.Generator(bit_generator)
        if tag == "dataframe":
            return self._decode_frame(body, depth)
        if tag == "series":
            import pandas

            index = self._column(body["index"], depth, None)
            values = self._column(body["values"], depth, len(index))
            return pandas.Series(values, index=index, name=self._key(body["name"], depth))
        if tag == "namedtuple":
            return _named_tuple(_text(body), tuple(map(_text, _sized(data.get("fields")))))(
                *items_of(data.get("values"))
            )
        if tag in ("object", "same"):
            return self._decode_object(tag, body, data, depth)
        if tag == "yours":
            if body not in self.exported:
                raise ProtocolError("unknown reference")
            return self.exported[body]
        if tag == "ref":
            return self.proxy(
                int(_integer(body)), bool(data.get("callable")), data.get("type"), data.get("name")
            )
        raise ProtocolError(f"unknown value tag {tag!r}")

    def _decode_object(self, tag, body, data, depth):
        if self._in is None:
            return self.decode_message([data])[0][0]
        memo = self._in
        if tag == "same":
            if _integer(body) not in memo:
                raise ProtocolError("a reference to an object not in the message")
            return memo[body]
        cls = self.value_classes.get(_text(body))
        if cls is None:
            raise ProtocolError("an object of a class that does not cross by value")
        number = _integer(data.get("id"))
        target = memo.get(number)
        if target is None or type(target) is not cls:
            target = cls.__new__(cls)
        memo[number] = target
        state = self.decode(data.get("state"), depth + 1)
        if not isinstance(state, dict) or not all(isinstance(k, str) for k in state):
            raise ProtocolError("malformed object state")
        vars(target).clear()
        vars(target).update(state)
        return target

    def _decode_array(self, body, data):
        import numpy

        dtype = _plain_dtype(data.get("dtype"))
        shape = _shape(data.get("shape"))
        encoded = _text(body)
        expected = _product(shape) * dtype.itemsize
        # base64 is 4 characters per 3 bytes: check the size before decoding anything
        if len(encoded) > 4 * (expected + 2) // 3 + 4:
            raise ProtocolError("an array whose data does not match its shape")
        raw = base64.b64decode(encoded)
        if len(raw) != expected:
            raise ProtocolError("an array whose data does not match its shape")
        return numpy.frombuffer(raw, dtype=dtype).reshape(shape).copy()

    def _decode_frame(self, body, depth):
        import pandas

        if not isinstance(body, dict):
            raise ProtocolError("malformed data frame")
        index = self._column(body["index"], depth, None)
        columns = [self._key(c, depth) for c in _sized(body["columns"])]
        data = [self._column(c, depth, len(index)) for c in _sized(body["data"])]
        if len(columns) != len(data):
            raise ProtocolError("a data frame whose columns do not match its data")
        return pandas.DataFrame(dict(enumerate(data)), index=index).set_axis(columns, axis=1)

    def _column(self, encoded, depth, length):
        """A data frame's index or column: a 1-d array, of ``length`` when given (pandas
        would broadcast a scalar to any length: a small message must stay small)."""
        import numpy

        value = self.decode(encoded, depth + 1)
        if not isinstance(value, numpy.ndarray) or value.ndim != 1:
            raise ProtocolError("a data frame column must be a 1-d array")
        if length is not None and len(value) != length:
            raise ProtocolError("a data frame column of the wrong length")
        return value

    def _key(self, encoded, depth):
        key = self.decode(encoded, depth + 1)
        if not isinstance(key, (str, int, float, bool, tuple, frozenset, type(None), complex)):
            raise ProtocolError("unhashable key")
        return key

    def proxy(self, ref, is_callable, type_name, name):
        """The local stand-in for the other side's object ``ref`` (each side decides)."""
        raise ProtocolError("this side accepts no references")

    def _cached_proxy(self, cls, ref, type_name, name):
        if ref not in self._proxies:
            self._proxies[ref] = cls(
                self, ref, str(type_name), name if isinstance(name, str) else None
            )
        return self._proxies[ref]

    # ---- requests -----------------------------------------------------------------------

    def request(self, message: dict, timeout: float | None = None, targets=((), {})):
        """Send a request and serve the other side until its answer comes.

        ``targets`` are the positional and keyword arguments a call sent by value: what
        the callee changed in them comes back in the answer and is applied to them here.
        """
        message["ambient"] = self.ambient.outgoing()
        self.channel.send(message)
        limit = timeout if timeout is not None else self.call_timeout
        deadline = None if limit is None else time.monotonic() + limit
        if self.deadline is not None:
            deadline = self.deadline if deadline is None else min(deadline, self.deadline)
        while True:
            reply = self.channel.receive(deadline)
            if "op" in reply:
                self.serve(reply)
                continue
            self.ambient.incoming(reply.get("ambient"))
            if "error" in reply:
                error = reply["error"]
                names = error.get("types") if isinstance(error, dict) else None
                text = error.get("message") if isinstance(error, dict) else None
                names = [n for n in names if isinstance(n, str)] if isinstance(names, list) else []
                raise exception_class(names)(storable(str(text)[:4000]))
            if "value" not in reply:
                raise ProtocolError("an answer without a value")
            value = self._apply_changes(reply, targets, self._sent or {})
            ambient.replay_warnings(reply.get("warnings"))
            return value

    def _apply_changes(self, reply, targets, existing):
        """The answer's value, after the changes to this side's arguments are applied."""
        args, kwargs = targets
        found = []
        for key, source in (("mutated", args), ("mutated_kw", kwargs)):
            changes = reply.get(key, [])
            if not isinstance(changes, list):
                raise ProtocolError("malformed changes to arguments")
            for change in changes:
                if not (isinstance(change, list) and len(change) == 2):
                    raise ProtocolError("malformed changes to arguments")
                where, state = change
                try:
                    original = source[where]
                except (IndexError, KeyError, TypeError):
                    raise ProtocolError("a change to an argument that was not passed") from None
                found.append((original, state))
        decoded, _ = self.decode_message([reply["value"]] + [s for _, s in found], existing)
        for (original, _), state in zip(found, decoded[1:], strict=True):
            if mutable(original, self._value_types) and state is not original:
                apply_in_place(original, state)
        return decoded[0]

    def serve(self, message: dict):
        """Answer one request of the other side; errors go back as errors."""
        try:
            answer = self.answer(message)
        except ProtocolError:  # the other side broke the protocol: the conversation ends
            raise
        except BaseException as error:  # the answer is an error report, whatever was raised
            if isinstance(error, (KeyboardInterrupt, SystemExit)) and not self.serves_student:
                raise
            types_ = [storable(cls.__name__) for cls in type(error).__mro__]
            answer = {"error": {"types": types_, "message": message_of(error)}}
        answer["ambient"] = self.ambient.outgoing()
        try:
            self.channel.send(answer)
        except FrameTooLarge as error:  # an answer too large to send fails, like an error
            self.channel.send({"error": {"types": ["ValueError"], "message": str(error)}})

    serves_student = False  # the student's side answers even SystemExit with an error

    def answer(self, message: dict) -> dict:
        raise Refused("this side serves no requests")

    def call_local(self, function, message: dict) -> dict:
        """Serve a call request: by-value arguments in, by-value changes and result out."""
        self.ambient.incoming(message.get("ambient"))
        (args, kwargs), received = self.decode_message(
            [message.get("args", []), message.get("kwargs", {"dict": []})]
        )
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise ProtocolError("bad call")
        if not all(isinstance(k, str) for k in kwargs):
            raise ProtocolError("bad keyword argument")
        result, caught = self.run_call(function, args, kwargs, message)
        changed_args = [(i, a) for i, a in enumerate(args) if mutable(a, self._value_types)]
        changed_kw = [(k, a) for k, a in kwargs.items() if mutable(a, self._value_types)]
        encoded, _ = self.encode_message(
            [result] + [a for _, a in changed_args] + [a for _, a in changed_kw],
            {id(obj): number for number, obj in received.items()},
        )
        return {
            "value": encoded[0],
            "mutated": [[i, e] for (i, _), e in zip(changed_args, encoded[1:], strict=False)],
            "mutated_kw": [
                [k, e]
                for (k, _), e in zip(changed_kw, encoded[1 + len(changed_args) :], strict=True)
            ],
            "warnings": caught,
        }

    def run_call(self, function, args, kwargs, message):
        """Run a served call under the ambient state; (result, warnings to replay)."""
        return ambient.run_recording_warnings(function, args, kwargs)

    def call(self, ref: int, args, kwargs, extra: dict | None = None):
        """Call the other side's callable ``ref`` with these arguments, by value."""
        (encoded_args, encoded_kwargs), objects = self.encode_message([list(args), dict(kwargs)])
        message = {"op": "call", "ref": ref, "args": encoded_args, "kwargs": encoded_kwargs,
                   **(extra or {})}  # fmt: skip
        previous, self._sent = self._sent, objects
        try:
            return self.request(message, targets=(list(args), dict(kwargs)))
        finally:
            self._sent = previous


_NAMED_TUPLES: dict[tuple, type] = {}


def _named_tuple(name: str, fields: tuple[str, ...]) -> type:
    import collections

    key = (name, fields)
    if key not in _NAMED_TUPLES:
        if len(fields) > 255 or len(_NAMED_TUPLES) > 1000:
            raise ProtocolError("too many named tuple fields or kinds")
        _NAMED_TUPLES[key] = collections.namedtuple(name, fields)
    return _NAMED_TUPLES[key]


def _sized(body):
    if not isinstance(body, list) or len(body) > MAX_ITEMS:
        raise ProtocolError("expected a list")
    return body


def _text(body) -> str:
    if not isinstance(body, str):
        raise ProtocolError("expected text")
    return body


def _integer(value) -> int:
    if type(value) is not int:
        raise ProtocolError("expected an integer")
    return value


def _shape(shape) -> tuple[int, ...]:
    if not isinstance(shape, list) or len(shape) > 32:
        raise ProtocolError("bad shape")
    dims = tuple(_integer(n) for n in shape)
    if any(n < 0 for n in dims) or _product(dims) > MAX_ITEMS * 64:
        raise ProtocolError("bad shape")
    return dims


def _product(dims) -> int:
    total = 1
    for n in dims:
        total *= n
    return total


def _plain_dtype(text):
    import numpy

    dtype = numpy.dtype(_text(text))
    if dtype.kind not in ARRAY_KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise ProtocolError("refused array type")
    return dtype


class RemoteObject:
    """The grader's proxy for an object that lives in the student's process."""

    __slots__ = ("_endpoint", "_ref", "_type", "_name", "__weakref__")

    def __init__(self, endpoint, ref, type_name, name):
        object.__setattr__(self, "_endpoint", endpoint)
        object.__setattr__(self, "_ref", ref)
        object.__setattr__(self, "_type", type_name)
        object.__setattr__(self, "_name", name)

    @property
    def __name__(self):
        return self._name or self._type

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self._endpoint.request({"op": "getattr", "ref": self._ref, "name": name})

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(name)
        self._endpoint.request(
            {"op": "setattr", "ref": self._ref, "name": name, "value": self._endpoint.encode(value)}
        )

    def __getitem__(self, key):
        return self._endpoint.request(
            {"op": "getitem", "ref": self._ref, "key": self._endpoint.encode(key)}
        )

    def __len__(self):
        return int(self._endpoint.request({"op": "len", "ref": self._ref}))

    def __iter__(self):
        return iter(self._endpoint.request({"op": "list", "ref": self._ref}))

    def __repr__(self):
        return f"<{self._type} {self._name or ''} from the student's process>".replace("  ", " ")


class RemoteFunction(RemoteObject):
    """The grader's proxy for a student function: calls run in the student's process."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return self._endpoint.call(self._ref, args, kwargs)

    def _mlmath_call_forbidding(self, forbidden, used, *args, **kwargs):
        """mlmath_checks.forbid_calls: the call runs under the student process's watch,
        which reports each forbidden function to the grader as it runs (into ``used``)."""
        return self._endpoint.call_forbidding(self._ref, args, kwargs, list(forbidden), used)


class GraderCallable:
    """The student's stand-in for a callable that a test passed: it can only be called,
    and a call runs that callable alone, in the grader, on by-value arguments."""

    __slots__ = ("_endpoint", "_ref", "__name__", "__weakref__")

    def __init__(self, endpoint, ref, type_name, name):
        object.__setattr__(self, "_endpoint", endpoint)
        object.__setattr__(self, "_ref", ref)
        object.__setattr__(self, "__name__", name or "function")

    def __call__(self, *args, **kwargs):
        return self._endpoint.call(self._ref, args, kwargs)

    def __setattr__(self, name, value):
        raise AttributeError("a function from the tests cannot be changed")

    def __repr__(self):
        return f"<function {self.__name__} from the tests>"


def support_classes(module_names) -> list[type]:
    """The classes defined by the problem set's support modules (importable here)."""
    import importlib

    found = []
    for name in module_names:
        module = importlib.import_module(name)
        found += [
            obj for obj in vars(module).values()
            if isinstance(obj, type) and obj.__module__ == module.__name__
        ]  # fmt: skip
    return found


def is_unshareable(value) -> bool:
    """Modules and builtins such as open() or eval() never cross, even on purpose."""
    return isinstance(value, types.ModuleType) or (
        isinstance(value, types.BuiltinFunctionType) and value in _UNSHAREABLE_BUILTINS
    )
