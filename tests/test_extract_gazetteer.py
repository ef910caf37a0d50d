"""The gazetteer: shipped data, user files that extend or override it, and warnings for bad files."""

from __future__ import annotations

import ast
from pathlib import Path

from medtui.corpus.model import INSTITUTION_KINDS
from medtui.extract.gazetteer import load_gazetteer
from medtui.extract.names import guess_kind, is_acronym, name_key

SRC = Path(__file__).resolve().parents[1] / "src" / "medtui"


def write(tmp_path: Path, text: str, name: str = "gazetteer.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_gazetteer_is_valid() -> None:
    gaz = load_gazetteer()
    assert gaz.warnings == []
    assert len(gaz.entries) > 50
    for entry in gaz.entries.values():
        assert entry.kind in INSTITUTION_KINDS
        assert entry.parent is None or entry.parent in gaz.entries, entry.id
    assert gaz.lookup("the hong kong university of science and technology") == "hkust"
    assert gaz.lookup("HKUST") == "hkust"


def test_user_file_adds_institutions_and_names(tmp_path: Path) -> None:
    path = write(tmp_path, """
institutions:
  - id: lakeshore
    name: Lakeshore University
    kind: university
    aliases: [LSU]
    former_names: [Lakeshore College of Health Sciences]
  - id: hkust
    aliases: [Kwong Tong University]
""")
    gaz = load_gazetteer([path])
    assert gaz.warnings == []
    assert gaz.lookup("Lakeshore College of Health Sciences") == "lakeshore"
    assert gaz.lookup("LSU") == "lakeshore"
    assert gaz.entries["lakeshore"].names() == ["Lakeshore University", "LSU", "Lakeshore College of Health Sciences"]
    hkust = gaz.entries["hkust"]
    assert "Kwong Tong University" in hkust.aliases and "HKUST" in hkust.aliases
    assert hkust.name == "The Hong Kong University of Science and Technology"
    assert gaz.fingerprint != load_gazetteer().fingerprint


def test_user_file_overrides_name_and_kind(tmp_path: Path) -> None:
    path = write(tmp_path, "- {id: hk_academy_medicine, name: HK Academy of Medicine, kind: research}\n")
    entry = load_gazetteer([path]).entries["hk_academy_medicine"]
    assert (entry.name, entry.kind) == ("HK Academy of Medicine", "research")


def test_plain_list_without_institutions_key(tmp_path: Path) -> None:
    path = write(tmp_path, "- name: Kowloon Riverside Hospital\n  kind: hospital\n")
    gaz = load_gazetteer([path])
    assert gaz.warnings == []
    assert gaz.lookup("kowloon riverside hospital") is not None


def test_malformed_yaml_warns_with_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "institutions:\n  - id: x\n    name: X University\n  - {id: y, name: Y\n")
    gaz = load_gazetteer([path])
    assert len(gaz.warnings) == 1
    warning = gaz.warnings[0]
    assert str(path) in warning and "line " in warning and "ignored" in warning
    assert "x" not in gaz.entries  # the whole file is ignored, the shipped data stays
    assert "hkust" in gaz.entries


def test_unknown_keys_kinds_and_nameless_entries_warn(tmp_path: Path) -> None:
    path = write(tmp_path, """
institutions:
  - {id: x, name: X University, colour: red}
  - {id: y, name: Y Castle, kind: castle}
  - {}
  - just a string
""")
    gaz = load_gazetteer([path])
    text = "\n".join(gaz.warnings)
    assert "unknown keys ['colour']" in text
    assert "unknown kind 'castle'" in text and gaz.entries["y"].kind == "other"
    assert text.count("has no name") == 2
    assert gaz.entries["x"].name == "X University"


def test_wrong_shapes_and_unreadable_files(tmp_path: Path) -> None:
    gaz = load_gazetteer([write(tmp_path, "just a string")])
    assert "expected a list" in gaz.warnings[0]
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe\x00\x00bad")
    assert "cannot be read" in load_gazetteer([bad]).warnings[0]
    assert load_gazetteer([tmp_path / "missing.yaml"]).warnings == []  # no file is fine
    assert load_gazetteer([write(tmp_path, "")]).warnings == []


def test_context_needed_for_bare_aliases() -> None:
    entry = load_gazetteer().entries["zju_first"]
    assert entry.needs_context("First Affiliated Hospital")
    assert not entry.needs_context("First Affiliated Hospital of Zhejiang University")


def test_name_key_folds_spellings() -> None:
    assert name_key("The Hong Kong Sanatorium & Hospital") == name_key("Hong Kong Sanatorium and Hospital")
    assert name_key("Guangzhou Municipal People\u2019s Government") == name_key("Guangzhou Municipal Government")
    assert name_key("Technology and Engineering Centre") == name_key("technology and engineering center")


def test_guess_kind_and_acronyms() -> None:
    assert guess_kind("Northbridge Institute of Marine Biology") == "research"
    assert guess_kind("Kowloon Riverside Hospital") == "hospital"
    assert guess_kind("Lakeshore University") == "university"
    assert guess_kind("Kowloon Municipal People's Government") == "government"
    assert guess_kind("Harbour Biotech Ltd") == "company"
    assert guess_kind("Institute of Medical Technology of Lakeshore University") == "research"
    assert guess_kind("Friends of the Harbour") == "other"
    assert guess_kind("Department of Ocean Science") == "university"
    assert guess_kind("Department of Surgery of Lakeshore University") == "university"
    assert guess_kind("Department of Health") == "government"
    assert is_acronym("HKUST") and is_acronym("CSU.CAS") and not is_acronym("Hospital")


def _code_strings(path: Path) -> list[str]:
    """String constants of a module that are not docstrings (docstrings may show examples)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


def test_no_seed_facts_in_code() -> None:
    """Knowledge lives in the gazetteer data: no extraction code names a seed's institution or date."""
    facts = ["Hong Kong University of Science", "HKUST", "Zhejiang", "HKSH", "PolyU", "Peking University",
             "Guangzhou Municipal", "Microsoft Research", "CSU.CAS", "Run Run Shaw", "2025-03-11",
             "11 March 2025", "2025-02-24", "24 February 2025"]
    # The extraction code: help texts elsewhere may show queries that work on the seeds.
    code = [*sorted((SRC / "corpus").rglob("*.py")), *sorted((SRC / "extract").rglob("*.py")), SRC / "pipeline.py"]
    offenders = [f"{path.relative_to(SRC)}: {fact!r}"
                 for path in code for value in _code_strings(path)
                 for fact in facts if fact.casefold() in value.casefold()]
    assert offenders == []


def test_an_upper_case_label_opening_a_line_is_no_mention(tmp_path: Path) -> None:
    """A media advisory's "WHO:" line is a label, not the acronym of an institution named
    WHO; the same word in a sentence, or in a line's text, is a mention."""
    from medtui.extract.mentions import GazetteerMatcher

    gaz = load_gazetteer([write(tmp_path, "institutions:\n  - {id: who_x, name: Wide Health Org, "
                                          "kind: other, aliases: [WHO]}\n")])
    matcher = GazetteerMatcher(gaz)
    assert matcher.find("WHAT: A forum.\nWHO: Speakers.\n  **WHO:** Panel.") == []
    found = [s.surface for s in matcher.find("The WHO said so.\nWHEN: soon, says WHO: yes.")]
    assert found == ["WHO", "WHO"]
