OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone. The tests pass their own mean and components, so mistakes in
# questions 9 and 10 do not cost points here.
# - pca_project returns Z = (X - mean) V_k^T, shape (n, k): test_project_small_example
#   (public), test_project_random; variants "forgets to subtract the mean", "components
#   untransposed" (wrong shape).
# - pca_reconstruct returns Z V_k + mean, shape (n, d): test_reconstruct_random;
#   variants "forgets to add the mean back", "adds the mean twice (also subtracts it
#   inside)".
# - round trip: with all d components reconstruction is exact; with k components the
#   squared error is (n - 1) times the sum of the discarded variances:
#   test_round_trip_digits.

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, data_file

name = "q11"
points = 5


def _basis(X):
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, Vt, s**2 / (len(X) - 1)


@test_case(points=1, hidden=False)
def test_project_small_example(pca_project, pca_reconstruct):
    X = np.array([[3.0, 1.0], [5.0, 3.0]])
    mean, V = np.array([4.0, 2.0]), np.array([[1.0, 1.0]]) / np.sqrt(2)
    Z = assert_shape(
        call(pca_project, X, mean, V, what="the example"), (2, 1), what="pca_project on the example"
    )
    assert_close(
        Z,
        [[-np.sqrt(2)], [np.sqrt(2)]],
        rtol=1e-10,
        what="pca_project on the example",
        hint="subtract the mean, then take dot products with each component: (X - mean) @ V.T.",
        reveal=True,
    )
    back = call(
        pca_reconstruct, np.array([[-np.sqrt(2)], [np.sqrt(2)]]), mean, V, what="the example"
    )
    assert_close(
        back,
        X,
        rtol=1e-10,
        what="pca_reconstruct on the example",
        hint="Z @ V + mean: add the mean back.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_project_random(pca_project):
    gen = np.random.default_rng(2101)
    for n, d, k in [(40, 5, 2), (100, 3, 3), (1, 4, 1)]:
        X = gen.normal(size=(max(n, 10), d)) * np.linspace(4, 1, d) + gen.normal(scale=30, size=d)
        mean, Vt, var = _basis(X)
        X = X[:n]
        expected = np.array([[float(np.dot(x - mean, v)) for v in Vt[:k]] for x in X])
        found = call(pca_project, X, mean, Vt[:k], what=f"{n} points in {d}-D onto {k} components")
        found = assert_shape(
            found,
            (n, k),
            what=f"pca_project of {n} points onto {k} components",
            hint="one row per point, one column per component.",
        )
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-9,
            what=f"pca_project of {n} points in {d}-D onto {k} components",
            hint="subtract the mean before projecting (the data sit far from the origin).",
        )


@test_case(points=1, hidden=True)
def test_reconstruct_random(pca_reconstruct):
    gen = np.random.default_rng(2102)
    for n, d, k in [(30, 6, 2), (5, 3, 3)]:
        X = gen.normal(size=(40, d)) + gen.normal(scale=30, size=d)
        mean, Vt, _ = _basis(X)
        Z = gen.normal(size=(n, k))
        expected = np.array([mean + sum(z[j] * Vt[j] for j in range(k)) for z in Z])
        found = call(
            pca_reconstruct, Z, mean, Vt[:k], what=f"{n} codes with {k} components in {d}-D"
        )
        found = assert_shape(found, (n, d), what=f"pca_reconstruct of {n} codes in {d}-D")
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-9,
            what=f"pca_reconstruct of {n} codes with {k} components in {d}-D",
            hint="Z @ components gives the centred point: add the mean (once) to it.",
        )


@test_case(points=2, hidden=True)
def test_round_trip_digits(pca_project, pca_reconstruct):
    table = np.loadtxt(data_file("digits.csv"), delimiter=",", skiprows=1, max_rows=400)
    X = table[:250, :64]
    mean, Vt, var = _basis(X)
    for k in [5, 20, 64]:
        Z = call(pca_project, X, mean, Vt[:k], what=f"250 digits onto {k} components")
        back = call(pca_reconstruct, Z, mean, Vt[:k], what=f"250 digits from {k} components")
        back = assert_shape(
            back, X.shape, what=f"the reconstruction of 250 digits from {k} components"
        )
        error = float(np.sum((X - back) ** 2))
        expected = (len(X) - 1) * float(np.sum(var[k:]))
        assert_close(
            error,
            expected,
            rtol=1e-6,
            atol=1e-6 * np.sum(X**2),
            what=f"the squared reconstruction error of 250 digits with {k} components",
            hint="project with (X - mean) @ V.T and reconstruct with Z @ V + mean; "
            "the error of a correct round trip is (n - 1) times the discarded variance.",
        )
