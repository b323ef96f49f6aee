"""`contest validate` catches an issue form whose choices drifted from the contest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from contestkit import REPO, copy_from_checkout, invoke_contest

from site_builder.core import messages

FORM = ".github/ISSUE_TEMPLATE/entry.yml"


def _contest(tmp_path: Path) -> Path:
    copy_from_checkout(tmp_path, "contest.yml", "schema")
    (tmp_path / FORM).parent.mkdir(parents=True)
    shutil.copy(REPO / FORM, tmp_path / FORM)
    return tmp_path


def _validate(root: Path) -> tuple[int, list[dict[str, object]]]:
    result = invoke_contest(["--root", str(root), "validate", "--format", "json"], root)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)["problems"]


def test_the_shipped_form_matches_the_example_contest(tmp_path: Path) -> None:
    code, problems = _validate(_contest(tmp_path))
    assert (code, problems) == (0, [])


def test_a_category_renamed_in_contest_yml_but_not_in_the_form_is_reported(
    tmp_path: Path,
) -> None:
    root = _contest(tmp_path)
    text = (root / "contest.yml").read_text(encoding="utf-8")
    (root / "contest.yml").write_text(text.replace("id: environment", "id: energy"), "utf-8")
    code, problems = _validate(root)
    assert code == 1
    [problem] = problems
    assert problem["file"] == FORM and problem["code"] == "form.choices-drift"
    assert "energy" in str(problem["message"]) and "environment" in str(problem["message"])


def test_a_form_intake_cannot_read_is_reported(tmp_path: Path) -> None:
    root = _contest(tmp_path)
    text = (root / FORM).read_text(encoding="utf-8")
    (root / FORM).write_text(text.replace("(links.service)", "(서비스)"), "utf-8")
    code, problems = _validate(root)
    assert code == 1
    assert [p["code"] for p in problems] == ["form.unreadable"]


def test_why_intake_cannot_read_the_form_is_said_in_the_contests_language(
    tmp_path: Path,
) -> None:
    root = _contest(tmp_path)
    text = (root / FORM).read_text(encoding="utf-8")
    (root / FORM).write_text(text.replace("(links.service)", "(서비스)"), "utf-8")
    _, [problem] = _validate(root)
    detail = messages.render("form.label-without-key", "ko",
                             {"file": FORM, "label": repr("서비스 주소 (서비스)")})
    assert problem["message"] == messages.render("form.unreadable", "ko", {"detail": detail})
