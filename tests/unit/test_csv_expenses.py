"""CSV expense import: real-looking exports, all or nothing, errors naming line and column, never twice."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlmodel import func, select

from prodcom_tui.domain.errors import InputError
from prodcom_tui.io import csv_export
from prodcom_tui.io.csv_columns import parse_map
from prodcom_tui.io.csv_expenses import CsvError, read_expenses
from prodcom_tui.store.models import Expense

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"
PROJECT = "VERA-PRINTEMPS"


def count(services) -> int:  # noqa: ANN001
    with services.store.reading() as s:
        return s.exec(select(func.count(Expense.id))).one()


def test_french_bank_export_in_latin1_with_debit_and_credit(services) -> None:
    parsed = read_expenses((FIXTURES / "bank_fr_latin1.csv").read_bytes())
    assert parsed.columns["date"] == "Date opération" and parsed.columns["debit"] == "Débit"
    assert [r.amount_minor for r in parsed.rows] == [125000, 48050, -3590, 230416]
    assert parsed.rows[1].description == "CB STUDIO LUMIÈRE PHOTO"
    assert parsed.rows[0].line == 5  # the preamble is skipped but line numbers stay the file's
    before = count(services)
    preview = services.expenses.import_csv(FIXTURES / "bank_fr_latin1.csv", project=PROJECT)
    assert preview.written and preview.new == 4 and preview.total.minor == 125000 + 48050 - 3590 + 230416
    assert count(services) == before + 4


def test_stripe_like_export_in_english(services) -> None:
    preview = services.expenses.import_csv(FIXTURES / "stripe_like.csv", project=PROJECT, dry_run=True)
    assert preview.new == 3 and not preview.written
    assert preview.total.minor == 12000 + 123456 + 4590


def test_paypal_like_export_with_bom_month_first_dates_and_negative_payments(services) -> None:
    parsed = read_expenses((FIXTURES / "paypal_like.csv").read_bytes())
    assert [r.spent_on.isoformat() for r in parsed.rows] == ["2026-11-04", "2026-11-13", "2026-11-20"]
    assert [r.amount_minor for r in parsed.rows] == [8990, 24000, -1250]  # payments out are costs, the refund a credit
    assert services.expenses.import_csv(FIXTURES / "paypal_like.csv", project=PROJECT).new == 3


def test_unknown_columns_are_listed_with_the_map_syntax(services) -> None:
    with pytest.raises(InputError) as err:
        services.expenses.import_csv(FIXTURES / "unmappable.csv", project=PROJECT)
    message = str(err.value)
    assert "'Buchungstag', 'Verwendungszweck', 'Betrag'" in message and "--map 'COLUMN=FIELD'" in message
    mapping = parse_map(["Buchungstag=date", "Betrag=amount", "Verwendungszweck=description"])
    preview = services.expenses.import_csv(FIXTURES / "unmappable.csv", project=PROJECT, mapping=mapping)
    assert preview.new == 1 and preview.total.minor == 12000


def test_importing_the_same_file_twice_adds_nothing(services) -> None:
    services.expenses.import_csv(FIXTURES / "bank_fr_latin1.csv", project=PROJECT)
    before = count(services)
    again = services.expenses.import_csv(FIXTURES / "bank_fr_latin1.csv", project=PROJECT)
    assert again.new == 0 and again.already == 4 and count(services) == before


def test_identical_rows_in_one_file_are_two_purchases() -> None:
    data = b"date,amount,description\n2026-11-03,4.50,Coffee\n2026-11-03,4.50,Coffee\n"
    rows = read_expenses(data).rows
    assert len({r.key for r in rows}) == 2


@pytest.mark.parametrize(("cell", "expected"), [
    ("12,5,3", "line 3, column 'Montant'"),
    ("NaN", "is not a number"),
    ("1e3", "exponent"),
    ("", "the amount is empty"),
])
def test_one_bad_amount_refuses_the_whole_file_and_names_the_row(services, tmp_path, cell, expected) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f"Date;Libellé;Montant\n02/11/2026;Ok;10,00\n03/11/2026;Bad;{cell}\n04/11/2026;Ok;5,00\n", "utf-8")
    before = count(services)
    with pytest.raises(CsvError) as err:
        services.expenses.import_csv(path, project=PROJECT)
    assert expected in str(err.value) and "nothing imported" in str(err.value)
    assert count(services) == before


def test_bad_dates_and_ragged_rows_name_line_and_column() -> None:
    with pytest.raises(CsvError) as err:
        read_expenses(b"date,amount\n31/02/2026,10.00\n2026-11-03\n")
    problems = err.value.problems
    assert problems[0].startswith("line 2, column 'date'") and "no 31 February" in problems[0]
    assert problems[1].startswith("line 3 has 1 fields")


def test_unknown_vendor_and_other_currency_refuse_the_file(services, tmp_path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("date,amount,vendor\n2026-11-03,10.00,Nobody & Co\n", "utf-8")
    with pytest.raises(CsvError, match="line 2: column 'vendor': no vendor 'Nobody & Co'"):
        services.expenses.import_csv(path, project=PROJECT)
    path.write_text("date,amount,currency\n2026-11-03,10.00,USD\n", "utf-8")
    with pytest.raises(CsvError, match="USD expense on a EUR budget line"):
        services.expenses.import_csv(path, project=PROJECT)


def test_no_project_is_a_clear_refusal(services) -> None:
    with pytest.raises(CsvError, match="--project CODE"):
        services.expenses.import_csv(FIXTURES / "stripe_like.csv")


def test_export_guards_formulas_and_imports_back_unchanged(services, tmp_path) -> None:
    services.expenses.import_csv(FIXTURES / "stripe_like.csv", project=PROJECT)
    services.expenses.create({"amount": "10", "project": PROJECT, "line": "contingency", "description": "=1+1 @home"})
    out = csv_export.write(tmp_path / "out.csv", services.expenses.export_rows())
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert any(r["description"] == "'=1+1 @home" for r in rows)
    assert not any(r[k].startswith(("=", "+", "@")) for r in rows for k in r if k != "amount")
    before = count(services)
    again = services.expenses.import_csv(out)
    assert again.new == 0 and again.already == before and count(services) == before


def test_command_line_dry_run_import_and_export(demo_path, tmp_path, capsys) -> None:
    from prodcom_tui.cli.main import main

    bank = str(FIXTURES / "bank_fr_latin1.csv")
    assert main(["import", "expenses", bank, "--db", str(demo_path), "--project", PROJECT, "--dry-run"]) == 0
    assert "4 expenses would be imported (dry run: nothing written)" in capsys.readouterr().out
    assert main(["import", "expenses", bank, "--db", str(demo_path), "--project", PROJECT]) == 0
    assert main(["import", "expenses", bank, "--db", str(demo_path), "--project", PROJECT]) == 0
    assert "0 expenses imported, total 0,00\u00a0€; 4 already there" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("date;montant\n01/11/2026;10\n02/11/2026;12,5,3\n", "utf-8")
    assert main(["import", "expenses", str(bad), "--db", str(demo_path), "--project", PROJECT]) == 1
    assert "line 3, column 'montant'" in capsys.readouterr().err
    assert main(["import", "expenses", bank, "--db", str(demo_path), "--map", "nonsense"]) == 1
    assert "is not COLUMN=FIELD" in capsys.readouterr().err
    out = tmp_path / "expenses.csv"
    assert main(["export", "expenses", "--db", str(demo_path), "--output", str(out)]) == 0
    assert out.read_text("utf-8-sig").startswith("date,amount,currency,project,line")


def test_an_import_is_backed_up_first_and_a_refused_file_is_not(services, tmp_path) -> None:
    """The backup is taken only once the file has been read and checked, right before the write."""
    folder = services.store.path.parent / "backups"
    good = tmp_path / "ok.csv"
    good.write_text("date;montant;libellé\n2026-11-20;120,00;Tirage flyers\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("date;montant;libellé\n2026-11-20;NaN;Tirage\n", encoding="utf-8")
    code = services.overview.find_projects("")[0].key
    with pytest.raises(Exception):
        services.expenses.import_csv(bad, project=code)
    assert not list(folder.glob("*before-import.db"))
    services.expenses.import_csv(good, project=code)
    assert len(list(folder.glob("*before-import.db"))) == 1


def ids_and_budget(services):  # noqa: ANN001, ANN201
    """Every expense id, and the project's budget as the afternoon shows it (lines and totals)."""
    with services.store.reading() as s:
        ids = set(s.exec(select(Expense.id)).all())
    return ids, next(p for p in services.budget.projects() if p.code == PROJECT)


def test_an_import_is_one_change_that_one_undo_reverses(services) -> None:
    before = ids_and_budget(services)
    preview = services.expenses.import_csv(FIXTURES / "bank_fr_latin1.csv", project=PROJECT)
    ids, budget = ids_and_budget(services)
    assert preview.new == 4 and len(ids - before[0]) == 4 and budget.totals != before[1].totals
    assert services.system.undo_last() == "Expenses imported from bank_fr_latin1.csv"
    assert ids_and_budget(services) == before  # all four gone, every line's figures and the totals back
    assert services.expenses.import_csv(FIXTURES / "bank_fr_latin1.csv", project=PROJECT).new == 4


def test_prodcom_undo_takes_back_a_command_line_import(demo_path, capsys, clock) -> None:
    from prodcom_tui.cli.main import main
    from prodcom_tui.services.facade import open_services

    def expenses() -> tuple[int, object]:
        services = open_services(demo_path, clock)
        try:
            ids, budget = ids_and_budget(services)
            return len(ids), budget.totals
        finally:
            services.close()

    before = expenses()
    bank = str(FIXTURES / "bank_fr_latin1.csv")
    assert main(["import", "expenses", bank, "--db", str(demo_path), "--project", PROJECT]) == 0
    assert expenses()[0] == before[0] + 4
    assert main(["undo", "--db", str(demo_path)]) == 0
    assert capsys.readouterr().out.endswith("undone: Expenses imported from bank_fr_latin1.csv\n")
    assert expenses() == before
