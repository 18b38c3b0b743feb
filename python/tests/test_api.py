"""The package's surface: the stubs cover it, and everything public has a
docstring."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import vanban

STUB = Path(vanban.__file__).with_name("__init__.pyi")


def _stub_names() -> set:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_the_stubs_and_py_typed_ship() -> None:
    assert STUB.is_file() and STUB.with_name("py.typed").is_file()


def test_the_stubs_declare_every_public_name() -> None:
    assert set(vanban.__all__) <= _stub_names()


def test_the_stubs_declare_every_public_method() -> None:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    stubbed = {
        node.name: {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
        | {m.target.id for m in node.body if isinstance(m, ast.AnnAssign) and isinstance(m.target, ast.Name)}
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }
    for name in vanban.__all__:
        obj = getattr(vanban, name)
        if not inspect.isclass(obj) or issubclass(obj, BaseException):
            continue
        public = {m for m in vars(obj) if not m.startswith("_")}
        missing = public - stubbed[name]
        assert not missing, f"{name}: {sorted(missing)} not in the stubs"


def test_everything_public_has_a_docstring() -> None:
    assert vanban.__doc__
    for name in vanban.__all__:
        obj = getattr(vanban, name)
        if isinstance(obj, (int, tuple)):
            continue
        assert inspect.getdoc(obj), name
        if inspect.isclass(obj):
            for member, value in vars(obj).items():
                if member.startswith("_") or not callable(getattr(value, "__get__", value)):
                    continue
                assert inspect.getdoc(getattr(obj, member)), f"{name}.{member}"
