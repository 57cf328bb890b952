"""Stubs in a student notebook, definitions in a solution module, and filling one from the other.

A stub is a top-level statement a student completes: ``def f(...):`` whose body is only
a docstring and ``...``; ``NAME = ...``; or a class whose methods are all such stubs.
A definition is any top-level function, class or constant of a solution module.
"""

import ast
from dataclasses import dataclass

from IPython.core.inputtransformer2 import TransformerManager

from ..errors import MlmathError

_transformer = TransformerManager()


@dataclass(frozen=True)
class Definition:
    """A named top-level statement: where it starts and ends (1-based, inclusive)."""

    name: str
    start: int
    end: int
    source: str


def parse_python(source: str, where: str) -> ast.Module:
    try:
        return ast.parse(source)
    except SyntaxError as error:
        raise MlmathError(f"{where}: syntax error at line {error.lineno}: {error.msg}") from None


def parse_cell(source: str, where: str) -> ast.Module | None:
    """Parse a notebook cell, turning IPython magics into Python; None for cell magics."""
    if source.lstrip().startswith("%%"):
        return None
    return parse_python(_transformer.transform_cell(source), where)


def _is_ellipsis(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and _is_ellipsis_value(node.value)


def _is_ellipsis_value(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


def is_docstring(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_stub_function(node: ast.AST) -> bool:
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    body = node.body[1:] if is_docstring(node.body[0]) else node.body
    return len(body) == 1 and _is_ellipsis(body[0])


def _is_stub_class(node: ast.AST) -> bool:
    if not isinstance(node, ast.ClassDef):
        return False
    members = [n for n in node.body if not (is_docstring(n) or _is_ellipsis(n))]
    return all(_is_stub_function(n) for n in members)


def _is_stub_constant(node: ast.AST) -> bool:
    return _single_name(node) is not None and _is_ellipsis_value(node.value)


def _single_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        target = node.target
    else:
        return None
    return target.id if isinstance(target, ast.Name) else None


def is_stub(node: ast.AST) -> bool:
    return _is_stub_function(node) or _is_stub_class(node) or _is_stub_constant(node)


def _span(node: ast.AST) -> tuple[int, int]:
    decorators = getattr(node, "decorator_list", [])
    start = min([node.lineno] + [d.lineno for d in decorators])
    return start, node.end_lineno


def definition_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name
    return _single_name(node)


def _definition(node: ast.AST, lines: list[str]) -> Definition:
    start, end = _span(node)
    return Definition(definition_name(node), start, end, "\n".join(lines[start - 1 : end]))


def cell_stubs(source: str, where: str) -> list[Definition]:
    """The stubs among a cell's top-level statements."""
    tree = parse_cell(source, where)
    if tree is None:
        return []
    lines = source.split("\n")
    return [_definition(node, lines) for node in tree.body if is_stub(node)]


def module_definitions(source: str, where: str) -> dict[str, Definition]:
    """Every top-level definition of a solution module, by name.

    Imports and a module docstring are allowed around them; any other top-level
    statement is an error, since the build could not place it in the notebook.
    """
    tree = parse_python(source, where)
    lines = source.split("\n")
    found: dict[str, Definition] = {}
    for index, node in enumerate(tree.body):
        if isinstance(node, ast.Import | ast.ImportFrom) or (index == 0 and is_docstring(node)):
            continue
        name = definition_name(node)
        if name is None:
            raise MlmathError(
                f"{where}: line {node.lineno} is not a function, class or `NAME = value`; "
                "the build can only place definitions into stubs"
            )
        if name in found:
            raise MlmathError(
                f"{where}: `{name}` is defined twice (lines {found[name].start} and {node.lineno})"
            )
        found[name] = _definition(node, lines)
    return found


def replace_definitions(source: str, spans: list[Definition], replacements: dict[str, str]) -> str:
    """Replace the lines of each named span in ``source`` with its replacement text."""
    lines = source.split("\n")
    for span in sorted(spans, key=lambda d: d.start, reverse=True):
        if span.name in replacements:
            lines[span.start - 1 : span.end] = replacements[span.name].split("\n")
    return "\n".join(lines)
