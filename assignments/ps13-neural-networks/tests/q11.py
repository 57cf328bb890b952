OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - for each batch, IN THE ORDER GIVEN, loss_and_grad(params, X[idx], y[idx]) then the
#   update params <- params - learning_rate * grads, every parameter of every layer:
#   test_matches_oracle; variants "gradient ascent (+=)", "one update per epoch with the
#   averaged gradient", "walks the batches in reverse order", "ignores the batches (the
#   whole X at every step)", "ignores the learning rate (0.1)".
# - losses: one per batch, the loss loss_and_grad returned BEFORE that batch's update:
#   test_losses; variant "records the loss after the update (calls loss_and_grad again)".
# - returns new parameters and leaves the input list and its arrays unchanged:
#   test_params_unchanged; variant "updates the caller's arrays in place (-=)".
# - with a correct loss_and_grad, 5 epochs of this loop train a 64-32-10 ReLU network to at
#   least 90% accuracy on 297 held-out digits: test_digits. The loss_and_grad, the
#   initialization and the batches are the tests' own (Questions 5 to 8 and 10 cost
#   nothing here); only train_epoch is yours.

import copy

import numpy as np
import pandas as pd
from otter.test_files import test_case

from mlmath_checks import assert_close, call, data_file

name = "q11"
points = 7


def quadratic_loss_and_grad(params, Xb, yb):
    # L = 0.5 * ||W||^2 + 0.5 * ||b||^2 + mean(Xb) * sum(b): a gradient you can follow by hand.
    W, b = np.asarray(params[0]["W"], dtype=float), np.asarray(params[0]["b"], dtype=float)
    shift = float(np.mean(Xb))
    loss = 0.5 * np.sum(W**2) + 0.5 * np.sum(b**2) + shift * np.sum(b)
    return float(loss), [{"W": W.copy(), "b": b + shift}]


def network(rng, sizes, gain=2.0):
    return [
        {"W": rng.normal(scale=np.sqrt(gain / a), size=(a, b)), "b": np.zeros(b)}
        for a, b in zip(sizes[:-1], sizes[1:], strict=True)
    ]


def make_loss_and_grad(activation, activation_grad):
    def loss_and_grad(params, Xb, yb):
        Xb = np.asarray(Xb, dtype=float)
        yb = np.asarray(yb, dtype=int)
        As, Zs, A = [], [], Xb
        for l, layer in enumerate(params):
            As.append(A)
            Zs.append(A @ np.asarray(layer["W"]) + np.asarray(layer["b"]))
            if l < len(params) - 1:
                A = activation(Zs[-1])
        Z = Zs[-1]
        m = Z.max(axis=1, keepdims=True)
        log_p = Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
        n = len(yb)
        loss = -float(np.mean(log_p[np.arange(n), yb]))
        dZ = np.exp(log_p)
        dZ[np.arange(n), yb] -= 1
        dZ /= n
        grads = [None] * len(params)
        for l in range(len(params) - 1, -1, -1):
            grads[l] = {"W": As[l].T @ dZ, "b": dZ.sum(axis=0)}
            if l:
                dZ = (dZ @ np.asarray(params[l]["W"]).T) * activation_grad(Zs[l - 1])
        return loss, grads

    return loss_and_grad


def reference_epoch(params, X, y, batches, learning_rate, loss_and_grad, whole=False):
    params = copy.deepcopy(params)
    losses = []
    for idx in batches:
        loss, grads = loss_and_grad(params, X if whole else X[idx], y if whole else y[idx])
        losses.append(loss)
        params = [
            {k: layer[k] - learning_rate * g[k] for k in layer}
            for layer, g in zip(params, grads, strict=True)
        ]
    return params, losses


def epoch_of(train_epoch, params, X, y, batches, learning_rate, loss_and_grad, what):
    result = call(
        train_epoch,
        copy.deepcopy(params),
        X.copy(),
        y.copy(),
        [b.copy() for b in batches],
        learning_rate,
        loss_and_grad,
        what=what,
    )
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError("train_epoch should return a pair (new_params, losses).")
    new, losses = result
    if not isinstance(new, (list, tuple)) or len(new) != len(params):
        raise AssertionError(f"new_params should be a list of {len(params)} layers, like params.")
    for l, layer in enumerate(new):
        if not isinstance(layer, dict) or set(layer) != set(params[l]):
            raise AssertionError(f'layer {l} of new_params should be a dict with keys "W" and "b".')
    return [{k: np.asarray(v, dtype=float) for k, v in layer.items()} for layer in new], losses


def tanh_grad(z):
    return 1 - np.tanh(z) ** 2


def random_problem(seed):
    rng = np.random.default_rng(seed)
    sizes = [4, 6, 3]
    params = network(rng, sizes, gain=1.0)
    X = rng.normal(size=(30, 4))
    y = rng.integers(0, 3, size=30)
    order = rng.permutation(30)
    batches = [order[:8], order[8:16], order[16:24], order[24:]]
    return params, X, y, batches, make_loss_and_grad(np.tanh, tanh_grad)


@test_case(points=2, hidden=False)
def test_one_batch_by_hand(train_epoch):
    params = [{"W": np.array([[2.0]]), "b": np.array([1.0])}]
    X = np.array([[1.0], [3.0], [5.0]])
    y = np.array([0, 0, 0])
    new, losses = epoch_of(
        train_epoch,
        params,
        X,
        y,
        [np.array([0, 1])],
        0.5,
        quadratic_loss_and_grad,
        "one batch [0, 1], learning rate 0.5",
    )
    # loss 0.5*4 + 0.5*1 + 2*1 = 4.5; grads W: 2, b: 1 + 2 = 3; W = 2 - 1 = 1, b = 1 - 1.5 = -0.5
    assert_close(
        new[0]["W"],
        [[1.0]],
        what="W after one step",
        reveal=True,
        hint="W <- W - learning_rate * dW = 2 - 0.5 * 2.",
    )
    assert_close(
        new[0]["b"],
        [-0.5],
        what="b after one step",
        reveal=True,
        hint="b <- b - learning_rate * db = 1 - 0.5 * 3 (X[[0, 1]] has mean 2).",
    )
    assert_close(
        np.asarray(losses, dtype=float),
        [4.5],
        what="the losses of the epoch",
        reveal=True,
        hint="one loss per batch, the one loss_and_grad returned before the update.",
    )


@test_case(points=2, hidden=True)
def test_matches_oracle(train_epoch):
    for seed, learning_rate in [(111, 0.3), (112, 1.7)]:
        params, X, y, batches, loss_and_grad = random_problem(seed)
        expected, _ = reference_epoch(params, X, y, batches, learning_rate, loss_and_grad)
        what = f"4 batches of a 4-6-3 tanh network, learning rate {learning_rate}"
        new, _ = epoch_of(train_epoch, params, X, y, batches, learning_rate, loss_and_grad, what)
        hint = (
            "for each batch in order: loss, grads = loss_and_grad(params, X[idx], y[idx]), then "
            "params <- params - learning_rate * grads, before the next batch."
        )
        known = [  # what a known mistake would return, to choose the hint by the evidence
            (params, "your parameters did not move: return the updated parameters."),
            (
                reference_epoch(params, X, y, batches, -learning_rate, loss_and_grad)[0],
                "your parameters moved uphill: step against the gradient, "
                "params - learning_rate * grads.",
            ),
            (
                reference_epoch(params, X, y, batches, 0.1, loss_and_grad)[0],
                "your step does not depend on the learning_rate argument: use it.",
            ),
            (
                reference_epoch(params, X, y, batches, learning_rate, loss_and_grad, True)[0],
                "each step used the whole data set: use only the batch, X[idx] and y[idx].",
            ),
        ]
        for candidate, text in known:
            if all(
                np.allclose(new[l][k], candidate[l][k], rtol=1e-9, atol=1e-12)
                for l in range(2)
                for k in "Wb"
            ):
                hint = text
                break
        for l in range(2):
            for k in "Wb":
                assert_close(
                    new[l][k],
                    expected[l][k],
                    rtol=1e-9,
                    atol=1e-12,
                    what=f'layer {l}\'s "{k}" after {what}',
                    hint=hint,
                )


@test_case(points=1, hidden=True)
def test_losses(train_epoch):
    # The losses are compared with what loss_and_grad returned to YOUR loop, call by call,
    # so this case checks only the bookkeeping, whatever your updates do.
    params, X, y, batches, loss_and_grad = random_problem(113)
    returned = []

    def recording(p, Xb, yb):
        loss, grads = loss_and_grad(p, Xb, yb)
        returned.append(loss)
        return loss, grads

    _, losses = epoch_of(
        train_epoch, params, X, y, batches, 0.8, recording, "4 batches of a 4-6-3 tanh network"
    )
    losses = np.asarray(losses, dtype=float).ravel()
    assert losses.shape == (4,), f"there should be one loss per batch (4), found {losses.size}."
    assert len(returned) == 4, (
        f"train_epoch called loss_and_grad {len(returned)} times for 4 batches: call it once per "
        "batch, and keep the loss of that call (computed before the update)."
    )
    assert_close(
        losses,
        returned,
        rtol=1e-12,
        what="the batch losses of the epoch",
        hint="losses[i] is the loss that loss_and_grad returned for batch i.",
    )


@test_case(points=1, hidden=True)
def test_params_unchanged(train_epoch):
    params, X, y, batches, loss_and_grad = random_problem(114)
    keep = copy.deepcopy(params)
    result = call(train_epoch, params, X, y, batches, 0.5, loss_and_grad, what="a 4-6-3 network")
    same = all(np.array_equal(params[l][k], keep[l][k]) for l in range(2) for k in "Wb")
    assert same, (
        "train_epoch changed the parameters it was given: build new arrays "
        "(W = W - learning_rate * dW) and leave the caller's untouched."
    )
    assert isinstance(result, (tuple, list)) and len(result) == 2, (
        "train_epoch should return a pair."
    )


@test_case(points=1, hidden=True)
def test_digits(train_epoch):
    digits = pd.read_csv(data_file("digits.csv"))
    X = digits.drop(columns="digit").to_numpy(float) / 16.0
    y = digits["digit"].to_numpy(int)
    rng = np.random.default_rng(115)
    order = rng.permutation(len(y))
    train, held_out = order[:1500], order[1500:]
    params = network(rng, [64, 32, 10])
    loss_and_grad = make_loss_and_grad(
        lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)
    )
    X_train, y_train = X[train], y[train]
    for epoch in range(5):
        shuffled = rng.permutation(len(train))
        batches = [shuffled[i : i + 50] for i in range(0, len(train), 50)]
        params, _ = epoch_of(
            train_epoch,
            params,
            X_train,
            y_train,
            batches,
            0.5,
            loss_and_grad,
            f"epoch {epoch + 1} on 1,500 digits",
        )
    A = X[held_out]
    for l, layer in enumerate(params):
        A = A @ layer["W"] + layer["b"]
        if l < len(params) - 1:
            A = np.maximum(A, 0.0)
    accuracy = float(np.mean(A.argmax(axis=1) == y[held_out]))
    assert accuracy >= 0.9, (
        f"after 5 epochs of train_epoch (batches of 50, learning rate 0.5, a correct "
        f"loss_and_grad) the network classifies {accuracy:.1%} of the 297 held-out digits "
        "correctly; a correct train_epoch reaches at least 90%. Check the sign of the update "
        "(params minus learning_rate times grads) and that every batch makes its own step."
    )
