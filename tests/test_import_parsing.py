"""Reading a people file: encodings, delimiters, header and line numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation

from tweespraak.accounts.importer import PeopleFileError, Row, parse_people_csv

HEADER = "name,email,manager_email,team,role,language"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def test_rows_carry_the_line_numbers_of_the_file_with_the_header_as_line_one():
    text = f"{HEADER}\nAnn,ann@x.test,,,,\n\nBen,ben@x.test,ann@x.test,,,\n"
    rows = parse_people_csv(text)
    assert [(row.line, row.email) for row in rows] == [(2, "ann@x.test"), (4, "ben@x.test")]


def test_a_quoted_value_over_two_lines_keeps_the_following_line_numbers_right():
    text = f'{HEADER}\n"Ann\nAnders",ann@x.test,,,,\nBen,ben@x.test,,,,\n'
    rows = parse_people_csv(text)
    assert [row.line for row in rows] == [2, 4]
    assert rows[0].name == "Ann\nAnders"


def test_lines_with_only_delimiters_are_skipped_like_empty_lines():
    rows = parse_people_csv(f"{HEADER}\n,,,,,\nAnn,ann@x.test,,,,\n,,\n")
    assert [row.line for row in rows] == [3]


def test_semicolons_from_dutch_excel_are_recognised():
    text = "name;email\r\nAnn de Wit;ann@x.test\r\n"
    assert parse_people_csv(text) == [
        Row(line=2, name="Ann de Wit", email="ann@x.test", columns=frozenset({"name", "email"}))
    ]


def test_a_comma_inside_a_value_of_a_semicolon_file_stays_in_the_value():
    rows = parse_people_csv("name;email;team\r\nWit, Ann de;ann@x.test;Sales, north\r\n")
    assert rows[0].name == "Wit, Ann de"
    assert rows[0].team == "Sales, north"


def test_utf8_with_byte_order_mark_is_read():
    data = "\ufeffname,email\nZoë Çelik,zoe@x.test\n".encode()
    rows = parse_people_csv(data)
    assert rows[0].name == "Zoë Çelik"


def test_windows_1252_from_excel_is_read_as_a_fallback():
    data = "name;email\r\nJosé Müller;jose@x.test\r\n".encode("cp1252")
    rows = parse_people_csv(data)
    assert rows[0].name == "José Müller"


def test_header_names_are_case_insensitive_and_trimmed_and_values_trimmed():
    rows = parse_people_csv(" Name , EMAIL ,Role\n  Ann  , ann@x.test , Manager \n")
    assert (rows[0].name, rows[0].email, rows[0].role) == ("Ann", "ann@x.test", "Manager")
    assert rows[0].columns == {"name", "email", "role"}


def test_a_missing_required_column_is_one_clear_error():
    with pytest.raises(PeopleFileError, match="email is missing"):
        parse_people_csv("name,team\nAnn,Sales\n")


def test_unknown_columns_are_named():
    with pytest.raises(PeopleFileError, match="Unknown columns: phone, department"):
        parse_people_csv("name,email,phone,department\nAnn,ann@x.test,1,2\n")


def test_a_column_twice_is_an_error():
    with pytest.raises(PeopleFileError, match="more than once: email"):
        parse_people_csv("name,email,email\nAnn,a@x.test,b@x.test\n")


def test_an_empty_file_is_an_error():
    with pytest.raises(PeopleFileError, match="empty"):
        parse_people_csv(b"")


def test_bytes_that_are_no_text_at_all_are_an_error():
    with pytest.raises(PeopleFileError, match="could not be read"):
        parse_people_csv(b"name,email\n\x81\x8d\x8f\x90\x9d\n")


def test_a_trailing_delimiter_in_the_header_is_ignored():
    rows = parse_people_csv("name;email;\nAnn;ann@x.test;\n")
    assert rows[0].email == "ann@x.test"
    assert not rows[0].surplus_values


def test_more_values_than_columns_is_marked_on_the_row():
    rows = parse_people_csv("name,email\nAnn,ann@x.test,extra\n")
    assert rows[0].surplus_values


def test_the_quote_our_export_puts_before_a_formula_is_removed():
    rows = parse_people_csv("name,email,team\n'=Ann,ann@x.test,'+Sales\n")
    assert (rows[0].name, rows[0].team) == ("=Ann", "+Sales")
