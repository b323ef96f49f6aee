"""GitHub logins: what one looks like.

A login is 1 to 39 letters, digits and single hyphens, neither first nor last
(GitHub's own rule; schema/*.schema.json spell the same pattern). Logins are
case-insensitive on GitHub, so code that compares them casefolds both sides.

`is_login` matches the whole text: Python's ``$`` also matches before a final
line break, so ``re.match("...$", "judge\\n")`` would accept a login with a newline
that then lands in a path or a commit message.
"""

from __future__ import annotations

import re

#: The pattern, without anchors, for embedding in a larger expression.
LOGIN_PATTERN = r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
_LOGIN = re.compile(LOGIN_PATTERN)


def is_login(text: str) -> bool:
    """Whether `text`, all of it, is a GitHub login."""
    return _LOGIN.fullmatch(text) is not None
