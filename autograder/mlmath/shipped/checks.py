"""Assertion helpers for problem-set tests.

This module ships next to every student notebook and inside every autograder zip as
``mlmath_checks.py``, so test files import it with ``from mlmath_checks import ...``.
It holds no answers: only the ways a test compares what a student computed with an
oracle, and the student-facing messages that explain a failure.

Every helper raises ``AssertionError`` with a message written for the student, so a
failing check reads as feedback, never as a traceback from test code.
"""

import functools
import sys
from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path

import numpy as np

# Grading engines that run student code in another process hand tests a proxy for each
# student function; a proxy that carries this attribute runs forbid_calls in the
# student's process, where the call actually happens.
FORBID_PROTOCOL = "_mlmath_call_forbidding"

# rng(seed) shifts every seed by SEED_SHIFT. It is 0 when grading, so a grade never
# changes between runs; `mlmath validate` grades the variants of random questions under
# many other shifts, to prove that a test's bounds hold for every seed, not just one.
SEED_SHIFT = 0

# P(|Z| > 6.109) = 1.0e-9 for a standard normal Z: a CLT bound at this many standard
# errors rejects a correct answer with probability about one in a billion.
Z_ONE_IN_A_BILLION = 6.109
ONE_IN_A_BILLION = 1e-9


def shorten(text, limit=2000):
    """``text`` cut to at most ``limit`` characters at a word boundary, marked with '...'."""
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 3)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "..."


def describe(value, limit=60):
    """A short, student-readable description of a value (never a full hidden array)."""
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape}"
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return f"{value:.6g}"
    if callable(value):
        name = getattr(value, "__name__", "")
        return "a function" if not name or name == "<lambda>" else name
    if isinstance(value, (list, tuple)) and len(value) > 6:
        return f"{type(value).__name__} of length {len(value)}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(describe(v, limit) for v in value)
        text = (
            f"[{inner}]"
            if isinstance(value, list)
            else f"({inner}{',' if len(value) == 1 else ''})"
        )
    else:
        text = repr(value)
    return shorten(text, limit)


def call(func, *args, name=None, what=None, hint="", **kwargs):
    """Call a student's function and return its result.

    A missing name, a stub still returning ``None``, or an exception inside the
    student's code becomes an ``AssertionError`` that says which call failed and why.
    ``what`` describes the input (hidden inputs are described, never shown) and ``hint``
    is the case's advice; both stay in the message when the student's code raises.
    ``name``, ``what`` and ``hint`` are this helper's own: they never reach ``func``.
    """
    label = name or _caller_name_for(func) or getattr(func, "__name__", None) or "the function"
    if func is None:
        raise AssertionError(f"`{label}` is not defined: run the cell that defines it.")
    if func is Ellipsis or not callable(func):
        raise AssertionError(f"`{label}` should be a function, found {type(func).__name__}.")
    shown = ", ".join(describe(a) for a in args)
    where = f" on {what}" if what else ""
    try:
        result = func(*args, **kwargs)
    except NotImplementedError:
        raise AssertionError(f"`{label}` is not implemented yet.") from None
    except Exception as error:  # the student's bug, reported in the student's terms
        text = shorten(f"{type(error).__name__}: {_error_text(error)}", 600)
        raise AssertionError(
            f"calling {label}({shown}){where} raised {text}. {hint}".strip()
        ) from None
    if result is None:
        raise AssertionError(
            f"{label}({shown}) returned None: is it still a stub, or is a `return` missing?"
        )
    return result


def _error_text(error):
    try:
        return str(error)
    except Exception:  # a student's exception whose __str__ fails
        return type(error).__name__


def _caller_name_for(func):
    """The name of the test function's parameter that holds ``func``, if exactly one does.

    otter hands a test None for a name the notebook never defined, so the name cannot
    come from the value; it comes from the test function that received it.
    """
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals is globals():
        frame = frame.f_back
    if frame is None:
        return None
    code = frame.f_code
    count = code.co_argcount + code.co_kwonlyargcount
    names = [n for n in code.co_varnames[:count] if frame.f_locals.get(n, _NOTHING) is func]
    return names[0] if len(names) == 1 else None


_NOTHING = object()


def defined(value, name):
    """Check that a graded constant was given a value."""
    if value is None:
        raise AssertionError(f"`{name}` is not defined: run the cell that defines it.")
    if value is Ellipsis:
        raise AssertionError(f"`{name}` is still `...`: replace it with your answer.")
    return value


def to_array(value, what="the result", dtype=float):
    """Convert an answer to a numeric array (lists, tuples and numpy scalars are fine)."""
    if value is None or value is Ellipsis:
        raise AssertionError(f"{what} is missing (found {value!r}).")
    try:
        array = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError):
        raise AssertionError(f"{what} should be numeric, found {describe(value)}.") from None
    return array


def to_number(value, what="the result"):
    """Convert an answer to a Python float; reject arrays with more than one element."""
    array = to_array(value, what)
    if array.size != 1:
        raise AssertionError(f"{what} should be a single number, found {describe(array)}.")
    return float(array.reshape(()))


def assert_shape(value, shape, what="the result", hint=""):
    """Check the shape of an array-like answer and return it as an array."""
    array = to_array(value, what)
    if array.shape != tuple(shape):
        raise AssertionError(
            f"{what} should have shape {tuple(shape)}, found {array.shape}. {hint}".strip()
        )
    return array


def rel_error(a, b):
    """Relative error |a-b| / max(1e-8, |a|+|b|), elementwise maximum."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)), initial=0.0))


def assert_close(
    actual, expected, *, rtol=1e-7, atol=0.0, what="the result", hint="", reveal=False
):
    """Compare an answer with an oracle, with a message that teaches.

    ``reveal=True`` prints the expected value: use it only in public tests, whose
    inputs and answers the student may see. Hidden tests keep the default.
    """
    expected = np.asarray(expected, dtype=float)
    array = to_array(actual, what)
    if array.shape != expected.shape and not (array.size == 1 and expected.size == 1):
        raise AssertionError(
            f"{what} should have shape {expected.shape}, found {array.shape}. {hint}".strip()
        )
    array = array.reshape(expected.shape)
    if np.any(np.isnan(array)) and not np.all(np.isnan(array) == np.isnan(expected)):
        raise AssertionError(f"{what} contains NaN. {hint}".strip())
    if np.any(np.isinf(array) & ~np.isinf(expected)):
        raise AssertionError(
            f"{what} overflows to inf where a finite value is expected. {hint}".strip()
        )
    with np.errstate(invalid="ignore", over="ignore"):
        close = np.allclose(array, expected, rtol=rtol, atol=atol, equal_nan=True)
        gap = np.abs(array - expected)
    if not close:
        finite = np.isfinite(gap)
        worst = float(np.max(gap[finite])) if finite.any() else float("inf")
        message = f"{what} is off (largest absolute difference {worst:.3g})."
        if reveal:
            message += f" Expected {_show(expected)}, found {_show(array)}."
        raise AssertionError(f"{message} {hint}".strip())
    return array


def assert_close_up_to_sign(
    actual, expected, *, rtol=1e-6, atol=1e-8, axis=0, what="the result", hint=""
):
    """Compare vectors, or the columns (axis=0) / rows (axis=1) of matrices, up to sign.

    Eigenvectors, singular vectors and principal components are defined only up to sign:
    each one is flipped to agree with the oracle before comparing.
    """
    expected = np.asarray(expected, dtype=float)
    array = assert_shape(actual, expected.shape, what)
    if expected.ndim == 1:
        sign = 1.0 if np.dot(array, expected) >= 0 else -1.0
        return assert_close(sign * array, expected, rtol=rtol, atol=atol, what=what, hint=hint)
    signs = np.sign(np.sum(array * expected, axis=axis, keepdims=True))
    signs[signs == 0] = 1.0
    return assert_close(signs * array, expected, rtol=rtol, atol=atol, what=what, hint=hint)


def assert_finite(value, what="the result", hint=""):
    """Check that an answer has no NaN or infinity (stability questions)."""
    array = to_array(value, what)
    if not np.all(np.isfinite(array)):
        raise AssertionError(f"{what} contains inf or NaN. {hint}".strip())
    return array


def rng(seed):
    """The seeded ``numpy.random.Generator`` a test hands to a student's random function.

    Tests call ``rng(123)`` rather than ``np.random.default_rng(123)`` so that
    `mlmath validate` can replay them under other seeds (see SEED_SHIFT).
    """
    return np.random.default_rng(seed if SEED_SHIFT == 0 else [seed, SEED_SHIFT])


def assert_mean_close(
    samples, mean, sd, *, what="the sample mean", hint="", z=Z_ONE_IN_A_BILLION, axis=0
):
    """Check that the mean of iid draws is within ``z`` standard errors of ``mean``.

    ``sd`` is the true standard deviation of one draw. By the CLT the sample mean is
    close to Normal(mean, sd^2 / n), so with z = 6.109 a correct answer fails with
    probability about 1e-9 (per coordinate; use at least a few hundred draws). A
    plausible wrong answer must be off by several times ``z * sd / sqrt(n)``: choose n
    so that it is.
    """
    array = to_array(samples, what)
    if array.ndim == 0 or array.shape[axis] < 2:
        raise AssertionError(f"{what}: expected many draws, found {describe(array)}.")
    n = array.shape[axis]
    with np.errstate(invalid="ignore", over="ignore"):
        found = np.mean(array, axis=axis)
    if not np.all(np.isfinite(found)):
        raise AssertionError(f"{what} contains inf or NaN. {hint}".strip())
    bound = z * np.asarray(sd, dtype=float) / np.sqrt(n)
    gap = np.abs(found - np.asarray(mean, dtype=float))
    if np.any(gap > bound):
        worst = float(np.max(gap / np.maximum(bound, 1e-300)))
        raise AssertionError(
            f"{what} over {n} draws is {worst * z:.1f} standard errors away from the "
            f"true mean (a correct answer stays within {z:g} with probability 1 - 1e-9). "
            f"{hint}".strip()
        )
    return found


def dkw_bound(n, alpha=ONE_IN_A_BILLION):
    """The Dvoretzky-Kiefer-Wolfowitz bound: P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2)
    for every n and every distribution (Massart's constant), so eps = sqrt(ln(2/alpha)/2n)."""
    return float(np.sqrt(np.log(2 / alpha) / (2 * n)))


def assert_matches_cdf(samples, cdf, *, support=None, what="the samples", hint=""):
    """Check iid draws against a distribution through its CDF (a Kolmogorov-Smirnov test
    with the DKW bound, exact for every n: a correct answer fails with probability at
    most 1e-9).

    ``cdf`` maps an array of points to probabilities. For a discrete distribution pass
    ``support`` (every value it can take, sorted): draws outside it fail.
    """
    array = to_array(samples, what).ravel()
    n = array.size
    if n < 2:
        raise AssertionError(f"{what}: expected many draws, found {describe(samples)}.")
    if not np.all(np.isfinite(array)):
        raise AssertionError(f"{what} contains inf or NaN. {hint}".strip())
    draws = np.sort(array)
    if support is not None:
        support = np.asarray(support, dtype=float)
        outside = ~np.isin(draws, support)
        if outside.any():
            raise AssertionError(
                f"{what} include {describe(float(draws[outside][0]))}, a value this "
                f"distribution never takes. {hint}".strip()
            )
        empirical = np.searchsorted(draws, support, side="right") / n
        distance = float(np.max(np.abs(empirical - np.asarray(cdf(support), dtype=float))))
    else:
        expected = np.asarray(cdf(draws), dtype=float)
        above = np.arange(1, n + 1) / n - expected
        below = expected - np.arange(0, n) / n
        distance = float(max(above.max(), below.max()))
    bound = dkw_bound(n)
    if distance > bound:
        raise AssertionError(
            f"{what} do not follow the expected distribution: over {n} draws their "
            f"empirical CDF is {distance:.3g} away from it, more than the {bound:.3g} a "
            f"correct sampler exceeds with probability 1e-9. {hint}".strip()
        )
    return array


def data_file(filename):
    """Path of a shipped dataset: ``data/<filename>`` beside this module, else the cwd."""
    for folder in (Path(__file__).resolve().parent, Path.cwd()):
        candidate = folder / "data" / filename
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"data/{filename} is missing: keep the data folder beside the notebook")


def _show(array):
    with np.printoptions(precision=6, threshold=8, edgeitems=3):
        return np.array2string(np.asarray(array)) if np.ndim(array) else f"{float(array):.6g}"


def _resolve(dotted):
    """'numpy.linalg.eig' -> the object, importing the longest module prefix."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ValueError(f"cannot resolve {dotted!r}")


def _identities(dotted: str):
    """The code object (Python functions) or the object itself (builtins) of a name.

    Identity of the code object, not the name, is what a renamed import cannot dodge:
    ``from numpy.linalg import eig as e`` still runs eig's code.
    """
    obj = _resolve(dotted)
    target = getattr(obj, "_implementation", obj)  # numpy's dispatch wrappers
    target = getattr(target, "__wrapped__", target)
    return getattr(target, "__code__", None), obj


def forbid_calls(forbidden: Iterable[str], func: Callable, *args, what=None, hint="", **kwargs):
    """Call ``func`` and fail if it used any of the forbidden library functions.

    ``forbidden`` holds dotted names such as ``"numpy.linalg.eig"``, written as a literal
    list in the test (the grading engine reads it to know what to watch). Python-level
    functions (numpy.linalg, scipy) are detected by their code, whatever name the student
    imported them under; builtins by identity. Under `mlmath grade` the student's
    process is watched from where its code cannot switch the watch off.
    """
    forbidden = list(forbidden)
    label = _caller_name_for(func) or getattr(func, "__name__", None)
    remote = getattr(func, FORBID_PROTOCOL, None) if not isinstance(func, type) else None
    used: list[str] = []
    if callable(remote):
        watched = functools.partial(remote, forbidden, used)
        result = call(watched, *args, name=label, what=what, hint=hint, **kwargs)
    else:
        result = _call_forbidding(
            forbidden, used, func, label, args, dict(kwargs, what=what, hint=hint)
        )
    if used:
        names = ", ".join(sorted(set(used)))
        raise AssertionError(
            f"this question asks you to implement it yourself, but your code called {names}."
        )
    return result


def _call_forbidding(forbidden, used, func, label, args, kwargs):
    # Resolve a forbidden name only when a function of the same short name runs: no
    # import happens for modules the student never touches, and a renamed import still
    # runs code whose own name is the original one.
    by_short_name: dict[str, list[str]] = {}
    for dotted in forbidden:
        by_short_name.setdefault(dotted.rsplit(".", 1)[-1], []).append(dotted)
    resolved: dict[str, tuple] = {}

    def matches(name, code, obj):
        for dotted in by_short_name.get(name, ()):
            if dotted not in resolved:
                try:
                    resolved[dotted] = _identities(dotted)
                except (ImportError, AttributeError, ValueError):
                    resolved[dotted] = (None, None)
            known_code, known_obj = resolved[dotted]
            if (code is not None and code is known_code) or (obj is not None and obj is known_obj):
                used.append(dotted)

    def profile(frame, event, arg):
        if event == "call" and frame.f_code.co_name in by_short_name:
            matches(frame.f_code.co_name, frame.f_code, None)
        elif event == "c_call" and getattr(arg, "__name__", None) in by_short_name:
            matches(arg.__name__, None, arg)

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        return call(func, *args, name=label, **kwargs)
    finally:
        sys.setprofile(previous)
