"""CONTRIBUTING.md's module map is the packages' and modules' own docstrings."""

from __future__ import annotations

import tomllib
from pathlib import Path

from site_builder.cli.reference import MAP_BEGIN, MAP_END, PACKAGE, render_modules, with_module_map

REPO = Path(__file__).resolve().parents[2]


def test_contributing_shows_the_current_module_map() -> None:
    committed = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert committed == with_module_map(committed), (
        "CONTRIBUTING.md's module map is out of date: run "
        "`python -m site_builder.cli.reference --modules CONTRIBUTING.md`"
    )


def test_the_map_names_every_module_with_what_it_owns() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 70, "the package was not found"
    rendered = render_modules()
    rows = {line.split(" | ")[0].strip("| `"): line for line in rendered.splitlines()
            if line.startswith("| `")}
    headings = [line for line in rendered.splitlines() if line.startswith("### ")]
    for path in modules:
        if path.name == "__init__.py":
            heading = f"### `{path.parent.relative_to(PACKAGE.parent).as_posix()}/`"
            assert heading in headings, heading
            continue
        assert path.name in rows, f"{path.relative_to(REPO)} is not in the module map"
    for name in ("scoring.py", "reliability.py", "ledger.py", "loader.py"):
        row = rows[name]
        assert row.split(" | ", 1)[1].strip(" |"), f"{name} has no docstring"
    for line in rendered.splitlines():
        if line.startswith("| `"):
            assert not line.endswith("|  |"), f"a module without a docstring: {line}"


def test_the_markers_are_required(tmp_path: Path) -> None:
    document = f"# Title\n\n{MAP_BEGIN}\nstale\n{MAP_END}\n\nAfter.\n"
    updated = with_module_map(document)
    assert "stale" not in updated
    assert updated.startswith("# Title\n\n") and updated.endswith(f"{MAP_END}\n\nAfter.\n")
    assert "| `scoring.py` |" in updated


def test_package_data_names_only_files_that_exist() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    for package, patterns in package_data.items():
        folder = REPO / package.replace(".", "/")
        for pattern in patterns:
            assert list(folder.glob(pattern)), f"package-data {package}: {pattern} matches nothing"
