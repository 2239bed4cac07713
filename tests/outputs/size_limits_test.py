"""Issue 17: the CLI's byte limits. Usage: size_limits_test.py SUBSIM.
- A file over 1 MiB is refused with its real size (not the bytes read before stopping), through a
  file and standard input, in text and in JSON; the JSON is the reader's own errors object.
- Expectation lines naming a long product name thousands of times are refused by `run` and `check`
  with the answer budget's message, before any of them is printed.
- A long subscription id billed daily (tests/regressions/oom-answer-bytes-*.json) is refused by every
  command that would repeat it per event (run, run --json, explain, render --html, ics) at once,
  with a peak resident size under 512 MiB (the child's own, from wait4; an address-space limit would
  stop AddressSanitizer's build, which reserves terabytes) and within seconds; the pictures, which
  do not repeat it, are drawn."""
import json, os, subprocess, sys, tempfile, threading
from scenario_fixture import scenario, write

SUBSIM = sys.argv[1]

REGRESSIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "regressions")

def run(*args, stdin=None, timeout=300):
    return subprocess.run([SUBSIM, *args], input=stdin, capture_output=True, timeout=timeout)

def run_measured(args, timeout=60):
    """(exit status, stdout, stderr, peak resident bytes) of one child; killed after `timeout` s."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(args, stdout=out, stderr=err)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0); err.seek(0)
        return child.returncode, out.read(), err.read(), usage.ru_maxrss * 1024

def fail(msg):
    print("FAIL:", msg); sys.exit(1)

LIMIT = 1 << 20
with tempfile.TemporaryDirectory() as d:
    for size in (LIMIT + 1, 3 * LIMIT + 5):
        big = os.path.join(d, "big.json")
        with open(big, "wb") as f:
            f.write(b" " * size)
        want = f"the file is larger than 1 MiB ({size} bytes)"
        for cmd in (("validate", big), ("run", big), ("check", big)):
            r = run(*cmd)
            if r.returncode != 2 or want not in r.stdout.decode() + r.stderr.decode():
                fail(f"{cmd[0]} on {size} bytes: {r.returncode} {r.stderr[:300]!r}")
        for cmd in (("run", "--json", big), ("explain", big), ("run", "--json", "-")):
            r = run(*cmd, stdin=b" " * size if cmd[-1] == "-" else None)
            errors = json.loads(r.stdout)["errors"]
            if r.returncode != 2 or errors != [{"pointer": "", "message": want, "line": 1, "column": 1}]:
                fail(f"{' '.join(cmd[:-1])} on {size} bytes: {r.returncode} {r.stdout[:300]!r}")
        r = run("validate", "-", stdin=b" " * size)
        if r.returncode != 2 or want not in r.stderr.decode():
            fail(f"validate - on {size} bytes: {r.stderr[:300]!r}")

    # 9,000 expectations naming a 30,000-letter product: 270 MB of lines from a 0.7 MB file, over
    # the 256 MiB budget.
    sc = scenario(expect=[{"state": "active", "subscription": "s1", "product": "desk", "on": "2025-02-01"}] * 9000)
    sc["catalog"]["products"][0]["name"] = "n" * 30000
    sc["actions"] = []
    named = write(os.path.join(d, "named.json"), sc)
    if os.path.getsize(named) >= LIMIT: fail("fixture too large")
    for cmd in (("check", named), ("run", named)):
        r = run(*cmd)
        if r.returncode != 2 or b"more than the limit of 268435456 bytes" not in r.stderr or len(r.stdout) > 10000:
            fail(f"{cmd[0]}: expectation lines over the budget ({r.returncode}, {r.stderr[:300]!r}, {len(r.stdout)} bytes out)")

for name in ("oom-answer-bytes-long-id-daily.json", "oom-answer-bytes-440KB-id-100-years-daily.json"):
    path = os.path.join(REGRESSIONS, name)
    for cmd in (("run", "--json"), ("run",), ("explain",), ("render", "--html"), ("ics",), ("render", "--svg"), ("render", "--png")):
        status, out, err, peak = run_measured([SUBSIM, *cmd, path])
        said = (out + err).decode(errors="replace")
        if peak > 512 << 20:
            fail(f"{' '.join(cmd)} {name}: {peak} bytes resident at its peak")
        if cmd[-1] in ("--svg", "--png"):
            if status != 0 or len(out) > 8 << 20:
                fail(f"{' '.join(cmd)} {name}: {status} {len(out)} bytes {err[:300]!r}")
        elif status != 2 or "more than the limit of 268435456 bytes" not in said or len(out) > 1000:
            fail(f"{' '.join(cmd)} {name}: {status} {len(out)} bytes out, {said[:300]!r}")
print("ok: exact file sizes, budgeted expectation lines, every output of a long id billed daily refused or bounded (peak resident size under 512 MiB)")
