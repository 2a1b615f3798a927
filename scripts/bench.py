#!/usr/bin/env python3
"""Process-level figures of the real binary on a pseudo-terminal (120x40):
start-up to the first full frame, idle CPU with the default poll intervals, and resident memory.

Usage: bench.py PATH_TO_BINARY [--idle-seconds N] [--runs N]
"""
import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import termios
import time


def spawn(binary, args):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", SWIFT_BACKTRACE="interactive=no",
                   XDG_CONFIG_HOME="/nonexistent-switchboard")
        os.execve(binary, [binary, *args], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    return pid, fd


def drain(fd, seconds):
    """Reads the pty for `seconds` (the console must never block on output)."""
    end = time.monotonic() + seconds
    total = 0
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return total
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                total += len(os.read(fd, 65536))
            except OSError:
                return total


def until_first_frame(binary, args=()):
    """Milliseconds from spawning the console (with `args`) to its exit after the first full frame."""
    start = time.perf_counter()
    pid, fd = spawn(binary, [*args, "--exit-after-first-frame"])
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    os.close(fd)
    return elapsed


def first_frame(binary, runs):
    return [until_first_frame(binary) for _ in range(runs)]


def cpu_seconds(pid):
    """CPU time of the whole process, threads that have exited included (/proc/PID/stat utime + stime, in
    clock ticks of 10 ms: over 60 s that resolves 0.017 % of a core)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory(pid):
    values = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                key, value = line.split(":")
                values[key] = int(value.split()[0]) / 1024
    return values


def idle(binary, seconds, args=()):
    pid, fd = spawn(binary, list(args))
    drain(fd, 3)
    cpu0, t0 = cpu_seconds(pid), time.monotonic()
    drain(fd, seconds)
    cpu1, t1 = cpu_seconds(pid), time.monotonic()
    mem = memory(pid)
    os.write(fd, b"q")
    drain(fd, 1)
    os.waitpid(pid, 0)
    os.close(fd)
    return (cpu1 - cpu0) / (t1 - t0) * 100, mem


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    times = first_frame(options.binary, options.runs)
    print("spawn to first full frame and exit (%d runs): median %.1f ms, min %.1f ms, max %.1f ms"
          % (len(times), statistics.median(times), min(times), max(times)))
    cpu, mem = idle(options.binary, options.idle_seconds)
    print("idle console, default estate and intervals, %.0f s: %.3f %% of one core; RSS %.1f MB (peak %.1f MB)"
          % (options.idle_seconds, cpu, mem["VmRSS"], mem["VmHWM"]))
    cpu, mem = idle(options.binary, min(options.idle_seconds, 20), ["--scale", "250"])
    print("console at --scale 250, %.0f s: %.3f %% of one core; RSS %.1f MB (peak %.1f MB)"
          % (min(options.idle_seconds, 20), cpu, mem["VmRSS"], mem["VmHWM"]))


if __name__ == "__main__":
    main()
