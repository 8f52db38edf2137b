#!/usr/bin/env python3
"""The ops dashboard in a real browser: headless Chromium loads the page, takes a screenshot
and dumps the DOM; the test fails unless

  - the screenshot has the window's size and is not blank,
  - each expected chart shows a bar on it: a horizontal run of that chart's own colours (read
    from services/analytics/web/palette.h, the colours the server draws with) longer than a
    legend swatch,
  - each expected chart is in the DOM (its <svg id="...-chart">), and so is each expected text
    and number (numbers as whole tokens; the page groups digits with thin spaces, which are
    ignored).

    dashboard_test.py --url http://127.0.0.1:PORT/dashboard?year=2024 \
        --token-file admin.jwt --chart distribution --chart participation \
        --expect-number 1234 --expect-text "Sangat Baik"

With --token or --token-file the browser is signed in as a browser is: a local proxy in this
script adds the kinerja_token cookie to every request to the service (Chromium has no flag for
cookies). Without a token the page is the public view. Host names other than 127.0.0.1 and
localhost do not resolve in the browser: the page must need nothing from the internet.

Exit status: 0 passed, 1 failed, 77 skipped because no Chromium is installed (said loudly on
standard error; ctest's SKIP_RETURN_CODE), 2 usage error.
"""
import argparse
import http.client
import http.server
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse

SKIP = 77
ROOT = pathlib.Path(__file__).resolve().parents[4]
PALETTE = ROOT / "services/analytics/web/palette.h"

# The colours each chart draws its bars with (names in palette.h).
CHART_COLOURS = {
    "distribution": ["kPredicateColors"],
    "transparency": ["kPredicateColors"],
    "participation": ["kOnTimeColor", "kLateColor", "kOverdueColor", "kOpenColor"],
    "compliance": ["kExcessColor"],
    "streams": ["kLagColor"],
}


def fail(message):
    print(f"dashboard_test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def find_chromium(explicit):
    candidates = [explicit] if explicit else []
    candidates += [os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser",
                   "google-chrome"]
    for candidate in candidates:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


def read_palette():
    """{name: [(r, g, b), ...]} from palette.h."""
    text = PALETTE.read_text()
    palette = {}
    for name, body in re.findall(r"\b(k\w+)\s*=\s*(\{[^}]*\}|\"#[0-9a-fA-F]{6}\")", text):
        palette[name] = [tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))
                         for h in re.findall(r"#([0-9a-fA-F]{6})", body)]
    for names in CHART_COLOURS.values():
        for name in names:
            if not palette.get(name):
                fail(f"{PALETTE} has no colour {name}: keep this test in step with it")
    return palette


class CookieProxy:
    """Forwards GET requests to `origin`, adding the kinerja_token cookie."""

    def __init__(self, origin, token):
        target = urllib.parse.urlsplit(origin)
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                connection = http.client.HTTPConnection(target.hostname, target.port or 80,
                                                        timeout=60)
                headers = {"Cookie": f"kinerja_token={token}", "Accept": "text/html"}
                try:
                    connection.request("GET", self.path, headers=headers)
                    response = connection.getresponse()
                    body = response.read()
                except OSError as e:
                    self.send_error(502, f"proxy: {e}")
                    return
                finally:
                    connection.close()
                self.send_response(response.status)
                for name, value in response.getheaders():
                    if name.lower() not in ("connection", "transfer-encoding", "content-length",
                                            "keep-alive"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                proxy.statuses.append(response.status)

            def log_message(self, *args):  # the token is in no URL, but stay quiet anyway
                pass

        self.statuses = []
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url_for(self, url):
        parts = urllib.parse.urlsplit(url)
        return urllib.parse.urlunsplit(
            ("http", f"127.0.0.1:{self.server.server_port}", parts.path, parts.query, ""))

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def run_chromium(chromium, profile, url, args, timeout):
    command = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
               "--force-device-scale-factor=1",
               # Only the loopback resolves: a page that needs the internet shows it.
               "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
               f"--user-data-dir={profile}"] + args + [url]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        fail(f"chromium did not finish within {timeout} s: {' '.join(command[:-1])} URL")
    if done.returncode != 0:
        fail(f"chromium exited with {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
    return done


def close_to(pixel, colour, tolerance):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def longest_runs(image, charts, palette, tolerance):
    """{chart: the longest horizontal run of pixels in that chart's colours}. A bar is a long
    run; a legend swatch (12 units) is a short one, so a chart with only its legend scores low."""
    width, height = image.size
    wanted = {chart: [c for name in CHART_COLOURS[chart] for c in palette[name]]
              for chart in charts}
    membership = {}  # distinct pixel colour -> the charts it belongs to
    for _, pixel in image.getcolors(maxcolors=width * height):
        owners = [chart for chart, colours in wanted.items()
                  if any(close_to(pixel, colour, tolerance) for colour in colours)]
        if owners:
            membership[pixel] = owners
    pixels = list(image.getdata())
    longest = {chart: 0 for chart in charts}
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        if not any(pixel in membership for pixel in row):
            continue
        run = {chart: 0 for chart in charts}
        for pixel in row:
            owners = membership.get(pixel, ())
            for chart in charts:
                if chart in owners:
                    run[chart] += 1
                    if run[chart] > longest[chart]:
                        longest[chart] = run[chart]
                else:
                    run[chart] = 0
    return longest


def check_screenshot(path, width, height, charts, palette, min_bar, tolerance):
    from PIL import Image  # Debian's python3-pil (scripts/install-deps)

    image = Image.open(path).convert("RGB")
    if image.size != (width, height):
        fail(f"screenshot is {image.size[0]}x{image.size[1]}, expected {width}x{height}")
    colours = image.getcolors(maxcolors=width * height)
    white = sum(count for count, pixel in colours if min(pixel) >= 250)
    if white > 0.995 * width * height or len(colours) < 8:
        fail(f"screenshot is blank ({len(colours)} colours, {white} of {width * height} "
             f"pixels white)")
    longest = longest_runs(image, charts, palette, tolerance)
    for chart, run in longest.items():
        if run < min_bar:
            fail(f"the {chart} chart shows no bar on the screenshot (its longest run of bar "
                 f"colour is {run} px, at least {min_bar} expected): empty, missing or below "
                 f"the fold")
    return longest


def normalise(text):
    # Thin spaces group digits ("1 234 567"); non-breaking and plain spaces collapse.
    text = re.sub(r"(?<=\d)[\u2009\u202f](?=\d)", "", text)
    return re.sub(r"[\s\u00a0\u2009\u202f]+", " ", text)


def dom_text(dom):
    """The page's text content (tags removed, character references decoded)."""
    import html
    without_style = re.sub(r"<style\b.*?</style>", " ", dom, flags=re.S)
    return normalise(html.unescape(re.sub(r"<[^>]+>", " ", without_style)))


def check_dom(dom, charts, texts, numbers):
    if "<svg" not in dom:
        fail("the DOM has no <svg> chart at all")
    for chart in charts:
        if f'id="{chart}-chart"' not in dom:
            fail(f"the DOM has no {chart} chart (<svg id=\"{chart}-chart\">)")
    text = dom_text(dom)
    for expected in texts:
        if normalise(expected) not in text:
            fail(f"the page does not say {expected!r}")
    for number in numbers:
        if not re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text):
            fail(f"the page does not show the number {number}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the dashboard URL (http:// or file://)")
    parser.add_argument("--token", help="a bearer token: view the page signed in")
    parser.add_argument("--token-file", help="a file holding the token")
    parser.add_argument("--chart", action="append", default=[], choices=sorted(CHART_COLOURS),
                        help="a chart that must show (repeatable)")
    parser.add_argument("--no-chart", action="append", default=[], choices=sorted(CHART_COLOURS),
                        help="a chart that must not be in the DOM (repeatable)")
    parser.add_argument("--expect-text", action="append", default=[],
                        help="text the page must contain (repeatable)")
    parser.add_argument("--expect-number", action="append", default=[],
                        help="a number the page must show as a whole number (repeatable)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=3200)
    parser.add_argument("--min-bar-width", type=int, default=60,
                        help="pixels: each expected chart's longest bar at least this wide")
    parser.add_argument("--colour-tolerance", type=int, default=8)
    parser.add_argument("--screenshot", help="keep the screenshot at this path")
    parser.add_argument("--chromium", help="the browser binary (default: chromium on PATH)")
    parser.add_argument("--timeout", type=int, default=90, help="seconds per browser run")
    args = parser.parse_args()

    chromium = find_chromium(args.chromium)
    if chromium is None:
        print("dashboard_test: SKIPPED: no Chromium found (install Debian's chromium package: "
              "scripts/install-deps); the dashboard was NOT tested in a browser",
              file=sys.stderr)
        return SKIP
    try:
        import PIL  # noqa: F401
    except ImportError:
        # Debian's python3-pil lives in the system interpreter, which another python3 earlier
        # on PATH (pyenv, a venv) may not see.
        system = "/usr/bin/python3"
        if os.path.realpath(sys.executable) != os.path.realpath(system) and os.path.exists(system):
            os.execv(system, [system, os.path.abspath(__file__)] + sys.argv[1:])
        fail(f"{sys.executable} cannot import PIL (Debian's python3-pil; scripts/install-deps)")
    palette = read_palette()

    token = args.token
    if args.token_file:
        token = pathlib.Path(args.token_file).read_text().strip()
    url = args.url
    proxy = None
    if token:
        if not url.startswith("http://"):
            fail("a token needs an http:// URL")
        parts = urllib.parse.urlsplit(url)
        proxy = CookieProxy(f"http://{parts.netloc}", token)
        url = proxy.url_for(url)

    work = tempfile.mkdtemp(prefix="kinerja-dashboard-test-")
    try:
        shot = os.path.join(work, "dashboard.png")
        run_chromium(chromium, os.path.join(work, "profile-shot"), url,
                     [f"--window-size={args.width},{args.height}", f"--screenshot={shot}"],
                     args.timeout)
        if not os.path.exists(shot):
            fail("chromium wrote no screenshot")
        if args.screenshot:
            shutil.copyfile(shot, args.screenshot)
        pixels = check_screenshot(shot, args.width, args.height, args.chart, palette,
                                  args.min_bar_width, args.colour_tolerance)
        dom = run_chromium(chromium, os.path.join(work, "profile-dom"), url, ["--dump-dom"],
                           args.timeout).stdout.decode("utf-8", errors="replace")
        check_dom(dom, args.chart, args.expect_text, args.expect_number)
        for chart in args.no_chart:
            if f'id="{chart}-chart"' in dom:
                fail(f"the {chart} chart is on the page and should not be")
        if proxy and any(status != 200 for status in proxy.statuses):
            fail(f"the service answered {proxy.statuses}")
    finally:
        if proxy:
            proxy.close()
        shutil.rmtree(work, ignore_errors=True)
    print("dashboard_test: passed: longest bars " +
          ", ".join(f"{c} {n} px" for c, n in pixels.items()) +
          f"; {len(args.expect_text)} texts and {len(args.expect_number)} numbers found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
