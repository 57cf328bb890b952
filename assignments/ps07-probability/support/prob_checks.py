"""Distribution checks shared by this set's tests on random answers.

Shipped beside the notebook (like mlmath_checks.py): it holds no answers, only ways to
compare a student's random draws with a known distribution under a stated error rate.
"""

import numpy as np

from mlmath_checks import ONE_IN_A_BILLION, dkw_bound, to_array


def assert_all_match_cdf(checks, *, alpha=ONE_IN_A_BILLION, hint=""):
    """Several DKW checks (continuous distributions) that together fail a correct answer
    with probability at most ``alpha``.

    ``checks`` is a list of ``(samples, cdf, what)``. By the DKW inequality (Massart's
    constant) a sample of n iid draws has P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2) for
    every n; with k checks each run at level alpha / k, the union bound makes the chance
    that ANY of them fails a correct sampler at most alpha.
    """
    level = alpha / len(checks)
    for samples, cdf, what in checks:
        draws = np.sort(to_array(samples, what).ravel())
        n = draws.size
        if n < 2 or not np.all(np.isfinite(draws)):
            raise AssertionError(f"{what}: expected many finite draws. {hint}".strip())
        expected = np.asarray(cdf(draws), dtype=float)
        distance = float(
            max(
                np.max(np.arange(1, n + 1) / n - expected),
                np.max(expected - np.arange(0, n) / n),
            )
        )
        bound = dkw_bound(n, level)
        if distance > bound:
            raise AssertionError(
                f"{what} do not follow the expected distribution: over {n} draws their "
                f"empirical CDF is {distance:.3g} away from it, more than the {bound:.3g} "
                f"a correct sampler exceeds with probability {level:.2g}. {hint}".strip()
            )


# The scipy.stats methods that every distribution object's pmf/pdf/cdf/... goes through:
# scipy.stats.binom.pmf, poisson.pmf, norm.cdf, beta.pdf, frozen distributions such as
# norm(0, 2).cdf, and any renamed import of them all run one of these functions, so
# forbid_calls catches each of them by its code (checked for scipy 1.17).
SCIPY_STATS = [
    f"scipy.stats._distn_infrastructure.{cls}.{method}"
    for cls in ["rv_discrete", "rv_continuous"]
    for method in ["pmf", "logpmf", "pdf", "logpdf", "cdf", "logcdf", "sf", "logsf", "ppf"]
    if not (cls == "rv_discrete" and method in {"pdf", "logpdf"})
    and not (cls == "rv_continuous" and method in {"pmf", "logpmf"})
] + ["scipy.stats._distn_infrastructure.rv_generic.rvs"]
