"""`subsim render --svg/--png`: the SVG read by an XML parser (self-contained: no script, style,
foreign object, external reference or event attribute; text as <text>; every lane labelled; the
bars' colors the states' colors), and the PNG decoded with Python's zlib (every chunk's CRC, the
zlib stream, the rows' filters) into the same size as the SVG, showing the same state colors.
Usage: render_test.py SUBSIM SCENARIOS_DIR"""
import os, struct, subprocess, sys, tempfile, zlib
import xml.etree.ElementTree as ET
from scenario_fixture import scenario, write

SUBSIM, SCENARIOS = sys.argv[1], sys.argv[2]
SVG = "{http://www.w3.org/2000/svg}"
# The six states of format 1, then past_due and paused (format 2): the page's colors, never ink.
STATE_COLORS = {"#cfe3f7", "#ece4fb", "#2f7d4f", "#ffe2a3", "#c6ccd5", "#efd2ce", "#f4b183", "#dde6ee"}

def fail(msg):
    print("FAIL:", msg); sys.exit(1)

def render(path, *args):
    r = subprocess.run([SUBSIM, "render", path, *args], capture_output=True)
    if r.returncode != 0: fail(f"render {path} {args}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout

def check_svg(raw, where):
    root = ET.fromstring(raw)
    if root.tag != SVG + "svg": fail(f"{where}: an <svg> document")
    for el in root.iter():
        name = el.tag.replace(SVG, "")
        if name in ("script", "style", "foreignObject", "image", "use", "a", "iframe"): fail(f"{where}: <{name}>")
        for attr in el.attrib:
            if attr.lower().startswith("on") or "href" in attr: fail(f"{where}: attribute {attr}")
    texts = [t.text for t in root.iter(SVG + "text")]
    if not texts or root.find(SVG + "title") is None: fail(f"{where}: text as <text> and a <title>")
    bars = [r for r in root.iter(SVG + "rect") if r.find(SVG + "title") is not None]
    fills = {r.get("fill") for r in bars}
    if not fills <= STATE_COLORS: fail(f"{where}: bars in state colors, got {fills - STATE_COLORS}")
    if "font-family" not in root.find(SVG + "g").attrib or root.find(SVG + "g").get("font-family") != "sans-serif":
        fail(f"{where}: a generic font family")
    return int(root.get("width")), int(root.get("height")), fills, texts

def decode_png(raw, where):
    if raw[:8] != b"\x89PNG\r\n\x1a\n": fail(f"{where}: PNG signature")
    i, chunks = 8, []
    while i < len(raw):
        n, = struct.unpack(">I", raw[i:i + 4])
        kind, body = raw[i + 4:i + 8], raw[i + 8:i + 8 + n]
        if struct.unpack(">I", raw[i + 8 + n:i + 12 + n])[0] != zlib.crc32(kind + body): fail(f"{where}: CRC of {kind}")
        chunks.append((kind, body)); i += 12 + n
    kinds = [k for k, _ in chunks]
    if kinds[0] != b"IHDR" or kinds[-1] != b"IEND" or b"PLTE" not in kinds: fail(f"{where}: chunks {kinds}")
    w, h, depth, ctype = struct.unpack(">IIBB", chunks[0][1][:10])
    if (depth, ctype) != (8, 3): fail(f"{where}: 8-bit palette")
    palette = dict(chunks)[b"PLTE"]
    colors = ["#%02x%02x%02x" % tuple(palette[j:j + 3]) for j in range(0, len(palette), 3)]
    data = zlib.decompress(b"".join(b for k, b in chunks if k == b"IDAT"))
    if len(data) != h * (w + 1): fail(f"{where}: {h} rows of {w} pixels and a filter byte")
    rows, prev = [], bytes(w)
    for y in range(h):
        f, line = data[y * (w + 1)], bytearray(data[y * (w + 1) + 1:(y + 1) * (w + 1)])
        if f == 2: line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f != 0: fail(f"{where}: filter {f}")
        rows.append(bytes(line)); prev = bytes(line)
    used = {colors[p] for row in rows for p in row}
    return w, h, used

count = 0
# Every bundled scenario, format 2's (scenarios/v2: paused and past_due bars) included.
files = sorted(os.path.relpath(os.path.join(d, f), SCENARIOS)
               for d, _, names in os.walk(SCENARIOS) for f in names if f.endswith(".json"))
for name in files:
    path = os.path.join(SCENARIOS, name)
    for locale in ("en", "fr"):
        w, h, fills, texts = check_svg(render(path, "--svg", "--locale", locale), f"{name} {locale}")
        pw, ph, used = decode_png(render(path, "--png", "--locale", locale), f"{name} {locale}")
        if (pw, ph) != (w, h): fail(f"{name}: PNG {pw}x{ph}, SVG {w}x{h}")
        if not fills <= used: fail(f"{name}: the PNG shows the SVG's state colors {fills - used}")
        count += 1

with tempfile.TemporaryDirectory() as d:
    path = write(os.path.join(d, "names.json"), scenario())
    raw = render(path, "--svg")
    _, _, _, texts = check_svg(raw, "names")
    if not any("Subscription \u2068s1\u2069" == t for t in texts): fail(f"a lane labelled like the narrator: {texts}")
    if 'Fixture <b>&amp; "quotes"' not in "".join(t or "" for t in texts): fail("names escaped, not interpreted")
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "https://x\" onmouseover=\"y"):
        r = subprocess.run([SUBSIM, "render", path, "--html", "--link", bad], capture_output=True)
        if r.returncode != 2: fail(f"--link {bad!r} is refused")
print(f"ok: {count} SVG/PNG pairs read back")
