"""Read a solutions/PS/variants.py file into variants, without importing it."""

import ast
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MlmathError
from .stubs import parse_python

KINDS = ("wrong", "correct")


@dataclass(frozen=True)
class Variant:
    """The reference solution with some definitions replaced."""

    question: str
    kind: str  # "wrong" or "correct"
    description: str
    replacements: dict[str, str] = field(hash=False)
    line: int = 0

    @property
    def label(self) -> str:
        return f"{self.question} {self.kind} (line {self.line}): {self.description}"

    @property
    def slug(self) -> str:
        return f"{self.question}-{self.kind}-line{self.line}"


@dataclass(frozen=True)
class VariantFile:
    imports: str  # import statements the variants need, to add to the reference
    variants: list[Variant]


def _marker_call(node: ast.AST) -> ast.Call | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "variant":
        return node
    return None


def _read_marker(call: ast.Call, where: str) -> tuple[str, str, str, dict[str, ast.AST]]:
    if len(call.args) != 1 or not isinstance(call.args[0], ast.Constant):
        raise MlmathError(
            f"{where} line {call.lineno}: variant() takes the question first, "
            'e.g. variant("q3", wrong="...")'
        )
    question = call.args[0].value
    kinds = {k.arg: k.value for k in call.keywords if k.arg in KINDS}
    constants = {k.arg: k.value for k in call.keywords if k.arg not in KINDS}
    if len(kinds) != 1:
        raise MlmathError(f"{where} line {call.lineno}: give exactly one of wrong= or correct=")
    ((kind, described),) = kinds.items()
    if not (isinstance(described, ast.Constant) and isinstance(described.value, str)):
        raise MlmathError(f"{where} line {call.lineno}: {kind}= must be a string")
    return question, kind, described.value, constants


def read_variants(path: Path) -> VariantFile:
    """Parse the variants of one problem set; a missing file means no variants."""
    if not path.exists():
        return VariantFile("", [])
    where = str(path)
    source = path.read_text()
    tree = parse_python(source, where)
    imports, variants = [], []
    for index, node in enumerate(tree.body):
        if isinstance(node, ast.Import | ast.ImportFrom):
            if not (getattr(node, "module", None) or "").startswith("mlmath"):
                imports.append(ast.get_source_segment(source, node))
            continue
        if index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            markers = [_marker_call(d) for d in node.decorator_list]
            if len(node.decorator_list) != 1 or markers[0] is None:
                raise MlmathError(
                    f"{where} line {node.lineno}: `{node.name}` needs exactly one "
                    "decorator, @variant(...)"
                )
            question, kind, description, constants = _read_marker(markers[0], where)
            if constants:
                raise MlmathError(
                    f"{where} line {node.lineno}: a decorated variant takes no constants"
                )
            lines = source.split("\n")[node.lineno - 1 : node.end_lineno]
            replacements = {node.name: "\n".join(lines)}
            line = node.decorator_list[0].lineno
        elif isinstance(node, ast.Expr) and _marker_call(node.value):
            question, kind, description, constants = _read_marker(node.value, where)
            if not constants:
                raise MlmathError(
                    f"{where} line {node.lineno}: name the constant it replaces, "
                    'e.g. variant("q2", wrong="...", RATE=0.5)'
                )
            replacements = {
                name: f"{name} = {ast.get_source_segment(source, value)}"
                for name, value in constants.items()
            }
            line = node.lineno
        else:
            raise MlmathError(
                f"{where} line {node.lineno}: only imports and @variant "
                "definitions belong in a variants file"
            )
        variants.append(Variant(question, kind, description, replacements, line))
    return VariantFile("\n".join(imports), variants)
