"""Execution and monitoring: realisations with evidence per window, the assessor's feedback,
late entries in windows HR reopened, public satisfaction survey imports, and the 360 round."""

import datetime as dt

from .planning import SURVEY_TARGET
from .scenario import B, BP, K, SB, SK, stable

ONE_DAY = dt.timedelta(days=1)


class Ledger:
    """Every realisation recorded (plan, indicator, window) -> (value, target, evidence, late),
    for the expected numbers."""

    def __init__(self):
        self.realisations = {}
        self.feedback = 0
        self.rounds = {}  # round_id -> (nip, answered, released)
        self.surveys = 0

    def add(self, key, value):
        self.realisations[key] = value


def ikm(w, unit_id, window_index):
    quarter = (window_index - 1) // 3 + 1 if w.cadence == "MONTHLY" else window_index
    return round(75 + 12 * stable(w.scenario.seed, "ikm", unit_id, quarter), 2)


def _value(w, nip, k, window_index, target, unit_top):
    plan = w.scenario.people[nip]
    r = stable(w.scenario.seed, "value", nip, k, window_index)
    if k == 2:
        return ikm(w, unit_top, window_index)
    if k == 0 and plan.sandbagger:
        factor = 1.6 + 0.3 * r
    elif plan.periodic == SB:
        factor = (1.1 + 0.2 * r) if k == 0 else (1.05 + 0.1 * r)
    elif plan.periodic in (B, K):
        factor = (1.0 + 0.1 * r) if k == 0 else (1.0 + 0.05 * r)
    else:  # BP, SK: below target in every window
        factor = 0.7 + 0.2 * r
    return round(target * factor, 1)


def _entries(w, window):
    """(nip, k, indicator_id, target, value) due in this window: the indicators of the version in
    force on its first day (the survey indicator only from the revision on)."""
    index, first, _ = window
    out = []
    for nip in sorted(w.plans):
        st = w.plans[nip]
        if not st.approved:
            continue
        top = w.org.units[w.org.people[nip].unit_id].top_id
        for k, (indicator_id, _, target) in enumerate(st.indicators):
            if k == 2 and first < w.day(7, 1):
                continue
            out.append((nip, k, indicator_id, target, _value(w, nip, k, index, target, top)))
    return out


def _record(w, ledger, window, entry, late):
    pb = w.pb
    nip, k, indicator_id, target, value = entry
    index, first, _ = window
    plan = w.scenario.people[nip]
    evidence = [] if plan.no_evidence else [pb.review_res.Evidence(
        name=f"Laporan capaian {index}", link=f"https://kinerja.example.go.id/bukti/{nip}/{index}/{k}")]
    w.api.call(w.api.review.RecordRealisation, pb.review.RecordRealisationRequest(
        plan_id=w.plans[nip].plan_id, indicator_id=indicator_id, window_date=w.date(first),
        value=value, has_value=True, evidence=evidence,
        text="Capaian sesuai laporan bulanan unit", request_id=w.rid("real", nip, k, index)),
        w.me(nip))
    ledger.add((nip, indicator_id, index), (value, target, bool(evidence), late))


def realise_window(w, ledger, window, during=None, kills=0):
    """The employees' realisations of a window the day after it ends. With the --kill drill,
    `during(n)` runs between chunks of them: the first chunk before any kill, then a chunk after
    each of the `kills` kills (while the part restarts), `during(kills)` at the end."""
    index, _, last = window
    s = w.scenario
    entries = [e for e in _entries(w, window)
               if s.people[e[0]].late_window != index
               and not (s.people[e[0]].missing_window == index and e[1] == 1)]
    w.go(last + ONE_DAY, f"window {index}: {len(entries)} realisations with evidence")
    chunks = kills + 1 if during else 1
    size = -(-len(entries) // chunks)
    for n in range(chunks):
        if n > 0:
            during(n - 1)
        label = "realisations" if n == 0 else "realisations (while restarting)"
        w.runner.each("RecordRealisation", entries[n * size:(n + 1) * size],
                      lambda e: _record(w, ledger, window, e, False), label)
    if during:
        during(chunks - 1)


def feedback_window(w, ledger, window, windows_count):
    """The assessor's feedback on the first indicator of the plans whose turn it is."""
    index, _, last = window
    nips = [n for n in sorted(w.plans) if w.plans[n].approved and
            1 + int(stable(w.scenario.seed, "feedback", n) * windows_count) == index]
    w.go(last + 2 * ONE_DAY, f"window {index}: assessors give feedback on {len(nips)} plans")

    def give(nip):
        st = w.plans[nip]
        w.api.call(w.api.review.GiveIndicatorFeedback, w.pb.review.GiveIndicatorFeedbackRequest(
            plan_id=st.plan_id, indicator_id=st.indicators[0][0], window_date=w.date(window[1]),
            text="Pertahankan capaian; lengkapi bukti dukung tepat waktu.",
            request_id=w.rid("feedback", nip, index)), w.assessor_token(nip))
        ledger.feedback += 1

    w.runner.each("GiveIndicatorFeedback", nips, give, "feedback given")


def late_entries(w, ledger, window):
    """Employees who missed the window: HR reopens it for them, they enter late."""
    index, first, last = window
    late = [e for e in _entries(w, window) if w.scenario.people[e[0]].late_window == index]
    if not late:
        return
    nips = sorted({e[0] for e in late})
    w.go(last + 10 * ONE_DAY, f"window {index}: HR reopens it for {len(nips)} employees; "
         "they enter late")

    def reopen(nip):
        w.api.call(w.api.review.ReopenWindow, w.pb.review.ReopenWindowRequest(
            plan_id=w.plans[nip].plan_id, window_date=w.date(first),
            until=w.date(last + 20 * ONE_DAY), reason="Pegawai sedang tugas luar daerah",
            request_id=w.rid("reopen", nip, index)), w.hr())

    w.runner.each("ReopenWindow", nips, reopen, "windows reopened")
    w.runner.each("RecordRealisation(late)", late,
                  lambda e: _record(w, ledger, window, e, True), "late realisations")


def import_surveys(w, ledger, windows, when):
    """The survey office's IKM results of the public-service units, imported by HR."""
    s = w.scenario
    lines = ["unit_id,survey_id,period_start,period_end,ikm,respondents"]
    for unit_id in s.public_units:
        for index, first, last in windows:
            lines.append(f"{unit_id},{s.survey_ids[unit_id]},{first},{last},"
                         f"{ikm(w, unit_id, index):.2f},{200 + int(600 * stable(s.seed, 'resp', unit_id, index))}")
    data = ("\n".join(lines) + "\n").encode()
    w.go(when, f"HR imports {len(lines) - 1} public satisfaction survey results (IKM)")
    pb = w.pb

    def requests():
        yield pb.review.ImportSurveyResultsRequest(header=pb.review.SurveyImportHeader(
            agency_id=w.org.agency_id, request_id=w.rid("survey", when)))
        yield pb.review.ImportSurveyResultsRequest(data=data)

    summary = w.api.stream(w.api.review.ImportSurveyResults, requests, w.hr())
    ledger.surveys += summary.created + summary.updated
    w.log(f"      {summary.received} lines: {summary.created} created, {summary.updated} updated, "
          f"{summary.failed} failed")


def _page(w, method, request, field):
    out = []
    while True:
        page = w.api.call(method, request, w.hr())
        out.extend(getattr(page, field))
        if not page.next_page_token:
            return out
        request.page_token = page.next_page_token


def feedback_360(w, ledger):
    """HR opens a 360 round for the chosen employees; their peers and direct subordinates of the
    day answer per core value (every fourth round only two raters: below k, withheld)."""
    pb, s = w.pb, w.scenario
    opened = w.day(11, 2)
    w.go(opened, f"360 rounds opened for {len(s.round_subjects)} employees")
    rounds = {}

    def open_round(nip):
        p = w.org.people[nip]
        day = w.date(opened)
        peers = _page(w, w.api.employee.ListPeers, pb.employee.ListPeersRequest(
            employee_id=p.employee_id, date=day, page_size=500), "peers")
        reports = _page(w, w.api.employee.ListDirectReports, pb.employee.ListDirectReportsRequest(
            employee_id=p.employee_id, date=day, page_size=500), "reports")
        raters = sorted({o.nip for o in list(peers) + list(reports) if o.nip and o.nip != nip})
        r = w.api.call(w.api.review.OpenFeedbackRound, pb.review.OpenFeedbackRoundRequest(
            employee_id=p.employee_id, plan_id=w.plans[nip].plan_id,
            close_date=w.date(w.day(11, 20)), request_id=w.rid("round", nip)), w.hr())
        if r.raters_invited != len(raters):
            w.log(f"      note: round of {nip} invited {r.raters_invited}, peers+reports {len(raters)}")
        rounds[nip] = (r.id, raters)

    w.runner.each("OpenFeedbackRound", s.round_subjects, open_round, "rounds opened")
    w.go(opened + ONE_DAY, "raters answer")
    answers = []
    for nip, (round_id, raters) in sorted(rounds.items()):
        chosen = raters[:2] if nip in s.thin_rounds else raters
        answers.extend((nip, round_id, rater) for rater in chosen)
        ledger.rounds[round_id] = (nip, len(chosen), len(chosen) >= 3)

    def answer(item):
        nip, round_id, rater = item
        subject = s.people[nip]
        levels = []
        for value in range(1, 8):
            if value in subject.weak_values:
                level = pb.review_res.LEVEL_BELOW
            elif subject.periodic == SB:
                level = pb.review_res.LEVEL_ABOVE
            else:
                level = pb.review_res.LEVEL_AS_EXPECTED
            levels.append(pb.review_res.ValueAnswer(value=value, level=level))
        w.api.call(w.api.review.AnswerFeedbackRound, pb.review.AnswerFeedbackRoundRequest(
            round_id=round_id, answers=levels, comment="Kerja sama tim baik.",
            request_id=w.rid("answer", round_id, rater)), w.me(rater))

    w.runner.each("AnswerFeedbackRound", answers, answer, "answers (anonymous)")
    w.go(w.day(11, 20), "360 rounds closed")
    w.runner.each("CloseFeedbackRound", sorted(rounds), lambda nip: w.api.call(
        w.api.review.CloseFeedbackRound, pb.review.CloseFeedbackRoundRequest(
            round_id=rounds[nip][0], request_id=w.rid("close", nip)), w.hr()), "rounds closed")


__all__ = ["Ledger", "realise_window", "feedback_window", "late_entries", "import_surveys",
           "feedback_360", "SURVEY_TARGET", "BP", "SK"]
