OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - H = tanh(X W1 + b1), Y_hat = H W2 + b2: test_random_networks; variants "ReLU instead of
#   tanh", "forgets b1".
# - sum over the k outputs, average over the n examples: test_random_networks,
#   test_batch_average; variants "averages over all n*k entries", "no 1/n", "divides by
#   the number of features d instead of n".
# - keeps the 1/2: test_random_networks; variant "forgets the 1/2".
# - any n >= 1, d, h, k (n = 1 and n = 40, k = 1 and k = 3): test_random_networks.
# - returns a float: every case (to_number).

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q9"
points = 4


def random_problem(rng, n, d, h, k):
    params = {
        "W1": rng.normal(scale=1 / np.sqrt(d), size=(d, h)),
        "b1": rng.normal(scale=0.5, size=h),
        "W2": rng.normal(scale=1 / np.sqrt(h), size=(h, k)),
        "b2": rng.normal(scale=0.5, size=k),
    }
    return params, rng.normal(size=(n, d)), rng.normal(size=(n, k))


@test_case(points=1, hidden=False)
def test_zero_weights(mlp_loss):
    # With W1 = 0 and W2 = 0 the network predicts b2 for every input.
    params = {
        "W1": np.zeros((3, 4)),
        "b1": np.zeros(4),
        "W2": np.zeros((4, 1)),
        "b2": np.array([1.0]),
    }
    X = np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 2.0]])
    Y = np.array([[0.0], [3.0]])
    loss = to_number(call(mlp_loss, params, X, Y), what="mlp_loss")
    assert_close(
        loss,
        1.25,
        what="the loss when every prediction is 1 and Y = [0, 3]",
        reveal=True,
        hint="L = (1/(2n)) * sum of squared errors: (1 + 4) / (2 * 2).",
    )


@test_case(points=2, hidden=True)
def test_random_networks(mlp_loss):
    rng = np.random.default_rng(91)
    for n, d, h, k in [(1, 3, 4, 1), (5, 2, 6, 3), (17, 6, 5, 2), (40, 4, 8, 1)]:
        params, X, Y = random_problem(rng, n, d, h, k)
        Y_hat = np.tanh(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
        expected = np.sum((Y_hat - Y) ** 2) / (2 * n)
        what = f"a batch of n = {n} with d = {d}, h = {h}, k = {k}"
        loss = to_number(
            call(mlp_loss, copy.deepcopy(params), X.copy(), Y.copy(), what=what),
            what="the value mlp_loss returned",
        )
        hint = "H = tanh(X @ W1 + b1), Y_hat = H @ W2 + b2, L = sum((Y_hat - Y)**2) / (2n)."
        ratio = loss / expected
        for factor, text in [
            (2.0, "your loss is twice the expected one: keep the 1/2."),
            (
                float(n),
                "your loss is n times the expected one: average over the n examples "
                "(divide by n = X.shape[0]).",
            ),
            (
                1.0 / k,
                "your loss is 1/k of the expected one: sum over the k outputs and "
                "divide by n only, not by n*k (np.mean over the whole matrix divides by n*k).",
            ),
            (
                n / d,
                "your loss is divided by d, the number of features: divide by n = "
                "X.shape[0], the number of examples.",
            ),
        ]:
            if factor != 1.0 and abs(ratio - factor) < 1e-6 * factor:
                hint = text
                break
        assert_close(loss, expected, rtol=1e-9, what=f"the loss for {what}", hint=hint)


@test_case(points=1, hidden=True)
def test_batch_average(mlp_loss):
    rng = np.random.default_rng(92)
    params, X, Y = random_problem(rng, 6, 3, 5, 2)
    once = to_number(call(mlp_loss, copy.deepcopy(params), X.copy(), Y.copy()), what="mlp_loss")
    twice = to_number(
        call(mlp_loss, copy.deepcopy(params), np.vstack([X, X]), np.vstack([Y, Y])), what="mlp_loss"
    )
    assert_close(
        twice,
        once,
        rtol=1e-9,
        what="the loss of a batch repeated twice, compared with the batch itself",
        hint="the loss is an average over the batch: divide by n = X.shape[0].",
    )
    assert once >= 0, f"a squared error cannot be negative, found {once:.3g}."
