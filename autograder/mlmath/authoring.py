"""The marker that solutions/PS/variants.py uses to declare graded variants.

The tooling never imports a variants file: it reads its syntax tree, so the marker only
has to exist for the file to be valid Python. See assignments/AUTHORING.md.
"""


def variant(question, *, wrong=None, correct=None, **constants):
    """Declare a variant of the reference answer for ``question``.

    As a decorator, the decorated function replaces the reference function of the same
    name. As a plain call, each keyword (besides wrong/correct) replaces the reference
    constant of that name: ``variant("q2", wrong="...", HALF_LIFE=3.0)``.
    Exactly one of ``wrong`` (the mistake, in words) or ``correct`` (how this correct
    answer differs) must be given.
    """
    if (wrong is None) == (correct is None):
        raise ValueError("give exactly one of wrong= or correct=")

    def mark(func):
        return func

    return mark
