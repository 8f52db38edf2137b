"""The numbers the analytics reports must show, from what the driver did (the scenario and the
services' answers), with the reports' documented rules (proto/kinerja/analytics/v1)."""

from collections import Counter, defaultdict

from .scenario import BANDS, K, SB, SK, violations

PREDICATE_FIELDS = ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]


def distribution(w, outcomes):
    """Annual predicates per top unit (dinas, badan, kecamatan...)."""
    rows = defaultdict(Counter)
    for nip, predicate in outcomes.annual.items():
        top = w.org.units[w.org.people[nip].unit_id].top_id or w.org.root_id
        rows[top][predicate] += 1
    return rows


def compliance(w, outcomes):
    s = w.scenario
    breaking = {}
    for unit_id, code in s.org_predicates.items():
        staff = [p.nip for p in w.org.staff_of(unit_id) if p.nip in w.plans]
        final = [outcomes.annual[n] for n in staff if n in outcomes.annual]
        broken = violations(code, final, len(staff))
        if broken:
            breaking[unit_id] = broken
    return {"units_with_org_predicate": len(s.org_predicates), "units_breaking": len(breaking),
            "units_without_org_predicate": 0, "breaking": breaking}


def _windows_due(w, k):
    """Windows an indicator is due in: the survey indicator (the third, added by the revision
    approved on 1 July) only in the windows ending on or after that day."""
    return sum(1 for _, _, last in w.windows() if not (k == 2 and last < w.day(7, 1)))


def participation(w, ledger, outcomes):
    approved = [n for n in w.plans if w.plans[n].approved]
    windows = len(w.windows())
    late_plans = sum(1 for n in w.plans if w.scenario.people[n].late)
    return {
        "plans": len(w.plans), "plans_submitted": len(w.plans), "plans_approved": len(approved),
        "plans_approved_on_time": len(approved) - late_plans, "plans_overdue": 0,
        "realisations_due": sum(_windows_due(w, k) for n in approved
                                for k in range(len(w.plans[n].indicators))),
        "realisations_filed": len(ledger.realisations),
        "realisations_late": sum(1 for v in ledger.realisations.values() if v[3]),
        "periodic_assessments_due": len(approved) * windows,
        "periodic_assessments_finalised": len(outcomes.periodic),
        "annual_assessments_due": len(approved),
        "annual_assessments_finalised": len(outcomes.annual),
    }


def development(w, ledger, outcomes, values_sent):
    s = w.scenario
    rated, peer, employees = Counter(), Counter(), defaultdict(set)
    if values_sent:
        for nip in outcomes.annual:
            for v in s.people[nip].weak_values:
                rated[v] += 1
                employees[v].add(nip)
    for round_id, (nip, answered, released) in ledger.rounds.items():
        if released:
            for v in s.people[nip].weak_values:
                peer[v] += 1
                employees[v].add(nip)
    return {"assessed_employees": len(outcomes.annual), "rated": rated, "peer": peer,
            "employees": {v: len(e) for v, e in employees.items()},
            "behaviour_below_without_values": 0 if values_sent else len(outcomes.behaviour_below)}


def recognition(w, ledger, outcomes):
    evidence = Counter(nip for (nip, _, _), v in ledger.realisations.items() if v[2])
    periodic = defaultdict(list)
    for (nip, _), predicate in outcomes.periodic.items():
        periodic[nip].append(predicate)
    return sorted(nip for nip, predicate in outcomes.annual.items()
                  if predicate == SB and len(periodic[nip]) >= 2
                  and all(p == SB for p in periodic[nip]) and evidence[nip] >= 1)


def indicator_health(w, ledger, far_above=1.5, min_windows=3):
    s = w.scenario
    public = {n for n in w.plans if w.plans[n].approved and
              w.org.units[w.org.people[n].unit_id].top_id in s.survey_ids}
    without = {n for n in public if not w.plans[n].revised}
    by_indicator = defaultdict(list)
    for (nip, indicator_id, _), (value, target, _, _) in ledger.realisations.items():
        by_indicator[(nip, indicator_id)].append((value, target))
    far = never = 0
    for values in by_indicator.values():
        if len(values) < min_windows:
            continue
        if all(v / t >= far_above for v, t in values):
            far += 1
        if all(v < t for v, t in values):
            never += 1
    return {"public_service_plans": len(public), "public_service_plans_without_quality":
            len(without), "always_far_above_count": far, "never_reached_count": never}


__all__ = ["distribution", "compliance", "participation", "development", "recognition",
           "indicator_health", "PREDICATE_FIELDS", "BANDS", "K", "SK"]
