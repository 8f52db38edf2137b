"""Planning (perencanaan): the period, the SKP plans level by level down every reporting chain
(each main result cascading from the assessor's approved result), returns with notes and
resubmissions, late plans with an extension, and the mid-year revision that adds the public
satisfaction indicator to public-service units' plans."""

import datetime as dt

from .world import PlanState

IND_OUTPUT = "Dokumen dan layanan yang diselesaikan"
IND_TIMELY = "Persentase layanan selesai tepat waktu"
IND_SURVEY = "Indeks kepuasan masyarakat (IKM) atas layanan unit"
TIMELY_TARGET = 85.0
SURVEY_TARGET = 80.0


def output_target(w):
    return 10.0 * w.months_per_window()


def open_period(w):
    pb, hr = w.pb, w.hr()
    period = pb.goals_res.Period(
        agency_id=w.org.agency_id, year=w.year, name=f"Periode Penilaian Kinerja {w.year}",
        start_date=w.date(w.day(1, 1)), end_date=w.date(w.day(12, 31)),
        filling_deadline=w.date(w.day(1, 31)),
        cadence=getattr(pb.goals_res, f"CADENCE_{w.cadence}"))
    created = w.api.call(w.api.goals.CreatePeriod, pb.goals.CreatePeriodRequest(
        period=period, request_id=w.rid("period")), hr)
    w.period_id = created.id
    # The export of periodic results needs the agency's SIASN koefisienId.
    policy = pb.review_res.ReviewPolicy(agency_id=w.org.agency_id, koefisien_id="1")
    w.api.call(w.api.review.UpdateReviewPolicy, pb.review.UpdateReviewPolicyRequest(
        policy=policy, update_mask=pb.field_mask.FieldMask(paths=["koefisien_id"]),
        request_id=w.rid("policy")), hr)
    w.log(f"      period {created.id}: {w.year}, {w.cadence.lower()} windows, "
          f"filling deadline {w.day(1, 31)}")


def levels(org):
    """Level of every NIP in the assessment tree: 0 under the NON-ASN mayor (or nobody)."""
    out = {}

    def level(nip, seen=()):
        if nip in out:
            return out[nip]
        p = org.people[nip]
        if p.assessor_non_asn or p.assessor_nip not in org.people or nip in seen:
            out[nip] = 0
        else:
            out[nip] = level(p.assessor_nip, seen + (nip,)) + 1
        return out[nip]

    for nip in org.people:
        level(nip)
    return out


def _content(w, nip, full):
    """The plan's one main result and its indicators (ids kept once the service gave them)."""
    pb = w.pb
    p, st = w.org.people[nip], w.plans[nip]
    unit = w.org.units[p.unit_id].name
    jpt = st.position_type.startswith("JPT")
    assessor = w.plans.get(p.assessor_nip)
    parent = assessor.result_id if assessor and not p.assessor_non_asn else ""
    ids = [i[0] for i in st.indicators] + ["", "", ""]
    indicators = [pb.goals_res.Indicator(
        id=ids[0], text=IND_OUTPUT, aspect=pb.goals_res.ASPECT_QUANTITY,
        target_min=output_target(w), target_max=output_target(w), target_unit="dokumen")]
    if full:
        indicators.append(pb.goals_res.Indicator(
            id=ids[1], text=IND_TIMELY, aspect=pb.goals_res.ASPECT_TIME,
            target_min=TIMELY_TARGET, target_max=TIMELY_TARGET, target_unit="%"))
    result = pb.goals_res.WorkResult(
        id=st.result_id, kind=pb.goals_res.RESULT_KIND_MAIN,
        text=(f"Meningkatnya kinerja dan kualitas layanan {unit}" if p.head_of
              else f"Terlaksananya tugas layanan dan administrasi pada {unit}"),
        parent_result_id=parent, indicators=indicators)
    if jpt:
        result.perspective = pb.goals_res.PERSPECTIVE_SERVICE_RECIPIENTS
    return [result]


def _remember(w, nip, plan):
    st = w.plans[nip]
    st.result_id = plan.results[0].id if plan.results else ""
    st.indicators = [(i.id, i.aspect, i.target_min) for r in plan.results for i in r.indicators]
    st.approved = plan.state == w.pb.goals_res.PLAN_STATE_APPROVED


def _update(w, nip, full, tag):
    pb = w.pb
    plan = pb.goals_res.Plan(id=w.plans[nip].plan_id, results=_content(w, nip, full))
    updated = w.api.call(w.api.goals.UpdatePlan, pb.goals.UpdatePlanRequest(
        plan=plan, update_mask=pb.field_mask.FieldMask(paths=["results"]),
        request_id=w.rid("update", tag, nip)), w.me(nip))
    _remember(w, nip, updated)


def _submit(w, nip, tag):
    w.api.call(w.api.goals.SubmitPlan, w.pb.goals.SubmitPlanRequest(
        id=w.plans[nip].plan_id, request_id=w.rid("submit", tag, nip)), w.me(nip))


def _approve(w, nip, tag):
    plan = w.api.call(w.api.goals.ApprovePlan, w.pb.goals.ApprovePlanRequest(
        id=w.plans[nip].plan_id, request_id=w.rid("approve", tag, nip)), w.assessor_token(nip))
    _remember(w, nip, plan)


def create_plans(w):
    def create(nip):
        plan = w.api.call(w.api.goals.CreatePlan, w.pb.goals.CreatePlanRequest(
            period_id=w.period_id, nip=nip, style=w.pb.goals_res.PLAN_STYLE_QUANTITATIVE,
            request_id=w.rid("plan", nip)), w.me(nip))
        w.plans[nip] = PlanState(plan_id=plan.id, position_type=plan.position_type)

    w.runner.each("CreatePlan", sorted(w.org.people), create, "plans created (each by its employee)")


def cascade(w):
    """Level by level, two days each: write, submit; the assessor approves or returns; the
    returned ones are completed, resubmitted and approved the next day."""
    by_level = {}
    for nip, level in levels(w.org).items():
        if nip in w.plans:
            by_level.setdefault(level, []).append(nip)
    day = w.day(1, 5)
    for level in sorted(by_level):
        nips = sorted(by_level[level])
        w.go(day, f"level {level}: {len(nips)} plans written, submitted and decided")
        on_time = [n for n in nips if not w.scenario.people[n].late]
        returned = [n for n in on_time if w.scenario.people[n].returned]

        def write_and_submit(nip):
            _update(w, nip, full=not w.scenario.people[nip].returned, tag="v1")
            _submit(w, nip, "v1")

        w.runner.each("UpdatePlan+SubmitPlan", on_time, write_and_submit, "written and submitted")

        def decide(nip):
            if nip in returned_set:
                w.api.call(w.api.goals.ReturnPlan, w.pb.goals.ReturnPlanRequest(
                    id=w.plans[nip].plan_id, request_id=w.rid("return", nip),
                    note="Tambahkan indikator ketepatan waktu layanan (aspek waktu)."),
                    w.assessor_token(nip))
            else:
                _approve(w, nip, "v1")

        returned_set = set(returned)
        w.runner.each("ApprovePlan/ReturnPlan", on_time, decide,
                      f"decided by the assessor of the day ({len(returned)} returned with a note)")
        if returned:
            w.go(day + dt.timedelta(days=1), f"level {level}: {len(returned)} returned plans "
                 "completed, resubmitted and approved")

            def redo(nip):
                _update(w, nip, full=True, tag="v2")
                _submit(w, nip, "v2")
                _approve(w, nip, "v2")

            w.runner.each("resubmit", returned, redo, "resubmitted and approved")
        day += dt.timedelta(days=2)


def late_plans(w):
    """Plans not submitted by the filling deadline: HR extends, the employee submits, the
    assessor approves (approved late)."""
    late = sorted(n for n in w.plans if w.scenario.people[n].late)
    if not late:
        return
    w.go(w.day(2, 3), f"HR grants {len(late)} deadline extensions (to 6 Feb); late plans "
         "submitted")

    def extend_and_submit(nip):
        w.api.call(w.api.goals.GrantDeadlineExtension, w.pb.goals.GrantDeadlineExtensionRequest(
            period_id=w.period_id, employee_id=w.org.people[nip].employee_id,
            until=w.date(w.day(2, 6)), reason="Cuti sakit pada masa pengisian SKP",
            request_id=w.rid("extension", nip)), w.hr())
        _update(w, nip, full=True, tag="v1")
        _submit(w, nip, "v1")

    w.runner.each("GrantDeadlineExtension+SubmitPlan", late, extend_and_submit, "extended and submitted")
    w.go(w.day(2, 12), "the assessors approve the late plans (after the extension: late)")
    w.runner.each("ApprovePlan(late)", late, lambda nip: _approve(w, nip, "v1"), "approved")


def revise_for_public_service(w):
    """1 July: HR marks the public-service units (with their survey); their staff revise their
    approved plans to add the survey's QUALITY indicator; the assessor approves the revision the
    same day, so it is in force from the third quarter's first day."""
    pb = w.pb
    s = w.scenario
    w.go(w.day(6, 30), f"HR sets the public-service policy of {len(s.public_units)} units "
         "(survei kepuasan masyarakat)")
    for unit_id in s.public_units:
        w.api.call(w.api.goals.SetUnitPolicy, pb.goals.SetUnitPolicyRequest(
            policy=pb.goals_res.UnitPolicy(agency_id=w.org.agency_id, unit_id=unit_id,
                                           public_service=True, include_subunits=True,
                                           survey_id=s.survey_ids[unit_id]),
            request_id=w.rid("policy", unit_id)), w.hr())
        w.log(f"      {w.org.units[unit_id].name}: survey {s.survey_ids[unit_id]}")
    targets = sorted(nip for nip in w.plans if w.org.units[w.org.people[nip].unit_id].top_id
                     in s.survey_ids and nip not in s.unrevised and w.plans[nip].approved)
    w.go(w.day(7, 1), f"mid-year revision: {len(targets)} plans add the IKM quality indicator "
         f"({len(s.unrevised)} left unrevised)")

    def revise(nip):
        st = w.plans[nip]
        survey = s.survey_ids[w.org.units[w.org.people[nip].unit_id].top_id]
        w.api.call(w.api.goals.RevisePlan, pb.goals.RevisePlanRequest(
            id=st.plan_id, request_id=w.rid("revise", nip),
            reason="Indikator kualitas layanan (IKM) ditambahkan: unit layanan publik"),
            w.me(nip))
        results = _content(w, nip, full=True)
        results[0].indicators.append(pb.goals_res.Indicator(
            text=IND_SURVEY, aspect=pb.goals_res.ASPECT_QUALITY, target_min=SURVEY_TARGET,
            target_max=SURVEY_TARGET, target_unit="indeks", survey_id=survey))
        updated = w.api.call(w.api.goals.UpdatePlan, pb.goals.UpdatePlanRequest(
            plan=pb.goals_res.Plan(id=st.plan_id, results=results),
            update_mask=pb.field_mask.FieldMask(paths=["results"]),
            request_id=w.rid("update", "rev", nip)), w.me(nip))
        _remember(w, nip, updated)
        _submit(w, nip, "rev")
        _approve(w, nip, "rev")
        st.revised = True

    # Parents first: a revision keeps its result ids, so children's links stay valid anyway.
    w.runner.each("revision", targets, revise, "revised and approved")
