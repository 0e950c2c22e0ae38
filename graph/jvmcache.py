"""A class-data sharing archive for the embedded store's JVM, made on first use.

Measured on the demo store (2-core VM, idle, `graph who-issued 143-KL/TU`, 1.8 s wall): 0.1 s
Python imports, 0.45 s starting the JVM, 0.45 s opening the database and 0.85 s for the first
query, nearly all of it the JVM loading and verifying ArcadeDB's classes (the bundled runtime has
no CDS archive at all). With an archive of those classes (AppCDS: ``-XX:SharedArchiveFile``) the
same steps took 0.33 + 0.18 + 0.32 s; a reading process also compiles with C1 only
(``graph.embedded.QUICK_JVM``).

The archive cannot ship in a wheel (it is tied to the exact runtime, class path and JVM flags),
so it is made on first use: the first process runs with ``-XX:DumpLoadedClassList``, and when it
exits a detached helper (``python -m graph.jvmcache``) waits for it to end and runs the bundled
``java -Xshare:dump`` over that list (about 3 s of CPU, off the user's clock). Later processes
find the archive under ``~/.cache/vn-officials-graph`` (``XDG_CACHE_HOME``), keyed by a
fingerprint of the runtime, the jars and the flags, so an upgrade simply makes a new one.
Flags that change the archive's layout (the collector, compact headers) are part of the
fingerprint, so reading and loading processes each get theirs. ``GRAPH_JVM_CDS=0`` turns it off.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vn-officials-graph"
#: JVM options that do not have to agree between dump time and run time
_RUN_ONLY = ("-Djava.class.path=", "-XX:ErrorFile=", "-XX:DumpLoadedClassList=", "-XX:SharedArchiveFile=",
             "-Xshare:", "-Xlog:", "-Xmx", "-Djava.util.logging.config.file=")


def enabled() -> bool:
    return os.environ.get("GRAPH_JVM_CDS", "1").strip().lower() not in ("0", "off", "false", "no")


def _fingerprint(jvm_args: list[str]) -> str:
    """Runtime release, every jar's path, size and time, and the flags the archive depends on."""
    from arcadedb_embedded import jvm

    h = hashlib.sha256()
    jre = Path(jvm.get_bundled_jre_lib_path()).parents[2]  # jre/lib/server/libjvm.so
    for path in [jre / "release", *sorted(Path(jvm.get_jar_path()).glob("*.jar"))]:
        st = path.stat()  # the full path: the JVM checks the class path itself, not only the jars
        h.update(f"{path} {st.st_size} {st.st_mtime_ns}\n".encode())
    flags = [a for a in jvm_args if not a.startswith(_RUN_ONLY)] + [os.environ.get("ARCADEDB_JVM_ARGS", "")]
    h.update(json.dumps(flags).encode())
    return h.hexdigest()[:16]


def archive_options(jvm_args: list[str]) -> list[str]:
    """JVM options to add at start: use the archive when it exists, else record the classes
    this run loads (and make the archive when the process exits: ``dump_at_exit``)."""
    if not enabled():
        return []
    try:
        archive = CACHE_DIR / f"cds-{_fingerprint(jvm_args)}.jsa"
    except OSError:
        return []
    quiet = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:aot=off"]
    if archive.is_file():
        return ["-Xshare:auto", f"-XX:SharedArchiveFile={archive}", *quiet]
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        _forget_dead_recordings()
    except OSError:
        return []
    classlist = CACHE_DIR / f"classes-{os.getpid()}.lst"
    atexit.register(_dump_at_exit, archive, classlist)
    return [f"-XX:DumpLoadedClassList={classlist}", *quiet]


def _forget_dead_recordings() -> None:
    """Class lists of processes that ended without handing them on (killed, or a test session
    that leaves by ``os._exit``) are of no use: remove them."""
    for old in CACHE_DIR.glob("classes-*.lst"):
        try:
            os.kill(int(old.stem.split("-")[1]), 0)
        except (ValueError, ProcessLookupError):
            old.unlink(missing_ok=True)
        except OSError:
            continue


def _dump_at_exit(archive: Path, classlist: Path) -> None:
    """Hand the dump to a detached helper that waits for this process to end (the class list
    is complete only then), so exiting stays instant."""
    import jpype

    if not jpype.isJVMStarted() or archive.exists():
        return
    runtime = jpype.java.lang.management.ManagementFactory.getRuntimeMXBean()
    args = [str(a) for a in runtime.getInputArguments() if not str(a).startswith(_RUN_ONLY)]
    job = {"pid": os.getpid(), "archive": str(archive), "classlist": str(classlist), "args": args,
           "classpath": str(jpype.java.lang.System.getProperty("java.class.path"))}
    log = (CACHE_DIR / "cds.log").open("ab")
    subprocess.Popen([sys.executable, "-m", "graph.jvmcache", json.dumps(job)], stdin=subprocess.DEVNULL,
                     stdout=log, stderr=log, start_new_session=True, cwd=str(CACHE_DIR))


def dump(job: dict) -> int:
    """Wait for the recording process to end, then write the archive (atomically)."""
    from arcadedb_embedded import jvm

    for _ in range(600):  # a process that outlives a minute of waiting is not worth waiting for
        try:
            os.kill(job["pid"], 0)
        except OSError:
            break
        time.sleep(0.1)
    classlist, archive = Path(job["classlist"]), Path(job["archive"])
    if not classlist.is_file() or archive.exists():
        return 0
    java = Path(jvm.get_bundled_jre_lib_path()).parents[2] / "bin" / "java"
    partial = archive.with_suffix(f".{os.getpid()}.tmp")
    command = [str(java), *job["args"], "-Xshare:dump", f"-XX:SharedClassListFile={classlist}",
               f"-XX:SharedArchiveFile={partial}", "-cp", job["classpath"]]
    done = subprocess.run(command, stdin=subprocess.DEVNULL, check=False).returncode
    if done == 0 and partial.is_file():
        os.replace(partial, archive)
    partial.unlink(missing_ok=True)
    classlist.unlink(missing_ok=True)
    return done


if __name__ == "__main__":
    sys.exit(dump(json.loads(sys.argv[1])))
