"""Question 2: cross_entropy(p, q) and kl_divergence(p, q) -> float, in nats.

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- H(p, q) = -sum p ln q (the true distribution p weights the log of the model q):
  test_cross_entropy_random / "arguments swapped: -sum q ln p"
- KL(p || q) = sum p ln(p / q): test_kl_random / "ln(q / p) instead of ln(p / q)",
  "symmetrized KL"
- natural logarithm: test_cross_entropy_random / "log2 in cross_entropy"
- terms with p = 0 contribute 0, even where q = 0 too (no NaN): test_zeros_in_p /
  "p * log(p / q) without masking p = 0"
- the result is inf (not NaN, not a large finite number) where q = 0 < p:
  test_infinite_where_q_vanishes / "clips q at 1e-12 (finite)"
- properties: KL(p || p) = 0, KL >= 0, KL = H(p, q) - H(p), KL asymmetric:
  test_properties
- any shape (joint tables), one number: test_kl_random (2-D tables) / "sums along axis 0"
- lists are accepted: test_cross_entropy_random, test_kl_random / "p > 0 on a list"
- no scipy.stats.entropy: test_cross_entropy_random, test_kl_random (forbid_calls) /
  "kl_divergence by scipy.stats.entropy(p, q)"
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps15_checks import SCIPY_ENTROPY, number

from mlmath_checks import assert_close

name = "q2"
points = 6


def _h(p):
    return float(scipy.stats.entropy(np.ravel(p)))


def _kl(p, q):
    return float(scipy.stats.entropy(np.ravel(p), np.ravel(q)))


def _ce(p, q):
    return _h(p) + _kl(p, q)


def _ce_hint(found, p, q):
    if np.isnan(found):
        return (
            "your cross-entropy is NaN: a term with p = 0 contributes 0 by convention, even "
            "where log q is -inf; leave those terms out of the sum."
        )
    if np.isclose(found, _ce(q, p), rtol=1e-9, atol=0):
        return "the arguments are swapped: H(p, q) = -sum p ln q weights log q by p."
    if np.isclose(found, _ce(p, q) / np.log(2), rtol=1e-9, atol=0):
        return "that is in bits (log2): use the natural log, np.log."
    return "H(p, q) = -sum p ln q over all entries, natural log, with 0 ln 0 = 0."


def _kl_hint(found, p, q):
    if np.isnan(found):
        return (
            "your KL divergence is NaN: terms with p = 0 contribute 0 by convention, even "
            "where q = 0 too; leave them out of the sum."
        )
    if found < -1e-12:
        return "KL is never negative: it is sum p ln(p / q), not ln(q / p)."
    if np.isclose(found, _kl(p, q) + _kl(q, p), rtol=1e-9, atol=0):
        return "KL is not symmetric: KL(p || q) = sum p ln(p / q), one direction only."
    if np.isclose(found, _kl(q, p), rtol=1e-9, atol=0):
        return "the arguments are swapped: KL(p || q) weights the log-ratio by p."
    return "KL(p || q) = sum p ln(p / q) over all entries, natural log, with 0 ln 0 = 0."


def _check_ce(cross_entropy, p, q, what, forbid=None):
    expected = _ce(p, q)
    found = number(
        cross_entropy,
        p.copy(),
        q.copy(),
        what=what,
        forbid=forbid,
        hint="sum over every entry (all axes) and return one float.",
    )
    assert_close(
        found,
        expected,
        rtol=1e-9,
        atol=1e-12,
        what=f"cross_entropy on {what}",
        hint=_ce_hint(found, p, q),
    )


def _check_kl(kl_divergence, p, q, what, forbid=None):
    expected = _kl(p, q)
    found = number(
        kl_divergence,
        p.copy(),
        q.copy(),
        what=what,
        forbid=forbid,
        hint="sum over every entry (all axes) and return one float.",
    )
    assert_close(
        found,
        expected,
        rtol=1e-8,
        atol=1e-12,
        what=f"kl_divergence on {what}",
        hint=_kl_hint(found, p, q),
    )
    return found


@test_case(points=2, hidden=False)
def test_by_hand(cross_entropy, kl_divergence):
    p, q = np.array([0.5, 0.5]), np.array([0.25, 0.75])
    found = number(cross_entropy, p.copy(), q.copy(), what="p = [0.5, 0.5], q = [0.25, 0.75]")
    assert_close(
        found,
        -0.5 * np.log(0.25) - 0.5 * np.log(0.75),
        rtol=1e-10,
        what="cross_entropy([0.5, 0.5], [0.25, 0.75])",
        hint=_ce_hint(found, p, q),
        reveal=True,
    )
    found = number(kl_divergence, p.copy(), q.copy(), what="p = [0.5, 0.5], q = [0.25, 0.75]")
    assert_close(
        found,
        0.5 * np.log(2) + 0.5 * np.log(2 / 3),
        rtol=1e-10,
        what="kl_divergence([0.5, 0.5], [0.25, 0.75])",
        hint=_kl_hint(found, p, q),
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_cross_entropy_random(cross_entropy):
    gen = np.random.default_rng(201)
    for n in [2, 6, 300]:
        p, q = gen.dirichlet(np.ones(n)), gen.dirichlet(np.ones(n))
        _check_ce(cross_entropy, p, q, f"random p and q over {n} outcomes", forbid=SCIPY_ENTROPY)
    p, q = gen.dirichlet(np.ones(12)).reshape(3, 4), gen.dirichlet(np.ones(12)).reshape(3, 4)
    _check_ce(cross_entropy, p, q, "random joint tables of shape (3, 4)")
    p, q = gen.dirichlet(np.ones(4)), gen.dirichlet(np.ones(4))
    found = number(cross_entropy, p.tolist(), q.tolist(), what="p and q given as Python lists")
    assert_close(
        found,
        _ce(p, q),
        rtol=1e-9,
        what="cross_entropy on two lists",
        hint="accept lists: convert with np.asarray(p, dtype=float) first.",
    )


@test_case(points=1, hidden=True)
def test_kl_random(kl_divergence):
    gen = np.random.default_rng(202)
    for n in [2, 6, 300]:
        p, q = gen.dirichlet(np.ones(n)), gen.dirichlet(np.ones(n))
        _check_kl(kl_divergence, p, q, f"random p and q over {n} outcomes", forbid=SCIPY_ENTROPY)
    p, q = gen.dirichlet(np.ones(12)).reshape(4, 3), gen.dirichlet(np.ones(12)).reshape(4, 3)
    _check_kl(kl_divergence, p, q, "random joint tables of shape (4, 3)")
    p, q = gen.dirichlet(np.ones(4)), gen.dirichlet(np.ones(4))
    found = number(kl_divergence, p.tolist(), q.tolist(), what="p and q given as Python lists")
    assert_close(
        found,
        _kl(p, q),
        rtol=1e-8,
        what="kl_divergence on two lists",
        hint="accept lists: convert with np.asarray(p, dtype=float) first.",
    )


@test_case(points=0.5, hidden=True)
def test_zeros_in_p(cross_entropy, kl_divergence):
    gen = np.random.default_rng(203)
    for n in [3, 10]:
        p, q = gen.dirichlet(np.ones(n)), gen.dirichlet(np.ones(n))
        p[:2] = 0.0
        q[0] = 0.0
        p, q = p / p.sum(), q / q.sum()
        what = f"p and q over {n} outcomes, p = 0 at two of them (q = 0 at one of those)"
        _check_ce(cross_entropy, p, q, what)
        _check_kl(kl_divergence, p, q, what)


@test_case(points=0.5, hidden=True)
def test_infinite_where_q_vanishes(cross_entropy, kl_divergence):
    gen = np.random.default_rng(204)
    p = gen.dirichlet(np.ones(5))
    q = gen.dirichlet(np.ones(5))
    q[3] = 0.0
    q = q / q.sum()
    what = "p > 0 everywhere and q = 0 at one outcome"
    for func, label in [(cross_entropy, "cross_entropy"), (kl_divergence, "kl_divergence")]:
        found = number(func, p.copy(), q.copy(), what=what)
        if not (np.isinf(found) and found > 0):
            raise AssertionError(
                f"{label}(p, q) where q = 0 < p should be inf (the model calls an outcome "
                f"impossible that happens), found {found:.6g}. "
                + (
                    "Do not clip q with a small epsilon: the exact answer is infinite; "
                    "return np.inf when some q is 0 where p > 0."
                    if np.isfinite(found)
                    else "Return np.inf when some q is 0 where p > 0."
                )
            )


@test_case(points=1, hidden=True)
def test_properties(cross_entropy, kl_divergence):
    gen = np.random.default_rng(205)
    for n in [4, 25]:
        p, q = gen.dirichlet(np.ones(n)), gen.dirichlet(np.full(n, 0.5))
        same = number(kl_divergence, p.copy(), p.copy(), what=f"KL(p || p) over {n} outcomes")
        assert_close(
            same,
            0.0,
            atol=1e-12,
            what=f"kl_divergence(p, p) over {n} outcomes",
            hint="KL(p || p) = sum p ln(p / p) = 0.",
        )
        forward = _check_kl(kl_divergence, p, q, f"p and q over {n} outcomes")
        backward = _check_kl(kl_divergence, q, p, f"q and p over {n} outcomes (swapped)")
        if forward < 0 or backward < 0:
            raise AssertionError("kl_divergence returned a negative value: KL is always >= 0.")
        ce = number(cross_entropy, p.copy(), q.copy(), what=f"p and q over {n} outcomes")
        assert_close(
            ce - forward,
            _h(p),
            rtol=1e-8,
            atol=1e-12,
            what="cross_entropy(p, q) - kl_divergence(p, q)",
            hint="H(p, q) = H(p) + KL(p || q): the two functions must agree.",
        )
