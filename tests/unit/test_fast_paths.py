"""The fast paths must decide exactly as the slow, reference paths do.

`contest validate` uses fastjsonschema to pass valid documents quickly and
jsonschema to find and explain errors; pull-request mode reads other entries'
titles and addresses from raw bytes instead of parsing them. A fast path that
accepts what the reference refuses would let a bad entry in, so each is
checked against its reference on many hostile variations.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from contestkit import REPO
from jsonschema import Draft7Validator

from site_builder.core import schemas
from site_builder.core.loader import parse
from site_builder.submissions import duplicates

ENTRY_SCHEMA = json.loads((REPO / "schema" / "entry.schema.json").read_text(encoding="utf-8"))


def _example() -> dict[str, Any]:
    text = (REPO / "entries" / "wifi-finder" / "entry.yml").read_text(encoding="utf-8")
    data = parse(text, "entry.yml").data
    assert isinstance(data, dict)
    return data


_ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    1.5,
    10**30,
    "",
    " ",
    "x",
    "a" * 20001,
    "https://x.org",
    "http://x.org",
    "javascript:alert(1)",
    "2015-10-06T00:00:00+09:00",
    [],
    [None],
    ["x"],
    ["x", "x"],
    {},
    {"x": 1},
    "\u0000",
    "＠",
    "no",
    "1e3",
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_paths(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_paths(child, (*path, index)))
    return found


def _variants() -> list[tuple[str, Any]]:
    base = _example()
    variants: list[tuple[str, Any]] = [("unchanged", base)]
    for path in _paths(base):
        if not path:
            continue
        for odd in _ODD_VALUES:
            data = copy.deepcopy(base)
            target = data
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = odd
            variants.append((f"{'.'.join(map(str, path))}={str(odd)[:20]!r}", data))
        if isinstance(path[-1], str):
            data = copy.deepcopy(base)
            target = data
            for part in path[:-1]:
                target = target[part]
            del target[path[-1]]
            variants.append((f"without {'.'.join(map(str, path))}", data))
            target[path[-1] + "_extra"] = "x"
            variants.append((f"extra next to {'.'.join(map(str, path))}", data))
    return variants


@pytest.mark.slow
def test_fastjsonschema_agrees_with_jsonschema_on_every_variant() -> None:
    schema = schemas.schema_from_text("entry.schema.json", json.dumps(ENTRY_SCHEMA))
    assert schema.fast is not None, "the fast validator did not compile the entry schema"
    reference = Draft7Validator(ENTRY_SCHEMA, format_checker=schemas._format_checker())
    disagreements = []
    variants = _variants()
    for name, data in variants:
        reference_valid = not any(True for _ in reference.iter_errors(data))
        try:
            schema.fast(data)
            fast_valid = True
        except Exception:
            fast_valid = False
        if fast_valid != reference_valid:
            disagreements.append((name, reference_valid, fast_valid))
    assert len(variants) > 500
    assert disagreements == []


def test_every_schema_is_valid_draft_07() -> None:
    paths = sorted((REPO / "schema").glob("*.schema.json"))
    assert {p.name for p in paths} >= {f"{name}.schema.json" for name in
                                       ("contest", "entry", "score", "results", "report")}
    for path in paths:
        schemas.check_schema(schemas.schema_from_text(path.name, path.read_text(encoding="utf-8")))


_MANIFESTS = {
    "plain": "title: 우리동네 공공와이파이 찾기\nlinks:\n  service: https://wifi.example.org/\n",
    "quoted": 'title: "따옴표 \\"제목\\""\nlinks:\n  service: "https://q.example.org/"\n',
    "single quoted": "title: '작은''따옴표'\nlinks:\n  service: 'https://s.example.org/'\n",
    "continued": "title: 두 줄로\n  이어지는 제목\nlinks:\n  service: https://c.example.org/\n",
    "continued after blank": "title: 빈 줄\n\n  뒤에 이어짐\nlinks:\n  service: https://b.example.org/\n",
    "comment": "title: 주석 # 붙은 제목\nlinks:\n  service: https://m.example.org/ # 주소\n",
    "flow": "title: 흐름\nlinks: {service: https://f.example.org/, source: https://g.example.org/}\n",
    "crlf": "title: 윈도 줄바꿈\r\nlinks:\r\n  service: https://w.example.org/\r\n",
    "bom": "\ufefftitle: 바이트 순서 표시\nlinks:\n  service: https://o.example.org/\n",
    "escape": 'title: "\\uACF5\\uACF5"\nlinks:\n  service: "https://e.example.org/\\x2F"\n',
    "service in description": (
        "title: 설명 속 키\ndescription: |\n  service: https://fake.example.org/\n"
        "links:\n  service: https://real.example.org/\n"
    ),
    "block title": "title: >-\n  접힌\n  제목\nlinks:\n  service: https://k.example.org/\n",
    "trailing spaces": "title: 뒤 공백   \nlinks:\n  service: https://t.example.org/  \n",
    "tab indent key": "title: 탭\nlinks:\n  service:\thttps://tab.example.org/\n",
}


@pytest.mark.parametrize("name", sorted(_MANIFESTS))
def test_quick_identity_reads_what_the_loader_reads(tmp_path: Path, name: str) -> None:
    text = _MANIFESTS[name]
    folder = tmp_path / "entries" / "sample"
    folder.mkdir(parents=True)
    (folder / "entry.yml").write_bytes(text.encode("utf-8"))
    data = parse(text.removeprefix("\ufeff"), "entry.yml").data
    quick = duplicates.quick_identity(tmp_path, "sample")
    assert quick.title == data["title"]
    assert quick.service == data["links"]["service"]


def test_find_one_matches_find_on_near_duplicates() -> None:
    others = [
        duplicates.Identity(f"e{i}", f"entries/e{i}/entry.yml", title, service)
        for i, (title, service) in enumerate(
            [
                ("공공 와이파이 찾기", "https://www.WiFi.example.org"),
                ("ＡＢＣ 서비스", "https://abc.example.org:443/path/"),
                ("다른 서비스", "https://xn--9n2bp8q.example.org/"),
                ("또 다른 서비스", "https://other.example.org/"),
            ]
        )
    ]
    candidates = [
        duplicates.Identity("new1", "n1", "공공와이파이 찾기", "https://wifi.example.org/"),
        duplicates.Identity("new2", "n2", "abc 서비스", "https://ABC.example.org/path"),
        duplicates.Identity("new3", "n3", "새 서비스", "https://공공.example.org/"),
        duplicates.Identity("new4", "n4", "새 서비스 4", "https://fresh.example.org/"),
    ]
    for candidate in candidates:
        slow = sorted(p.code for p in duplicates.find([candidate], others))
        fast = sorted(p.code for p in duplicates.find_one(candidate, others))
        assert fast == slow, candidate.slug
    assert sorted(p.code for p in duplicates.find_one(candidates[0], others)) == [
        "entry.duplicate-service",
        "entry.duplicate-title",
    ]
