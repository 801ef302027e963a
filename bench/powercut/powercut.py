#!/usr/bin/python3
"""Power-cut harness: runs the market-day driver over lazyfs.py, kills it at random moments,
drops every unsynced write, restarts it on what is left and counts what an acknowledged write lost.

Usage: /usr/bin/python3 powercut.py --driver PATH [--cuts 1000] [--seed 20261206]
                                   [--synchronous full|normal|off] [--max-delay-ms 400]
                                   [--work DIR] [--json FILE] [--log FILE]
       /usr/bin/python3 powercut.py --check      prints what is missing to run, exit 0 when nothing

Each cut: start the driver (`day DB ACKS SEED SYNC`), which reopens the store on what the last
cut left, verifies it against every write acknowledged so far and prints "ready"; wait a random
0..max-delay ms while it runs the market day and acknowledges writes; SIGKILL it; write "cut" to
the filesystem's control file. A final `verify` checks what the last cut left. Lost
acknowledgements are counted once and dropped from the list (the store carries on from what
survived); a store that cannot be opened or fails integrity_check is counted as corrupt and set
up afresh. The summary is one JSON object on stdout (and in --json).
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def missing():
    """What this machine lacks to run the harness (empty: nothing)."""
    lacks = []
    if not os.path.exists("/dev/fuse"):
        lacks.append("/dev/fuse")
    try:
        import fusepy  # noqa: F401  (Debian python3-fusepy, loads libfuse2)
    except ImportError as e:
        lacks.append("python3-fusepy (%s)" % e)
    except EnvironmentError as e:
        lacks.append("libfuse (%s)" % e)
    if os.geteuid() != 0:
        lacks.append("root (mounting FUSE)")
    return lacks


class Mount:
    def __init__(self, work):
        self.backing = os.path.join(work, "durable")
        self.point = os.path.join(work, "mnt")
        os.makedirs(self.backing, exist_ok=True)
        os.makedirs(self.point, exist_ok=True)
        self.log = open(os.path.join(work, "lazyfs.log"), "w")
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "lazyfs.py"), self.backing, self.point],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while not os.path.ismount(self.point):
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("lazyfs did not mount (see %s)" % self.log.name)
            time.sleep(0.05)
        self.control = os.path.join(self.point, ".powercut")

    def command(self, text):
        with open(self.control, "w") as f:
            f.write(text + "\n")
        with open(self.control) as f:
            return f.read().strip()

    def close(self):
        subprocess.run(["umount", self.point], check=False, stderr=subprocess.DEVNULL)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


class Run:
    """One driver process with its stdout read line by line on a thread."""

    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = []
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.errors = []
        self.err_reader = threading.Thread(target=lambda: self.errors.extend(self.proc.stderr), daemon=True)
        self.err_reader.start()

    def _read(self):
        for line in self.proc.stdout:
            if not line.endswith("\n"):
                break  # cut by the kill: never acknowledged
            line = line.rstrip("\n")
            self.lines.append(line)
            if line == "ready":
                self.ready.set()
        self.ready.set()

    def kill(self):
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.reader.join()
        self.err_reader.join()

    def wait(self, timeout):
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        self.reader.join()
        self.err_reader.join()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--driver")
    parser.add_argument("--cuts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--synchronous", choices=["full", "normal", "off"], default="full")
    parser.add_argument("--max-delay-ms", type=int, default=400)
    parser.add_argument("--work")
    parser.add_argument("--json")
    parser.add_argument("--log")
    args = parser.parse_args()
    lacks = missing()
    if args.check or lacks:
        if lacks:
            print("power-cut harness cannot run: missing " + ", ".join(lacks))
        return 2 if lacks else 0
    if not args.driver:
        parser.error("--driver is required")

    work = args.work or tempfile.mkdtemp(prefix="yalu-powercut-")
    os.makedirs(work, exist_ok=True)
    log = open(args.log or os.path.join(work, "powercut.log"), "w")
    acks_path = os.path.join(work, "acks.txt")
    rng = random.Random(args.seed)
    summary = dict(cuts=0, synchronous=args.synchronous, seed=args.seed, max_delay_ms=args.max_delay_ms,
                   acknowledged=0, lost=0, cuts_losing=0, violations=0, corrupt=0, driver_errors=0,
                   verified=0, seconds=0.0, max_events=0)
    acks = []
    started = time.time()
    mount = Mount(work)
    db = os.path.join(mount.point, "yalu.db")

    def say(text):
        log.write(text + "\n")
        log.flush()

    def set_up():
        for name in os.listdir(mount.point):
            os.unlink(os.path.join(mount.point, name))
        mount.command("sync")
        out = subprocess.run([args.driver, "setup", db], capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            raise RuntimeError("driver setup failed: " + out.stdout + out.stderr)
        # The installation is durable before market day starts (as if the machine had been shut down cleanly).
        say("setup: " + mount.command("sync"))
        acks.clear()
        with open(acks_path, "w"):
            pass

    def take_verification(lines, where):
        """Counts lost acknowledgements and violations; returns False when the store was corrupt."""
        lost = [line for line in lines if line.startswith("lost ")]
        violations = [line for line in lines if line.startswith("violation ")]
        corrupt = [line for line in lines if line.startswith("corrupt ")]
        for line in lost + violations + corrupt:
            say("%s: %s" % (where, line))
        if corrupt:
            summary["corrupt"] += 1
            summary["lost"] += len(acks)  # everything acknowledged so far is gone with the file
            if acks:
                summary["cuts_losing"] += 1
            set_up()
            return False
        checked = [line for line in lines if line.startswith("checked ")]
        if checked:
            summary["verified"] += 1
            events = int(dict(kv.split("=") for kv in checked[-1].split()[1:])["events"])
            summary["max_events"] = max(summary["max_events"], events)
            say("%s: %s" % (where, checked[-1]))
        summary["violations"] += len(violations)
        if lost:
            summary["lost"] += len(lost)
            summary["cuts_losing"] += 1
            gone = {line[len("lost "):].split(" (")[0] for line in lost}
            acks[:] = [a for a in acks if a not in gone]
            with open(acks_path, "w") as f:
                f.write("".join(a + "\n" for a in acks))
        return True

    try:
        set_up()
        for cut in range(1, args.cuts + 1):
            seed = rng.randrange(1 << 31)
            delay = rng.uniform(0, args.max_delay_ms / 1000.0)
            run = Run([args.driver, "day", db, acks_path, str(seed), args.synchronous])
            if not run.ready.wait(timeout=600):
                run.kill()
                raise RuntimeError("cut %d: the driver did not get ready in 600 s" % cut)
            if "ready" not in run.lines:
                run.wait(timeout=60)
                take_verification(run.lines, "cut %d start" % cut)
                if not any(line.startswith("corrupt ") for line in run.lines):
                    summary["driver_errors"] += 1
                    say("cut %d: driver exited %s before ready: %s %s" % (cut, run.proc.returncode, run.lines[-3:], "".join(run.errors)[-2000:]))
                continue
            ready_at = len(run.lines)
            take_verification(run.lines[:ready_at], "before cut %d" % cut)
            time.sleep(delay)
            exited = run.proc.poll()
            run.kill()
            if exited is not None:
                summary["driver_errors"] += 1
                say("cut %d: driver exited by itself (%s): %s %s" % (cut, exited, run.lines[-3:], "".join(run.errors)[-2000:]))
            new = [line for line in run.lines[ready_at:] if line.startswith("ack ")]
            acks.extend(new)
            summary["acknowledged"] += len(new)
            with open(acks_path, "a") as f:
                f.write("".join(a + "\n" for a in new))
            stats = mount.command("cut")
            summary["cuts"] = cut
            say("cut %d after %.0f ms: %d acks; %s" % (cut, delay * 1000, len(new), stats))
        final = subprocess.run([args.driver, "verify", db, acks_path, args.synchronous], capture_output=True, text=True, timeout=600)
        take_verification(final.stdout.splitlines(), "final")
        if final.returncode not in (0, 1, 3):
            summary["driver_errors"] += 1
            say("final verify exited %d: %s" % (final.returncode, final.stderr[-2000:]))
    finally:
        summary["seconds"] = round(time.time() - started, 1)
        mount.close()
        log.close()
    text = json.dumps(summary)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
