"""One institution across documents when one of them names it only by an acronym or a
Chinese name (extract/crossdoc.py): unit tests of the join, and the corpus built from
invented documents."""

from __future__ import annotations

from pathlib import Path

from medtui.extract.crossdoc import AliasJoin, is_weak, linking_names
from medtui.pipeline import load_corpus


def test_linking_names_are_initials_and_chinese_names_of_a_full_name() -> None:
    names = ["Riverside University", "RU", "Riverside", "河畔大學", "Quill"]
    assert linking_names(names) == ["RU", "河畔大學"]
    assert linking_names(["Natural Quill Resources Zorbania", "NQZ"]) == []  # R missing
    assert linking_names(["Northgate Quill Canada", "NQCan"]) == ["NQCan"]
    assert linking_names(["RU", "河畔大學"]) == []  # no full name: nothing links to it
    assert is_weak(["RU", "河畔大學"]) and not is_weak(["RU", "Riverside University"])


def test_a_weak_institution_joins_the_strong_one_that_spells_it() -> None:
    join = AliasJoin()
    join.note("i1", ["Riverside University", "RU"])
    assert join.join(["RU"]) == "i1"
    assert join.join(["Ru"]) is None  # acronyms compare exactly
    assert join.join(["Riverside"]) is None  # a word of the name is no link
    assert join.join(["Rock University", "RU"]) is None  # a strong one never joins by a short name


def test_a_strong_institution_adopts_a_weak_one_named_first() -> None:
    join = AliasJoin()
    join.note("i1", ["河畔大學"])
    assert join.join(["Riverside University", "河畔大学"]) == "i1"  # simplified, traditional alike
    join.note("i1", ["Riverside University", "河畔大学"])
    # Adopted once: another strong institution with that name does not take it too.
    assert join.join(["Riverside College", "河畔大學"]) is None


def test_a_short_name_two_institutions_claim_links_neither() -> None:
    join = AliasJoin()
    join.note("i1", ["Quill Academy of Sciences", "QAS"])
    join.note("i2", ["Quill Abstracts Service", "QAS"])
    assert join.join(["QAS"]) is None


def test_a_short_name_written_before_another_name_word_stays_apart() -> None:
    join = AliasJoin()
    join.note("i1", ["Quill Computer Association", "QCA"])
    texts = ["Northgate advised on the sale of QCA Computers, LLC (\u201cQCA\u201d) to Zorblax."]
    assert join.join(["QCA"], texts) is None
    assert join.join(["QCA"], ["QCA said it would grow."]) == "i1"
    join.note("i2", ["QXR"], ["the sale of QXR Robotics, LLC (\u201cQXR\u201d)"])
    assert join.join(["Quill Xeno Research", "QXR"]) is None


def test_the_corpus_joins_an_acronym_alone_to_the_full_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Riverside University signs MoU with Northgate Hospital\n\nRIVERSIDE, 11 March 2025 -- "
        "Riverside University (RU) and Northgate Hospital signed a memorandum of understanding "
        "today on clinical teaching.\n")
    (tmp_path / "b.txt").write_text(
        "RU and Zorblax Robotics sign research agreement\n\nRIVERSIDE, 12 March 2025 -- RU and "
        "Zorblax Robotics Inc. signed a research agreement today on quill sensors.\n")
    corpus = load_corpus([tmp_path], cache=False, workers=1)
    by_name = {i.name: i for i in corpus.institutions}
    assert "RU" not in by_name, sorted(by_name)
    assert "RU" in by_name["Riverside University"].aliases
    assert len(by_name["Riverside University"].stories) == 2
    assert [i.id for i in corpus.institutions] == [f"i{n}" for n in range(1, len(corpus.institutions) + 1)]


def test_company_key_drops_the_legal_form() -> None:
    from medtui.extract.crossdoc import company_key

    assert company_key("Quillon Robotics, Inc.") == company_key("Quillon Robotics Corporation") == "quillon robotics"
    assert company_key("Zorblax Ltd.") == company_key("Zorblax")
    assert company_key("Holdings Inc.") is None  # nothing but generic words left
    assert company_key("河畔大學") is None


def test_a_company_joins_across_documents_with_or_without_its_legal_form() -> None:
    join = AliasJoin()
    join.note("i1", ["Zorblax"], discovered=True)
    assert join.join(["Zorblax Inc."], discovered=True) == "i1"
    assert join.join(["Zorblax Corp"], discovered=True) == "i1"
    assert join.join(["Zorblax Inc."]) is None  # a gazetteer entry keeps its own key
    join.note("i2", ["Riverside Quill Board", "RQB"], discovered=True)
    assert join.join(["RQB Quill Group", "RQB"], discovered=True) is None  # no legal form: no join


def test_the_corpus_lists_a_company_once_with_and_without_its_legal_form(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Quillon Robotics partners with Riverside University\n\nRIVERSIDE, 11 March 2025 -- "
        "Quillon Robotics signed a research agreement with Riverside University today.\n")
    (tmp_path / "b.txt").write_text(
        "Quillon Robotics Inc. and Northgate Hospital sign MoU\n\nNORTHGATE, 12 March 2025 -- "
        "Quillon Robotics Inc. (NASDAQ: QRX), a maker of quill robots, and Northgate Hospital "
        "signed a memorandum of understanding today.\n")
    corpus = load_corpus([tmp_path], cache=False, workers=1)
    quillon = [i for i in corpus.institutions if i.name.startswith("Quillon")]
    assert len(quillon) == 1, [i.name for i in corpus.institutions]
    assert quillon[0].name == "Quillon Robotics Inc." and "Quillon Robotics" in quillon[0].aliases
    assert quillon[0].kind == "company" and len(quillon[0].stories) == 2


def test_two_names_of_a_story_joined_to_one_institution_are_listed_once(tmp_path: Path) -> None:
    """A story naming a company with and without its legal form, read as two names and
    joined by the corpus to one institution: the story lists it once, an event's parties too."""
    (tmp_path / "a.md").write_text(
        "# NewsBreaks \u2013 Quillon Robotics Ltd. (NASDAQ: QRX) Announces $5 Million Agreement\n\n"
        "Quillon Robotics (NASDAQ: QRX), an AI-based quill pioneer, said it entered an agreement "
        "with Riverside University for a study.\n\n About Quillon Robotics\n\n"
        " Quillon Robotics Ltd. (Nasdaq: QRX, QRXW) is a growth company pioneering quills. "
        "Quillon Robotics empowers writers. Quillon Robotics\u2019 ordinary shares trade on Nasdaq.\n")
    corpus = load_corpus([tmp_path], cache=False, workers=1)
    for story in corpus.stories:
        assert len(story.institutions) == len(set(story.institutions)), story.institutions
    for event in corpus.events:
        assert len(event.parties) == len(set(event.parties)), event
    assert [len(i.stories) for i in corpus.institutions if i.name.startswith("Quillon")] == [1]
