#!/usr/bin/env python3
"""Benchmark of the GitLab backend against the fake GitLab at scale (3 pools x 20 runners, 50 projects with 5
pipelines of 8 jobs each): API calls per poll cycle (first, nothing changed, after changes) with what the default
intervals cost per minute against GitLab's default 2,000 authenticated requests a minute, and the time from
start to the first full screen of the real console on a pseudo-terminal.

Usage: bench_gitlab.py PATH_TO_SWITCHBOARD [--runs N]   (fake-gitlab beside it; scripts/bench-gitlab builds both)
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import until_first_frame  # noqa: E402  (the same pseudo-terminal harness)

TOKEN = "glpat-bench-operator"


class Fake:
    def __init__(self, fake, *args):
        env = dict(os.environ, FAKE_GITLAB_TOKEN=TOKEN)
        self.process = subprocess.Popen([fake, "--port", "0", "--scale", "3,20,50,5,8", *args],
                                        stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env=env)
        line = self.process.stdout.readline().strip()
        if not line.startswith("listening "):
            sys.exit("fake-gitlab did not start: %r" % line)
        self.url = line.split(" ", 1)[1]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=10)


def config(directory, url):
    path = os.path.join(directory, "gitlab.yaml")
    with open(path, "w") as f:
        f.write("estate: bench\nbackends:\n  - kind: gitlab\n    url: %s\n    groups: [platform]\n" % url)
    return path


def first_full_frame(binary, runs, fake):
    times = []
    os.environ["GITLAB_TOKEN"] = TOKEN
    for _ in range(runs):
        server = Fake(fake, "--rate-limit", "1000000")
        with tempfile.TemporaryDirectory() as directory:
            times.append(until_first_frame(binary, ["--config", config(directory, server.url)]))
        server.stop()
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    fake = os.path.join(os.path.dirname(binary), "fake-gitlab")
    server = Fake(fake)  # GitLab's default budget: 2,000 a minute
    try:
        with tempfile.TemporaryDirectory() as directory:
            cfg = config(directory, server.url)
            env = dict(os.environ, GITLAB_TOKEN=TOKEN)
            subprocess.run([binary, "bench", "--gitlab", "--config", cfg, "--advance",
                            server.url + "/__fake/advance?count=10"], check=True, env=env)
    finally:
        server.stop()
    times = first_full_frame(binary, options.runs, fake)
    print("start to first full screen (runners and pipelines loaded), %d runs, a fresh fake each: "
          "median %.0f ms, min %.0f ms, max %.0f ms" % (len(times), statistics.median(times), min(times), max(times)))


if __name__ == "__main__":
    main()
