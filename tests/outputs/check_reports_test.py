"""`subsim check --junit/--tap`: the JUnit file read by a JUnit-shaped XML reader (one testcase per
expectation, the narrator's expected-versus-found line as the failure message, escaped), TAP
version 13 with a plan that matches its test points, and the same report whatever the number of
threads; a check made with a reference date ("today") names it in both. Usage: check_reports_test.py SUBSIM"""
import os, subprocess, sys, tempfile
import xml.etree.ElementTree as ET
from scenario_fixture import scenario, write

SUBSIM = sys.argv[1]

def run(*args):
    return subprocess.run([SUBSIM, *args], capture_output=True, text=True)

def fail(msg):
    print("FAIL:", msg); sys.exit(1)

with tempfile.TemporaryDirectory() as d:
    write(os.path.join(d, "a-passes.json"), scenario())
    write(os.path.join(d, "b-fails.json"), scenario([
        {"event": "cancellation_effective", "subscription": "s1"},
        {"on": "2025-02-01", "subscription": "s1", "state": "cancelled"},
        {"total_charged": 1}]))
    with open(os.path.join(d, "c-invalid.json"), "w") as f:
        f.write('{"subsim": 1, "title": "<&>"')
    report = os.path.join(d, "report.xml")
    r = run("check", d, "--junit", report)
    if r.returncode != 2: fail(f"an invalid file gives exit 2, got {r.returncode}: {r.stderr}")
    root = ET.parse(report).getroot()
    if root.tag != "testsuites": fail("root is <testsuites>")
    suites = root.findall("testsuite")
    if [s.get("name") for s in suites] != ["a-passes", "b-fails", "c-invalid"]: fail("one suite per file, in order")
    cases = [c for s in suites for c in s.findall("testcase")]
    if len(cases) != 1 + 3 + 1: fail(f"one testcase per expectation (+1 per invalid file), got {len(cases)}")
    if int(root.get("tests")) != 5 or int(root.get("failures")) != 2 or int(root.get("errors")) != 1:
        fail(f"totals tests/failures/errors: {root.attrib}")
    for s in suites:
        if int(s.get("tests")) != len(s.findall("testcase")): fail(f"suite {s.get('name')} counts its cases")
    failures = [c.find("failure") for c in suites[1].findall("testcase") if c.find("failure") is not None]
    msg = failures[0].get("message")
    if "should be cancelled but is active" not in msg or "1 February 2025" not in msg: fail(f"the failure says what was expected and found: {msg}")
    if failures[1].get("message") != failures[1].text: fail("message attribute and text agree")
    if suites[2].find("testcase/error") is None or "c-invalid.json" not in suites[2].find("testcase/error").text:
        fail("an invalid file is an <error> naming the file")

    tap = run("check", d, "--tap").stdout.splitlines()
    if tap[0] != "TAP version 13" or tap[1] != "1..5": fail(f"TAP header and plan: {tap[:2]}")
    points = [l for l in tap if l.startswith("ok ") or l.startswith("not ok ")]
    if len(points) != 5 or [l.split()[0] for l in points].count("not") != 3: fail(f"TAP points: {points}")
    numbers = [int(l.split(" - ")[0].split()[-1]) for l in points]
    if numbers != list(range(1, 6)): fail(f"TAP points numbered 1..5: {numbers}")

    v2 = dict(scenario(expect=[]), subsim=2, until="today+P1M")
    v2_file = write(os.path.join(d, "..", os.path.basename(d) + "-v2.json"), v2)
    tap_today = run("check", v2_file, "--tap", "--today", "2025-03-01").stdout.splitlines()
    if "# " + v2_file + ": today 2025-03-01" not in tap_today:
        fail(f"TAP names the reference date a check ran with: {tap_today}")
    if any("today" in l for l in tap): fail("TAP names no reference date when none was given")
    run("check", v2_file, "--junit", report, "--today", "2025-03-01")
    os.remove(v2_file)
    props = ET.parse(report).getroot().findall("testsuite/properties/property")
    if [(p.get("name"), p.get("value")) for p in props] != [("today", "2025-03-01")]:
        fail(f"JUnit names the reference date as a suite property: {[p.attrib for p in props]}")

    for n in range(12): write(os.path.join(d, f"many-{n:02}.json"), scenario())
    one = run("check", d, "--jobs", "1")
    many = run("check", d, "--jobs", "8")
    if one.stdout != many.stdout or one.stderr != many.stderr: fail("the report does not depend on the thread count")
print("ok: JUnit and TAP reports")
