"""Event kinds fixed in session 4 (issue 10): joint launches, reduced-relative grants,
second clauses, selections, dates of acts. Invented stories only."""

from __future__ import annotations

from medtui.corpus.model import PartialDate
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions

_EMPTY = GazetteerMatcher(Gazetteer())
DATE = PartialDate(2025, 3, 4)
RF, NH, CU = "Riverside Foundation", "Northgate Hospital", "Coastal University"


def events(text: str, title: str = "", date: PartialDate | None = DATE) -> set[tuple[str, frozenset[str], str | None]]:
    """(kind, party names, ISO date) of each event of a one-story document."""
    mentions = find_mentions(_EMPTY, [text], [title])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], date,
                        {k: e.kind for k, e in mentions.entities.items()})
    return {(e.kind, frozenset(names[p] for p in e.parties), e.date.iso() if e.date else None) for e in found}


def test_a_launch_done_in_partnership_is_a_launch_of_both_whatever_it_launched() -> None:
    text = "Coastal University, in partnership with Northgate Hospital, launched Tidewatch, an online booking tool."
    assert events(text) == {("launch", frozenset({CU, NH}), "2025-03-04")}


def test_a_product_launched_by_one_is_still_no_event() -> None:
    assert events("Coastal University launched Tidewatch, an online booking tool.") == set()


def test_grant_named_by_its_participle_takes_the_funder_named_before() -> None:
    text = ("The study is funded by a research grant from the Riverside Foundation. "
            "The grant awarded to Northgate Hospital supports two nurses.")
    assert events(text) == {("grant", frozenset({RF, NH}), "2025-03-04")}


def test_a_second_clause_takes_its_subject_from_the_same_sentence_only() -> None:
    text = ("Coastal University signed an agreement with the Riverside Foundation. "
            "The new wing will let Northgate Hospital grow, while keeping its close collaboration with Harbor Clinic.")
    assert events(text) == {("agreement", frozenset({CU, RF}), "2025-03-04"),
                            ("partnership", frozenset({NH, "Harbor Clinic"}), "2025-03-04")}


def test_a_selection_of_several_is_an_agreement_of_the_giver_with_each() -> None:
    text = ("The Harbor Agency announced the selection of Bluewave Robotics, Northgate Hospital "
            "and Coastal University to join its lander programme.")
    assert events(text) == {("agreement", frozenset({"Harbor Agency", p}), "2025-03-04")
                            for p in ("Bluewave Robotics", NH, CU)}


def test_contracts_awarded_to_several_companies_pair_the_giver_with_each() -> None:
    text = ("The Harbor Agency awarded three contracts under the programme, awarding missions to "
            "companies Bluewave Robotics, Tidal Machines and Quarry Works.")
    assert events(text) == {("agreement", frozenset({"Harbor Agency", p}), "2025-03-04")
                            for p in ("Bluewave Robotics", "Tidal Machines", "Quarry Works")}


def test_selected_as_an_adjective_hides_no_other_act() -> None:
    text = ("Coastal University is stepping up its collaboration with Northgate Hospital, offering "
            "selected Hong Kong startups a place.")
    assert events(text) == {("partnership", frozenset({CU, NH}), "2025-03-04")}


def test_a_selection_headline_pairs_the_giver_with_each() -> None:
    found = events("The five firms can now bid for missions.",
                   title="Harbor Agency Picks Bluewave Robotics, Tidal Machines and More to Join Lander Project")
    assert found == {("agreement", frozenset({"Harbor Agency", p}), "2025-03-04")
                     for p in ("Bluewave Robotics", "Tidal Machines")}


def test_a_description_before_the_partner_name_is_skipped() -> None:
    text = ("Bluewave Robotics signed with Quarry Works, while also closing deals with French advertising "
            "firm Tidal Media.")
    assert events(text) == {("agreement", frozenset({"Bluewave Robotics", "Quarry Works"}), "2025-03-04"),
                            ("agreement", frozenset({"Bluewave Robotics", "Tidal Media"}), "2025-03-04")}


def test_a_list_of_partners_goes_on_after_an_appositive() -> None:
    text = ("Bluewave Robotics collaborated with Quarry Works, a builder delivering projects across the "
            "Midwest, and Tidal Machines, a division of Quarry Works.")
    assert {p for _, p, _ in events(text)} == {frozenset({"Bluewave Robotics", "Quarry Works"}),
                                             frozenset({"Bluewave Robotics", "Tidal Machines"})}


def test_funder_by_and_recipient_to_after_it() -> None:
    text = ("Eye care in the county is expanding thanks to a $200,000 grant awarded by the Harbor Lions "
            "Fund (HLF) to Lions Zone 12-B.")
    assert events(text) == {("grant", frozenset({"Harbor Lions Fund", "Lions Zone 12-B"}), "2025-03-04")}


def test_funder_after_a_description_following_by() -> None:
    text = "A grant of $2 million has been awarded to Northgate Hospital by a for-profit company, Tidal Machines."
    assert events(text) == {("grant", frozenset({NH, "Tidal Machines"}), "2025-03-04")}


def _dates(text: str, date: PartialDate | None = DATE) -> set[str | None]:
    return {d for _, _, d in events(text, date=date)}


def test_a_month_alone_is_that_month_of_the_story_year_or_the_year_before() -> None:
    assert _dates("In January, Coastal University signed an agreement with Northgate Hospital.") == {"2025-01"}
    assert _dates("In July, Coastal University signed an agreement with Northgate Hospital.") == {"2024-07"}
    assert _dates("Coastal University signed an MoU with Northgate Hospital at the end of last March.") == {"2024-03"}
    assert _dates("In July, Coastal University signed an agreement with Northgate Hospital.", None) == {None}


def test_a_year_alone_dates_the_act_only_before_it() -> None:
    assert _dates("Since late 2019, Coastal University has partnered with Northgate Hospital.") == {"2019"}
    text = ("Coastal University collaborated with Quarry Works, a builder working in the Midwest since "
            "1930, on the new wing.")
    assert _dates(text) == {"2025-03-04"}


def test_a_date_on_the_line_before_a_hard_wrapped_piece_dates_its_act() -> None:
    text = ("We like trees. On May 19, 2024, after two years of work,\n"
            "the Harbor Forest Agency, in partnership with Coastal University, launched Treeline, an online tool.\n")
    assert _dates(text) == {"2024-05-19"}


def test_items_of_a_list_of_mous_take_its_kind_and_bullets_at_line_starts_count() -> None:
    text = ("Harbor Parks Corporation confirmed the signing of several memorandums of understanding:\n"
            "• Tidal Machines, signed with Quarry Works, to build pumps.\n"
            "• Bluewave Institute with Northgate Hospital, Coastal University and Harbor Clinic.\n"
            "• The appeal of the programme has caught the eyes of many professionals, including "
            "Ridge Institute and Valley Research Centre.\n")
    found = {(k, p) for k, p, _ in events(text)}
    assert found == {("mou", frozenset({"Tidal Machines", "Quarry Works"})),
                     ("mou", frozenset({"Bluewave Institute", NH})),
                     ("mou", frozenset({"Bluewave Institute", CU})),
                     ("mou", frozenset({"Bluewave Institute", "Harbor Clinic"}))}


def test_partners_counted_then_named_in_the_next_sentence() -> None:
    text = ("In May 2024, the Riverside Foundation announced a partnership with three coastal medical colleges. "
            "Its programme will fund research at each of them — Northgate Medical College in Dover; "
            "Harbor Medical College in Leeds; and Coastal University in York.")
    assert events(text) == {("partnership", frozenset({RF, p}), "2024-05")
                            for p in ("Northgate Medical College", "Harbor Medical College", CU)}


def test_a_count_the_next_sentence_does_not_match_gives_no_list() -> None:
    text = ("The Riverside Foundation announced a partnership with three coastal medical colleges. "
            "Northgate Medical College will host the first course.")
    assert events(text) == set()


def test_a_grant_named_with_a_capital_is_no_funder_and_its_channel_no_recipient() -> None:
    text = ("The project, funded by a Ridge Innovation Grant from the Harbor Health Department, starts now. "
            "The grant awarded to Northgate Hospital through the Ridge Innovation Fund supports two nurses.")
    assert {p for _, p, _ in events(text)} == {frozenset({"Harbor Health Department", NH})}


def test_money_from_a_funder_in_a_headline_is_a_grant() -> None:
    found = events("The tools will be maintained for three years.",
                   title="Coastal University Announces $2.9M Award from the Riverside Foundation")
    assert found == {("grant", frozenset({CU, RF}), "2025-03-04")}


def test_acts_reported_from_a_past_gathering_take_its_date() -> None:
    text = ("The Harbor Forum witnessed the signing of an MoU between Coastal University and Northgate Hospital. "
            "The forum brought together 2,000 guests over two days of the event that took place in Dover "
            "at the end of last February.")
    assert _dates(text) == {"2025-02"}
    text = ("Harbor Parks Corporation has concluded its delegation to the Riverside Fair, held from February 17 "
            "to 20. Highlights this year include the expansion of its partnership with Coastal University.")
    assert _dates(text) == {"2025-02"}
    text = ("The Harbor County Board approved a lease with Coastal University. "
            "Residents who spoke at Tuesday night's meeting were concerned.")
    assert _dates(text, PartialDate(2025, 3, 6)) == {"2025-03-04"}  # a Thursday's story: that Tuesday


def test_a_gathering_long_before_or_after_the_story_dates_nothing() -> None:
    text = ("Coastal University signed an agreement with Northgate Hospital. "
            "The summit took place in Dover in October.")
    assert _dates(text) == {"2025-03-04"}


def test_a_completed_merger_is_an_event_and_a_deal_in_connection_with_it_names_no_party() -> None:
    text = ("Bluewave Robotics Inc. announced that the board approved its listing application in connection "
            "with its merger with Tidal Machines Inc.\n\n"
            "Bluewave Robotics Inc. announced the closing of its merger with Tidal Machines Inc. on March 2, 2025.")
    assert {(k, len(p), d) for k, p, d in events(text)} == {("other", 2, "2025-03-02")}


def test_a_headline_verb_in_title_case_approves() -> None:
    found = events("Bluewave Gas authorized to export from its Dover terminal.",
                   title="Harbor Energy Agency Authorizes Bluewave Gas Small-Scale Exports")
    assert {(k, len(p)) for k, p, _ in found} == {("approval", 2)}
    assert any("Bluewave Gas" in p for _, p, _ in found)  # the body's name, not the headline's run-on


def test_we_before_any_institution_is_the_one_the_story_names_most_besides_the_partner() -> None:
    text = ("We recently began our partnership with the Harbor Personnel Office on a talent programme. "
            "Bluewave Labs signed onto this initiative. Bluewave Labs builds digital services.")
    assert {p for _, p, _ in events(text)} == {frozenset({"Harbor Personnel Office", "Bluewave Labs"})}


def test_a_partnership_the_next_sentence_calls_an_agreement_is_an_agreement() -> None:
    text = ("Coastal University and Northgate Hospital announced a renewed multi-year partnership. "
            "Under the agreement, the Harbor School of Nursing will keep its ward.")
    assert {(k, p) for k, p, _ in events(text)} == {("agreement", frozenset({CU, NH}))}
    text = ("Coastal University has partnered with Northgate Hospital on a pilot. "
            "Under a $3.5 million contract from Northgate Hospital, Coastal University will train nurses.")
    assert {(k, p) for k, p, _ in events(text)} == {("agreement", frozenset({CU, NH}))}


def test_an_approval_of_funding_is_a_grant() -> None:
    text = "Bluewave Medical AG has received funding approval from the Harbor Ministry of Research."
    assert events(text) == {("grant", frozenset({"Bluewave Medical AG", "Harbor Ministry of Research"}), "2025-03-04")}


def test_who_reports_an_approval_is_no_party_of_it() -> None:
    text = "Bluewave Holdings Inc. announces that the Harbor Exchange approves the listing of Tidal Metals Inc."
    assert all("Bluewave Holdings Inc." not in p for _, p, _ in events(text))


def test_the_year_nearest_before_the_act_dates_it() -> None:
    text = "In 2021, Coastal University bought a clinic, and in 2023 it received approval from Northgate Hospital."
    assert _dates(text) == {"2023"}


def test_the_subject_before_in_partnership_with_after_a_dateline_dash() -> None:
    text = ("Washington,D.C.- BlueHouse Connection, in partnership with Coastal University, today announced "
            "the launch of new interactive data profiles.")
    assert events(text) == {("launch", frozenset({"BlueHouse Connection", CU}), "2025-03-04")}


def test_a_participle_before_in_partnership_with_is_no_name() -> None:
    text = "Organized in partnership with Coastal University, the conference will host 60 firms."
    assert all("Organized" not in p for _, p, _ in events(text))


def test_relative_words_nearer_the_act_than_a_year_date_it() -> None:
    text = ("Coastal University first applied in 2023, and last year it signed a memorandum of understanding "
            "with Northgate Hospital.")
    assert _dates(text) == {"2024"}


def test_a_deal_struck_is_a_deal_signed() -> None:
    """"struck a deal/partnership with" (8 times in the 25k releases) is a signing; a
    strike (the noun) is none."""
    assert events("Coastal University has struck a deal with Northgate Hospital.") == {
        ("agreement", frozenset({CU, NH}), "2025-03-04")}
    assert events("Coastal University struck a strategic partnership with Northgate Hospital.") == {
        ("partnership", frozenset({CU, NH}), "2025-03-04")}
    assert events("The strike at Coastal University ended before a deal with Northgate Hospital.") == set()


def test_a_headline_with_a_plural_subject_and_a_plain_verb_is_an_event() -> None:
    """"A and B Announce Partnership" (no article, plain verb): 35 of 82 such headlines in
    the 25k releases gave no event before."""
    found = events("The two firms will share tools.",
                   title="Coastal University and Northgate Hospital Announce Strategic Partnership")
    assert {(kind, parties) for kind, parties, _ in found} == {("partnership", frozenset({CU, NH}))}
    # The plain verb after "plans to" is an intention, no act.
    assert events("Coastal University plans to announce a partnership with Northgate Hospital.") == set()
