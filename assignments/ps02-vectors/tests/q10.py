"""Clauses of question 10 (recommend), each with the hidden case that checks it and the wrong
variant that breaks it alone. Every case passes a correct cosine similarity as
`similarity`, so a mistake in question 5 costs points only there.

- score_i = sum_j cos(R_u, R_j) R_ji; the n unrated items with the highest scores, best
  first: test_random_ratings; variants "raw dot product", "cosine distance".
- only items with R[user, i] == 0 are candidates, returned as item indices:
  test_random_ratings (and every case); variants "recommends rated items", "positions in
  the candidate list".
- a user with no ratings has similarity 0 (no NaN): test_ties_and_zero_rows, test_new_user;
  variant "no zero-row convention".
- equal scores keep the smaller item index first: test_ties_and_zero_rows, test_new_user;
  variant "np.argsort(scores)[::-1]".
- including or excluding j = user changes nothing (it adds s_u R_ui = 0 to every
  candidate): accepted, variant "keeps the user's own similarity".
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_array

name = "q10"
points = 5

HINT = (
    "similarity s_j = cosine similarity of R[user] and R[j] (0 for zero rows), score_i = "
    "sum_j s_j * R[j, i]; keep only items with R[user, i] == 0 and sort them by score, "
    "highest first."
)


def oracle_scores(R, user):
    R = np.asarray(R, dtype=float)
    norms = np.linalg.norm(R, axis=1)
    denom = norms * norms[user]
    dots = R @ R[user]
    sims = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
    sims[user] = 0.0
    return sims @ R


def correct_similarity(u, v):
    """A correct answer to question 5, handed to recommend (it runs in the grader)."""
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    nu, nv = np.sqrt(np.sum(u * u)), np.sqrt(np.sum(v * v))
    return 0.0 if nu == 0 or nv == 0 else float(np.sum(u * v) / (nu * nv))


def recommended(recommend, R, user, n, what):
    result = call(
        recommend,
        copy.deepcopy(R),
        user,
        n,
        correct_similarity,
        what=f"{what}, with a correct cosine similarity as `similarity`",
    )
    idx = to_array(result, what)
    if idx.shape != (n,):
        raise AssertionError(
            f"{what} should return {n} item indices (shape ({n},)), found shape {idx.shape}."
        )
    if not np.all(idx == np.round(idx)):
        raise AssertionError(
            f"{what} should return integer item indices, found non-integers. "
            "Hint: return column indices, not scores."
        )
    idx = idx.astype(int)
    R = np.asarray(R)
    if idx.min() < 0 or idx.max() >= R.shape[1] or len(set(idx.tolist())) != n:
        raise AssertionError(f"{what} should return {n} distinct column indices of R.")
    if np.any(R[user, idx] != 0):
        raise AssertionError(
            f"{what} recommended an item the user has already rated. Hint: "
            "only items with R[user, i] == 0 are candidates."
        )
    return idx


@test_case(points=1, hidden=False)
def test_small_example(recommend):
    R = np.array([[5, 0, 4, 0], [4, 2, 5, 1], [0, 5, 0, 4]])
    what = "recommend(R, 0, 2) on the 3-user example"
    found = recommended(recommend, R, 0, 2, what)
    if not np.array_equal(found, [1, 3]):
        raise AssertionError(f"{what} should be [1 3], found {found}. Hint: {HINT}")


@test_case(points=2, hidden=True)
def test_random_ratings(recommend):
    rng = np.random.default_rng(1001)
    for users, items in [(8, 6), (15, 12), (5, 20)]:
        R = rng.integers(1, 6, size=(users, items)) * (rng.random((users, items)) < 0.5)
        for user in [0, users - 1, users // 2]:
            unrated = int(np.sum(R[user] == 0))
            for n in sorted({1, max(1, unrated // 2), unrated}):
                if unrated == 0:
                    continue
                what = f"recommend(R, {user}, {n}) for R of shape {R.shape}"
                given = R.copy() if users != 5 else R.tolist()
                found = recommended(recommend, given, user, n, what)
                scores = oracle_scores(R, user)
                candidates = np.sort(scores[R[user] == 0])[::-1]
                if n > 1 and np.allclose(scores[found], np.sort(scores[found])):
                    hint = (
                        "your items come in INCREASING order of score: return the best first "
                        "(np.argsort(-scores, kind='stable'))."
                    )
                else:
                    hint = (
                        "these are not the unrated items with the highest scores score_i = "
                        "sum_j s_j R[j, i], where s_j is the cosine SIMILARITY of R[user] and "
                        "R[j] (the function you are given)."
                    )
                assert_close(
                    scores[found],
                    candidates[:n],
                    rtol=1e-9,
                    atol=1e-12,
                    what=f"the scores of the items returned by {what}",
                    hint=hint,
                )


@test_case(points=1, hidden=True)
def test_ties_and_zero_rows(recommend):
    R = np.array(
        [
            [5, 0, 0, 3, 0, 0],
            [4, 1, 1, 0, 5, 5],
            [0, 0, 0, 0, 0, 0],
            [3, 1, 1, 1, 0, 0],
        ]
    )
    what = "recommend(R, 0, 4) where items 4 and 5 (and 1 and 2) have equal scores"
    with np.errstate(all="ignore"):
        found = recommended(recommend, R, 0, 4, what)
    if not np.array_equal(found, [4, 5, 1, 2]):
        if np.array_equal(found, [5, 4, 2, 1]):
            hint = (
                "these are the right items, but equal scores must keep the smaller item index "
                "first: np.argsort(-scores, kind='stable'), not np.argsort(scores)[::-1]."
            )
        else:
            hint = (
                "user 2 has rated nothing, so their similarity with user 0 is 0 by the "
                "convention of question 5 (not NaN): their row must add nothing to the scores."
            )
        raise AssertionError(f"{what}, and user 2 has rated nothing: found {found}. Hint: {hint}")


@test_case(points=1, hidden=True)
def test_new_user(recommend):
    rng = np.random.default_rng(1002)
    R = rng.integers(1, 6, size=(6, 7)) * (rng.random((6, 7)) < 0.6)
    R[4] = 0
    what = "recommend(R, 4, 3) for a user who has rated nothing yet"
    with np.errstate(all="ignore"):
        found = recommended(recommend, R, 4, 3, what)
    if not np.array_equal(found, [0, 1, 2]):
        if list(found) == sorted(found.tolist(), reverse=True):
            hint = (
                "equal scores keep the smaller item index first: np.argsort(-scores, "
                "kind='stable'), not np.argsort(scores)[::-1]."
            )
        else:
            hint = (
                "with a user who has rated nothing, every similarity s_j is 0 (the zero-vector "
                "convention of question 5: a similarity, not NaN and not the distance 1 - s), "
                "so every score is 0 and the tie rule (smaller index first) decides."
            )
        raise AssertionError(f"{what}: expected [0 1 2], found {found}. Hint: {hint}")
