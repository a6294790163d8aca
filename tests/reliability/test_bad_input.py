"""Bad input through the services a screen calls: one sentence naming the field, and nothing saved.

The parsers have their own tables (tests/unit/test_money.py, test_dates.py, test_text.py, test_csv_expenses.py);
these check the same cases end to end, where a half-saved change would show.
"""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from prodcom_tui.domain.errors import InputError
from prodcom_tui.store.models import ChangeBatch, Expense

GOOD = {"project": "", "line": "", "amount": "120,00", "date": "2026-11-20", "description": "Tirage", "vendor": ""}

CASES = [
    ("amount", "NaN", "'NaN' is not a number: write it like 1 234,56 or 1,234.56"),
    ("amount", "inf", "'inf' is not a number"),
    ("amount", "1e3", "'1e3' uses an exponent: write the amount in full"),
    ("amount", "١٢٣", "uses digits other than 0-9"),
    ("amount", "12,345,67", "12,345,67"),
    ("amount", "1,2345", "'1,2345' has 4 decimals: EUR has at most 2"),
    ("amount", "99999999999999", "is too large"),
    ("amount", "-12", "'-12' is negative"),
    ("amount", "", "the amount is empty"),
    ("amount", "0", "the amount is zero"),
    ("amount", "12 abc", "has letters that are not a currency"),
    ("date", "2023-02-29", "there is no 29 February 2023, 2023 is not a leap year"),
    ("date", "31/02", "there is no 31 February"),
    ("date", "1899-12-31", "the year must be between 2000 and 2100"),
    ("date", "2026-13-01", "there is no month 13"),
    ("description", "x" * 201, "description is too long (201 characters, at most 200)"),
]


def counts(services) -> tuple[int, int]:  # noqa: ANN001
    with services.store.reading() as s:
        return s.exec(select(func.count(Expense.id))).one(), s.exec(select(func.count(ChangeBatch.id))).one()


@pytest.fixture
def good(services) -> dict[str, str]:  # noqa: ANN001
    """A valid expense for the demo's first budget line; each case spoils one field."""
    from prodcom_tui.store.models import BudgetLine, Project

    with services.store.reading() as s:
        line, code = s.exec(select(BudgetLine, Project.code).join(Project).order_by(BudgetLine.id)).first()
    return {**GOOD, "project": code, "line": line.name}


@pytest.mark.parametrize(("field", "typed", "expected"), CASES, ids=[f"{f}={t[:12]!r}" for f, t, _ in CASES])
def test_bad_expense_input_is_one_sentence_and_saves_nothing(services, good, field: str, typed: str, expected: str) -> None:
    before = counts(services)
    with pytest.raises(InputError) as err:
        services.expenses.create({**good, field: typed})
    message = str(err.value)
    assert expected in message and "\n" not in message
    assert err.value.field == field
    assert counts(services) == before


def test_the_good_expense_is_saved_once(services, good) -> None:  # the table above would pass on a broken create
    before = counts(services)
    services.expenses.create(good)
    assert counts(services) == (before[0] + 1, before[1] + 1)


@pytest.mark.parametrize(("typed", "stored"), [
    ("Cafe\u0301 cre\u0300me", "Café crème"),  # NFC: one code point per accented letter
    ("facture\u202egpj.exe", "facturegpj.exe"),  # bidi override gone
    ("a\x1b]52;c;ZXZpbA==\x07b", "a]52;c;ZXZpbA==b"),  # ESC and BEL gone: nothing left to drive a terminal
    ("C1\x9b31m\x85end", "C131m end"),  # C1 controls gone, NEL read as a line break then a space
    ("[bold red]ACME[/]", "[bold red]ACME[/]"),  # markup is stored as typed (and shown as typed)
    ("  two   spaces\tand tab ", "two spaces and tab"),
])
def test_text_is_stored_clean(services, good, typed: str, stored: str) -> None:
    expense_id = services.expenses.create({**good, "description": typed})
    with services.store.reading() as s:
        assert s.get(Expense, expense_id).description == stored


def test_hostile_csv_cells_import_clean_and_export_guarded(services, good, tmp_path) -> None:
    from prodcom_tui.io.csv_export import guard

    path = tmp_path / "hostile.csv"
    path.write_bytes("\ufeffDate;Libellé;Montant\n02/11/2026;=HYPERLINK(\"http://x\")\u202e;10,00\n"
                     "03/11/2026;\"\x1b]52;c;ZXZpbA==\x07Devis\";5,00\n".encode())
    preview = services.expenses.import_csv(path, project=good["project"])
    assert preview.new == 2
    with services.store.reading() as s:
        texts = s.exec(select(Expense.description).order_by(Expense.id.desc()).limit(2)).all()
    assert sorted(texts) == sorted(['=HYPERLINK("http://x")', "]52;c;ZXZpbA==Devis"])
    for start in "=+-@\t\r":
        assert guard(f"{start}1+1").startswith("'")
    exported = "\n".join(",".join(row) for row in services.expenses.export_rows())
    assert "\x1b" not in exported and "\u202e" not in exported
