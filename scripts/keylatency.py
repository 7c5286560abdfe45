#!/usr/bin/env python3
"""Key press to changed screen, in a real terminal: knupp's front in tmux, keys sent with
`tmux send-keys`, the pane read with `tmux capture-pane` until it shows what the key should
bring. Part of scripts/bench; a benchmark, never a test.

Usage: keylatency.py KNUPP STORE [RUNS]         the keys at 20k: j, Space, a search keystroke, a paste
       keylatency.py KNUPP STORE RUNS --large   a large store: first frame, Space, the front's peak memory
Prints one line per measure: "name median min max runs" (milliseconds; MiB for memory).

The pane is read by three pollers at once, staggered, so that a change is seen within a third
of one capture's cost (measured and printed as "poll interval"). The floor is a plain `j` (move
down one row) measured in the same run: what any key costs here, terminal and polling included.
On the large store (--large), where each measure takes seconds, one poller reads the pane every
5 ms instead: three reading without a pause took most of a core from the front while it loaded
and saved (on two cores, its first frame measured 4.7 s polled so against 2.4 s by hand).
"""
import statistics
import subprocess
import sys
import threading
import time

knupp, store = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
large = "--large" in sys.argv
SOCKET = f"knupp-keys-{int(time.time() * 1000) % 100000}"


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True).stdout


def screen():
    return tmux("capture-pane", "-p")


POLLERS, PAUSE = (1, 0.005) if large else (3, 0.0)


def wait_for(predicate, timeout=60.0, pollers=POLLERS):
    """Seconds from now until the pane satisfies predicate, read by staggered pollers."""
    start = time.perf_counter()
    found = threading.Event()
    when = []

    def poll(offset):
        time.sleep(offset)
        while not found.is_set() and time.perf_counter() - start < timeout:
            text = screen()
            if predicate(text):
                if not found.is_set():
                    when.append(time.perf_counter())
                    found.set()
                return
            if PAUSE:
                time.sleep(PAUSE)

    threads = [threading.Thread(target=poll, args=(i * 0.0008,)) for i in range(pollers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if not when:
        raise SystemExit(f"keylatency: the screen never showed what was expected:\n{screen()}")
    return min(when) - start


def press(keys, predicate, literal=False):
    """Milliseconds from sending keys to the pane satisfying predicate."""
    args = ["send-keys"] + (["-l"] if literal else []) + [keys]
    start = time.perf_counter()
    subprocess.run(["tmux", "-L", SOCKET, *args])
    sent = time.perf_counter()
    elapsed = wait_for(predicate)
    return (sent - start + elapsed) * 1000


def header():
    return screen().splitlines()[0]


def report(name, values):
    print(f"{name} {statistics.median(values):.1f} {min(values):.1f} {max(values):.1f} {len(values)}", flush=True)


def knupp_pid():
    shell = tmux("display-message", "-p", "#{pane_pid}").strip()
    out = subprocess.run(["pgrep", "-P", shell, "-x", "knupp"], capture_output=True, text=True).stdout.split()
    return out[0] if out else None


def peak_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def tick_runs(count):
    ticks = []
    for _ in range(count):
        rev = int(header().rsplit("rev ", 1)[1].split()[0])
        ticks.append(press("Space", lambda s, r=rev: f"rev {r + 1}" in s.splitlines()[0]))
    return ticks


try:
    start = time.perf_counter()
    tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color",
         f"{knupp} --store {store} --officer bench; sleep 600")
    wait_for(lambda s: "people reached" in s)
    first = (time.perf_counter() - start) * 1000
    if large:
        report("first_frame", [first])
        press("4", lambda s: "Milestones ·" in s)
        report("tick", tick_runs(runs))
        report("peak_rss_mib", [peak_mib(knupp_pid())])
        raise SystemExit(0)
    # The cost of reading the pane once, with nothing to wait for.
    t0 = time.perf_counter()
    for _ in range(20):
        screen()
    report("poll_interval", [(time.perf_counter() - t0) / 20 * 1000 / 3])

    press("4", lambda s: "Milestones ·" in s)
    # Floor: j moves the selection one row; the position counter at the right changes.
    floor = []
    for _ in range(runs):
        before = screen().splitlines()[2]
        floor.append(press("j", lambda s, b=before: s.splitlines()[2] != b))
    report("j_floor", floor)

    # Space: a tick (or untick) saved; the revision at the top right is the new one.
    report("tick_20k", tick_runs(runs))

    # Search: one keystroke at a time, each until the panel's header shows the query it makes.
    press("/", lambda s: "type to search" in s)
    keys = []
    query = ""
    for ch in "Milestone 1234"[:max(1, min(runs, 14))]:
        query += ch
        keys.append(press(ch, lambda s, q=query: f"search: “{q}”" in s, literal=True))
    report("search_keystroke_20k", keys)
    press("Escape", lambda s: "search:" not in s.splitlines()[2])

    # A paste of 14 characters at once: until the screen shows the whole query searched.
    pastes = []
    for _ in range(max(3, runs // 3)):
        press("/", lambda s: "type to search" in s)
        pastes.append(press("Country 1 국가 1", lambda s: "search: “Country 1 국가 1”" in s, literal=True))
        press("Escape", lambda s: "search:" not in s.splitlines()[2])
    report("paste_14_20k", pastes)
finally:
    tmux("kill-server")
