"""Helpers shared by the ps08-statistics tests (no answers in here)."""

from mlmath_checks import call, forbid_calls, to_number

# Every scipy.stats shortcut that would answer one of this set's questions. A dotted
# name is matched by the function's code, so a renamed import cannot dodge it. Note that
# scipy's distribution methods share code (scipy.stats.t.ppf and scipy.stats.norm.ppf
# are one function), which is why the distribution methods the prompts allow
# (scipy.stats.t.cdf, .sf, .ppf) are never listed here.
SCIPY_TESTS = [
    "scipy.stats.ttest_1samp",
    "scipy.stats.ttest_ind",
    "scipy.stats.ttest_rel",
    "scipy.stats.ttest_ind_from_stats",
    "scipy.stats.permutation_test",
    "scipy.stats.bootstrap",
    "scipy.stats.pearsonr",
    "scipy.stats.spearmanr",
    "scipy.stats.rankdata",
    "scipy.stats.linregress",
    "scipy.stats.sem",
    "scipy.stats.describe",
    "scipy.stats.zscore",
    "scipy.stats.mode",
]


def raises_value_error(func, *args, what, hint=""):
    """Pass if func(*args) raises ValueError; fail with a message otherwise."""
    if func is None:
        raise AssertionError("the function is not defined: run the cell that defines it.")
    try:
        result = func(*args)
    except ValueError:
        return
    except Exception as error:
        raise AssertionError(
            f"{what} should raise ValueError, but raised {type(error).__name__}: {error}. {hint}"
        ) from None
    raise AssertionError(f"{what} should raise ValueError, but returned {result!r}. {hint}")


def _result(args, what, hint, forbid, kwargs):
    # The function arrives inside *args, not as a named parameter, so that call() names
    # it by its own __name__ in messages (call looks for the caller's parameter holding it).
    if forbid:
        return forbid_calls(forbid, *args, what=what, hint=hint, **kwargs)
    return call(*args, what=what, hint=hint, **kwargs)


def number(*args, what, hint="", forbid=None, **kwargs):
    """Call args[0](*args[1:]) (under forbid_calls when a list is given); return a float."""
    return to_number(_result(args, what, hint, forbid, kwargs), what=what)


def pair(*args, what, hint="", forbid=None, **kwargs):
    """Call args[0](*args[1:]) and return its result as a tuple of two floats."""
    result = _result(args, what, hint, forbid, kwargs)
    try:
        items = list(result)
    except TypeError:
        raise AssertionError(f"{what} should return two numbers, found {result!r}.") from None
    if len(items) != 2:
        raise AssertionError(f"{what} should return two numbers, found {len(items)}.")
    return tuple(to_number(v, what=what) for v in items)
