"""The simulated calendar: the goals and review services of a stack started with --sim-clock
read their "now" as the real time plus the seconds in DIR/clock-offset. Moving to a day writes
the offset that puts the services at 09:00 of that day in Asia/Jakarta."""

import datetime as dt
import os
from pathlib import Path

WIB = dt.timezone(dt.timedelta(hours=7))


class SimClock:
    def __init__(self, state_dir):
        self.path = Path(state_dir) / "clock-offset"
        if not self.path.exists():
            raise SystemExit(f"kinerja-year: {self.path} is missing: start the stack with "
                             "`tools/stack up --sim-clock`")
        self.day = None

    def set_day(self, day, hour=9):
        """Moves the services' clock to `hour`:00 WIB of `day` (a datetime.date)."""
        target = dt.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)
        offset = int((target - dt.datetime.now(dt.timezone.utc)).total_seconds())
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(f"{offset}\n")
        os.replace(tmp, self.path)
        self.day = day

    def reset(self):
        """Back to the real time (e.g. before handing the stack over with --keep-up)."""
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("0\n")
        os.replace(tmp, self.path)
