"""The wire between the grader and a student's process: framing, values and proxies.

Both sides import this one module (inside the sandbox it sits at /opt/mlmath/codec.py).
Plain values (numbers, strings, numpy arrays and scalars, pandas objects, and lists,
tuples, dicts and sets of these) cross by value. Anything else crosses as a reference:
the other side gets a proxy whose attribute reads, calls and iteration are requests back
to the owner. The decoder builds nothing but plain values and proxies, so whatever a
student's process sends, the grader never constructs one of the student's objects.
"""

import base64
import builtins
import json
import select
import socket
import struct
import time
import types

HEADER = struct.Struct("!I")
MAX_DEPTH = 64
MAX_ITEMS = 1_000_000
ARRAY_KINDS = set("biufcUSmM")
# attributes that lead from an innocent object to frames, globals or code
BLOCKED_ATTRIBUTES = {
    "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame", "ag_code", "f_back",
    "f_globals", "f_locals", "f_builtins", "f_code", "tb_frame", "tb_next", "func_globals",
}  # fmt: skip


_UNSHAREABLE_BUILTINS = {
    builtins.open, builtins.eval, builtins.exec, builtins.compile, builtins.__import__,
    builtins.getattr, builtins.setattr, builtins.delattr, builtins.globals, builtins.locals,
    builtins.vars, builtins.input, builtins.breakpoint,
}  # fmt: skip


class ProtocolError(Exception):
    """The other side sent something that is not a valid message."""


class RemoteError(Exception):
    """Raised when the other side's code raised; carries the other side's type names."""


class ChannelClosed(ProtocolError):
    """The other side went away (its process ended or was killed)."""


class CallTimeout(ProtocolError):
    """The other side did not answer in time."""


class FrameTooLarge(ProtocolError):
    """A message this side wanted to send is larger than the frame limit."""


def _exception_class(names: list[str]) -> type[BaseException]:
    """The first safe, known exception class among the remote exception's type names."""
    for name in names:
        candidate = getattr(builtins, name, None)
        if isinstance(candidate, type) and issubclass(candidate, Exception):
            return candidate
        if name == "LinAlgError":
            import numpy

            return numpy.linalg.LinAlgError
    return RemoteError


class Channel:
    """Length-prefixed JSON frames over a socket, with a size bound and read deadlines."""

    def __init__(self, sock: socket.socket, max_frame: int):
        self.sock = sock
        self.max_frame = max_frame

    def send(self, message: dict):
        data = json.dumps(message, separators=(",", ":")).encode()
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
        except (ValueError, RecursionError) as error:  # bad JSON, huge integers, deep nesting
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


class Endpoint:
    """One side of the conversation: exports local objects, proxies remote ones, and
    serves the other side's requests while it waits for its own answers."""

    def __init__(self, channel: Channel, *, copy_back: bool = False):
        self.channel = channel
        self.copy_back = copy_back  # the student side reports in-place changes to arguments
        self.exported: dict[int, object] = {}
        self._export_ids: dict[int, int] = {}
        self._proxies: dict[int, RemoteObject] = {}
        self.call_timeout: float | None = None
        self.deadline: float | None = None
        self.wrap_call = lambda function, args, kwargs, request: function(*args, **kwargs)

    # ---- values -------------------------------------------------------------------------

    def encode(self, value, depth: int = 0):
        if depth > MAX_DEPTH:
            raise ProtocolError("value nested too deeply")
        kind = type(value)
        if value is None or kind in (bool, int, str):
            return value
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
            return {"complex": [value.real, value.imag]}
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
        encoded = self._encode_scientific(value, depth)
        if encoded is not None:
            return encoded
        return self._export(value)

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
                    "objarray": self.encode(value.tolist(), depth + 1),
                    "shape": list(value.shape),
                }
            if isinstance(value, numpy.generic) and value.dtype.kind in ARRAY_KINDS:
                return {
                    "npscalar": base64.b64encode(value.tobytes()).decode(),
                    "dtype": value.dtype.str,
                }
        if module == "pandas":
            import pandas

            if isinstance(value, pandas.DataFrame):
                return {
                    "dataframe": {
                        "columns": self.encode(list(value.columns), depth + 1),
                        "index": self.encode(value.index.to_numpy(), depth + 1),
                        "data": [
                            self.encode(value[c].to_numpy(), depth + 1) for c in value.columns
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

    def _export(self, value):
        # a module or a builtin such as open() or eval() would hand the other side a
        # way to read files or run code here: such things never cross
        if isinstance(value, types.ModuleType) or (
            isinstance(value, types.BuiltinFunctionType) and value in _UNSHAREABLE_BUILTINS
        ):
            raise ProtocolError(
                f"{type(value).__name__} {getattr(value, '__name__', '')} "
                "cannot be shared across the sandbox"
            )
        key = id(value)
        if key not in self._export_ids:
            ref = len(self.exported) + 1
            self._export_ids[key] = ref
            self.exported[ref] = value
        name = getattr(value, "__name__", None)
        return {
            "ref": self._export_ids[key],
            "callable": callable(value),
            "type": type(value).__name__,
            "name": name if isinstance(name, str) else None,
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
        body = data[tag]
        try:
            return self._decode_tagged(tag, body, data, depth)
        except ProtocolError:
            raise
        except Exception as error:  # any malformed body is the sender's fault
            raise ProtocolError(f"malformed {tag!r} value: {error}") from None

    def _decode_tagged(self, tag, body, data, depth):
        items = lambda: [self.decode(v, depth + 1) for v in _sized(body)]  # noqa: E731
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
            return complex(float(body[0]), float(body[1]))
        if tag == "bytes":
            return base64.b64decode(body)
        if tag == "range":
            return range(int(body[0]), int(body[1]), int(body[2]))
        if tag == "slice":
            return slice(*items())
        if tag == "ellipsis":
            return Ellipsis
        if tag == "ndarray":
            import numpy

            dtype = numpy.dtype(str(data["dtype"]))
            if dtype.kind not in ARRAY_KINDS:
                raise ProtocolError("refused array type")
            shape = tuple(int(n) for n in data["shape"])
            raw = base64.b64decode(body)
            return numpy.frombuffer(raw, dtype=dtype).reshape(shape).copy()
        if tag == "objarray":
            import numpy

            values = self.decode(body, depth + 1)
            array = numpy.empty(len(values), dtype=object)
            array[:] = values
            return array.reshape(tuple(int(n) for n in data["shape"]))
        if tag == "npscalar":
            import numpy

            dtype = numpy.dtype(str(data["dtype"]))
            if dtype.kind not in ARRAY_KINDS:
                raise ProtocolError("refused scalar type")
            return numpy.frombuffer(base64.b64decode(body), dtype=dtype)[0]
        if tag == "dataframe":
            import pandas

            columns = self.decode(body["columns"], depth + 1)
            values = [self.decode(v, depth + 1) for v in _sized(body["data"])]
            index = self.decode(body["index"], depth + 1)
            return pandas.DataFrame(
                dict(zip(range(len(columns)), values, strict=True)), index=index
            ).set_axis(columns, axis=1)
        if tag == "series":
            import pandas

            return pandas.Series(
                self.decode(body["values"], depth + 1),
                index=self.decode(body["index"], depth + 1),
                name=self.decode(body["name"], depth + 1),
            )
        if tag == "yours":
            if body not in self.exported:
                raise ProtocolError("unknown reference")
            return self.exported[body]
        if tag == "ref":
            return self._proxy(
                int(body), bool(data.get("callable")), str(data.get("type")), data.get("name")
            )
        raise ProtocolError(f"unknown value tag {tag!r}")

    def _key(self, encoded, depth):
        key = self.decode(encoded, depth + 1)
        if not isinstance(key, (str, int, float, bool, tuple, frozenset, type(None), complex)):
            raise ProtocolError("unhashable key")
        return key

    def _proxy(self, ref, is_callable, type_name, name):
        if ref not in self._proxies:
            cls = RemoteFunction if is_callable else RemoteObject
            self._proxies[ref] = cls(self, ref, type_name, name if isinstance(name, str) else None)
        return self._proxies[ref]

    # ---- requests -----------------------------------------------------------------------

    def request(self, message: dict, timeout: float | None = None):
        """Send a request and serve the other side until its answer comes."""
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
            if "error" in reply:
                error = reply["error"]
                names = error.get("types") if isinstance(error, dict) else None
                text = error.get("message") if isinstance(error, dict) else None
                names = [n for n in names if isinstance(n, str)] if isinstance(names, list) else []
                raise _exception_class(names)(str(text)[:2000])
            if "value" not in reply:
                raise ProtocolError("an answer without a value")
            try:
                mutated = reply.get("mutated", [])
                changes = [(self.exported.get(ref), state) for ref, state in mutated]
            except (TypeError, ValueError):
                raise ProtocolError("malformed changes to arguments") from None
            for original, state in changes:
                _apply_in_place(original, self.decode(state))
            return self.decode(reply["value"])

    def serve(self, message: dict):
        """Answer one request about a local object; errors go back as errors."""
        try:
            answer = self._answer(message)
            self.channel.send(answer)
        except FrameTooLarge as error:  # an answer too large to send fails, like an error
            self.channel.send({"error": {"types": ["ValueError"], "message": str(error)}})
        except ProtocolError:  # the connection failed (socket errors arrive as ChannelClosed)
            raise
        except BaseException as error:  # the answer is an error report, whatever was raised
            if isinstance(error, (KeyboardInterrupt, SystemExit)) and not self.copy_back:
                raise
            types = [cls.__name__ for cls in type(error).__mro__]
            self.channel.send({"error": {"types": types, "message": _message(error)}})

    def _answer(self, message: dict) -> dict:
        op = message.get("op")
        if op == "get":
            return {"value": self.encode(self.lookup(str(message.get("name"))))}
        target = self.exported.get(message.get("ref"))
        if target is None and op != "get":
            raise LookupError("unknown reference")
        if op == "call":
            args = self.decode(message.get("args", []))
            kwargs = self.decode(message.get("kwargs", {"dict": []}))
            if not isinstance(args, list) or not isinstance(kwargs, dict):
                raise ProtocolError("bad call")
            result = self.wrap_call(target, args, kwargs, message)
            answer = {"value": self.encode(result)}
            if self.copy_back:
                answer["mutated"] = [
                    [ref, self.encode(arg)]
                    for ref, arg in zip(message.get("arg_refs", []), args, strict=False)
                    if ref is not None and _mutable(arg)
                ]
            return answer
        name = str(message.get("name", ""))
        if op in ("getattr", "setattr") and (name.startswith("_") or name in BLOCKED_ATTRIBUTES):
            raise AttributeError(f"attribute {name!r} is not available across the sandbox")
        if op == "getattr":
            return {"value": self.encode(getattr(target, name))}
        if op == "setattr":
            setattr(target, name, self.decode(message.get("value")))
            return {"value": None}
        if op == "getitem":
            return {"value": self.encode(target[self.decode(message.get("key"))])}
        if op == "len":
            return {"value": len(target)}
        if op == "list":
            return {"value": self.encode(list(target))}
        raise ProtocolError(f"unknown request {op!r}")

    def lookup(self, name: str):
        raise LookupError("this side has no namespace")

    def call(self, ref: int, args, kwargs, extra: dict | None = None):
        encoded_args = [self.encode(a) for a in args]
        # arguments that the callee may change in place come back, as plain Python does
        arg_refs = [index if _mutable(a) else None for index, a in enumerate(args)]
        for index, arg in enumerate(args):
            if arg_refs[index] is not None:
                self.exported[-(index + 1)] = arg
                arg_refs[index] = -(index + 1)
        message = {
            "op": "call",
            "ref": ref,
            "args": encoded_args,
            "kwargs": self.encode(dict(kwargs)),
            "arg_refs": arg_refs,
            **(extra or {}),
        }
        try:
            return self.request(message)
        finally:
            for index in range(len(args)):
                self.exported.pop(-(index + 1), None)


def _sized(body):
    if not isinstance(body, list) or len(body) > MAX_ITEMS:
        raise ProtocolError("expected a list")
    return body


def _message(error: BaseException) -> str:
    try:
        return str(error)[:2000]
    except Exception:  # a student's exception whose __str__ fails
        return type(error).__name__


def _mutable(value) -> bool:
    kind = type(value)
    if kind in (list, dict, set):
        return True
    return kind.__module__ == "numpy" and kind.__name__ == "ndarray"


def _apply_in_place(original, state):
    """Make ``original`` look like ``state``: what an in-place change would have done."""
    try:
        if isinstance(original, list) and isinstance(state, list):
            original[:] = state
        elif isinstance(original, dict) and isinstance(state, dict):
            original.clear()
            original.update(state)
        elif isinstance(original, set) and isinstance(state, set):
            original.clear()
            original.update(state)
        elif hasattr(original, "shape") and getattr(state, "shape", None) == original.shape:
            if not (original == state).all():
                original[...] = state
    except Exception:  # a changed shape or type cannot be mirrored; the copy stands
        pass


class RemoteObject:
    """A proxy for an object that lives on the other side."""

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
        return f"<{self._type} {self._name or ''} from the other process>".replace("  ", " ")


class RemoteFunction(RemoteObject):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return self._endpoint.call(self._ref, args, kwargs)

    def _mlmath_call_forbidding(self, forbidden, args, kwargs):
        """mlmath_checks.forbid_calls, run where the call happens: in the student's process."""
        return self._endpoint.call(self._ref, args, kwargs, {"forbid": list(forbidden)})
