"""A YAML syntax error explained as the person who made it sees it.

libyaml reports where it gave up, which is often the line after the mistake,
in its own English ("while scanning a simple key could not find expected
':'"). The common mistakes of hand-written YAML (an unclosed quote, a
missing colon, a wrong indentation, a tab, a colon inside a value, an
unclosed bracket) are recognised here from the error and the tokens read
before it, and located where they were made. Anything else stays the
generic `yaml.syntax` problem of the loader.
"""

from __future__ import annotations

import yaml

from site_builder.core.problems import Problem

_INDENTATION = ("did not find expected key", "expected <block end>", "expected '-' indicator")


def explain(exc: yaml.MarkedYAMLError, display: str, text: str) -> Problem | None:
    """A located problem with a specific message code, or None (not a known mistake)."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark, start = exc.problem_mark, exc.context_mark
    if mark is None:
        return None
    if "end of stream" in problem and "quoted scalar" in context and start is not None:
        quote = text[start.index : start.index + 1]
        return _at(display, text, start.index, "yaml.unclosed-quote", quote=quote)
    if "could not find expected ':'" in problem and start is not None:
        return _at(display, text, _line_start(text, start.index), "yaml.missing-colon")
    if text[mark.index : mark.index + 1] == "\t":
        return _at(display, text, mark.index, "yaml.tab")
    if "flow" in context and start is not None and "did not find expected" in problem:
        bracket = text[start.index : start.index + 1]
        return _at(display, text, start.index, "yaml.unclosed-bracket", bracket=bracket)
    if "mapping values are not allowed" in problem:
        return _colon(display, text, mark.index)
    if any(fragment in problem for fragment in _INDENTATION):
        return _after_value(display, text, mark.index)
    return None


def _colon(display: str, text: str, index: int) -> Problem:
    """': ' where no key may start: inside a value, or after a value that went on."""
    scalar = _last_token(text, index, yaml.ScalarToken)
    if scalar is None or _line_of(text, scalar.start_mark.index) == _line_of(text, index):
        return _at(display, text, index, "yaml.colon-in-value")
    # A plain value that runs over lines until this ': '. When it began a line of
    # its own, that line was meant as `key: value` and lost its colon; when it
    # began after a key, this line was meant as a key and is indented too deep.
    begin = scalar.start_mark.index
    if text[_line_start(text, begin) : begin].strip() == "":
        return _at(display, text, _line_start(text, begin), "yaml.missing-colon")
    return _at(display, text, _first_char(text, index), "yaml.bad-indent")


def _after_value(display: str, text: str, index: int) -> Problem:
    scalar = _last_token(text, index, yaml.ScalarToken)
    style = getattr(scalar, "style", None)
    if scalar is not None and style in ('"', "'"):
        begin = scalar.start_mark.index
        if _line_of(text, begin) != _line_of(text, scalar.end_mark.index):
            # A quote left open runs until the next quote, meant to open a
            # later value, and the parser stumbles on what follows.
            return _at(display, text, begin, "yaml.unclosed-quote", quote=str(style))
        if _line_of(text, begin) == _line_of(text, index):
            return _at(display, text, index, "yaml.text-after-quote", quote=str(style))
    return _at(display, text, _first_char(text, index), "yaml.bad-indent")


def _last_token(text: str, index: int, kind: type[yaml.Token]) -> yaml.Token | None:
    """The last token of `kind` that ends at or before `index`, scanning up to there."""
    found: yaml.Token | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.CSafeLoader):
            if token.end_mark.index > index:
                break
            if isinstance(token, kind):
                found = token
    except yaml.YAMLError:
        pass
    return found


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def _line_start(text: str, index: int) -> int:
    start = text.rfind("\n", 0, index) + 1
    return start + len(text[start:index]) - len(text[start:index].lstrip(" "))


def _first_char(text: str, index: int) -> int:
    start = text.rfind("\n", 0, index) + 1
    line = text[start:index]
    return start + len(line) - len(line.lstrip(" \t"))


def _at(display: str, text: str, index: int, code: str, **params: str) -> Problem:
    line = _line_of(text, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Problem(display, line, column, code, {"line": line, **params})
