"""Question 7: holdout_split(perm, n_val, n_test) and kfold_splits(perm, k).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- holdout_split returns (train, val, test) = (perm[:n_train], perm[n_train:n_train+n_val],
  perm[n_train+n_val:]) with n_train = len(perm) - n_val - n_test: test_holdout_random /
  "the validation and test blocks swapped", "off by one at the block edges"
- the pieces are the entries of perm (indices), not positions 0..n-1:
  test_holdout_random, test_kfold_random / "folds of np.arange(n) instead of perm"
- holdout_split raises ValueError when fewer than one training index would remain or a size
  is negative: test_holdout_rejects / "never checks the sizes"
- kfold_splits returns k pairs (train, val); fold i's validation set is
  np.array_split(perm, k)[i], in that order: test_kfold_random (n not divisible by k) /
  "n // k per fold, dropping the remainder", "the remainder all in the last fold"
- the training set is every other index, in any order, never the validation ones:
  test_kfold_random / "training set includes the validation fold"
- kfold_splits raises ValueError unless 2 <= k <= len(perm): test_kfold_rejects /
  "no check on k"
- perm is left unmodified: test_perm_unmodified / "sorts each fold in
  place (np.array_split returns views of perm)"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from ps15_checks import raises_value_error

from mlmath_checks import call, to_array

name = "q7"
points = 6


def _ints(value, what):
    array = to_array(value, what=what, dtype=float)
    if array.ndim != 1:
        raise AssertionError(f"{what} should be a 1-D array of indices, found shape {array.shape}.")
    return array


def _holdout(holdout_split, perm, n_val, n_test, what, check_inputs=False):
    original = perm.copy()
    result = call(holdout_split, perm, n_val, n_test, what=what)
    if check_inputs and not np.array_equal(perm, original):
        raise AssertionError("holdout_split changed the permutation it was given.")
    try:
        parts = list(result)
    except TypeError:
        raise AssertionError(f"holdout_split on {what} should return (train, val, test).") from None
    if len(parts) != 3:
        raise AssertionError(
            f"holdout_split on {what} should return three arrays (train, val, test), "
            f"found {len(parts)}."
        )
    return [
        _ints(p, f"holdout_split's {label} on {what}")
        for p, label in zip(parts, ["train", "val", "test"], strict=True)
    ]


def _kfold(kfold_splits, perm, k, what, check_inputs=False):
    original = perm.copy()
    result = call(kfold_splits, perm, k, what=what)
    if check_inputs and not np.array_equal(perm, original):
        raise AssertionError("kfold_splits changed the permutation it was given.")
    try:
        pairs = [tuple(p) for p in result]
    except TypeError:
        raise AssertionError(
            f"kfold_splits on {what} should return a list of (train, val) pairs."
        ) from None
    if len(pairs) != k or any(len(p) != 2 for p in pairs):
        raise AssertionError(
            f"kfold_splits(perm, {k}) on {what} should return a list of {k} pairs "
            f"(train, val), found {len(pairs)} item(s)."
        )
    return [
        (_ints(t, f"fold {i}'s train on {what}"), _ints(v, f"fold {i}'s val on {what}"))
        for i, (t, v) in enumerate(pairs)
    ]


def _check_holdout(holdout_split, perm, n_val, n_test, what, check_inputs=False):
    train, val, test = _holdout(holdout_split, perm.copy(), n_val, n_test, what, check_inputs)
    n_train = perm.size - n_val - n_test
    cuts = [slice(0, n_train), slice(n_train, n_train + n_val), slice(n_train + n_val, None)]
    positions = np.arange(perm.size)
    swapped = [perm[cuts[0]], perm[n_train + n_test :], perm[n_train : n_train + n_test]]
    for i, (found, label) in enumerate(
        zip([train, val, test], ["train", "val", "test"], strict=True)
    ):
        wanted = perm[cuts[i]]
        if found.shape == wanted.shape and np.array_equal(found, wanted):
            continue
        hint = (
            "train = perm[:n_train], then val = the next n_val entries of perm, then "
            "test = the last n_test."
        )
        if found.shape == swapped[i].shape and np.array_equal(found, swapped[i]):
            hint = "the validation block comes before the test block: test is the tail."
        elif found.shape == wanted.shape and np.array_equal(found, positions[cuts[i]]):
            hint = "return entries of perm (the shuffled indices), not positions 0..n-1."
        count = (
            ""
            if found.size == wanted.size
            else (f" (found {found.size} of them, expected {wanted.size})")
        )
        raise AssertionError(
            f"holdout_split(perm, {n_val}, {n_test}) on {what}: the {label} indices are "
            f"wrong{count}. {hint}"
        )


def _check_kfold(kfold_splits, perm, k, what, check_inputs=False):
    pairs = _kfold(kfold_splits, perm.copy(), k, what, check_inputs)
    folds = np.array_split(perm, k)
    for i, ((train, val), fold) in enumerate(zip(pairs, folds, strict=True)):
        if val.shape != fold.shape or not np.array_equal(val, fold):
            hint = "validation fold i is np.array_split(perm, k)[i]."
            sizes = [p[1].size for p in pairs]
            if sum(sizes) < perm.size:
                hint = (
                    f"your folds hold {sum(sizes)} of the {perm.size} indices: "
                    "np.array_split gives the first n % k folds one extra index, so none "
                    "is dropped."
                )
            elif sizes != [f.size for f in folds]:
                hint = (
                    f"your fold sizes are {sizes}, expected {[f.size for f in folds]}: "
                    "np.array_split gives the first n % k folds one extra index."
                )
            elif np.array_equal(val, np.array_split(np.arange(perm.size), k)[i]):
                hint = "split perm itself (its entries are the indices), not np.arange(n)."
            raise AssertionError(
                f"kfold_splits(perm, {k}) on {what}: fold {i}'s validation indices are wrong. "
                f"{hint}"
            )
        rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
        if np.intersect1d(train, val).size:
            raise AssertionError(
                f"kfold_splits(perm, {k}) on {what}: fold {i}'s training set contains "
                "validation indices; a model must never train on the data it is scored on."
            )
        if train.shape != rest.shape or not np.array_equal(np.sort(train), np.sort(rest)):
            raise AssertionError(
                f"kfold_splits(perm, {k}) on {what}: fold {i}'s training set should hold "
                f"every index of the other folds ({rest.size} of them), found {train.size}."
            )


@test_case(points=2, hidden=False)
def test_by_hand(holdout_split, kfold_splits):
    perm = np.array([3, 0, 4, 1, 2])
    _check_holdout(holdout_split, perm, 1, 1, "perm = [3, 0, 4, 1, 2], n_val = n_test = 1")
    pairs = _kfold(kfold_splits, perm.copy(), 2, "perm = [3, 0, 4, 1, 2]")
    found = [v.astype(int).tolist() for _, v in pairs]
    if found != [[3, 0, 4], [1, 2]]:
        raise AssertionError(
            f"kfold_splits([3, 0, 4, 1, 2], 2) validation folds should be [[3, 0, 4], [1, 2]] "
            f"(np.array_split), found {found}."
        )
    _check_kfold(kfold_splits, perm, 2, "perm = [3, 0, 4, 1, 2]")


@test_case(points=1, hidden=True)
def test_holdout_random(holdout_split):
    gen = np.random.default_rng(701)
    for n, n_val, n_test in [(20, 4, 6), (101, 20, 0), (9, 0, 3), (50, 10, 10)]:
        _check_holdout(
            holdout_split,
            gen.permutation(n),
            n_val,
            n_test,
            f"a permutation of {n} with n_val = {n_val}, n_test = {n_test}",
        )


@test_case(points=0.5, hidden=True)
def test_holdout_rejects(holdout_split):
    perm = np.random.default_rng(702).permutation(10)
    for n_val, n_test in [(5, 5), (8, 4), (-1, 2)]:
        raises_value_error(
            holdout_split,
            perm.copy(),
            n_val,
            n_test,
            what=f"holdout_split(perm of 10, {n_val}, {n_test})",
            hint="raise ValueError unless n_val >= 0, n_test >= 0 and at "
            "least one training index remains.",
        )
    _check_holdout(holdout_split, perm, 5, 4, "a permutation of 10 with n_val = 5, n_test = 4")


@test_case(points=1.5, hidden=True)
def test_kfold_random(kfold_splits):
    gen = np.random.default_rng(703)
    for n, k in [(10, 2), (23, 5), (17, 4), (12, 12), (100, 7)]:
        _check_kfold(kfold_splits, gen.permutation(n), k, f"a permutation of {n}, k = {k}")


@test_case(points=0.5, hidden=True)
def test_kfold_rejects(kfold_splits):
    perm = np.random.default_rng(704).permutation(6)
    for k in [1, 7, 0]:
        raises_value_error(
            kfold_splits,
            perm.copy(),
            k,
            what=f"kfold_splits(a permutation of 6, {k})",
            hint="raise ValueError unless 2 <= k <= len(perm).",
        )
    _check_kfold(kfold_splits, perm, 6, "a permutation of 6, k = 6 (leave-one-out)")


@test_case(points=0.5, hidden=True)
def test_perm_unmodified(holdout_split, kfold_splits):
    gen = np.random.default_rng(705)
    perm = gen.permutation(14)
    _check_holdout(holdout_split, perm, 3, 4, "a permutation of 14", check_inputs=True)
    _check_kfold(kfold_splits, perm, 4, "a permutation of 14, k = 4", check_inputs=True)
