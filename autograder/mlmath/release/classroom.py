"""A student's repository for one problem set (``dist/classroom/PS/``): the student
release plus CI that checks the committed notebook on every push.

Every step of both CI files runs ``check.py`` (``mlmath/shipped/feedback.py``), the
same script students run themselves, so CI and people never disagree.
"""

import json
from pathlib import Path

from ..course.content import SetContent
from ..shipped import feedback
from .requirements import GRADING_PYTHON
from .student_readme import readme

FEEDBACK_SCRIPT = "check.py"
PROBLEM_SET_FILE = "problemset.json"
NOTEBOOK_TIMEOUT = 600  # seconds the whole notebook may run in one check

GITHUB_WORKFLOW = f"""\
# Feedback on every push: runs the public checks on the committed notebook.
# The steps are `python check.py setup` and `python check.py`, as for people.
name: check

on:
  push:
  pull_request:
  workflow_dispatch:

jobs:
  check:
    name: public checks of the notebook
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "{GRADING_PYTHON}"
          cache: pip
          cache-dependency-path: requirements.txt
      - name: install the pinned packages
        run: python check.py setup
      - name: run the notebook and its public checks
        run: python check.py
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: results
          path: |
            results.json
            feedback.md
"""

GITLAB_CI = f"""\
# Feedback on every push (GitLab): the same two commands as the GitHub workflow.
check:
  image: python:{GRADING_PYTHON}
  variables:
    PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"
  cache:
    key:
      files: [requirements.txt]
    paths: [.cache/pip]
  script:
    - python check.py setup
    - python check.py
  artifacts:
    when: always
    paths: [results.json, feedback.md]
    expose_as: results
"""

GITIGNORE = """\
.venv/
.cache/
__pycache__/
.ipynb_checkpoints/
.OTTER_LOG
results.json
feedback.md
"""


def problem_set_description(content: SetContent) -> bytes:
    """What check.py needs to know about its set, beside it in every release."""
    ps = content.ps
    tests = {info.name: info for info in content.tests}
    questions, owned = {}, set()
    for q in ps.questions:
        info = tests.get(q.name)
        # a stub is the first question's that tests it: a later question composing it
        # is not "not started" because of an earlier one
        names = sorted({p for case in info.cases for p in case.params} - owned) if info else []
        owned.update(names)
        questions[q.name] = {
            "title": q.title,
            "points": q.points,
            "public_points": info.public_points if info else 0.0,
            # each stub as shipped: check.py says "not started" while it is unchanged
            "stubs": {name: content.stubs[name].definition.source for name in names},
        }
    description = {
        "name": ps.name,
        "title": ps.title,
        "notebook": f"{ps.name}.ipynb",
        "timeout": NOTEBOOK_TIMEOUT,
        "questions": questions,
    }
    return (json.dumps(description, indent=2) + "\n").encode()


def check_files(content: SetContent) -> dict[str, bytes]:
    """check.py and what it reads, for every student folder, zip and repository."""
    return {
        FEEDBACK_SCRIPT: Path(feedback.__file__).read_bytes(),
        PROBLEM_SET_FILE: problem_set_description(content),
        "README.md": readme(content),
    }


def classroom_files(content: SetContent, student: dict[str, bytes]) -> dict[str, bytes]:
    """The student release, as a repository with CI and a README about pushing."""
    return {
        **student,
        "README.md": readme(content, classroom=True),
        ".github/workflows/check.yml": GITHUB_WORKFLOW.encode(),
        ".gitlab-ci.yml": GITLAB_CI.encode(),
        ".gitignore": GITIGNORE.encode(),
    }
