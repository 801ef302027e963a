#!/usr/bin/python3
"""Checks that lazyfs.py forgets exactly what a power cut forgets: unsynced data, sizes and names.

Usage: /usr/bin/python3 selftest.py      prints "selftest ok: N checks" (exit 0) or each failure (exit 1)
"""
import errno
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from powercut import Mount, missing  # noqa: E402

failures = []
checks = 0


def check(what, condition):
    global checks
    checks += 1
    if not condition:
        failures.append(what)
        print("FAIL " + what)


def write(path, data, sync, mode=os.O_WRONLY | os.O_CREAT):
    fd = os.open(path, mode, 0o644)
    try:
        os.write(fd, data)
        if sync:
            os.fsync(fd)
    finally:
        os.close(fd)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def sync_dir(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def main():
    lacks = missing()
    if lacks:
        print("selftest cannot run: missing " + ", ".join(lacks))
        return 2
    work = tempfile.mkdtemp(prefix="yalu-lazyfs-")
    mount = Mount(work)
    m = mount.point
    p = lambda name: os.path.join(m, name)  # noqa: E731
    try:
        # Data: what was fsynced survives, what came after does not.
        write(p("data"), b"synced", sync=True)
        write(p("data"), b"SYNCED-AND-MORE", sync=False)
        check("unsynced overwrite visible before the cut", read(p("data")) == b"SYNCED-AND-MORE")
        # A new file that was never fsynced, nor its directory.
        write(p("fresh"), b"never synced", sync=False)
        # A new file fsynced but not its directory: its own name survives (as on ext4).
        write(p("fresh-synced"), b"synced file", sync=True)
        mount.command("cut")
        check("fsynced data survives, later unsynced writes are dropped", read(p("data")) == b"synced")
        check("a never-synced new file is gone", read(p("fresh")) is None)
        check("an fsynced new file survives with its data", read(p("fresh-synced")) == b"synced file")

        # Sizes: truncation and growth are data too.
        fd = os.open(p("data"), os.O_WRONLY)
        os.ftruncate(fd, 2)
        os.close(fd)
        check("truncation visible before the cut", read(p("data")) == b"sy")
        mount.command("cut")
        check("an unsynced truncation is undone", read(p("data")) == b"synced")
        fd = os.open(p("data"), os.O_WRONLY)
        os.ftruncate(fd, 3)
        os.fsync(fd)
        os.pwrite(fd, b"X" * 9000, 8000)
        os.close(fd)
        mount.command("cut")
        check("a synced truncation stays, an unsynced growth goes", read(p("data")) == b"syn")
        big = bytes(range(256)) * 64  # 16 KiB: four pages
        write(p("big"), big, sync=True)
        fd = os.open(p("big"), os.O_WRONLY)
        os.pwrite(fd, b"\xff" * 10, 5000)
        os.fsync(fd)
        os.pwrite(fd, b"\xee" * 10, 9000)
        os.close(fd)
        mount.command("cut")
        expected = bytearray(big)
        expected[5000:5010] = b"\xff" * 10
        check("page-level: the synced page changed, the unsynced page did not", read(p("big")) == bytes(expected))

        # Names: unlink and rename last only once the directory is fsynced.
        os.unlink(p("data"))
        mount.command("cut")
        check("an unlink without fsync of the directory is undone", read(p("data")) == b"syn")
        os.rename(p("data"), p("renamed"))
        mount.command("cut")
        check("a rename without fsync of the directory is undone", read(p("data")) == b"syn" and read(p("renamed")) is None)
        os.rename(p("data"), p("renamed"))
        os.unlink(p("fresh-synced"))
        write(p("named-only"), b"data not synced", sync=False)
        sync_dir(m)
        mount.command("cut")
        check("a rename with fsync of the directory stays, with its data",
              read(p("data")) is None and read(p("renamed")) == b"syn")
        check("an unlink with fsync of the directory stays", read(p("fresh-synced")) is None)
        check("fsync of the directory keeps a new name but not its unsynced data", read(p("named-only")) == b"")

        # A handle opened before a cut is dead after it (its process lost power).
        fd = os.open(p("renamed"), os.O_WRONLY)
        mount.command("cut")
        try:
            os.write(fd, b"late")
            check("a write through a handle from before the cut fails", False)
        except OSError as e:
            check("a write through a handle from before the cut fails with EBADF", e.errno == errno.EBADF)
        os.close(fd)

        # "sync" makes everything durable (the harness's set-up).
        write(p("setup"), b"installed", sync=False)
        mount.command("sync")
        mount.command("cut")
        check("the sync command makes data and names durable", read(p("setup")) == b"installed")
    finally:
        mount.close()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        return 1
    print("selftest ok: %d checks" % checks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
