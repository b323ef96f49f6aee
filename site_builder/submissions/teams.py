"""Who is on an entry's team: the one place that reads ``team.members[].github``.

Manifests are read leniently here: an entry merged under an older schema, or one
that fails today's, must still name its own team, both to keep its members from
judging it and to let them edit it. GitHub logins are case-insensitive, so teams
are sets of casefolded logins.
"""

from __future__ import annotations


def team_logins(data: object) -> frozenset[str]:
    """Casefolded GitHub logins of the team in manifest data (any shape)."""
    if not isinstance(data, dict) or not isinstance(data.get("team"), dict):
        return frozenset()
    members = data["team"].get("members")
    if not isinstance(members, list):
        return frozenset()
    return frozenset(
        m["github"].casefold()
        for m in members
        if isinstance(m, dict) and isinstance(m.get("github"), str)
    )


def is_member(data: object, login: str) -> bool:
    """Whether `login` is on the team in manifest data (any shape), in any case."""
    return login.casefold() in team_logins(data)
