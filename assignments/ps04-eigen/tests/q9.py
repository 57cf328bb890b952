# q9: compression_ratio and rank_for_energy. Clauses, with the hidden case that checks each and
# the wrong variant that breaks it alone:
# - ratio k (m + n + 1) / (m n), k = 0 included: test_compression_ratio; variants "forgets
#   the k singular values", "inverted ratio".
# - smallest k >= 1 whose first k squared values hold at least energy * sum(s**2):
#   test_random_spectra; variants "energy with s, not s**2", "0-based index".
# - "at least": a share exactly equal to the target is enough: test_exact_thresholds
#   (binary fractions, exact in floating point); variant "strict inequality".
# - energy = 1 gives the number of non-zero values however small ([1, 1e-9] -> 2), trailing
#   zeros, lists: test_edges; variants "divides by np.sum (argmax of all-False)",
#   "cumulative share over the last cumulative sum", "while loop adding squared values".

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, describe, to_number

name = "q9"
points = 5


def rank_of(rank_for_energy, s, energy):
    found = call(rank_for_energy, copy.deepcopy(s), energy, what=f"energy={energy:g}")
    value = to_number(found, "the rank returned by rank_for_energy")
    if value != int(value):
        raise AssertionError(
            f"rank_for_energy should return a whole number, found {describe(found)}."
        )
    return int(value)


def oracle_rank(s, energy):
    s = np.asarray(s, dtype=float)
    total = np.sum(s**2)
    for k in range(1, len(s) + 1):
        if np.sum(s[:k] ** 2) >= energy * total - 1e-12 * total:
            return k
    return len(s)


@test_case(points=1, hidden=False)
def test_small_examples(compression_ratio, rank_for_energy):
    assert_close(
        to_number(call(compression_ratio, 100, 50, 5), "compression_ratio(100, 50, 5)"),
        0.151,
        rtol=1e-9,
        what="compression_ratio(100, 50, 5)",
        hint="U_k has 100*5 numbers, V_k has 50*5 and the singular values 5: "
        "755 numbers instead of 5000.",
        reveal=True,
    )
    found = rank_of(rank_for_energy, np.array([3.0, 2.0, 1.0, 1.0, 1.0]), 0.5)
    if found != 1:
        raise AssertionError(
            f"rank_for_energy([3, 2, 1, 1, 1], 0.5) should be 1, found {found}: the first "
            "singular value holds 9/16 of the total energy sum(s**2) = 16."
        )


@test_case(points=1, hidden=True)
def test_compression_ratio(compression_ratio):
    rng = np.random.default_rng(901)
    for _ in range(8):
        m, n = rng.integers(5, 500, size=2)
        k = int(rng.integers(0, min(m, n)))
        found = to_number(call(compression_ratio, int(m), int(n), k), "the compression ratio")
        assert_close(
            found,
            k * (m + n + 1) / (m * n),
            rtol=1e-9,
            what=f"compression_ratio: the compression ratio of a rank-{k} approximation",
            hint="stored numbers / original numbers = k (m + n + 1) / (m n): count U_k, V_k "
            "AND the k singular values; a ratio below 1 means the factors are smaller.",
        )


@test_case(points=1, hidden=True)
def test_random_spectra(rank_for_energy):
    rng = np.random.default_rng(902)
    for n in [5, 20, 64]:
        s = np.sort(rng.exponential(size=n) * np.exp(-np.arange(n) / 4))[::-1]
        for energy in [0.5, 0.9, 0.99]:
            found = rank_of(rank_for_energy, s, energy)
            if found != oracle_rank(s, energy):
                raise AssertionError(
                    f"rank_for_energy on {n} decaying singular values with energy={energy} "
                    f"returned {found}, which is not the smallest k whose first k squared "
                    "singular values reach that fraction of sum(s**2). Use squares "
                    "(energy = sigma^2), and count k from 1."
                )


@test_case(points=1, hidden=True)
def test_exact_thresholds(rank_for_energy):
    s = np.array([4.0, 3.0, 2.0, 1.0, 1.0, 1.0])
    for energy, expected in [(25 / 32, 2), (29 / 32, 3), (1.0, 6)]:
        found = rank_of(rank_for_energy, s, energy)
        if found != expected:
            raise AssertionError(
                f"rank_for_energy([4, 3, 2, 1, 1, 1], {energy:.5f}) returned {found}. When the "
                "captured fraction equals the target exactly, that k is enough: use >=."
            )


@test_case(points=1, hidden=True)
def test_edges(rank_for_energy):
    cases = [([3.0, 2.0, 1.0, 0.0, 0.0], 1.0, 3), ([7.0], 0.9, 1), ([5.0, 4.0, 3.0], 1e-9, 1)]
    for s, energy, expected in cases:
        found = rank_of(rank_for_energy, s, energy)
        if found != expected:
            raise AssertionError(
                f"rank_for_energy({s}, {energy}) returned {found}. The answer is between 1 "
                "and len(s); s may be a list and may end with zeros."
            )
    # energy = 1 counts every non-zero value, however small: 1 + 1e-18 rounds to 1
    for s, expected in [([1.0, 1e-9], 2), ([2.0, 1.0, 1e-12, 1e-30, 0.0], 4)]:
        found = rank_of(rank_for_energy, np.array(s), 1.0)
        if found != expected:
            raise AssertionError(
                f"rank_for_energy with energy = 1 on {len(s)} values, {expected} of them non-zero "
                f"but some tiny (down to {min(x for x in s if x > 0):g}), returned {found}, "
                f"expected {expected}. A cumulative sum cannot see them (1 + 1e-18 rounds to "
                "1): compare what you drop, sum(s[k:]**2) <= (1 - energy) * sum(s**2)."
            )
    # nine distinct values whose cumulative share rounds to just below 1 at the end
    s = np.sort(np.random.default_rng(4).uniform(0.5, 3.0, size=9))[::-1]
    found = rank_of(rank_for_energy, s, 1.0)
    if found != len(s):
        raise AssertionError(
            f"rank_for_energy(s, 1.0) on 9 non-zero singular values returned {found}, not 9. "
            "In floating point the last share cumsum(s**2) / sum(s**2) can come out just "
            "below 1, and then np.argmax of an all-False array gives 0: divide by the last "
            "cumulative sum instead of np.sum(s**2)."
        )
