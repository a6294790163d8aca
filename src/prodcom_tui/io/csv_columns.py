"""Which column of a CSV holds which expense field: English and French headers, or the user's --map."""

from __future__ import annotations

import re
import unicodedata

from prodcom_tui.domain.errors import InputError

# field -> header names it is read from (normalised: no accents, no case, letters and digits only), best first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "dateoperation", "datedeloperation", "transactiondate", "bookingdate", "createdutc", "created",
             "datecomptable", "datevaleur", "valuedate", "jour"),
    "amount": ("amount", "montant", "amounteur", "montanteur", "gross", "brut", "total", "sum", "somme", "value", "valeur"),
    "debit": ("debit", "debiteur", "montantdebit", "debits", "withdrawal", "withdrawals", "moneyout", "paidout"),
    "credit": ("credit", "crediteur", "montantcredit", "credits", "deposit", "deposits", "moneyin", "paidin"),
    "description": ("description", "libelle", "libelleoperation", "libellecourt", "label", "memo", "details", "detail",
                    "objet", "intitule", "itemtitle", "name", "nom"),
    "vendor": ("vendor", "fournisseur", "supplier", "payee", "beneficiaire", "merchant", "vendorname", "prestataire"),
    "project": ("project", "projet", "projectcode", "codeprojet"),
    "line": ("line", "ligne", "budgetline", "lignebudgetaire", "poste"),
    "invoice_ref": ("invoiceref", "invoice", "invoicenumber", "facture", "nfacture", "numerofacture", "reference", "ref"),
    "currency": ("currency", "devise", "monnaie"),
    "key": ("key", "importkey"),
}
FIELDS = tuple(SYNONYMS)
MAP_HINT = "--map 'COLUMN=FIELD' (e.g. --map 'Gross=amount' --map 'Date=date'); fields: " + ", ".join(FIELDS)


def normalise(header: str) -> str:
    """'Date de l’opération' -> 'datedeloperation'."""
    plain = unicodedata.normalize("NFKD", header.strip().lstrip("\ufeff")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def parse_map(items: list[str] | None) -> dict[str, str]:
    """`COLUMN=FIELD` pairs from the command line -> {field: column}."""
    found: dict[str, str] = {}
    for item in items or ():
        column, sep, field = item.rpartition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise InputError(f"--map {item!r} is not COLUMN=FIELD: write it like {MAP_HINT}")
        if field not in FIELDS:
            raise InputError(f"--map {item!r}: {field!r} is not a field; fields are {', '.join(FIELDS)}")
        found[field] = column.strip()
    return found


def map_columns(headers: list[str], mapping: dict[str, str]) -> dict[str, int]:
    """{field: column index}; the user's mapping first, then the best-known header name for each field."""
    index: dict[str, int] = {}
    lowered = [h.strip().lstrip("\ufeff").casefold() for h in headers]
    for field, column in mapping.items():
        if column.casefold() not in lowered:
            raise InputError(f"--map names the column {column!r}, which the file does not have; columns found: {listing(headers)}")
        index[field] = lowered.index(column.casefold())
    names = [normalise(h) for h in headers]
    taken = set(index.values())
    for field, synonyms in SYNONYMS.items():
        if field in index:
            continue
        for synonym in synonyms:
            if synonym in names and names.index(synonym) not in taken:
                index[field] = names.index(synonym)
                taken.add(index[field])
                break
    return index


def is_usable(index: dict[str, int]) -> bool:
    return "date" in index and ("amount" in index or "debit" in index or "credit" in index)


def unmapped_error(headers: list[str], index: dict[str, int], file: str) -> InputError:
    missing = [] if "date" in index else ["date"]
    if not any(f in index for f in ("amount", "debit", "credit")):
        missing.append("amount (or debit/credit)")
    return InputError(
        f"{file}: cannot tell which column holds the {' and the '.join(missing)}; "
        f"columns found: {listing(headers)}; name them with {MAP_HINT}"
    )


def listing(headers: list[str]) -> str:
    return ", ".join(repr(h.strip().lstrip("\ufeff")) for h in headers) or "none"
