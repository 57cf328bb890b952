"""The sandbox a submission runs in.

runtime/ is what runs inside it (mounted read-only at /opt/mlmath/runtime; its modules
import only each other and the standard library); isolation.py and cgroups.py build it
from the grader's side: bubblewrap namespaces, an unprivileged user, resource limits.
"""
