"""Team membership in its one home (site_builder.submissions.teams)."""

from __future__ import annotations

import random

from site_builder.submissions.teams import is_member, login_pattern, may_name, team_logins

MANIFEST = {"team": {"name": "N", "members": [{"name": "A", "github": "Kim-Existing"},
                                               {"name": "B", "github": "hong-gildong"}]}}


def test_team_logins_are_casefolded_and_read_leniently() -> None:
    assert team_logins(MANIFEST) == {"kim-existing", "hong-gildong"}
    assert team_logins({"team": {"members": [{"github": 3}, "x", {"name": "no login"}]}}) == set()
    assert team_logins({"team": "not a mapping"}) == set()
    assert team_logins(None) == set()


def test_is_member_ignores_case() -> None:
    assert is_member(MANIFEST, "KIM-EXISTING")
    assert is_member(MANIFEST, "kim-existing")
    assert not is_member(MANIFEST, "mallory")
    assert not is_member(None, "kim-existing")


def test_one_search_for_many_logins_agrees_with_a_search_per_login() -> None:
    """The history's fast path (`login_pattern`) answers exactly as `may_name` without it."""
    rng = random.Random(29)
    logins = {f"{rng.choice(['judge', 'jd', 'kim', 'k'])}-{n}" for n in range(150)}
    logins |= {"sk-ff", "jss", "ahn"}
    pattern = login_pattern(logins)
    pieces = [*sorted(logins)[:20], "ſ", "K", "ß", "가", "\\x61", "\\\n  ", "-", " ", "\n",
              "github: ", "judge", "kim-1", "KIM-1", "a", "s", "h", "n"]
    agreed = found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))).encode()
        slow = may_name(text, logins)
        assert may_name(text, logins, pattern) == slow, text
        agreed += 1
        found += slow
    assert agreed == 5000 and 100 < found < 4900  # both answers were exercised
