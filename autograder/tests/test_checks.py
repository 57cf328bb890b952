"""The assertion helpers that every test file uses, and their messages."""

import numpy as np
import pytest

from mlmath.shipped import checks


def test_call_reports_a_stub_in_the_students_terms():
    def sigmoid(x): ...

    with pytest.raises(AssertionError, match="returned None"):
        checks.call(sigmoid, 0.0)


def test_call_reports_a_missing_name_and_a_crash():
    with pytest.raises(AssertionError, match="not defined"):
        checks.call(None, 1.0, name="sigmoid")

    def broken(x):
        return x / 0

    with pytest.raises(AssertionError, match="raised ZeroDivisionError"):
        checks.call(broken, 1)


def test_assert_close_hides_the_expected_value_unless_asked():
    with pytest.raises(AssertionError) as hidden:
        checks.assert_close(1.5, 1.2345678, what="the answer")
    assert "1.23456" not in str(hidden.value)
    with pytest.raises(AssertionError) as public:
        checks.assert_close(1.5, 1.2345678, what="the answer", reveal=True)
    assert "1.23457" in str(public.value)


def test_assert_close_checks_shape_and_overflow():
    with pytest.raises(AssertionError, match=r"shape \(3,\)"):
        checks.assert_close(np.zeros(4), np.zeros(3))
    with pytest.raises(AssertionError, match="inf"):
        checks.assert_close([np.inf, 1.0], [1e300, 1.0])
    checks.assert_close([1, 2, 3], np.array([1.0, 2.0, 3.0]))  # lists and ints are fine


def test_up_to_sign_accepts_either_sign_per_column():
    expected = np.array([[1.0, 0.0], [0.0, 1.0]])
    checks.assert_close_up_to_sign(np.array([[-1.0, 0.0], [0.0, 1.0]]), expected)
    with pytest.raises(AssertionError):
        checks.assert_close_up_to_sign(np.array([[0.0, 1.0], [1.0, 0.0]]), expected)


def test_forbid_calls_sees_through_a_renamed_import():
    from numpy.linalg import eig as harmless_name

    def cheating(matrix):
        return harmless_name(matrix)[0]

    def honest(matrix):
        return np.trace(matrix)

    with pytest.raises(AssertionError, match="numpy.linalg.eig"):
        checks.forbid_calls(["numpy.linalg.eig"], cheating, np.eye(2))
    assert checks.forbid_calls(["numpy.linalg.eig"], honest, np.eye(2)) == 2.0


def test_forbid_calls_sees_scipy_functions_called_through_an_alias():
    import scipy.special as sp

    lse = sp.logsumexp

    def cheating(x):
        return lse(x)

    with pytest.raises(AssertionError, match="scipy.special.logsumexp"):
        checks.forbid_calls(["scipy.special.logsumexp"], cheating, np.ones(3))


def test_rel_error_is_relative():
    assert checks.rel_error(1e6, 1e6 + 1) < 1e-6
    assert checks.rel_error(0.0, 0.0) == 0.0
