OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - a list of integer arrays that together hold every index 0..n-1 exactly once:
#   test_partition; variant "draws indices with replacement (rng.integers)".
# - batches of batch_size in order, the last one smaller when batch_size does not divide n
#   (nothing dropped), ceil(n / batch_size) batches: test_sizes; variants "drops the last
#   partial batch", "range(0, n - batch_size, batch_size) (loses the last batch)".
# - the order is a uniformly random permutation: test_shuffled (the first batch of 5,000
#   out of 50,000 is a uniform sample of 0..n-1: DKW bound); variants "no shuffle",
#   "shuffles the order of the batches but not their contents".
# - all randomness from rng: test_reproducible; variant "np.random.permutation (global)".
# Bound: assert_matches_cdf with `support` (discrete uniform on 0..n-1) uses the DKW bound,
# exact for discrete distributions: a correct answer fails with probability at most 1e-9.
# For 5,000 draws the bound is 0.033; "no shuffle" puts the first batch at distance 0.9,
# "batches shuffled as blocks" puts it on one block of width 0.1 (distance at least 0.45).

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_matches_cdf, call, rng

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
    assert_matches_cdf(
        first,
        lambda t: np.clip((np.floor(t) + 1) / n, 0, 1),
        support=values,
        what="the indices of the first batch (n = 50,000, batch_size = 5,000)",
        hint=hint,
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
