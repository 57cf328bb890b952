OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - a list of integer arrays that together hold every index 0..n-1 exactly once:
#   test_partition; variant "draws indices with replacement (rng.integers)".
# - batches of batch_size in order, the last one smaller when batch_size does not divide n
#   (nothing dropped), ceil(n / batch_size) batches: test_sizes; variants "drops the last
#   partial batch", "range(0, n - batch_size, batch_size) (loses the last batch)".
# - the order is a uniformly random permutation: test_shuffled (the first batch of 5,000
#   out of 50,000 is a uniform sample of 0..n-1: the bound below); variants "no shuffle",
#   "shuffles the order of the batches but not their contents".
# - all randomness from rng: test_reproducible; variant "np.random.permutation (global)".
# Bound (test_shuffled): the first batch of a uniform permutation is a sample WITHOUT
# replacement of m = 5,000 of the N = 50,000 indices, so the DKW bound (proved for
# independent draws) does not apply as such. At each threshold t the count of sampled
# indices below t is hypergeometric, and Hoeffding (1963, Theorem 4) gives the same tail
# as for independent draws: P(|F_m(t) - F(t)| > eps) <= 2 exp(-2 m eps^2). A union bound
# over the N thresholds then gives P(sup_t |F_m(t) - F(t)| > eps) <= 2 N exp(-2 m eps^2),
# which is 1e-9 at eps = sqrt(ln(2 N / 1e-9) / (2 m)) = 0.058. "No shuffle" puts the first
# batch at distance 0.9, "batches shuffled as blocks" at 0.45 or more (one block of width
# 0.1): both fail under every seed.

import numpy as np
from otter.test_files import test_case

from mlmath_checks import call, rng

name = "q10"
points = 5


def batches_of(minibatch_indices, n, batch_size, seed):
    what = f"n = {n}, batch_size = {batch_size}"
    result = call(minibatch_indices, n, batch_size, rng(seed), what=what)
    if not isinstance(result, (list, tuple)):
        raise AssertionError(
            f"minibatch_indices should return a list of index arrays, found "
            f"{type(result).__name__}."
        )
    batches = []
    for i, batch in enumerate(result):
        array = np.asarray(batch)
        if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
            raise AssertionError(
                f"batch {i} for {what} should be a 1-D array of integer indices, "
                f"found dtype {array.dtype} and shape {array.shape}."
            )
        batches.append(array.astype(np.int64))
    return batches


def check_sizes(batches, n, batch_size):
    count = -(-n // batch_size)
    sizes = [len(b) for b in batches]
    expected = [batch_size] * (n // batch_size) + ([n % batch_size] if n % batch_size else [])
    if sizes != expected:
        total = sum(sizes)
        hint = ""
        if total < n:
            hint = (
                f" Your batches hold {total} of the {n} indices: keep the last, smaller batch "
                "(range(0, n, batch_size) walks every start)."
            )
        raise AssertionError(
            f"for n = {n}, batch_size = {batch_size} there should be {count} batches of sizes "
            f"{batch_size}, ..., {expected[-1]} (the last one smaller if needed), "
            f"found {len(sizes)} "
            f"batches of sizes {sizes[:3]}{'...' if len(sizes) > 3 else ''}.{hint}"
        )


@test_case(points=1, hidden=False)
def test_small_example(minibatch_indices):
    batches = batches_of(minibatch_indices, 10, 4, 100)
    check_sizes(batches, 10, 4)
    together = np.sort(np.concatenate(batches))
    assert np.array_equal(together, np.arange(10)), (
        "the batches together should hold each index 0..9 exactly once (a shuffled arange)."
    )


@test_case(points=1, hidden=True)
def test_sizes(minibatch_indices):
    for n, batch_size in [(100, 10), (101, 10), (7, 3), (5, 8), (64, 64), (1, 1)]:
        check_sizes(batches_of(minibatch_indices, n, batch_size, 101), n, batch_size)


@test_case(points=1, hidden=True)
def test_partition(minibatch_indices):
    for n, batch_size in [(1000, 32), (97, 5)]:
        together = np.concatenate(batches_of(minibatch_indices, n, batch_size, 102))
        counts = np.bincount(together, minlength=n) if together.min() >= 0 else None
        if counts is None or len(counts) != n:
            hint = "some indices are outside 0..n-1."
        elif np.any(counts > 1):
            hint = (
                "some index appears twice and another never: shuffle with rng.permutation(n), "
                "do not draw indices independently (rng.integers samples with replacement)."
            )
        else:
            hint = (
                f"{int(np.sum(counts == 0))} indices are missing: keep the last, smaller batch "
                "(range(0, n, batch_size) walks every start)."
            )
        assert counts is not None and len(counts) == n and np.all(counts == 1), (
            f"for n = {n} the batches together should hold every index 0..{n - 1} exactly "
            f"once: {hint}"
        )


@test_case(points=1, hidden=True)
def test_shuffled(minibatch_indices):
    n, batch_size = 50000, 5000
    first = batches_of(minibatch_indices, n, batch_size, 103)[0]
    values = np.arange(n)
    hint = "shuffle all n indices with rng.permutation(n), then cut the result into batches."
    if np.array_equal(np.sort(first), np.arange(first.min(), first.min() + len(first))):
        hint = (
            "your first batch is a block of consecutive indices: shuffle the indices "
            "themselves (rng.permutation(n)), not only the order of the batches."
        )
    m = len(first)
    if m != batch_size:
        raise AssertionError(f"the first batch should hold {batch_size} indices, found {m}.")
    # sup over t of |F_m(t) - F(t)|, with F the uniform CDF on 0..n-1, at every support point
    empirical = np.searchsorted(np.sort(first), values, side="right") / m
    distance = float(np.max(np.abs(empirical - (values + 1) / n)))
    bound = float(np.sqrt(np.log(2 * n / 1e-9) / (2 * m)))  # see the derivation at the top
    assert distance <= bound, (
        f"the indices of the first batch (n = 50,000, batch_size = 5,000) are not a uniform "
        f"random sample of 0..n-1: their empirical CDF is {distance:.3g} away from the uniform "
        f"one, more than the {bound:.3g} a uniform permutation exceeds with probability 1e-9. "
        f"{hint}"
    )


@test_case(points=1, hidden=True)
def test_reproducible(minibatch_indices):
    first = batches_of(minibatch_indices, 200, 16, 104)
    second = batches_of(minibatch_indices, 200, 16, 104)
    assert len(first) == len(second) and all(
        np.array_equal(a, b) for a, b in zip(first, second, strict=True)
    ), (
        "two calls with generators of the same seed gave different batches: draw the "
        "permutation from the rng argument (rng.permutation(n)), not from np.random."
    )
