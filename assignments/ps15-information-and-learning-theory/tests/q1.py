"""Question 1: entropy(p) -> float, in nats.

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- H(p) = -sum p ln p with the natural logarithm (nats): test_random_distributions /
  "log base 2 (bits)"
- the minus sign, so H >= 0: test_random_distributions / "forgets the minus sign"
- the convention 0 ln 0 = 0, so zero probabilities add nothing (no NaN):
  test_zero_probabilities / "p * np.log(p) without masking the zeros (NaN)"
- p may have any shape (a joint table); the sum runs over every entry and the result is
  one number: test_joint_table / "sums along axis 0 only"
- the properties: H(point mass) = 0, H(uniform on n) = ln n is the maximum:
  test_extremes (also catches "log base 2")
- lists are accepted: test_by_hand (public), test_random_distributions / "p[p > 0] on a
  list"
- no scipy.stats.entropy: test_random_distributions (forbid_calls)
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps15_checks import SCIPY_ENTROPY, number

from mlmath_checks import assert_close

name = "q1"
points = 5


def _hint(found, p):
    """A hint chosen by the evidence: a ratio of ln 2, a sign, a NaN."""
    expected = scipy.stats.entropy(np.ravel(p))
    if np.isnan(found):
        return (
            "your entropy is NaN: 0 * log(0) is NaN in numpy; by convention 0 ln 0 = 0, so "
            "leave the zero probabilities out of the sum (e.g. p = p[p > 0])."
        )
    if expected > 0 and np.isclose(found, expected / np.log(2), rtol=1e-9, atol=0):
        return "that is the entropy in bits (log2): this set measures entropy in nats, use np.log."
    if expected > 0 and np.isclose(found, -expected, rtol=1e-9, atol=0):
        return "the sign is flipped: H(p) = -sum p ln p is never negative."
    return "H(p) = -sum over all entries of p ln p, natural log, with 0 ln 0 = 0."


def _check(entropy, p, what, forbid=None):
    expected = scipy.stats.entropy(np.ravel(p))
    found = number(
        entropy,
        np.array(p, dtype=float),
        what=what,
        forbid=forbid,
        hint="the sum runs over every entry of p (all axes): return one float.",
    )
    assert_close(
        found, expected, rtol=1e-10, atol=1e-14, what=f"entropy on {what}", hint=_hint(found, p)
    )


@test_case(points=1, hidden=False)
def test_by_hand(entropy):
    found = number(entropy, [0.5, 0.5], what="[0.5, 0.5]")
    assert_close(
        found,
        np.log(2),
        rtol=1e-10,
        what="entropy([0.5, 0.5])",
        hint=_hint(found, [0.5, 0.5]) + " A fair coin carries ln 2 = 0.693 nats.",
        reveal=True,
    )
    found = number(entropy, [1.0, 0.0], what="[1.0, 0.0]")
    assert_close(
        found,
        0.0,
        atol=1e-15,
        what="entropy([1.0, 0.0])",
        hint=_hint(found, [1.0, 0.0]) + " A certain outcome carries no information.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_distributions(entropy):
    gen = np.random.default_rng(101)
    for n in [2, 5, 40, 1000]:
        p = gen.dirichlet(np.ones(n))
        _check(entropy, p, f"a random distribution over {n} outcomes", forbid=SCIPY_ENTROPY)
    p = gen.dirichlet(np.ones(6))
    found = number(entropy, p.tolist(), what="a distribution given as a Python list")
    assert_close(
        found,
        scipy.stats.entropy(p),
        rtol=1e-10,
        what="entropy on a Python list",
        hint="accept lists: convert with np.asarray(p, dtype=float) first.",
    )


@test_case(points=1, hidden=True)
def test_zero_probabilities(entropy):
    gen = np.random.default_rng(102)
    for n, zeros in [(4, 1), (10, 6), (50, 49)]:
        p = gen.dirichlet(np.ones(n))
        p[gen.choice(n, size=zeros, replace=False)] = 0.0
        p = p / p.sum()
        _check(entropy, p, f"a distribution over {n} outcomes, {zeros} of them with probability 0")


@test_case(points=1, hidden=True)
def test_joint_table(entropy):
    gen = np.random.default_rng(103)
    for shape in [(3, 4), (2, 2, 5)]:
        p = gen.dirichlet(np.ones(int(np.prod(shape)))).reshape(shape)
        p[(0,) * len(shape)] = 0.0
        p = p / p.sum()
        _check(entropy, p, f"a joint distribution table of shape {shape}")


@test_case(points=1, hidden=True)
def test_extremes(entropy):
    for n in [3, 17, 256]:
        _check(entropy, np.full(n, 1.0 / n), f"the uniform distribution on {n} outcomes")
        mass = np.zeros(n)
        mass[n // 2] = 1.0
        _check(entropy, mass, f"a point mass among {n} outcomes")
