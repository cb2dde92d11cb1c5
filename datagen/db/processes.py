"""Finding the managed server's processes and free ports on 127.0.0.1 (no state file needed).

A server is recognised by its command line (the entry point and its `--home-dir`), so a lost or
corrupted `state.json` never orphans a running JVM.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
"""The main class of the managed server; its presence on a command line marks our JVM."""

__all__ = ["ENTRY_POINT", "find_server_pids", "free_port", "listening_ports", "pid_is_server", "port_taken"]


def port_taken(port: int) -> bool:
    """True if something on 127.0.0.1 already listens on (or holds) `port`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def find_server_pids(home: Path) -> list[int]:
    """Pids of live Neo4j servers for `home`, found by their command line (no state file needed)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and pid_is_server(int(entry.name), home):
            pids.append(int(entry.name))
    return sorted(pids)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pid_is_server(pid: int, home: Path) -> bool:
    """True if `pid` is a live (not zombie) Neo4j server for `home`, not a reused pid."""
    try:
        os.waitpid(pid, os.WNOHANG)  # reap it if it is our own dead child
    except ChildProcessError:
        pass
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    if stat.rsplit(")", 1)[-1].split()[0] in ("Z", "X"):
        return False
    args = [a.decode(errors="replace") for a in cmdline]
    return ENTRY_POINT in args and f"--home-dir={home}" in args


def listening_ports(pid: int) -> set[int]:
    """TCP ports (IPv4 and IPv6) that `pid` itself listens on; empty when /proc cannot tell.

    Why by pid: a port that something else holds must not pass for the server's. The process's
    socket inodes (`/proc/<pid>/fd`) are matched against the LISTEN rows of its network
    namespace's tables (`/proc/<pid>/net/tcp`, `tcp6`: state `0A`, inode in column 10).
    """
    inodes: set[str] = set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue  # closed meanwhile
            if target.startswith("socket:["):
                inodes.add(target[len("socket:["):-1])
    except OSError:
        return set()
    ports: set[int] = set()
    for table in ("tcp", "tcp6"):
        try:
            rows = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) > 9 and fields[3] == "0A" and fields[9] in inodes:
                ports.add(int(fields[1].rpartition(":")[2], 16))
    return ports
