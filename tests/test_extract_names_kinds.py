"""Kinds decided by a phrase before the head words (vocabulary ``kind_phrases``): schools
below college, school districts, central banks; on invented names."""

from __future__ import annotations

import pytest

from medtui.extract.names import guess_kind


@pytest.mark.parametrize(("name", "kind"), [
    ("Northgate High School", "other"),
    ("Riverside Christian Academy Middle School", "other"),
    ("Quillon Elementary School", "other"),
    ("Riverside Unified School District", "government"),
    ("Federal Reserve Bank of Quillton", "government"),
    ("Zorbanian Central Bank", "government"),
    ("Quillton County Council of Governments", "government"),  # courts and councils: public bodies
    ("Zorbanian High Court", "government"),
    ("Quillton Circuit Court of Appeals", "government"),
    # Unchanged: head words decide.
    ("Riverside University", "university"),
    ("Northgate Graduate School of Education", "university"),
    ("Quillon Savings Bank", "company"),
    ("Royal Bank of Zorbania", "company"),
    ("Northgate Hospital", "hospital"),
])
def test_kind_phrases_decide_before_head_words(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


@pytest.mark.parametrize(("name", "kind"), [
    # A legal form at the end makes a company, whatever other words the name holds.
    ("Quillon Robotics AB", "company"),
    ("Roe Normand Friedland LLP", "company"),
    ("Zorblax N.V.", "company"),
    ("Agency Northgate LLC", "company"),
    ("Riverside Oyj", "company"),
    ("Quillon Holdings Sdn Bhd", "company"),
    # ... but for a hospital's, clinic's or school's name.
    ("Riverside Clinic Inc.", "hospital"),
    ("Northgate Hospital, Inc.", "hospital"),
    # Initials that are no legal form: the head words decide.
    ("Government of SA", "government"),
    ("Northgate Authority", "government"),
])
def test_a_legal_form_at_the_end_makes_a_company(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


@pytest.mark.parametrize(("name", "kind"), [
    ("Zorbanian Development Bank", "other"),
    ("Development Bank of Quillonia", "other"),
    ("World Bank", "other"),
    ("International Monetary Fund", "other"),
    ("Riverside Bank for Reconstruction and Development", "other"),
    ("Quillon Savings Bank", "company"),  # a commercial bank stays a company
])
def test_development_banks_are_no_companies(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


@pytest.mark.parametrize(("name", "kind"), [
    ("Quillton Institute of Technology", "university"),
    ("Riverside Polytechnic Institute", "university"),
    ("Northgate Culinary Institute", "university"),
    ("Zorbania Air Force Academy", "university"),
    ("Riverside Institute of Marine Biology", "research"),  # unchanged
    ("Quillton Academy of Sciences", "research"),
])
def test_colleges_named_institute_or_academy(name: str, kind: str) -> None:
    assert guess_kind(name) == kind
