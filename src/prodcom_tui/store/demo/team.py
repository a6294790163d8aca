"""The agency's people and its suppliers."""

from __future__ import annotations

from . import words
from .catalog import ROLES
from .context import Ctx, fold, slug


def build(ctx: Ctx) -> None:
    ctx.put("person", _people(ctx))
    ctx.put("vendor", _vendors(ctx))


def _people(ctx: Ctx) -> list[dict]:
    rng, n = ctx.rng, ctx.size.people
    names = list(words.TEAM[:n])
    while len(names) < n:
        full = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
        if all(full != known for known, _ in names):  # two people with one name would confuse @mentions
            names.append((full, ROLES[len(names) % len(ROLES)]))
    first_id, handles, rows = ctx.take("person", n), set(), []
    for i, (name, role) in enumerate(names):
        handle = _handle(name, handles)
        # Beyond the core team some people have left: their old tasks keep them, new work does not.
        active = i < len(words.TEAM) or i % 6 != 5
        pid = first_id + i
        rows.append({"id": pid, "name": name, "handle": handle, "role": role,
                     "email": f"{handle}@{words.AGENCY_DOMAIN}", "weekly_capacity_hours": 28 if i % 5 == 3 else 35,
                     "active": active})
        ctx.alumni.setdefault(role, []).append(pid)
        if active:
            ctx.by_role.setdefault(role, []).append(pid)
    return rows


def _handle(name: str, taken: set[str]) -> str:
    """The first name when free, then first name plus initial, then the full name and a number."""
    first, _, last = fold(name).partition(" ")
    first, last = slug(first).replace("-", ""), slug(last).replace("-", "")
    for candidate in (first, first + last[:1], f"{first}.{last}"):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    n = 2
    while f"{first}.{last}{n}" in taken:
        n += 1
    taken.add(f"{first}.{last}{n}")
    return f"{first}.{last}{n}"


def _vendor_counts(n: int) -> list[tuple[str, int]]:
    total = sum(share for _, share in words.VENDOR_SHARE)
    counts = [(cat, max(4, n * share // total)) for cat, share in words.VENDOR_SHARE]
    # Whatever rounding left over goes to printers, the most numerous suppliers.
    counts[0] = (counts[0][0], counts[0][1] + n - sum(c for _, c in counts))
    return counts


def _vendors(ctx: Ctx) -> list[dict]:
    rng, used, rows = ctx.rng, set(), []
    vid = ctx.take("vendor", ctx.size.vendors)
    for cat, count in _vendor_counts(ctx.size.vendors):
        ids = ctx.vendors.setdefault(cat, [])
        for i in range(count):
            name = _vendor_name(rng, cat, i, used)
            contact = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
            rows.append({"id": vid, "name": name, "category": cat, "contact_name": contact,
                         "email": f"{slug(contact.split()[0])}@{slug(name)[:40]}.fr",
                         "phone": "+33 {} {:02d} {:02d} {:02d} {:02d}".format(*_phone(rng)),
                         "rating": rng.choice((2, 3, 3, 4, 4, 4, 5, 5)), "notes": rng.choice(words.VENDOR_NOTES)})
            ids.append(vid)
            vid += 1
    return rows


def _vendor_name(rng, cat: str, i: int, used: set[str]) -> str:  # noqa: ANN001
    fixed = words.VENDOR_NAMES[cat]
    name = fixed[i] if i < len(fixed) else rng.choice(words.VENDOR_PATTERNS[cat]).format(
        s=rng.choice(words.LAST_NAMES), p=rng.choice(words.PLACES), f=rng.choice(words.FIRST_NAMES))
    base, n = name, 2
    while name in used:  # two shops can share a name; the town tells them apart
        name = f"{base} ({rng.choice(words.PLACES)})" if n < 5 else f"{base} {n}"
        n += 1
    used.add(name)
    return name


def _phone(rng) -> tuple[int, ...]:  # noqa: ANN001
    return (rng.randint(1, 9), rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99))
