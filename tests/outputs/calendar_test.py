"""`subsim ics`: the file read back by a real iCalendar parser (Debian's python3-icalendar), every
event's DESCRIPTION one of the narrator's sentences (`subsim explain`) or the deadline sentence,
RFC 5545's form (CRLF, 75-octet folding, escaping, DTSTAMP, unique UIDs, all-day dates), and the
last day to cancel before every automatic renewal where the engine's notice rule puts it.
Usage: calendar_test.py SUBSIM SCENARIOS_DIR"""
import datetime, json, os, subprocess, sys, tempfile
from icalendar import Calendar
from scenario_fixture import scenario, write

SUBSIM, SCENARIOS = sys.argv[1], sys.argv[2]

def fail(msg):
    print("FAIL:", msg); sys.exit(1)

def ics(path, *args):
    r = subprocess.run([SUBSIM, "ics", path, *args], capture_output=True)
    if r.returncode != 0: fail(f"ics {path}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout

def explain(path, *args):
    return json.loads(subprocess.run([SUBSIM, "explain", path, *args], capture_output=True, check=True).stdout)

def check_form(raw, where):
    if not raw.endswith(b"\r\n") or b"\n" in raw.replace(b"\r\n", b""): fail(f"{where}: CRLF line ends only")
    for line in raw.split(b"\r\n"):
        if len(line) > 75: fail(f"{where}: a line longer than 75 octets: {line!r}")
        line.decode("utf-8")  # folding never cuts a character

def events(raw):
    cal = Calendar.from_ical(raw)
    if cal.name != "VCALENDAR" or str(cal["VERSION"]) != "2.0" or "PRODID" not in cal: fail("calendar header")
    return [c for c in cal.walk() if c.name == "VEVENT"]

def check_scenario(path, locale):
    raw = ics(path, "--locale", locale)
    check_form(raw, path)
    sentences = set(explain(path, "--locale", locale))
    uids = set()
    until = json.load(open(path, encoding="utf-8"))["until"]
    for ev in events(raw):
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
            if key not in ev: fail(f"{path}: every event has {key}")
        if ev["UID"] in uids: fail(f"{path}: UID {ev['UID']} twice")
        uids.add(str(ev["UID"]))
        start = ev.decoded("DTSTART")
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date): fail("all-day events")
        if ev.decoded("DTSTAMP") != datetime.datetime.fromisoformat(until + "T00:00:00+00:00"): fail("DTSTAMP is `until`")
        text = str(ev["DESCRIPTION"])
        if text not in sentences and not (text.startswith("To stop") or text.startswith("Pour que")):
            fail(f"{path}: DESCRIPTION is not a narrator sentence: {text}")
    return raw

total = 0
for name in sorted(os.listdir(SCENARIOS)):
    if name.endswith(".json"):
        for locale in ("en", "fr"):
            total += len(events(check_scenario(os.path.join(SCENARIOS, name), locale)))
if total < 50: fail(f"the bundled scenarios give only {total} calendar events")

# The notice rule: monthly on the 10th, 30-day notice, end_of_period. Cancelling by 8 Feb stops the
# 10 Mar renewal (8 Feb + 30 days = 10 Mar), so that is the last day to cancel before it.
evs = events(ics(os.path.join(SCENARIOS, "edge-notice-deadline.json")))
# Names in the narrator's sentences are isolated for bidirectional text (U+2068 … U+2069).
def plain(text): return text.replace("\u2068", "").replace("\u2069", "")
deadlines = {(plain(str(e["SUMMARY"])), e.decoded("DTSTART").isoformat()) for e in evs if str(e["SUMMARY"]).startswith("Last day")}
for want in [("Last day to cancel subscription s3", "2025-02-08"), ("Last day to cancel subscription s2", "2025-01-11")]:
    if want not in deadlines: fail(f"missing deadline {want}: {sorted(deadlines)}")
kinds = {str(e["SUMMARY"]).split(" subscription")[0] for e in evs}
if not {"Last day to cancel", "Renewal of", "Access ends for"} <= kinds: fail(f"kinds of dates: {kinds}")

with tempfile.TemporaryDirectory() as d:
    path = write(os.path.join(d, "names.json"), scenario())
    raw = check_scenario(path, "fr")
    if b"\\;" not in raw or b"\\," not in raw: fail("TEXT values escape ; and ,")
    fr = events(raw)
    if not any(str(e["SUMMARY"]).startswith("Fin de l’essai") for e in fr): fail("a French trial end")
    if ics(path) != ics(path): fail("the same scenario gives the same bytes")
print(f"ok: {total} calendar events read back by python3-icalendar")
