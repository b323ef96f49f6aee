"""The GitHub login pattern, in its one home (site_builder.core.logins)."""

from __future__ import annotations

import pytest

from site_builder.core.logins import is_login


@pytest.mark.parametrize("login", ["a", "judge-kim", "A1-b2-C3", "x" * 39])
def test_logins_github_allows(login: str) -> None:
    assert is_login(login)


@pytest.mark.parametrize("text", [
    "", "-judge", "judge-", "ju--dge", "x" * 40, "judge kim", "judge_kim", "심사위원",
    # `$` matches before a final line break; a login must not end with one.
    "judge-kim\n", "judge-kim\r\n", "\njudge-kim",
])
def test_logins_refused(text: str) -> None:
    assert not is_login(text)


def test_logins_score_path_refuses_a_login_with_a_final_newline() -> None:
    from site_builder.judging.ledger import score_path

    assert score_path("first", "bus-stop", "Judge-Kim") == "scores/first/bus-stop/judge-kim.yml"
    with pytest.raises(ValueError, match="not a score path"):
        score_path("first", "bus-stop", "judge-kim\n")
