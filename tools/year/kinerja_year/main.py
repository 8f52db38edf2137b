"""kinerja-year: the command line, and the year in order."""

import argparse
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import assessment, execution, org as org_mod, planning, stubs, summary
from .clock import SimClock
from .progress import Failures, Runner
from .rpc import Api
from .scenario import decide
from .tokens import Tokens
from .world import World

ROOT = Path(__file__).resolve().parents[3]


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="kinerja-year",
        description="Acts out one performance year of a generated city government through the "
                    "public gRPC APIs of a local stack started with `tools/stack up --sim-clock`, "
                    "then prints a summary read from the analytics service and checks it against "
                    "what the year put in (exit 1 on any mismatch or failed call).")
    p.add_argument("--state-dir", required=True, help="the stack's state folder")
    p.add_argument("--data", required=True, help="kinerja-gen output (agency.json, unor.jsonl, "
                   "data-utama.jsonl)")
    p.add_argument("--year", type=int, default=dt.date.today().year, help="performance year "
                   "(default this year)")
    p.add_argument("--seed", type=int, default=1, help="the scenario's seed (default 1)")
    p.add_argument("--threads", type=int, default=8, help="calls in flight (default 8)")
    p.add_argument("--cadence", choices=["quarterly", "monthly"], default="quarterly",
                   help="periodic windows of the period (default quarterly)")
    p.add_argument("--kill", nargs="?", const="review", default="", metavar="NAME[,NAME...]",
                   help="kill -9 each named part in turn (employee, goals, review, analytics, "
                        "postgres; default review) during the second window's realisations "
                        "(the fifth's, monthly), each restarted with `tools/stack restart` "
                        "while the calls retry, the next killed once it serves again")
    p.add_argument("--no-summary", action="store_true", help="skip the analytics summary")
    return p.parse_args(argv)


def read_endpoints(path):
    values = {}
    for line in Path(path).read_text().splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip().strip("'\"")
    return values


KILLABLE = ("employee", "goals", "review", "analytics", "postgres")


def kill_list(value):
    """The parts --kill names, in order; SystemExit naming an unknown one."""
    names = [n.strip() for n in value.split(",") if n.strip()] if value else []
    for name in names:
        if name not in KILLABLE:
            raise SystemExit(f"kinerja-year: --kill: unknown part '{name}' "
                             f"(one of {', '.join(KILLABLE)})")
    return names


def kill_drill(state_dir, service, log):
    """kill -9 the service (or the stack's PostgreSQL server) now and restart it in the
    background; returns a join function."""
    pid_file = (Path(state_dir) / "pg" / "postmaster.pid" if service == "postgres"
                else Path(state_dir) / f"{service}.pid")
    pid = int(pid_file.read_text().splitlines()[0])
    killed = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    log(f"      KILL -9 {service} (pid {pid}); restarting it while the calls retry")
    result = {}

    def restart():
        time.sleep(1)
        out = subprocess.run([str(ROOT / "tools" / "stack"), "restart", service, "--state-dir",
                              state_dir], capture_output=True, text=True)
        result["rc"], result["out"] = out.returncode, (out.stdout + out.stderr).strip()
        result["seconds"] = time.monotonic() - killed

    thread = threading.Thread(target=restart)
    thread.start()

    def join():
        thread.join()
        log(f"      {result.get('out', '')} (exit {result.get('rc')}; serving again "
            f"{result.get('seconds', 0):.1f} s after the kill, 1 s of it waiting on purpose)")
        if result.get("rc") != 0:
            raise SystemExit(f"kinerja-year: tools/stack restart {service} failed")

    return join


def drill(state_dir, names, log):
    """The kills of --kill for realise_window: called between its chunks of calls, the n-th
    call kills the n-th part after the (n-1)-th serves again."""
    pending = []

    def step(n):
        while pending:
            pending.pop()()
        if n < len(names):
            pending.append(kill_drill(state_dir, names[n], log))

    return step


def split_agencies(data_dir, state):
    """kinerja-gen output of one agency as it is; of several (above 20,000 employees), one folder
    per agency under DIR/data-by-agency, each with its agency.json, unor.jsonl, data-utama.jsonl."""
    agencies = json.loads((Path(data_dir) / "agency.json").read_text())
    if isinstance(agencies, dict):
        return [Path(data_dir)]
    out = Path(state) / "data-by-agency"
    dirs = {a["id"]: out / a["id"] for a in agencies}
    files = {}
    for a in agencies:
        dirs[a["id"]].mkdir(parents=True, exist_ok=True)
        (dirs[a["id"]] / "agency.json").write_text(json.dumps(a) + "\n")
    for name, key in (("unor.jsonl", "instansiId"), ("data-utama.jsonl", "instansiIndukId")):
        with open(Path(data_dir) / name) as source:  # national size: gigabytes, streamed
            for line in source:
                agency = json.loads(line)[key]
                if (agency, name) not in files:
                    files[(agency, name)] = open(dirs[agency] / name, "w")
                files[(agency, name)].write(line)
    for f in files.values():
        f.close()
    return [dirs[a["id"]] for a in agencies]


class Context:
    """What every agency's year shares: the stack, the calendar, the pool, the failures."""

    def __init__(self, args):
        self.args = args
        self.t0 = time.monotonic()
        self.state = str(Path(args.state_dir).resolve())
        self.endpoints = read_endpoints(Path(self.state) / "endpoints.env")
        self.pb = stubs.load(Path(self.state) / "pystubs")
        self.api = Api(self.pb, self.endpoints)
        self.clock = SimClock(self.state)
        self.failures = Failures()
        self.runner = Runner(args.threads, self.failures)

    def log(self, text):
        print(text, flush=True)

    def step(self, title):
        self.log(f"\n[{time.monotonic() - self.t0:6.1f} s] {title}")


def year_of_agency(ctx, data_dir, number, kills):
    """One agency's whole year, on the shared calendar from 2 January."""
    args, log, api, clock = ctx.args, ctx.log, ctx.api, ctx.clock
    year = args.year
    agency = json.loads((Path(data_dir) / "agency.json").read_text())
    tokens = Tokens(ctx.state, agency["id"])
    ctx.step(f"The {year} performance year of {agency['name']}")
    clock.set_day(dt.date(year, 1, 2))
    log(f"  {clock.day:%a %d %b %Y}  BKPSDM imports the national registry (SIASN UNOR and data-utama)")
    org_mod.import_agency(api, tokens, data_dir, log)
    org = org_mod.load(api, tokens, data_dir, agency, clock.day)
    scenario = decide(org, args.seed + number, year)
    w = World(api, ctx.pb, tokens, clock, ctx.runner, org, scenario, year, args.cadence.upper(),
              ctx.state, log=log)
    tops = sorted({u.top_id for u in org.units.values() if u.top_id})
    kinds = {k: sum(1 for p in org.people.values() if p.kind == k) for k in ("PNS", "CPNS", "PPPK")}
    log(f"      {len(org.people)} employees ({kinds['PNS']} PNS, {kinds['CPNS']} CPNS, "
        f"{kinds['PPPK']} PPPK) in {len(org.units)} units under {len(tops)} top units: "
        + ", ".join(org.units[t].name for t in tops[:6]) + (" ..." if len(tops) > 6 else ""))
    log(f"      scenario (seed {args.seed + number}): unit out of its band: "
        f"{org.units[scenario.flagged_unit].name if scenario.flagged_unit else '-'}; "
        f"public-service units: {', '.join(org.units[u].name for u in scenario.public_units)}")

    ctx.step("Planning (perencanaan): period and cascading SKP plans")
    planning.open_period(w)
    w.go(w.day(1, 5), "every employee starts their plan")
    planning.create_plans(w)
    planning.cascade(w)
    planning.late_plans(w)

    ctx.step("Execution: realisations, feedback, revision, surveys, 360")
    ledger = execution.Ledger()
    outcomes = assessment.Outcomes()
    windows = w.windows()
    kill_window = 2 if args.cadence == "quarterly" else 5
    for window in windows:
        index, _, last = window
        if last == w.day(6, 30):
            planning.revise_for_public_service(w)
        if last in (w.day(9, 30), w.day(12, 31)):
            done = [x for x in windows
                    if x[2] <= last and (last != w.day(12, 31) or x[1] > w.day(9, 30))]
            execution.import_surveys(w, ledger, done, last + dt.timedelta(days=1))
        during = None
        if kills and index == kill_window:
            during = drill(ctx.state, kills, log)
        execution.realise_window(w, ledger, window, during, len(kills))
        execution.feedback_window(w, ledger, window, len(windows))
        if index == 1:  # the review service finalises nothing of a unit without it
            assessment.org_predicates(w)
        assessment.periodic(w, outcomes, window)
        execution.late_entries(w, ledger, window)
        if last == (w.day(9, 30) if args.cadence == "quarterly" else w.day(11, 30)):
            execution.feedback_360(w, ledger)

    ctx.step("Assessment: annual ratings, objections, national export")
    assessment.annual(w, outcomes)
    assessment.objections(w, outcomes)
    assessment.export(w, outcomes)
    return w, ledger, outcomes


def summarise(ctx, years):
    """The summary of each agency's year from the analytics service (printed in full for up to
    three agencies, as one line each beyond), with its mismatches."""
    log = ctx.log
    mismatches = []
    ctx.step("Summary from the analytics service (reports only, no SQL)")
    as_of = dt.date(ctx.args.year + 1, 2, 1)
    summary.wait_for_analytics(years, as_of)
    values_sent = hasattr(ctx.pb.review.RateAssessmentRequest(), "behaviour_values")
    for w, ledger, outcomes in years:
        for attempt in range(6):
            lines = []
            found = summary.report(w, ledger, outcomes, as_of, values_sent, lines.append)
            if not found:
                break
            time.sleep(5)  # the read model may still be applying the last events
        if len(years) <= 3:
            if len(years) > 1:
                log(f"\n#### {w.org.agency_name}")
            for line in lines:
                log(line)
        else:
            log(f"   {w.org.agency_name}: {len(outcomes.annual)} assessed, "
                f"{'agrees' if not found else f'{len(found)} mismatches'}")
        mismatches.extend(f"{w.org.agency_name}: {m}" for m in found)
    log(f"\n   dashboard: {ctx.endpoints.get('DASHBOARD_URL', '')}")
    return mismatches


def run(args):
    kills = kill_list(args.kill)
    ctx = Context(args)
    log = ctx.log
    years = []
    for number, data_dir in enumerate(split_agencies(args.data, ctx.state)):
        years.append(year_of_agency(ctx, data_dir, number, kills if number == 0 else []))
    mismatches = []
    if not args.no_summary and ctx.api.analytics is not None:
        mismatches = summarise(ctx, years)
    exported = sum(o.export_files for _, _, o in years)
    log(f"   export: {exported} SIASN bodies in {years[0][2].export_dir}")
    for w, _, outcomes in years:
        want = len(outcomes.annual) + len(outcomes.periodic)
        if outcomes.export_files != want:
            mismatches.append(f"{w.org.agency_name}: export: {outcomes.export_files} bodies, "
                              f"the year finalised {want} assessments")

    ctx.step("Done")
    log(f"   calls retried after UNAVAILABLE: {ctx.api.retries}")
    for name, (count, sample) in sorted(ctx.failures.by_step.items()):
        log(f"   FAILED {name}: {count} calls, e.g. {sample}")
    for m in mismatches:
        log(f"   MISMATCH {m}")
    ok = not ctx.failures.total() and not mismatches
    log(f"   year {args.year}: {'all numbers agree' if ok else 'FAILED'} "
        f"({time.monotonic() - ctx.t0:.0f} s)")
    return 0 if ok else 1


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
