#!/usr/bin/python3
"""A FUSE filesystem that forgets what was not fsynced, to simulate power cuts (like LazyFS).

Usage: /usr/bin/python3 lazyfs.py BACKING_DIR MOUNT_POINT   (Debian python3-fusepy, libfuse2; root)

BACKING_DIR holds the durable state: what a disk would still hold after a power cut. The mount
shows the volatile state, which lives in this process's memory:

- file data: writes and truncations change an in-memory copy of the file; fsync/fdatasync of a
  file writes its changed pages and its size to BACKING_DIR and fsyncs there;
- names: create, unlink and rename change only the in-memory directory; fsync of the directory
  (fsyncdir, what SQLite does after creating a journal or WAL) makes every name durable. As on
  ext4, fsync of a new file also makes that file's own name durable (SQLite does not fsync the
  directory after creating the main database file);
- the control file /.powercut: writing "cut" drops every unsynced change (the volatile state
  becomes BACKING_DIR again, open handles die), "sync" makes everything durable (used once after
  the harness's set-up), "stats" is a no-op. Reading it gives counters of the last cut.

Only the root directory is supported (no subdirectories): that is all a SQLite file needs.
Runs single-threaded (nothreads) so that a "cut" is ordered after every request a killed process
had in flight, and with direct_io and zero cache timeouts so that the kernel never serves stale
pages or sizes after a cut.
"""
import errno
import os
import stat
import sys
import time

from fusepy import FUSE, FuseOSError, Operations

PAGE = 4096
CONTROL = "/.powercut"


class Node:
    """One file (an inode): its current bytes, the pages changed since the last fsync, and the
    name in BACKING_DIR that holds its durable bytes (None: nothing durable yet)."""

    def __init__(self, data=b"", backing=None, mode=0o100644):
        self.data = bytearray(data)
        self.dirty = set()
        self.size_dirty = False
        self.backing = backing
        self.mode = mode
        now = time.time()
        self.mtime = now
        self.ctime = now


class LazyFS(Operations):
    def __init__(self, backing):
        self.root = os.path.realpath(backing)
        self.fh = {}
        self.next_fh = 10
        self.last = "no cut yet\n"
        self.cuts = 0
        self._load()

    # --- durable <-> volatile -------------------------------------------------------------
    def _load(self):
        """The volatile state becomes the durable one (start-up and every cut)."""
        self.names = {}
        self.durable = {}
        for name in sorted(os.listdir(self.root)):
            path = os.path.join(self.root, name)
            if not os.path.isfile(path):
                continue
            with open(path, "rb") as f:
                node = Node(f.read(), backing=name)
            self.names["/" + name] = node
            self.durable[name] = node
        self.fh = {}

    def _cut(self):
        dirty_pages = sum(len(n.dirty) for n in self._all_nodes())
        dirty_files = sum(1 for n in self._all_nodes() if n.dirty or n.size_dirty)
        names = sorted(k[1:] for k in self.names)
        durable = sorted(self.durable)
        self._load()
        self.cuts += 1
        self.last = "cut %d: dropped %d unsynced pages in %d files; names before %s, after %s\n" % (
            self.cuts, dirty_pages, dirty_files, names, durable)

    def _all_nodes(self):
        seen = {}
        for n in list(self.names.values()) + list(self.fh.values()):
            seen[id(n)] = n
        return list(seen.values())

    def _sync_file(self, node, name_hint):
        if node.backing is None:
            if name_hint is None or self.names.get(name_hint) is not node:
                return  # unlinked: nothing a disk would keep
            # ext4-like: fsync of a new file commits its own directory entry.
            name = name_hint[1:]
            old = self.durable.get(name)
            if old is not None:
                old.backing = None
            node.backing = name
            self.durable[name] = node
            fd = os.open(os.path.join(self.root, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.close(fd)
            node.dirty = set(range((len(node.data) + PAGE - 1) // PAGE))
            node.size_dirty = True
            self._fsync_root()
        if not node.dirty and not node.size_dirty:
            return
        fd = os.open(os.path.join(self.root, node.backing), os.O_WRONLY)
        try:
            size = len(node.data)
            for page in sorted(node.dirty):
                start = page * PAGE
                if start >= size:
                    continue
                os.pwrite(fd, bytes(node.data[start:min(size, start + PAGE)]), start)
            os.ftruncate(fd, size)
            os.fsync(fd)
        finally:
            os.close(fd)
        node.dirty = set()
        node.size_dirty = False

    def _sync_names(self):
        """fsyncdir: the durable directory becomes the volatile one. File data stays as durable as it was."""
        wanted = {path[1:]: node for path, node in self.names.items()}
        # Park every durable file whose name changes, then put each where its node now lives.
        parked = {}
        for name, node in list(self.durable.items()):
            if wanted.get(name) is not node:
                tmp = ".parked-%d" % len(parked)
                os.rename(os.path.join(self.root, name), os.path.join(self.root, tmp))
                parked[id(node)] = tmp
                node.backing = None
        self.durable = {}
        for name, node in wanted.items():
            if id(node) in parked:
                os.rename(os.path.join(self.root, parked.pop(id(node))), os.path.join(self.root, name))
            elif node.backing is None:
                # Created but never fsynced: the name survives, the data does not.
                os.close(os.open(os.path.join(self.root, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644))
                node.dirty = set(range((len(node.data) + PAGE - 1) // PAGE))
                node.size_dirty = True
            node.backing = name
            self.durable[name] = node
        for tmp in parked.values():
            os.unlink(os.path.join(self.root, tmp))
        self._fsync_root()

    def _fsync_root(self):
        fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    # --- helpers ---------------------------------------------------------------------------
    def _node(self, path, fh=None):
        if fh is not None and fh in self.fh:
            return self.fh[fh]
        node = self.names.get(path)
        if node is None:
            raise FuseOSError(errno.ENOENT)
        return node

    @staticmethod
    def _check(path):
        if path.count("/") != 1:
            raise FuseOSError(errno.ENOENT)

    def _new_fh(self, node):
        self.next_fh += 1
        self.fh[self.next_fh] = node
        return self.next_fh

    @staticmethod
    def _mark(node, start, end):
        if end > start:
            node.dirty.update(range(start // PAGE, (end - 1) // PAGE + 1))

    def _resize(self, node, size):
        old = len(node.data)
        if size < old:
            del node.data[size:]
            self._mark(node, size, old)
        elif size > old:
            node.data.extend(b"\0" * (size - old))
            self._mark(node, old, size)
        node.size_dirty = True
        node.mtime = time.time()

    # --- FUSE operations -------------------------------------------------------------------
    def getattr(self, path, fh=None):
        now = time.time()
        if path == "/":
            return dict(st_mode=stat.S_IFDIR | 0o755, st_nlink=2, st_size=0, st_mtime=now, st_ctime=now, st_atime=now)
        if path == CONTROL:
            return dict(st_mode=stat.S_IFREG | 0o600, st_nlink=1, st_size=len(self.last), st_mtime=now, st_ctime=now, st_atime=now)
        self._check(path)
        node = self._node(path, fh)
        return dict(st_mode=node.mode, st_nlink=1, st_size=len(node.data), st_mtime=node.mtime, st_ctime=node.ctime,
                    st_atime=node.mtime, st_uid=os.getuid(), st_gid=os.getgid(), st_blksize=PAGE,
                    st_blocks=(len(node.data) + 511) // 512)

    def readdir(self, path, fh):
        if path != "/":
            raise FuseOSError(errno.ENOTDIR)
        return [".", ".."] + [p[1:] for p in sorted(self.names)]

    def access(self, path, amode):
        if path not in ("/", CONTROL):
            self._node(path)
        return 0

    def statfs(self, path):
        st = os.statvfs(self.root)
        return dict((k, getattr(st, k)) for k in ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail",
                                                 "f_ffree", "f_files", "f_flag", "f_frsize", "f_namemax"))

    def open(self, path, flags):
        if path == CONTROL:
            return 1
        self._check(path)
        node = self._node(path)
        if flags & os.O_TRUNC:
            self._resize(node, 0)
        return self._new_fh(node)

    def create(self, path, mode, fi=None):
        self._check(path)
        node = Node(mode=stat.S_IFREG | (mode & 0o7777))
        node.size_dirty = True
        self.names[path] = node
        return self._new_fh(node)

    def read(self, path, size, offset, fh):
        if path == CONTROL:
            return self.last.encode()[offset:offset + size]
        node = self._node(path, fh)
        return bytes(node.data[offset:offset + size])

    def write(self, path, data, offset, fh):
        if path == CONTROL:
            command = data.decode().strip()
            if command == "cut":
                self._cut()
            elif command == "sync":
                for name, node in list(self.names.items()):
                    self._sync_file(node, name)
                self._sync_names()
            elif command != "stats":
                raise FuseOSError(errno.EINVAL)
            return len(data)
        if fh not in self.fh:
            raise FuseOSError(errno.EBADF)  # a handle from before a cut
        node = self.fh[fh]
        end = offset + len(data)
        if offset > len(node.data):
            self._resize(node, offset)
        node.data[offset:end] = data
        self._mark(node, offset, end)
        if end > len(node.data):
            node.size_dirty = True
        node.mtime = time.time()
        return len(data)

    def truncate(self, path, length, fh=None):
        if path == CONTROL:
            return 0
        self._resize(self._node(path, fh), length)
        return 0

    def fsync(self, path, datasync, fh):
        if path == CONTROL:
            return 0
        if fh not in self.fh:
            raise FuseOSError(errno.EBADF)
        node = self.fh[fh]
        self._sync_file(node, path if self.names.get(path) is node else None)
        return 0

    def fsyncdir(self, path, datasync, fh):
        self._sync_names()
        return 0

    def flush(self, path, fh):
        return 0  # close() makes nothing durable

    def release(self, path, fh):
        self.fh.pop(fh, None)
        return 0

    def unlink(self, path):
        self._check(path)
        self._node(path)
        del self.names[path]
        return 0

    def rename(self, old, new):
        self._check(old)
        self._check(new)
        self.names[new] = self._node(old)
        del self.names[old]
        return 0

    def chmod(self, path, mode):
        node = self._node(path)
        node.mode = stat.S_IFREG | (mode & 0o7777)
        return 0

    def chown(self, path, uid, gid):
        return 0

    def utimens(self, path, times=None):
        if path not in ("/", CONTROL):
            self._node(path).mtime = times[1] if times else time.time()
        return 0

    def mkdir(self, path, mode):
        raise FuseOSError(errno.EPERM)

    def link(self, target, source):
        raise FuseOSError(errno.EPERM)

    def symlink(self, target, source):
        raise FuseOSError(errno.EPERM)


def main():
    if len(sys.argv) != 3:
        print("usage: lazyfs.py BACKING_DIR MOUNT_POINT", file=sys.stderr)
        return 2
    FUSE(LazyFS(sys.argv[1]), sys.argv[2], foreground=True, nothreads=True, direct_io=True,
         attr_timeout=0, entry_timeout=0, negative_timeout=0, fsname="lazyfs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
