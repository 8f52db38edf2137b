"""Runs many independent actor calls on a small thread pool and shows how far it got."""

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

from .rpc import CallFailed


class Failures:
    """Calls that failed for good, by step; the year goes on and the run fails at the end."""

    def __init__(self):
        self._lock = threading.Lock()
        self.by_step = {}

    def add(self, step, error):
        with self._lock:
            count, sample = self.by_step.get(step, (0, str(error)))
            self.by_step[step] = (count + 1, sample)

    def total(self):
        return sum(count for count, _ in self.by_step.values())


class Runner:
    def __init__(self, threads, failures, out=sys.stdout):
        self.threads = threads
        self.failures = failures
        self.out = out
        self.calls = 0

    def log(self, text):
        print(text, file=self.out, flush=True)

    def each(self, step, items, fn, label=None):
        """fn(item) for every item, `threads` at a time; returns {index: result} of those that
        succeeded. Failures are counted under `step` and shown at the end of the run."""
        items = list(items)
        label = label or step
        results = {}
        if not items:
            return results
        start = last = time.monotonic()
        done = 0
        with ThreadPoolExecutor(max_workers=self.threads) as pool:
            futures = {pool.submit(fn, item): i for i, item in enumerate(items)}
            for future in as_completed(futures):
                done += 1
                try:
                    results[futures[future]] = future.result()
                except CallFailed as error:
                    self.failures.add(step, error)
                now = time.monotonic()
                if now - last >= 5 and done < len(items):
                    last = now
                    self.log(f"      {label}: {done}/{len(items)} ...")
        seconds = time.monotonic() - start
        self.calls += len(items)
        rate = len(items) / seconds if seconds > 0 else 0
        failed = len(items) - len(results)
        self.log(f"      {label}: {len(items)} in {seconds:.1f} s ({rate:.0f}/s)"
                 + (f", {failed} FAILED" if failed else ""))
        return results
