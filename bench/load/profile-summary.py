#!/usr/bin/env python3
"""Where a node's time went, from a dotnet-trace sample profile.

usage: dotnet-trace collect -p PID --profile dotnet-sampled-thread-time --duration 00:00:00:15 -o t.nettrace
       dotnet-trace convert t.nettrace --format speedscope -o t
       bench/load/profile-summary.py t.speedscope.json

Drops the samples of threads that were waiting (idle thread-pool workers, timers, file watchers), then
puts each remaining sample in one bucket: the innermost frame that names a bucket decides, except
that SQLite work inside opening a connection or inside the event-log seq lookup counts as that.
Percentages are of the samples left: time the node's threads were running or ready to run.
"""
import collections
import json
import re
import sys

WAITING = re.compile(r'WaitForSignal|WaitNative|Monitor\.Wait|WaitOneNoCheck|LowLevelLifoSemaphore|SpinWait|Thread\.Sleep'
                     r'|SocketAsyncEngine\.EventLoop|WaitForSocketEvents|TimerQueue\.TimerThread|ManualResetEventSlim\.Wait'
                     r'|InternalWaitCore|FileSystemWatcher|Program\.<Main>')
BUCKETS = [
    ('GC (threads held for a collection)', re.compile(r'PollGC')),
    ('socket send/receive (kernel)', re.compile(r'SysSend|SendMessage|SysReceive|TryCompleteReceive|DoOperationSend')),
    ('JSON serialisation', re.compile(r'^System\.Text\.Json!')),
    ('antiforgery tokens (data protection)', re.compile(r'Antiforgery|DataProtection')),
    ('SQLite', re.compile(r'Microsoft\.Data\.Sqlite|SQLitePCL|Yalu\.Storage!')),
    ('output cache', re.compile(r'OutputCach')),
    ('page texts (UiText, ResourceManager)', re.compile(r'UiText')),
    ('Razor page rendering and MVC', re.compile(r'Razor|TagHelper|Microsoft\.AspNetCore\.Mvc')),
    ('handler: lots to responses (LINQ, LotResponse)', re.compile(r'Yalu\.Web!Yalu\.Web\.Lots|System\.Linq!')),
    ('Kestrel: HTTP parsing and writing', re.compile(r'Kestrel|System\.IO\.Pipelines|HostingApplication')),
    ('middleware and the rest of ASP.NET Core', re.compile(r'Microsoft\.AspNetCore|Yalu\.Web!')),
]
SQLITE_PARTS = [('SQLite: open a pooled connection (+ PRAGMAs)', re.compile(r'OpenConnectionAsync')),
                ('SQLite: event-log seq lookup', re.compile(r'LastSeqAsync'))]


def samples(document):
    frames = [f['name'] for f in document['shared']['frames']]
    for profile in document['profiles']:
        if profile['type'] == 'sampled':
            for stack, weight in zip(profile['samples'], profile['weights']):
                yield [frames[i] for i in stack], weight
            continue
        stack, last = [], profile['startValue']
        for event in profile['events']:
            if stack and event['at'] > last:
                yield [frames[i] for i in stack], event['at'] - last
            last = event['at']
            if event['type'] == 'O':
                stack.append(event['frame'])
            else:
                stack.pop()


def idle_worker(names):
    """A thread-pool worker with nothing else on its stack: in native code it sleeps, in managed code it spins."""
    real = [n for n in names if n not in ('CPU_TIME', 'UNMANAGED_CODE_TIME')]
    return bool(real) and real[-1].endswith('WorkerThreadStart()') and names[-1] == 'UNMANAGED_CODE_TIME'


def bucket(names):
    for name in reversed(names):
        for label, pattern in BUCKETS:
            if pattern.search(name):
                if label == 'SQLite':
                    for part, marker in SQLITE_PARTS:
                        if any(marker.search(n) for n in names):
                            return part
                    return 'SQLite: queries and reading rows into domain objects'
                return label
    return 'other (thread-pool spinning, runtime)'


def main(path):
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    totals, busy = collections.Counter(), 0.0
    for names, weight in samples(document):
        if any(WAITING.search(n) for n in names) or idle_worker(names):
            continue
        totals[bucket(names)] += weight
        busy += weight
    for label, weight in totals.most_common():
        print(f'{100 * weight / busy:5.1f} %  {label}')


if __name__ == '__main__':
    main(sys.argv[1])
