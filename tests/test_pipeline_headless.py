"""Headless core, thin UI: only medtui.ui may import Textual.

Two checks: a static one (no module outside src/medtui/ui names textual in an import,
even inside a function), and a dynamic one (importing each module in a fresh
interpreter leaves textual out of sys.modules).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "medtui"
UI = PACKAGE / "ui"


def _core_modules() -> list[tuple[str, Path]]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if UI in path.parents:
            continue
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules.append((".".join(parts), path))
    return modules


def _imported_names(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module", "__import__"
        ) and node.args and isinstance(node.args[0], ast.Constant):
            names.append(str(node.args[0].value))
    return names


def test_core_modules_exist() -> None:
    names = {name for name, _ in _core_modules()}
    assert {"medtui.pipeline", "medtui.corpus.model", "medtui.extract.events", "medtui.cli"} <= names


def test_no_core_module_imports_textual_statically() -> None:
    offenders = [
        f"{path.relative_to(SRC)} imports {name}"
        for _, path in _core_modules()
        for name in _imported_names(path)
        if name == "textual" or name.startswith("textual.")
    ]
    assert offenders == []


def test_importing_core_modules_leaves_textual_unloaded() -> None:
    names = [name for name, _ in _core_modules() if not name.endswith("__main__")]  # that one runs the app
    script = (
        "import importlib, json, sys\n"
        "bad = {}\n"
        f"for name in {names!r}:\n"
        "    before = set(sys.modules)\n"
        "    importlib.import_module(name)\n"
        "    new = [m for m in set(sys.modules) - before if m == 'textual' or m.startswith('textual.')]\n"
        "    if new:\n"
        "        bad[name] = sorted(new)[:3]\n"
        "print(json.dumps(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {}


def test_loading_and_exporting_the_seeds_never_loads_textual(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from medtui.pipeline import load_corpus\n"
        "from medtui.export import export_corpus\n"
        "export_corpus(load_corpus(workers=1, cache=False))\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    env = {"MEDTUI_CONFIG_DIR": str(tmp_path), "MEDTUI_DATA_DIR": str(tmp_path),
           "MEDTUI_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
