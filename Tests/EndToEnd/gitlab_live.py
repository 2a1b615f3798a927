#!/usr/bin/env python3
"""The real switchboard binary on `kind: gitlab` against the fake GitLab process (`fake-gitlab`), on 127.0.0.1.

Usage: gitlab_live.py PATH_TO_SWITCHBOARD   (fake-gitlab is looked for beside it)

Snapshots of the Runners and Pipelines screens, the console in tmux retrying a failed job and playing the manual
production deploy (the fake records the POSTs; the audit file has them), a token without the runner scope and a
rate-limited GitLab (the console keeps running, the feed says why), and no token anywhere in what is shown,
printed or logged. Every process started here is stopped here.
"""
import json
import os
import re
import signal
import subprocess
import sys
import urllib.request

from e2e import Pane, TIMEOUT, check, failures, passed, restored, test  # noqa: F401  (the same tmux harness)

BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ".build/debug/switchboard"
FAKE = os.path.join(os.path.dirname(BINARY), "fake-gitlab")
OPERATOR = "glpat-fake-operator"
TOKENS = ["glpat-fake-operator", "glpat-fake-reader", "glpat-fake-runners", "glpat-fake-admin"]


class FakeGitLab:
    """fake-gitlab on a free loopback port, stopped on exit."""

    def __init__(self, *args, token=OPERATOR):
        env = dict(os.environ, FAKE_GITLAB_TOKEN=token)
        self.process = subprocess.Popen([FAKE, "--port", "0", *args], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env=env)
        line = self.process.stdout.readline().strip()
        check(line.startswith("listening http://127.0.0.1:"), "fake-gitlab said %r" % line)
        self.url = line.split(" ", 1)[1]

    def stats(self):
        with urllib.request.urlopen(self.url + "/__fake/stats", timeout=10) as answer:
            return json.load(answer)

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def config(workdir, url, extra=""):
    path = os.path.join(workdir, "gitlab.yaml")
    with open(path, "w") as f:
        f.write("estate: acme\nbackends:\n  - kind: gitlab\n    url: %s\n    groups: [platform]\n%s" % (url, extra))
    return path


def run(*args, token=OPERATOR, workdir="/tmp"):
    env = dict(os.environ, SWIFT_BACKTRACE="interactive=no", XDG_CONFIG_HOME="/nonexistent-switchboard",
               XDG_STATE_HOME=os.path.join(workdir, "state"), GITLAB_TOKEN=token)
    return subprocess.run([BINARY, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
                          env=env)


def no_token(*texts):
    for text in texts:
        for token in TOKENS:
            check(token not in text, "a token appears in output: …%s…" % text[max(0, text.find(token) - 80):][:200])


@test
def snapshots_of_runners_and_pipelines(workdir):
    with FakeGitLab() as gitlab:
        path = config(workdir, gitlab.url)
        runners = run("snapshot", "--config", path, "--screen", "runners", "--size", "140x30", workdir=workdir)
        check(runners.returncode == 0, "runners snapshot: %r" % (runners,))
        for needle in ["pool small", "pool big", "#221 big-a", "3/4 pods", "stale", "paused", "3 queued",
                       "no_matching_runner", "backend gitlab"]:
            check(needle in runners.stdout, "runners snapshot lacks %r:\n%s" % (needle, runners.stdout))
        pipelines = run("snapshot", "--config", path, "--screen", "pipelines", "--size", "140x30", workdir=workdir)
        check(pipelines.returncode == 0, "pipelines snapshot: %r" % (pipelines,))
        for needle in ["platform/infrastructure", "platform/deploy-config", "#1002", "failed", "manual", "running"]:
            check(needle in pipelines.stdout, "pipelines snapshot lacks %r:\n%s" % (needle, pipelines.stdout))
        data = json.loads(run("snapshot", "--config", path, "--screen", "pipelines", "--format", "json",
                              workdir=workdir).stdout)
        check(data, "empty JSON snapshot")
        stats = gitlab.stats()
        check(stats["by_route"].get("GET /projects/:id/pipelines", 0) > 0, "no pipelines listed: %r" % stats)
        no_token(runners.stdout, runners.stderr, pipelines.stdout, pipelines.stderr)


@test
def console_retries_and_plays_on_gitlab(workdir):
    with FakeGitLab() as gitlab:
        path = config(workdir, gitlab.url)
        pane = Pane(workdir, args=["--config", path], env={"GITLAB_TOKEN": OPERATOR,
                                                            "XDG_STATE_HOME": os.path.join(workdir, "state")})
        pane.wait_text("backend gitlab", "Failing pipelines")
        pane.keys("4")
        pane.wait_text("[4 Pipelines]", "#1002")
        pane.type("/")
        pane.type("#1002")
        pane.keys("Enter")
        pane.wait_text("filter /#1002")
        pane.keys("Enter")
        pane.wait_text("Pipeline #1002", "plan")
        # The failed job: open its log (cleaned), then retry from there.
        pane.type("/")
        pane.type("plan")
        pane.keys("Enter")
        pane.keys("Enter")
        pane.wait_text("Log · plan #10023")
        pane.wait_for(lambda s: "lines" in s and "\x1b" not in s, "the log")
        pane.type("r")
        pane.wait_text("Retry job #10023")
        pane.type("y")
        screen = pane.wait_for(lambda s: re.search(r"retried as #(\d+)", s), "the retry to go through")
        new_id = re.search(r"retried as #(\d+)", screen).group(1)
        pane.wait_text("Log · plan #" + new_id)
        check(gitlab.stats()["by_route"].get("POST /projects/:id/jobs/:id/retry") == 1, "the fake saw no retry")
        # The manual production deploy wants the word typed.
        pane.keys("Escape")
        pane.keys("Escape")
        pane.keys("Escape")
        pane.type("/")
        pane.type("#1032")
        pane.keys("Enter")
        pane.keys("Enter")
        pane.wait_text("Pipeline #1032")
        pane.type("/")
        pane.type("deploy:production")
        pane.keys("Enter")
        pane.wait_text("deploy:production", "env production")
        pane.keys("G")
        pane.type("p")
        pane.wait_text("Play job #10324", "Type production to confirm")
        pane.type("y")
        pane.keys("Enter")
        pane.wait_text("Type production exactly")
        check(gitlab.stats()["by_route"].get("POST /projects/:id/jobs/:id/play") is None, "played without the word")
        pane.keys("BSpace")
        pane.type("production")
        pane.keys("Enter")
        pane.wait_text("Job #10324 deploy:production started")
        check(gitlab.stats()["by_route"].get("POST /projects/:id/jobs/:id/play") == 1, "the fake saw no play")
        pane.keys("7")
        screen = pane.wait_text("Audit log", "job #10324", "job #10023")
        pane.keys("q")
        check(pane.exit_status() == 0, "q exits 0")
        restored(pane)
        audit_dir = os.path.join(workdir, "state", "switchboard")
        lines = []
        for name in os.listdir(audit_dir):
            if name.startswith("audit"):
                with open(os.path.join(audit_dir, name)) as f:
                    lines += [json.loads(line) for line in f if line.strip()]
        actions = {(entry.get("action"), entry.get("target")) for entry in lines}
        check(("retry", "job #10023") in actions and ("play", "job #10324") in actions, "audit: %r" % lines)
        no_token(screen, json.dumps(lines))
        return pane


@test
def a_token_without_the_runner_scope_fails_only_the_runners_feed(workdir):
    with FakeGitLab("--scopes", "read_api", token="glpat-fake-reader") as gitlab:
        path = config(workdir, gitlab.url)
        pane = Pane(workdir, args=["--config", path], env={"GITLAB_TOKEN": "glpat-fake-reader"})
        pane.wait_text("backend gitlab")
        pane.keys("3")
        screen = pane.wait_text("lacks a scope", "manage_runner")
        pane.keys("4")
        pane.wait_text("#1002", "platform/infrastructure")
        no_token(pane.screen(), screen)
        pane.keys("q")
        check(pane.exit_status() == 0, "q exits 0")
        return pane


@test
def a_rate_limited_gitlab_leaves_the_console_running(workdir):
    # 20 requests a minute: the first polls run into 429s (Retry-After up to a minute: longer than Switchboard
    # waits), so a feed goes stale with GitLab's words while keys keep working.
    with FakeGitLab("--rate-limit", "20") as gitlab:
        path = config(workdir, gitlab.url)
        pane = Pane(workdir, args=["--config", path], env={"GITLAB_TOKEN": OPERATOR})
        pane.wait_text("backend gitlab")
        pane.wait_for(lambda s: "rate limit" in s or "rate-limiting" in s or "✘" in s, "a rate-limit message")
        pane.keys("?")
        pane.wait_text("Help", "Esc closes")
        pane.keys("Escape")
        check(gitlab.stats()["by_status"].get("429", 0) > 0, "no 429 answered: %r" % gitlab.stats())
        pane.keys("q")
        check(pane.exit_status() == 0, "q exits 0")
        return pane


@test
def bad_gitlab_config_is_named(workdir):
    path = os.path.join(workdir, "bad.yaml")
    with open(path, "w") as f:
        f.write("backends:\n  - kind: gitlab\n    groups: [platform]\n    token_env: NO_SUCH_VARIABLE\n")
    result = run("snapshot", "--config", path, workdir=workdir)
    check(result.returncode != 0 and path + ":4" in result.stderr and "$NO_SUCH_VARIABLE is not set" in result.stderr,
          "missing token: %r" % (result,))
    inline = os.path.join(workdir, "inline.yaml")
    with open(inline, "w") as f:
        f.write("backends:\n  - kind: gitlab\n    url: http://127.0.0.1:9\n    projects: [a/b]\n    token: glpat-fake-admin\n")
    os.chmod(inline, 0o644)
    result = run("snapshot", "--config", inline, "--screen", "pipelines", workdir=workdir)
    check("readable by other users; chmod 600" in result.stderr, "no warning about the token's file: %r" % (result,))
    no_token(result.stdout, result.stderr)


if __name__ == "__main__":
    if not os.path.exists(BINARY) or not os.path.exists(FAKE):
        sys.exit("gitlab_live: build first (swift build): need %s and %s" % (BINARY, FAKE))
    for case in [snapshots_of_runners_and_pipelines, console_retries_and_plays_on_gitlab,
                 a_token_without_the_runner_scope_fails_only_the_runners_feed,
                 a_rate_limited_gitlab_leaves_the_console_running, bad_gitlab_config_is_named]:
        case()
    print("gitlab_live: %d passed, %d failed" % (len(passed), len(failures)))
    sys.exit(1 if failures else 0)
