#!/usr/bin/env python3
"""A write load on the employee service's public gRPC API for the failover and load-balancer tests.

Writers create org units (CreateOrgUnit, one unit per write, each with its own request_id) until
the stop file appears; readers (--readers) read back units already acknowledged (GetOrgUnit). A
call the service refuses for a transient reason (UNAVAILABLE and the like, as during a failover)
is retried, a write with the same request_id, so it takes effect at most once; a write counts as
acknowledged when the service answered it with the unit. Then every acknowledged unit is read
back through the API, and each write's unit must exist exactly once.

    write_load.py --endpoints DIR/endpoints.env --stubs DIR --stop-file F --progress-file P
                  [--killed-at-file K] [--writers 4] [--readers 0] [--addr HOST:PORT]
                  [--only-in-flight-may-fail]

--addr calls that address (a load balancer) instead of the endpoints' EMPLOYEE_ADDR. The progress
file holds the number of acknowledged writes, rewritten as it grows; the killed-at file (written
by the test when it kills something) holds the kill's time (seconds since the epoch). The figures
are printed as "name: value" lines; the exit status is 0 only when no acknowledged write is
missing, none is duplicated and writes were acknowledged after the kill; with
--only-in-flight-may-fail, also only when every refused call attempt was in flight at the kill
(sent before it, answered after it).
"""

import argparse
import collections
import os
import random
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools" / "year"))
sys.path.insert(0, str(REPO / "tests" / "python"))

import grpc  # noqa: E402 (Debian's python3-grpcio)
from client_test import read_endpoints  # noqa: E402
from kinerja_year import stubs  # noqa: E402

CALL_TIMEOUT = 5  # seconds, every call has a deadline
RETRY_FOR = 60  # seconds one write keeps being retried
TRANSIENT = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED,
             grpc.StatusCode.ABORTED, grpc.StatusCode.RESOURCE_EXHAUSTED,
             grpc.StatusCode.UNKNOWN}
NAME_PREFIX = "HA load "


class Load:
    def __init__(self, pb, stub, token, agency, root_id):
        self.pb, self.stub, self.agency, self.root_id = pb, stub, agency, root_id
        self.metadata = [("authorization", f"Bearer {token}")]
        self.lock = threading.Lock()
        self.next = 0
        self.acked = []  # (write number, unit id, first sent, acknowledged) in seconds
        self.refused = collections.Counter()  # status code name -> attempts refused
        self.refused_at = []
        self.gave_up = []  # (which call, last error)
        self.attempts = []  # (sent, answered, status code name or None) of every call attempt
        self.reads = 0

    def take_number(self):
        with self.lock:
            self.next += 1
            return self.next

    def call(self, method, request, what):
        """Calls until answered, retrying transient refusals (the same request); returns the
        answer, or None when it gave up (recorded under `what`)."""
        sent = time.time()
        delay = 0.05
        while True:
            attempt = time.time()
            try:
                answer = method(request, metadata=self.metadata, timeout=CALL_TIMEOUT)
                with self.lock:
                    self.attempts.append((attempt, time.time(), None))
                return answer
            except grpc.RpcError as error:
                now = time.time()
                with self.lock:
                    self.attempts.append((attempt, now, error.code().name))
                    self.refused[error.code().name] += 1
                    self.refused_at.append(now)
                if error.code() not in TRANSIENT or now - sent > RETRY_FOR:
                    with self.lock:
                        self.gave_up.append((what, f"{error.code().name} {error.details()}"))
                    return None
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 0.5)

    def write_one(self, n):
        unit = self.pb.employee_res.OrgUnit(agency_id=self.agency, parent_id=self.root_id,
                                            name=f"{NAME_PREFIX}{n:06d}")
        request = self.pb.employee.CreateOrgUnitRequest(unit=unit, request_id=f"ha-load-{n}")
        sent = time.time()
        created = self.call(self.stub.CreateOrgUnit, request, f"write {n}")
        if created is not None:
            with self.lock:
                self.acked.append((n, created.id, sent, time.time()))

    def reader(self, stop_file):
        while not stop_file.exists():
            with self.lock:
                unit_id = random.choice(self.acked)[1] if self.acked else self.root_id
            request = self.pb.employee.GetOrgUnitRequest(id=unit_id)
            if self.call(self.stub.GetOrgUnit, request, f"read {unit_id}") is not None:
                with self.lock:
                    self.reads += 1

    def writer(self, stop_file):
        while not stop_file.exists():
            self.write_one(self.take_number())

    def units_by_name(self):
        """Every unit of the agency under the root, read back through the API: name -> ids."""
        found = collections.defaultdict(list)
        token = ""
        while True:
            page = self.stub.ListOrgUnits(
                self.pb.employee.ListOrgUnitsRequest(
                    page_size=500, page_token=token, filter=f'parent_id = "{self.root_id}"'),
                metadata=self.metadata, timeout=30)
            for unit in page.units:
                found[unit.name].append(unit.id)
            token = page.next_page_token
            if not token:
                return found


def set_up(pb, stub, token, agency):
    """The agency and its root unit (idempotent: fixed request ids); returns the root's id."""
    metadata = [("authorization", f"Bearer {token}")]
    try:
        stub.CreateAgency(pb.employee.CreateAgencyRequest(
            agency=pb.employee_res.Agency(id=agency, name="Pemerintah Kota Uji Failover",
                                          kind=pb.employee_res.AGENCY_KIND_CITY,
                                          head_title="Wali Kota"),
            request_id="ha-agency"), metadata=metadata, timeout=30)
    except grpc.RpcError as error:
        if error.code() != grpc.StatusCode.ALREADY_EXISTS:
            raise
    root = stub.CreateOrgUnit(pb.employee.CreateOrgUnitRequest(
        unit=pb.employee_res.OrgUnit(agency_id=agency, name="Sekretariat Daerah"),
        request_id="ha-root"), metadata=metadata, timeout=30)
    return root.id


def write_progress(load, path, done):
    while not done.is_set():
        with load.lock:
            count = len(load.acked)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(f"{count}\n")
        tmp.replace(path)
        done.wait(0.2)


def report_kill(load, killed_at, gone_at, only_in_flight_may_fail):
    """Prints which call attempts failed around the kill; returns the problems (refusals of
    attempts not in flight at the kill, when only those may fail). An attempt was in flight when
    it was sent before the killed process was gone and answered after the kill was sent."""
    def in_flight(attempt):
        return attempt[0] <= gone_at and attempt[1] >= killed_at
    failed = [a for a in load.attempts if a[2] is not None]
    elsewhere = [a for a in failed if not in_flight(a)]
    print(f"call attempts: {len(load.attempts)}")
    gone = (f" (the killed process was gone {gone_at - killed_at:.3f} s after the kill was sent)"
            if gone_at > killed_at else "")
    print(f"call attempts in flight at the kill: "
          f"{sum(1 for a in load.attempts if in_flight(a))}{gone}")
    print(f"call attempts failed: {len(failed)} "
          f"(of them in flight at the kill: {len(failed) - len(elsewhere)})")
    print(f"call attempts failed that were not in flight at the kill: {len(elsewhere)}")
    for sent, answered, code in elsewhere[:5]:
        print(f"  {code}: sent {sent - killed_at:+.3f} s, answered {answered - killed_at:+.3f} s "
              f"from the kill")
    return len(elsewhere) if only_in_flight_may_fail else 0


def report(load, killed_at, only_in_flight_may_fail=False):
    """Prints the figures; returns the number of problems found."""
    acked = sorted(load.acked)
    print(f"writes acknowledged: {len(acked)}")
    refused = ", ".join(f"{code} {n}" for code, n in sorted(load.refused.items())) or "none"
    print(f"call attempts refused (retried; a write with the same request_id): "
          f"{sum(load.refused.values())} ({refused})")
    print(f"reads answered: {load.reads}")
    print(f"calls given up after {RETRY_FOR}s of retries: {len(load.gave_up)}")
    for what, error in load.gave_up[:5]:
        print(f"  {what}: {error}")
    problems = len(load.gave_up) if only_in_flight_may_fail else 0
    if killed_at is not None:
        # The kill's times: when it was sent and, if the test waited for it, when the process
        # was gone.
        killed_at, gone_at = killed_at[0], killed_at[-1]
        problems += report_kill(load, killed_at, gone_at, only_in_flight_may_fail)
        after = [a for a in acked if a[2] > killed_at]
        print(f"writes acknowledged that were sent after the kill: {len(after)}")
        if after:
            print(f"first write sent after the kill acknowledged after: "
                  f"{min(a[3] for a in after) - killed_at:.2f} s")
        else:
            problems += 1
        refusals = [t for t in load.refused_at if t > killed_at]
        if refusals:
            print(f"calls refused for: {max(refusals) - killed_at:.2f} s after the kill")
    ack_times = sorted(a[3] for a in acked)
    gaps = [b - a for a, b in zip(ack_times, ack_times[1:])]
    print(f"longest pause between acknowledgements: {max(gaps, default=0):.2f} s")
    units = load.units_by_name()
    missing = [(n, unit_id) for n, unit_id, _, _ in acked
               if unit_id not in units.get(f"{NAME_PREFIX}{n:06d}", [])]
    duplicated = [name for name, ids in units.items() if len(ids) > 1]
    print(f"units found through the API afterwards: {len(units)}")
    print(f"acknowledged writes missing: {len(missing)}")
    print(f"writes that took effect twice: {len(duplicated)}")
    for n, unit_id in missing[:5]:
        print(f"  missing: write {n} (unit {unit_id})")
    return problems + len(missing) + len(duplicated)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--endpoints", required=True)
    p.add_argument("--stubs", required=True, help="cache folder of the generated stubs")
    p.add_argument("--stop-file", required=True, type=Path)
    p.add_argument("--progress-file", required=True, type=Path)
    p.add_argument("--killed-at-file", type=Path)
    p.add_argument("--writers", type=int, default=4)
    p.add_argument("--readers", type=int, default=0)
    p.add_argument("--addr", help="call this address instead of EMPLOYEE_ADDR")
    p.add_argument("--only-in-flight-may-fail", action="store_true",
                   help="a refused call attempt not in flight at the kill is a problem")
    args = p.parse_args()

    endpoints = read_endpoints(args.endpoints)
    pb = stubs.load(args.stubs)
    channel = grpc.insecure_channel(args.addr or endpoints["EMPLOYEE_ADDR"])
    stub = pb.employee_grpc.EmployeeServiceStub(channel)
    root_id = set_up(pb, stub, endpoints["ADMIN_TOKEN"], endpoints["AGENCY_ID"])
    load = Load(pb, stub, endpoints["ADMIN_TOKEN"], endpoints["AGENCY_ID"], root_id)

    done = threading.Event()
    progress = threading.Thread(target=write_progress, args=(load, args.progress_file, done))
    progress.start()
    writers = [threading.Thread(target=load.writer, args=(args.stop_file,))
               for _ in range(args.writers)]
    writers += [threading.Thread(target=load.reader, args=(args.stop_file,))
                for _ in range(args.readers)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    done.set()
    progress.join()

    killed_at = None
    if args.killed_at_file and args.killed_at_file.exists():
        killed_at = [float(t) for t in args.killed_at_file.read_text().split()]
    problems = report(load, killed_at, args.only_in_flight_may_fail)
    channel.close()
    print("write load: " + ("passed" if problems == 0 else f"FAILED ({problems} problems)"))
    return 0 if problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
