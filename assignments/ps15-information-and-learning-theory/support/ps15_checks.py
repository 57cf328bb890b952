"""Helpers shared by the ps15-information-and-learning-theory tests (no answers in here)."""

from mlmath_checks import call, forbid_calls, to_number

# The library functions that would answer the information-theory questions outright.
# scipy.stats.entropy computes entropies, cross-entropies and KL divergences; it is a
# Python function, so forbid_calls detects it whatever name it is imported under. The
# ufuncs scipy.special.entr, rel_entr and kl_div are C-level: the prompts leave them to
# the student's honour.
SCIPY_ENTROPY = ["scipy.stats.entropy", "scipy.stats.differential_entropy"]


def raises_value_error(func, *args, what, hint=""):
    """Pass if func(*args) raises ValueError; fail with a message otherwise."""
    if func is None:
        raise AssertionError("the function is not defined: run the cell that defines it.")
    try:
        func(*args)
    except ValueError:
        return
    except Exception as error:
        raise AssertionError(
            f"{what} should raise ValueError, but raised {type(error).__name__}: {error}. {hint}"
        ) from None
    raise AssertionError(f"{what} should raise ValueError, but returned a value. {hint}")


def number(*args, what, hint="", forbid=None, **kwargs):
    """Call args[0](*args[1:]) (under forbid_calls when a list is given); return a float.

    The function arrives inside *args, not as a named parameter, so that call() names it
    by its own __name__ in messages.
    """
    if forbid:
        result = forbid_calls(forbid, *args, what=what, hint=hint, **kwargs)
    else:
        result = call(*args, what=what, hint=hint, **kwargs)
    try:
        return to_number(result, what=what)
    except AssertionError as error:
        raise AssertionError(f"{error} {hint}".strip()) from None


def pair(*args, what, hint="", **kwargs):
    """Call args[0](*args[1:]) and return its result as a tuple of two floats."""
    result = call(*args, what=what, hint=hint, **kwargs)
    try:
        items = list(result)
    except TypeError:
        raise AssertionError(f"{what} should return two numbers, found {result!r}.") from None
    if len(items) != 2:
        raise AssertionError(f"{what} should return two numbers, found {len(items)}.")
    return tuple(to_number(v, what=what) for v in items)
