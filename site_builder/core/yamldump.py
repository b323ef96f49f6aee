"""Writing YAML that the strict loader reads back exactly as it was written.

The project writes YAML for people to read and edit later (score files, entry
manifests made from the issue form), and reads every YAML file back through
`loader`, whose scalars follow YAML 1.2 core while editors and other tools may
still read YAML 1.1. So a text value is quoted whenever either would read the
plain value as something else (a login ``no``, a slug ``1e3``, a tag ``0o17``),
a multi-line value becomes a literal block (PyYAML falls back to a quoted style
by itself when a block cannot hold the text exactly), and every text written is
read back through the strict loader and compared before it is returned.
"""

from __future__ import annotations

from typing import Any

import yaml

from site_builder.core.loader import LoadFailure, _CoreResolver, parse


class _Dumper(yaml.SafeDumper):
    """SafeDumper (YAML 1.1 resolvers) that also knows the strict loader's 1.2 core ones."""


for _first, _resolvers in _CoreResolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        _Dumper.add_implicit_resolver(_tag, _regexp, [_first])


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # NEL (U+0085) is a line break to YAML 1.1 readers: only an escape keeps it.
    style = '"' if "\x85" in value else ("|" if "\n" in value else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


class DumpError(RuntimeError):
    """The text would not read back as the data: a bug in this module, never bad input."""


def dump(data: Any, display: str) -> str:
    """`data` (dicts in the order to write, lists, text, numbers, booleans) as YAML text."""
    text = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
        width=1 << 16, explicit_start=False,
    )
    try:
        back = parse(text, display).data
    except LoadFailure as failure:  # pragma: no cover - a bug in this module
        raise DumpError(f"{display} does not read back: {failure.problem.code}") from None
    if back != data:  # pragma: no cover - a bug in this module
        raise DumpError(f"{display} reads back differently from what was written")
    return text
