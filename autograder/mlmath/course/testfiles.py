"""Read otter exception-format test files, and write their public-only student copies."""

import ast
from dataclasses import dataclass
from pathlib import Path

from ..errors import MlmathError
from .stubs import parse_python


@dataclass(frozen=True)
class CaseInfo:
    function: str
    hidden: bool
    points: float
    params: tuple[str, ...]
    node: ast.FunctionDef


@dataclass(frozen=True)
class TestFileInfo:
    path: Path
    name: str
    source: str
    tree: ast.Module
    cases: tuple[CaseInfo, ...]

    @property
    def points(self) -> float:
        return sum(c.points for c in self.cases)

    @property
    def public_points(self) -> float:
        return sum(c.points for c in self.cases if not c.hidden)

    @property
    def random(self) -> bool:
        """Whether the tests draw their inputs from mlmath_checks.rng (random answers):
        validation then replays them under many seeds."""
        return any(
            isinstance(node, ast.ImportFrom)
            and node.module == "mlmath_checks"
            and any(alias.name == "rng" for alias in node.names)
            for node in self.tree.body
        )

    def segment(self, node: ast.AST) -> str:
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        return "\n".join(self.source.split("\n")[start - 1 : node.end_lineno])


def _test_case_decorator(node: ast.AST) -> ast.Call | None:
    for decorator in getattr(node, "decorator_list", []):
        if isinstance(decorator, ast.Call):
            func = decorator.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == "test_case":
                return decorator
    return None


def _literal_keywords(call: ast.Call, where: str) -> dict:
    values = {}
    for keyword in call.keywords:
        try:
            values[keyword.arg] = ast.literal_eval(keyword.value)
        except ValueError:
            raise MlmathError(
                f"{where} line {call.lineno}: test_case({keyword.arg}=...) must be a literal"
            ) from None
    return values


def _assigned(tree: ast.Module, name: str):
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    return None


def read_test_file(path: Path) -> TestFileInfo:
    where = str(path)
    if not path.exists():
        raise MlmathError(f"missing test file {path}")
    source = path.read_text()
    tree = parse_python(source, where)
    if _assigned(tree, "OK_FORMAT") is not False:
        raise MlmathError(f"{where}: set OK_FORMAT = False (otter's exception-based format)")
    name = _assigned(tree, "name")
    if name != path.stem:
        raise MlmathError(f"{where}: name = {name!r} should be {path.stem!r}")
    cases = []
    for node in tree.body:
        decorator = _test_case_decorator(node)
        if decorator is None:
            continue
        options = _literal_keywords(decorator, where)
        for required in ("points", "hidden"):
            if required not in options:
                raise MlmathError(
                    f"{where} line {node.lineno}: test case `{node.name}` must set {required}="
                )
        params = tuple(a.arg for a in node.args.args)
        cases.append(
            CaseInfo(node.name, bool(options["hidden"]), float(options["points"]), params, node)
        )
    if not cases:
        raise MlmathError(f"{where}: no test cases")
    return TestFileInfo(path, name, source, tree, tuple(cases))


def _names_used(nodes) -> set[str]:
    return {n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name)}


def public_source(info: TestFileInfo) -> str:
    """The student's copy: imports, the file's name, its public cases and what they use.

    Hidden cases go, and so does every top-level helper that only hidden cases use;
    the total ``points`` goes too, since each case carries its own points.
    """
    public = [c for c in info.cases if not c.hidden]
    return render_nodes(info, statements_for(info, public, keep_header=True))


def statements_for(info: TestFileInfo, cases, keep_header: bool) -> list[ast.AST]:
    """The file's top-level statements that ``cases`` need, in the file's order: its
    imports, those cases, and the helpers and constants they use (transitively); with
    ``keep_header``, also its docstring and its ``OK_FORMAT`` and ``name`` lines."""
    chosen = [c.node for c in cases]
    cases_nodes = {c.node for c in info.cases}
    helpers: dict[str, list[ast.AST]] = {}
    for node in info.tree.body:
        if node in cases_nodes or _test_case_decorator(node) is not None:
            continue
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            helpers.setdefault(node.name, []).append(node)
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id not in HEADER_NAMES:
                    helpers.setdefault(target.id, []).append(node)
    needed, frontier = set(), _names_used(chosen)
    while frontier:
        name = frontier.pop()
        if name in helpers and name not in needed:
            needed.add(name)
            frontier |= _names_used(helpers[name])
    kept_helpers = {id(node) for name in needed for node in helpers[name]}
    kept = []
    for index, node in enumerate(info.tree.body):
        header = (index == 0 and isinstance(node, ast.Expr)) or (
            isinstance(node, ast.Assign) and _targets(node) & {"OK_FORMAT", "name"}
        )
        if (
            (keep_header and header)
            or isinstance(node, ast.Import | ast.ImportFrom)
            or node in chosen
            or id(node) in kept_helpers
        ):
            kept.append(node)
    return kept


HEADER_NAMES = ("OK_FORMAT", "name", "points")


def render_nodes(info: TestFileInfo, nodes: list[ast.AST], segment=None) -> str:
    """The source of ``nodes`` (top-level statements of the file), with the file's own
    spacing: imports together, two blank lines around definitions."""
    segment = segment or info.segment
    text, previous = "", None
    for node in nodes:
        if previous is None:
            gap = ""
        elif isinstance(node, ast.FunctionDef | ast.ClassDef) or isinstance(
            previous, ast.FunctionDef | ast.ClassDef
        ):
            gap = "\n\n\n"
        elif _same_import_block(previous, node):
            gap = "\n"
        else:
            gap = "\n\n"
        text += gap + segment(node)
        previous = node
    return text + "\n"


def _same_import_block(previous: ast.AST, node: ast.AST) -> bool:
    imports = ast.Import | ast.ImportFrom
    return (
        isinstance(previous, imports)
        and isinstance(node, imports)
        and (node.lineno == previous.end_lineno + 1)
    )


def _targets(node: ast.Assign) -> set[str]:
    return {t.id for t in node.targets if isinstance(t, ast.Name)}


def _module_constants(tree: ast.Module) -> dict[str, ast.AST]:
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value
    return constants


def _constant_value(node: ast.AST, env: dict):
    """A constant expression of the course's own test code (literals, comprehensions and
    other constants in ``env``), evaluated with no builtins; None if it is not one."""
    try:
        return ast.literal_eval(node)
    except ValueError:
        pass
    try:
        code = compile(ast.Expression(node), "<constant>", "eval")
        return eval(code, {"__builtins__": {}}, dict(env))
    except Exception:  # it needs a name that is not a constant
        return None


def _constants(constants: dict[str, ast.AST], known: dict | None = None) -> dict:
    """The values of the module constants that are constant expressions, in order,
    given the ``known`` values of names they may use."""
    env = dict(known or {})
    for name, node in constants.items():
        value = _constant_value(node, env)
        if value is not None:
            env[name] = value
    return env


def forbidden_names(
    source: str, where: str = "<test>", modules: dict[str, str] | None = None
) -> set[str]:
    """The library functions a test file forbids: the first argument of each
    ``forbid_calls(...)``, a literal list or a module constant holding one (of the test
    file, or imported from one of the set's support ``modules``, name -> source). The
    grading engine must know them before any student code runs: anything else is an
    error."""
    tree = parse_python(source, where)
    imported = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in (modules or {}):
            theirs = _constants(_module_constants(parse_python(modules[node.module], node.module)))
            for alias in node.names:
                if alias.name in theirs:
                    imported[alias.asname or alias.name] = theirs[alias.name]
    env = _constants(_module_constants(tree), imported)
    names: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if called != "forbid_calls" or not node.args:
            continue
        value = _constant_value(node.args[0], env)
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise MlmathError(
                f"{where} line {node.lineno}: forbid_calls needs a literal list of dotted "
                "names (or a module constant holding one)"
            )
        names.update(value)
    # a list of dotted names kept in a constant may reach forbid_calls through a helper
    # (a support module's, say): watching it too costs nothing, since the grader counts
    # a watched function only inside a forbid_calls call that forbids it
    for value in env.values():
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
            names.update(v for v in value if "." in v and " " not in v)
    return names
