"""What the driver keeps while the year runs: the org, the scenario, the API, the calendar, and
each employee's plan as the services answered."""

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class PlanState:
    plan_id: str = ""
    position_type: str = ""
    result_id: str = ""
    indicators: list = field(default_factory=list)  # [(indicator_id, aspect, target)]
    revised: bool = False
    approved: bool = False


@dataclass
class World:
    api: object
    pb: object
    tokens: object
    clock: object
    runner: object
    org: object
    scenario: object
    year: int
    cadence: str  # "QUARTERLY" or "MONTHLY"
    state_dir: str
    period_id: str = ""
    plans: dict = field(default_factory=dict)  # nip -> PlanState
    log: object = print

    # ---- actors -------------------------------------------------------------------------
    def me(self, nip):
        return self.tokens.employee(nip)

    def hr(self):
        return self.tokens.hr_admin()

    def assessor_token(self, nip):
        """The assessor of the day of this employee: their own token, or HR recording the NON-ASN
        mayor's decision."""
        p = self.org.people[nip]
        return self.hr() if p.assessor_non_asn or not p.assessor_nip else self.me(p.assessor_nip)

    def superior_token(self, nip):
        p = self.org.people[nip]
        return self.hr() if p.superior_non_asn or not p.superior_nip else self.me(p.superior_nip)

    # ---- calendar -----------------------------------------------------------------------
    def day(self, month, day, year_offset=0):
        return dt.date(self.year + year_offset, month, day)

    def go(self, when, what):
        self.clock.set_day(when)
        self.log(f"  {when:%a %d %b %Y}  {what}")

    def date(self, d):
        return self.pb.date.Date(year=d.year, month=d.month, day=d.day)

    def rid(self, *parts):
        """A request id fixed by what the call does, so a retry returns the first answer."""
        return "-".join(["y", str(self.year), self.org.agency_id[:12], *map(str, parts)])

    # ---- windows ------------------------------------------------------------------------
    def windows(self):
        """(index, first day, last day) of the period's windows."""
        if self.cadence == "MONTHLY":
            out = []
            for m in range(1, 13):
                last = (dt.date(self.year + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
                out.append((m, dt.date(self.year, m, 1), last))
            return out
        ends = [(3, 31), (6, 30), (9, 30), (12, 31)]
        return [(q + 1, dt.date(self.year, 3 * q + 1, 1), dt.date(self.year, *ends[q]))
                for q in range(4)]

    def months_per_window(self):
        return 1 if self.cadence == "MONTHLY" else 3
