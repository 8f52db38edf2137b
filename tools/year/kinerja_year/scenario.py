"""The year's mix, decided from the seed before anything is sent, so that the driver knows every
number the reports must show: who is returned or late, each unit's organisation predicate and
its staff's predicates (inside the distribution bands, except one unit put out of band on
purpose), realisation values, 360 subjects, objections."""

import hashlib
import math
import random
from dataclasses import dataclass, field

SB, B, BP, K, SK = 1, 2, 3, 4, 5  # national predicate codes
ISTIMEWA, BAIK, BUTUH_PERBAIKAN = 1, 2, 3  # organisation predicate codes
ABOVE, AS_EXPECTED, BELOW = 1, 2, 3  # rating codes

# Ratings (results, behaviour) that derive each predicate (DOMAIN.md matrix).
RATINGS = {SB: (ABOVE, ABOVE), B: (AS_EXPECTED, AS_EXPECTED), BP: (BELOW, AS_EXPECTED),
           K: (AS_EXPECTED, BELOW), SK: (BELOW, BELOW)}
# A unit head's results rating follows the unit's (review default mapping).
HEAD_RESULTS = {ISTIMEWA: ABOVE, BAIK: AS_EXPECTED, BUTUH_PERBAIKAN: BELOW}

PREDICATE_MATRIX = {(ABOVE, BELOW): K, (ABOVE, AS_EXPECTED): B, (ABOVE, ABOVE): SB,
                    (AS_EXPECTED, BELOW): K, (AS_EXPECTED, AS_EXPECTED): B,
                    (AS_EXPECTED, ABOVE): B, (BELOW, BELOW): SK, (BELOW, AS_EXPECTED): BP,
                    (BELOW, ABOVE): BP}


def derive(results, behaviour):
    return PREDICATE_MATRIX[(results, behaviour)]


def stable(seed, *parts):
    """A number in [0, 1) fixed by the seed and the parts (independent of call order)."""
    h = hashlib.sha256("|".join(map(str, (seed, *parts))).encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def allocate(org_predicate, n, out_of_band=False):
    """Staff predicates of a unit of n staff that keep its organisation predicate's bands
    (DOMAIN.md defaults), or, out_of_band, a Baik unit that breaks them (no Butuh Perbaikan or
    Kurang, more than 70 % Baik). Returns a list of n predicate codes, best first."""
    if n == 0:
        return []
    if out_of_band:
        sb = n // 10
        return [SB] * sb + [B] * (n - sb)
    if org_predicate == ISTIMEWA:
        sb = 3 * n // 10
        bp = 1 if n >= 10 else 0
        return [SB] * sb + [B] * (n - sb - bp) + [BP] * bp
    if org_predicate == BUTUH_PERBAIKAN:
        bp = math.ceil(0.6 * n)
        return [B] * (n - bp) + [BP] * bp
    low = max(1, n // 10)
    k = 1 if n >= 15 and low >= 2 else 0
    b = min(7 * n // 10, n - low)
    return [SB] * (n - low - b) + [B] * b + [BP] * (low - k) + [K] * k


BANDS = {  # rule name -> (predicates counted, "most"/"least", limit, percent?)
    ISTIMEWA: [("SANGAT_BAIK_AT_MOST 70%", {SB}, "most", 70, True)],
    BAIK: [("BAIK_AT_MOST 70%", {B}, "most", 70, True),
           ("BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1", {BP, K}, "least", 1, False)],
    BUTUH_PERBAIKAN: [("BUTUH_PERBAIKAN_AT_LEAST 60%", {BP}, "least", 60, True),
                      ("SANGAT_BAIK_AT_MOST 10%", {SB}, "most", 10, True)],
}


def violations(org_predicate, predicates, staff=None):
    """Band rules broken by a unit's finalised staff predicates, out of `staff` to be assessed
    (default: all finalised). As the review service counts: "at most" breaks once exceeded, "at
    least" only once the staff not finalised yet could no longer reach it."""
    n = len(predicates) if staff is None else staff
    pending = n - len(predicates)
    broken = []
    for name, which, kind, limit, percent in BANDS[org_predicate]:
        count = sum(1 for p in predicates if p in which)
        if kind == "most":
            bad = count * 100 > limit * n if percent else count > limit
        else:
            bad = (count + pending) * 100 < limit * n if percent else count + pending < limit
        if bad and n > 0:
            broken.append(name)
    return broken


@dataclass
class PersonPlan:
    """What the scenario decided for one employee."""
    nip: str
    periodic: int = B  # predicate of every periodic assessment
    annual: int = B  # predicate of the annual assessment (before any objection)
    returned: bool = False  # the first submission is returned with a note
    late: bool = False  # misses the filling deadline; HR grants an extension
    sandbagger: bool = False  # first indicator far above target in every window
    no_evidence: bool = False  # realisations without bukti dukung
    late_window: int = 0  # a window (index) realised late after HR reopened it
    missing_window: int = 0  # a window whose second indicator is never realised
    weak_values: list = field(default_factory=list)  # core values (1..7) rated below


@dataclass
class Scenario:
    seed: int
    people: dict  # nip -> PersonPlan
    org_predicates: dict  # unit_id -> code
    flagged_unit: str
    bp_unit: str
    public_units: list  # top units that serve the public (survey ids)
    survey_ids: dict  # unit_id -> survey id
    unrevised: set  # nips in public-service units whose plan is not revised
    round_subjects: list  # nips with a 360 round
    thin_rounds: set  # of those, rounds where only 2 raters answer (withheld)
    objections: list  # (nip, changed?)


PUBLIC_SERVICE_WORDS = ("Kesehatan", "Kependudukan", "Perhubungan", "Kecamatan", "Perizinan",
                        "Penanaman Modal")


def decide(org, seed, year):
    rng = random.Random(seed)
    people = {nip: PersonPlan(nip) for nip in sorted(org.people)}
    staff_units = {}
    for unit_id in sorted(org.units):
        staff = sorted(p.nip for p in org.staff_of(unit_id))
        if staff or org.head_of(unit_id):
            staff_units[unit_id] = staff

    # Organisation predicates; one Butuh Perbaikan unit and one Baik unit put out of band.
    sizable = sorted(u for u, s in staff_units.items() if 8 <= len(s) <= 40)
    if not sizable:
        sizable = sorted(staff_units, key=lambda u: (-len(staff_units[u]), u))[:2]
    rng.shuffle(sizable)
    flagged = sizable[0] if sizable else ""
    bp_unit = sizable[1] if len(sizable) > 1 else ""
    org_predicates = {}
    for unit_id, staff in staff_units.items():
        if unit_id == flagged:
            org_predicates[unit_id] = BAIK
        elif unit_id == bp_unit:
            org_predicates[unit_id] = BUTUH_PERBAIKAN
        else:
            org_predicates[unit_id] = ISTIMEWA if stable(seed, "op", unit_id) < 0.25 else BAIK

    # Staff predicates per unit: periodic inside the bands; annual the same but for the flagged
    # unit, rated out of band.
    for unit_id, staff in staff_units.items():
        order = sorted(staff, key=lambda nip: stable(seed, "rank", nip))
        for nip, predicate in zip(order, allocate(org_predicates[unit_id], len(order))):
            people[nip].periodic = people[nip].annual = predicate
        if unit_id == flagged:
            for nip, predicate in zip(order, allocate(BAIK, len(order), out_of_band=True)):
                people[nip].annual = predicate
        head = org.head_of(unit_id)
        if head:
            head_predicate = derive(HEAD_RESULTS[org_predicates[unit_id]],
                                    ABOVE if org_predicates[unit_id] == ISTIMEWA else AS_EXPECTED)
            people[head.nip].periodic = people[head.nip].annual = head_predicate

    has_reports = {p.assessor_nip for p in org.people.values()}
    for nip, plan in people.items():
        person = org.people[nip]
        leaf = nip not in has_reports and not person.head_of
        r = stable(seed, "mix", nip)
        plan.returned = not person.head_of and r < 0.08
        plan.late = leaf and 0.08 <= r < 0.10
        plan.no_evidence = stable(seed, "evidence", nip) < 0.10
        plan.sandbagger = plan.periodic in (SB, B) and stable(seed, "sandbag", nip) < 0.03
        w = stable(seed, "window", nip)
        plan.late_window = 1 if w < 0.02 else 0
        plan.missing_window = 2 if 0.02 <= w < 0.03 else 0
        values = sorted(range(1, 8), key=lambda v: stable(seed, "value", nip, v))
        if plan.annual in (K, SK):
            plan.weak_values = values[:2]
        elif plan.annual == BP:
            plan.weak_values = values[:1]

    # Public-service units (by name) with their survey; a few of their plans stay unrevised.
    tops = sorted({u.top_id for u in org.units.values() if u.top_id})
    public_units = [u for u in tops if any(w in org.units[u].name for w in PUBLIC_SERVICE_WORDS)]
    survey_ids = {u: f"IKM-{year}-{i + 1:02d}" for i, u in enumerate(public_units)}
    unrevised = set()
    for u in public_units:
        for unit_id in org.subtree(u):
            for p in org.staff_of(unit_id) + ([org.head_of(unit_id)] if org.head_of(unit_id)
                                              else []):
                if not p.head_of and nip_not_assessor(p.nip, has_reports) and \
                        stable(seed, "unrevised", p.nip) < 0.05:
                    unrevised.add(p.nip)

    # 360 rounds: staff of units with at least 4 staff; every fourth round thin (2 answers).
    eligible = sorted(nip for u, s in staff_units.items() if len(s) >= 4 for nip in s)
    subjects = sorted(eligible, key=lambda nip: stable(seed, "360", nip))
    subjects = subjects[:max(4, len(eligible) // 20)]
    thin = set(subjects[::4])

    # Objections: Baik staff of Istimewa units (a change to Sangat Baik keeps the band), half
    # changed, half kept; at least two.
    objections = []
    budget = {u: (7 * len(s)) // 10 - sum(1 for n in s if people[n].annual == SB)
              for u, s in staff_units.items() if org_predicates[u] == ISTIMEWA}
    candidates = sorted((n for u, s in staff_units.items() if u in budget for n in s
                         if people[n].annual == B), key=lambda n: stable(seed, "objection", n))
    wanted = max(2, len(people) // 200)
    for nip in candidates:
        if len(objections) >= wanted:
            break
        unit_id = org.people[nip].unit_id
        change = len(objections) % 2 == 0
        if change and budget[unit_id] <= 0:
            change = False
        if change:
            budget[unit_id] -= 1
        objections.append((nip, change))
    return Scenario(seed, people, org_predicates, flagged, bp_unit, public_units, survey_ids,
                    unrevised, subjects, thin, objections)


def nip_not_assessor(nip, has_reports):
    return nip not in has_reports
