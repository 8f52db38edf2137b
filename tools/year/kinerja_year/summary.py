"""The year's summary, read from the analytics service's reports only (auditor token), checked
against what the driver put in (expected.py): every mismatch is printed and fails the run."""

import time

from . import expected as exp

LABELS = ["SB", "B", "BP", "K/M", "SK"]


def wait_for_analytics(years, as_of, timeout=900):
    """Until the read model has applied the year: every event stream connected and quiet, and
    each agency's finalised assessments all counted (the last writes of the year)."""
    w0 = years[0][0]
    pb, api, token = w0.pb, w0.api, w0.tokens.auditor()
    start = last_log = time.monotonic()
    last = None
    quiet = 0
    while True:
        status = api.call(api.analytics.GetStreamStatus, pb.analytics.GetStreamStatusRequest(),
                          token)
        applied = tuple((s.name, s.applied) for s in status.streams)
        connected = bool(status.streams) and all(s.connected for s in status.streams)
        quiet = quiet + 1 if connected and applied == last else 0
        last = applied
        counted = wanted = 0
        for w, _, outcomes in years:
            part = api.call(api.analytics.GetParticipation, pb.analytics.GetParticipationRequest(
                scope=pb.analytics_res.ReportScope(year=w.year, agency_id=w.org.agency_id),
                as_of=w.date(as_of)), token)
            counted += part.annual_assessments_finalised + part.periodic_assessments_finalised
            wanted += len(outcomes.annual) + len(outcomes.periodic)
        total = sum(a for _, a in applied)
        if quiet >= 2 and counted >= wanted:
            w0.log(f"      analytics caught up: {total} events applied from {len(applied)} "
                   f"streams ({time.monotonic() - start:.1f} s)")
            return True
        if time.monotonic() - start > timeout:
            w0.log(f"      analytics still behind after {timeout} s; reading anyway")
            return False
        if time.monotonic() - last_log >= 10:
            last_log = time.monotonic()
            w0.log(f"      analytics catching up: {total} events applied, {counted}/{wanted} "
                   "finalised assessments counted")
        time.sleep(1)


class Check:
    def __init__(self):
        self.mismatches = []

    def eq(self, what, got, want):
        if got == want:
            return
        if isinstance(got, list) and isinstance(want, list) and len(got) + len(want) > 10:
            extra, missing = sorted(set(got) - set(want)), sorted(set(want) - set(got))
            self.mismatches.append(f"{what}: analytics lists {len(got)}, the year put in "
                                   f"{len(want)} (not expected: {extra[:5]}, missing: "
                                   f"{missing[:5]})")
            return
        self.mismatches.append(f"{what}: analytics says {got}, the year put in {want}")


def _scope(w):
    return w.pb.analytics_res.ReportScope(year=w.year, agency_id=w.org.agency_id)


def report(w, ledger, outcomes, as_of, values_sent, print_=print):
    """Prints the summary; returns the list of mismatches."""
    pb, api, token = w.pb, w.api, w.tokens.auditor()
    ar = pb.analytics_res
    check = Check()
    scope = _scope(w)

    dist = api.call(api.analytics.GetPredicateDistribution, pb.analytics.GetPredicateDistributionRequest(
        scope=scope, kind=ar.ASSESSMENT_KIND_ANNUAL, group_by=ar.GROUP_BY_UNIT), token)
    want_rows = exp.distribution(w, outcomes)
    print_("\n== Annual performance predicates (predikat kinerja) per top unit")
    print_(f"   {'unit':<56}" + "".join(f"{label:>6}" for label in LABELS) + f"{'total':>7}")
    for row in sorted(dist.rows, key=lambda r: -r.counts.total):
        counts = [getattr(row.counts, f) for f in exp.PREDICATE_FIELDS]
        print_(f"   {row.group_name[:55]:<56}" + "".join(f"{c:>6}" for c in counts)
               + f"{row.counts.total:>7}")
        want = want_rows.get(row.group_id, {})
        check.eq(f"distribution {row.group_name}", counts, [want.get(p, 0) for p in range(1, 6)])
    totals = [getattr(dist.totals, f) for f in exp.PREDICATE_FIELDS]
    print_(f"   {'all units':<56}" + "".join(f"{c:>6}" for c in totals) + f"{dist.totals.total:>7}")
    check.eq("distribution rows", len([r for r in dist.rows if r.counts.total]),
             len([u for u, c in want_rows.items() if sum(c.values())]))
    check.eq("distribution total", dist.totals.total, len(outcomes.annual))

    comp = api.call(api.analytics.GetCompliance, pb.analytics.GetComplianceRequest(scope=scope),
                    token)
    want = exp.compliance(w, outcomes)
    print_("\n== Distribution compliance (sebaran predikat vs predikat organisasi)")
    print_(f"   units with an organisation predicate: {comp.units_with_org_predicate}, "
           f"breaking a band: {comp.units_breaking}, without a predicate: "
           f"{comp.units_without_org_predicate}")
    for unit in comp.units:
        if unit.violations:
            rules = ", ".join(f"{v.rule} ({v.count}/{v.unit_staff}, {v.actual_percent:.0f}%)"
                              for v in unit.violations)
            print_(f"   FLAGGED {unit.unit_name}: {rules}")
            check.eq(f"compliance rules of {unit.unit_name}",
                     sorted(v.rule for v in unit.violations),
                     sorted(want["breaking"].get(unit.unit_id, [])))
    for field in ("units_with_org_predicate", "units_breaking", "units_without_org_predicate"):
        check.eq(f"compliance {field}", getattr(comp, field), want[field])
    print_(f"   ({outcomes.justified} finalisations carried a written justification)")

    part = api.call(api.analytics.GetParticipation, pb.analytics.GetParticipationRequest(
        scope=scope, as_of=w.date(as_of)), token)
    want = exp.participation(w, ledger, outcomes)
    print_(f"\n== Participation as of {as_of}")
    print_(f"   plans {part.plans}: submitted {part.plans_submitted}, approved "
           f"{part.plans_approved} ({part.plans_approved_on_time} on time), overdue "
           f"{part.plans_overdue}")
    print_(f"   realisations due {part.realisations_due}: filed {part.realisations_filed} "
           f"({part.realisations_late} late)")
    print_(f"   periodic assessments due {part.periodic_assessments_due}: finalised "
           f"{part.periodic_assessments_finalised}; annual due {part.annual_assessments_due}: "
           f"finalised {part.annual_assessments_finalised}")
    for field, value in want.items():
        check.eq(f"participation {field}", getattr(part, field), value)

    dev = api.call(api.analytics.GetDevelopmentNeeds, pb.analytics.GetDevelopmentNeedsRequest(
        scope=scope), token)
    want = exp.development(w, ledger, outcomes, values_sent)
    print_(f"\n== Development needs (kebutuhan pengembangan), {dev.assessed_employees} assessed")
    for theme in dev.themes:
        print_(f"   {theme.value_label:<24} {theme.theme[:40]:<41} employees {theme.employees:>4} "
               f"(assessor {theme.rated_below}, 360 {theme.peer_below})")
        v = int(theme.value)
        check.eq(f"development {theme.value_label} rated", theme.rated_below, want["rated"][v])
        check.eq(f"development {theme.value_label} 360", theme.peer_below, want["peer"][v])
        check.eq(f"development {theme.value_label} employees", theme.employees,
                 want["employees"].get(v, 0))
    print_(f"   behaviour below expectation without per-value ratings: "
           f"{dev.behaviour_below_without_values}")
    check.eq("development assessed", dev.assessed_employees, want["assessed_employees"])
    check.eq("development themes", len([t for t in dev.themes if t.employees]),
             len([v for v, n in want["employees"].items() if n]))
    check.eq("development behaviour below without values", dev.behaviour_below_without_values,
             want["behaviour_below_without_values"])

    candidates, page_token = [], ""
    while True:
        page = api.call(api.analytics.ListRecognitionCandidates,
                        pb.analytics.ListRecognitionCandidatesRequest(
                            scope=scope, page_size=500, page_token=page_token), token)
        candidates.extend(page.candidates)
        page_token = page.next_page_token
        if not page_token:
            break
    want = exp.recognition(w, ledger, outcomes)
    print_(f"\n== Recognition candidates (Sangat Baik all year, with evidence): {len(candidates)}")
    for c in candidates[:5]:
        print_(f"   {c.name} ({c.nip}), {c.unit_name}: {c.periodic_sangat_baik} periodic SB, "
               f"{c.realisations_with_evidence} realisations with evidence")
    if len(candidates) > 5:
        print_(f"   ... and {len(candidates) - 5} more")
    check.eq("recognition candidates", sorted(c.nip for c in candidates), want)

    health = api.call(api.analytics.GetIndicatorHealth, pb.analytics.GetIndicatorHealthRequest(
        scope=scope), token)
    want = exp.indicator_health(w, ledger)
    print_("\n== Indicator health (kesehatan indikator)")
    print_(f"   public-service plans {health.public_service_plans}, without a quality (IKM) "
           f"indicator {health.public_service_plans_without_quality}")
    print_(f"   indicators always far above target (>= {health.far_above_ratio:g}x): "
           f"{health.always_far_above_count}; never reaching target: {health.never_reached_count}")
    for field, value in want.items():
        check.eq(f"indicator health {field}", getattr(health, field), value)
    return check.mismatches
