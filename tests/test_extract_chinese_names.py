"""Chinese names of institutions: one institution in traditional and simplified
characters, and a bracketed Chinese name after an English one is that institution's, in
the other documents too."""

from __future__ import annotations

from pathlib import Path

from medtui.extract.names import name_key
from medtui.pipeline import load_corpus


def test_traditional_and_simplified_names_share_a_key() -> None:
    assert name_key("河畔大學") == name_key("河畔大学")
    assert name_key("北門醫院") == name_key("北门医院")
    assert name_key("河畔大學") != name_key("北門醫院")
    assert name_key("Riverside University") == "riverside university"


def test_one_institution_across_scripts_and_the_bracketed_chinese_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("河畔大學與北門醫院簽署合作備忘錄\n\n2025年3月11日\n\n"
                                    "河畔大學與北門醫院今日簽署合作備忘錄，推動臨床教學。\n")
    (tmp_path / "b.txt").write_text("河畔大学与北门医院签署合作备忘录\n\n2025年3月12日\n\n"
                                    "河畔大学与北门医院今日签署合作备忘录，推动临床教学。\n")
    (tmp_path / "c.txt").write_text(
        "Riverside University signs MoU\n\nHONG KONG, 13 March 2025 -- Riverside University (河畔大學) "
        "and Northgate Hospital (北門醫院) signed a memorandum of understanding today on clinical teaching.\n")
    corpus = load_corpus([tmp_path], cache=False, workers=1)
    by_name = {i.name: i for i in corpus.institutions}
    # The Chinese-only documents' institutions are the English document's (extract/crossdoc.py).
    assert sorted(by_name) == ["Northgate Hospital", "Riverside University"]
    assert {"河畔大學", "河畔大学"} <= set(by_name["Riverside University"].aliases)
    assert by_name["Riverside University"].kind == "university"
    assert len(by_name["Riverside University"].stories) == 3
    names = {i.id: i.name for i in corpus.institutions}
    parties = sorted(sorted(names[p] for p in e.parties) for e in corpus.events)
    assert parties == [["Northgate Hospital", "Riverside University"]] * 3
