"""Issue 17: `check` and `validate` never pass on something they could not read. Usage:
unreadable_input_test.py SUBSIM. Exits 77 (CTest: skipped) only for the unreadable-directory case
when running as root with no way to drop privileges, saying so."""
import os, shutil, subprocess, sys, tempfile
from scenario_fixture import scenario, write

SUBSIM = sys.argv[1]

def run(*args, prefix=()):
    return subprocess.run([*prefix, SUBSIM, *args], capture_output=True, text=True, timeout=60)

def fail(msg):
    print("FAIL:", msg); sys.exit(1)

with tempfile.TemporaryDirectory() as d:
    good = write(os.path.join(d, "good.json"), scenario())
    # A file whose read fails half-way even for root: /proc/self/mem answers EIO at offset 0.
    io_dir = os.path.join(d, "eio"); os.mkdir(io_dir)
    os.symlink("/proc/self/mem", os.path.join(io_dir, "mem.json"))
    for cmd in ("check", "validate"):
        r = run(cmd, io_dir)
        if r.returncode != 2 or "cannot be read" not in r.stderr: fail(f"{cmd}: a read error is exit 2 ({r.returncode}, {r.stderr!r})")

    # A symbolic-link loop inside a directory is reported and skipped; the rest is checked.
    loop_dir = os.path.join(d, "loops"); os.mkdir(loop_dir)
    shutil.copy(good, loop_dir)
    os.symlink("x.json", os.path.join(loop_dir, "x.json"))
    for cmd in ("check", "validate"):
        r = run(cmd, loop_dir)
        if r.returncode != 0 or "x.json: skipped" not in r.stderr: fail(f"{cmd}: a loop in a directory is reported, not fatal ({r.returncode}, {r.stderr!r})")
    # … but a loop given as the argument itself could not be read: exit 2, not an internal failure.
    for cmd in ("check", "validate"):
        r = run(cmd, os.path.join(loop_dir, "x.json"))
        if r.returncode != 2: fail(f"{cmd}: a loop given on the command line is exit 2 ({r.returncode}, {r.stderr!r})")

    # An empty directory has nothing to pass.
    empty = os.path.join(d, "empty"); os.mkdir(empty)
    for cmd in ("check", "validate"):
        if run(cmd, empty).returncode != 2: fail(f"{cmd}: nothing to check is not a pass")

    # An unreadable directory and an unreadable file.
    locked = os.path.join(d, "locked"); os.mkdir(locked)
    shutil.copy(good, locked)
    locked_file = write(os.path.join(d, "locked.json"), scenario())
    os.chmod(locked, 0); os.chmod(locked_file, 0)
    os.chmod(d, 0o755)
    prefix = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            print("SKIPPED: running as root, where chmod 000 does not block reads, and no setpriv to drop privileges")
            sys.exit(77)
        prefix = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
        if run("--version", prefix=prefix).returncode != 0:
            print("SKIPPED: running as root and the build directory is not reachable as nobody")
            sys.exit(77)
    for cmd in ("check", "validate"):
        for target in (locked, locked_file):
            r = run(cmd, target, prefix=prefix)
            if r.returncode != 2 or "cannot be read" not in r.stderr or "0 passed, 0 failed\n" == r.stdout:
                fail(f"{cmd} {os.path.basename(target)}: unreadable is exit 2 ({r.returncode}, {r.stdout!r}, {r.stderr!r})")
    os.chmod(locked, 0o755)
print("ok: unreadable input is never a pass" + (" (as nobody, through setpriv)" if prefix else ""))
