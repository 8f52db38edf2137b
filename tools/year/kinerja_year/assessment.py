"""Assessment and follow-up: organisation predicates (the leader one level up; HR for the
NON-ASN mayor), periodic and annual ratings with derived predicates and the distribution check,
objections filed, explained and decided, and the national (SIASN) export."""

import datetime as dt
import json
import time
from pathlib import Path

import grpc

from .rpc import RETRIED, CallFailed
from .scenario import HEAD_RESULTS, RATINGS, derive

JUSTIFICATION = ("Seluruh staf mencapai target dan tidak ada pelanggaran disiplin; sebaran "
                 "ditetapkan berdasarkan capaian nyata (unit percontohan).")


class Outcomes:
    """What the services answered: the final predicate of every finalised assessment."""

    def __init__(self):
        self.periodic = {}  # (nip, window) -> predicate
        self.annual = {}  # nip -> predicate (after objections)
        self.annual_ids = {}  # nip -> assessment id
        self.behaviour_below = set()  # nips whose annual behaviour is below expectation
        self.justified = 0
        self.objections = []  # (nip, before, after, changed)
        self.export_files = 0
        self.export_dir = ""


def _leader_above_token(w, unit_id):
    """The token of the leader one level up of the unit on the day: the assessor of whoever holds
    the unit's leader position (resolved as if a staff member held it when vacant)."""
    org, pb = w.org, w.pb
    head = org.head_of(unit_id)
    if head:
        return w.assessor_token(head.nip)
    unit = org.units[unit_id]
    staff = org.staff_of(unit_id)
    line = w.api.call(w.api.employee.GetReportingLine, pb.employee.GetReportingLineRequest(
        employee_id=staff[0].employee_id, date=w.date(w.clock.day),
        position_id=unit.leader_position_id), w.hr())
    if not line.HasField("assessor") or line.assessor.kind == pb.employee_res.Official.KIND_NON_ASN:
        return w.hr()
    return w.me(line.assessor.nip)


def org_predicates(w):
    s, pb = w.scenario, w.pb
    w.go(w.windows()[0][2] + dt.timedelta(days=6), f"organisation predicates of {len(s.org_predicates)} units, each by the "
         "leader one level up (HR for the mayor)")
    names = {1: "ISTIMEWA", 2: "BAIK", 3: "BUTUH_PERBAIKAN"}

    def set_one(unit_id):
        code = s.org_predicates[unit_id]
        w.api.call(w.api.review.SetOrgPredicate, pb.review.SetOrgPredicateRequest(
            unit_id=unit_id, period_id=w.period_id,
            predicate=getattr(pb.review_res, f"ORG_PREDICATE_{names[code]}"),
            note="Capaian indikator kinerja utama (IKU) unit", request_id=w.rid("orgp", unit_id)),
            _leader_above_token(w, unit_id))

    w.runner.each("SetOrgPredicate", sorted(s.org_predicates), set_one, "organisation predicates")


def _ratings(w, nip, predicate):
    p = w.org.people[nip]
    if p.head_of:
        results = HEAD_RESULTS[w.scenario.org_predicates[p.head_of]]
        behaviour = RATINGS[predicate][1]
        return results, behaviour
    return RATINGS[predicate]


def _rate_and_finalise(w, nip, kind, window, predicate, justify):
    pb = w.pb
    results, behaviour = _ratings(w, nip, predicate)
    request = pb.review.RateAssessmentRequest(
        plan_id=w.plans[nip].plan_id, kind=kind, results_rating=results,
        behaviour_rating=behaviour, results_note="Sesuai capaian realisasi dan bukti dukung",
        request_id=w.rid("rate", nip, window))
    if window:
        request.window_date.CopyFrom(w.date(w.windows()[window - 1][1]))
    weak = w.scenario.people[nip].weak_values
    if kind == pb.review_res.ASSESSMENT_KIND_ANNUAL and hasattr(request, "behaviour_values"):
        for value in range(1, 8):  # per-value behaviour ratings, when the contract has them
            item = request.behaviour_values.add()
            item.value = value
            item.rating = 3 if value in weak else 2
    token = w.assessor_token(nip)
    draft = w.api.call(w.api.review.RateAssessment, request, token)
    final = pb.review.FinaliseAssessmentRequest(id=draft.id, request_id=w.rid("final", nip, window))
    if justify:
        final.distribution_justification = JUSTIFICATION
    done = w.api.call(w.api.review.FinaliseAssessment, final, token)
    return done


def periodic(w, outcomes, window):
    index, _, last = window
    nips = sorted(n for n in w.plans if w.plans[n].approved)
    w.go(last + dt.timedelta(days=7),
         f"window {index}: {len(nips)} periodic assessments rated and finalised")
    kind = w.pb.review_res.ASSESSMENT_KIND_PERIODIC

    def one(nip):
        done = _rate_and_finalise(w, nip, kind, index, w.scenario.people[nip].periodic, False)
        outcomes.periodic[(nip, index)] = int(done.predicate)

    w.runner.each("periodic assessment", nips, one, "periodic assessments")


def annual(w, outcomes):
    s = w.scenario
    nips = sorted(n for n in w.plans if w.plans[n].approved)
    w.go(w.day(1, 8, 1), f"annual assessments: {len(nips)} rated and finalised "
         f"(unit {w.org.units[s.flagged_unit].name} rated out of its band, with justification)")
    kind = w.pb.review_res.ASSESSMENT_KIND_ANNUAL

    def one(nip):
        flagged = w.org.people[nip].unit_id == s.flagged_unit and not w.org.people[nip].head_of
        done = _rate_and_finalise(w, nip, kind, 0, s.people[nip].annual, flagged)
        outcomes.annual[nip] = int(done.predicate)
        outcomes.annual_ids[nip] = done.id
        if done.behaviour_rating == 3:
            outcomes.behaviour_below.add(nip)
        if done.distribution_justification:
            outcomes.justified += 1

    w.runner.each("annual assessment", nips, one, "annual assessments")


def objections(w, outcomes):
    pb, s = w.pb, w.scenario
    items = [(nip, changed) for nip, changed in s.objections if nip in outcomes.annual_ids]
    if not items:
        return
    ids = {}
    w.go(w.day(1, 12, 1), f"{len(items)} objections (keberatan) filed by employees")

    def file(item):
        nip, _ = item
        o = w.api.call(w.api.review.FileObjection, pb.review.FileObjectionRequest(
            assessment_id=outcomes.annual_ids[nip],
            explanation="Capaian saya melampaui target pada semua triwulan.",
            request_id=w.rid("objection", nip)), w.me(nip))
        ids[nip] = o.id

    w.runner.each("FileObjection", items, file, "filed")
    w.go(w.day(1, 13, 1), "assessors explain")
    w.runner.each("ExplainObjection", items, lambda item: w.api.call(
        w.api.review.ExplainObjection, pb.review.ExplainObjectionRequest(
            id=ids[item[0]], explanation="Penilaian berdasarkan realisasi dan bukti dukung.",
            request_id=w.rid("explain", item[0])), w.assessor_token(item[0])), "explained")
    w.go(w.day(1, 16, 1), "the assessors' superiors decide")

    def decide(item):
        nip, changed = item
        before = outcomes.annual[nip]
        results, behaviour = RATINGS[1] if changed else _ratings(w, nip, before)
        o = w.api.call(w.api.review.DecideObjection, pb.review.DecideObjectionRequest(
            id=ids[nip], results_rating=results, behaviour_rating=behaviour,
            note=("Bukti dukung menunjukkan capaian di atas ekspektasi." if changed
                  else "Penilaian awal dikuatkan."),
            request_id=w.rid("decide", nip)), w.superior_token(nip))
        outcomes.annual[nip] = int(o.predicate_after)
        outcomes.objections.append((nip, before, int(o.predicate_after), o.changed))

    w.runner.each("DecideObjection", items, decide, "decided")
    changed = sum(1 for o in outcomes.objections if o[3])
    w.log(f"      {changed} changed the predicate, {len(outcomes.objections) - changed} upheld it")


def export(w, outcomes):
    """ExportAssessments as HR: one JSON file per SIASN body under DIR/export (a broken stream is
    taken up again: what was streamed is marked exported, the rest comes on the next call)."""
    pb = w.pb
    out = Path(w.state_dir) / "export"
    out.mkdir(parents=True, exist_ok=True)
    w.go(w.day(1, 30, 1), "national export (SIASN skp22/save and kinerjaperiodik/save)")
    seen = set()
    give_up = time.monotonic() + 120
    while True:
        try:
            stream = w.api.review.ExportAssessments(
                pb.review.ExportAssessmentsRequest(agency_id=w.org.agency_id,
                                                   period_id=w.period_id),
                metadata=[("authorization", f"Bearer {w.hr()}")], timeout=300)
            for record in stream:
                name = f"{record.endpoint.replace('/', '-')}_{record.assessment_id}.json"
                (out / name).write_text(json.dumps(json.loads(record.body_json), indent=1) + "\n")
                seen.add(record.assessment_id)
            break
        except grpc.RpcError as error:
            if error.code() not in RETRIED or time.monotonic() > give_up:
                raise CallFailed("ExportAssessments", error, w.api.reason(error)) from None
            time.sleep(1)
    outcomes.export_files = len(seen)
    outcomes.export_dir = str(out)
    w.log(f"      {len(seen)} bodies written to {out}")


__all__ = ["Outcomes", "org_predicates", "periodic", "annual", "objections", "export", "derive"]
