#!/usr/bin/env python3
"""End-to-end tests: the real switchboard binary in tmux, and its command line on bad input.

Usage: e2e.py PATH_TO_BINARY

Every wait polls the screen for content with a deadline; nothing sleeps for a fixed time, so the suite stays
stable on a loaded machine. Each tmux server runs on a private socket in a temporary directory and is killed
at the end, whatever happens.
"""
import json
import re
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ".build/debug/switchboard"
TIMEOUT = float(os.environ.get("E2E_TIMEOUT", "30"))
failures = []
passed = []


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Pane:
    """One tmux server with one pane running the binary, on a private socket."""

    def __init__(self, workdir, args=(), width=120, height=40, env=None):
        self.dir = workdir
        self.sock = os.path.join(workdir, "tmux.sock")
        self.status_file = os.path.join(workdir, "status")
        wrapper = os.path.join(workdir, "run.sh")
        quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in [BINARY, *args])
        with open(wrapper, "w") as f:
            # The shell traps SIGINT (Ctrl-C reaches the whole foreground group) so it lives to record the status,
            # then keeps the pane alive: a dead pane's cursor and screen are tmux's, not what the binary left.
            f.write("#!/bin/sh\ntrap : INT QUIT\n%s\necho $? > '%s'\nexec sleep 600\n" % (quoted, self.status_file))
        os.chmod(wrapper, 0o755)
        environment = {
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "HOME": workdir,
            "XDG_CONFIG_HOME": os.path.join(workdir, "config"), "SWIFT_BACKTRACE": "interactive=no",
        }
        environment.update(env or {})
        env_args = []
        for key, value in environment.items():
            env_args += ["-e", "%s=%s" % (key, value)]
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height), *env_args, wrapper)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.sock, *args], check=True, capture_output=True, text=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p")

    def keys(self, *keys):
        self.tmux("send-keys", *keys)

    def type(self, text):
        self.tmux("send-keys", "-l", text)

    def wait_for(self, predicate, what, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(0.05)
        raise AssertionError("timed out waiting for %s; the screen was:\n%s" % (what, text))

    def wait_text(self, *needles, timeout=TIMEOUT):
        return self.wait_for(lambda s: all(n in s for n in needles), " and ".join(repr(n) for n in needles), timeout)

    def display(self, fmt):
        return self.tmux("display-message", "-p", fmt).strip()

    def exit_status(self, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if os.path.exists(self.status_file):
                with open(self.status_file) as f:
                    content = f.read().strip()
                if content:
                    return int(content)
            time.sleep(0.05)
        raise AssertionError("the binary did not exit; the screen was:\n" + self.screen())

    def binary_pid(self):
        shell = self.display("#{pane_pid}")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for task in os.listdir("/proc/%s/task" % shell):
                with open("/proc/%s/task/%s/children" % (shell, task)) as f:
                    children = f.read().split()
                if children:
                    return int(children[0])
            time.sleep(0.05)
        raise AssertionError("no child process under the pane's shell")

    def kill(self):
        subprocess.run(["tmux", "-S", self.sock, "kill-server"], capture_output=True)


def test(fn):
    def run():
        workdir = tempfile.mkdtemp(prefix="switchboard-e2e-")
        pane = None
        try:
            pane = fn(workdir)
            passed.append(fn.__name__)
            print("ok   " + fn.__name__, flush=True)
        except Exception as error:  # noqa: BLE001 - report every failure, keep going
            failures.append((fn.__name__, error))
            print("FAIL " + fn.__name__ + ": " + str(error), flush=True)
        finally:
            sock = os.path.join(workdir, "tmux.sock")
            subprocess.run(["tmux", "-S", sock, "kill-server"], capture_output=True)
            shutil.rmtree(workdir, ignore_errors=True)
    return run


def restored(pane):
    """After exit: out of the alternate screen, cursor visible again."""
    # tmux parses the last bytes asynchronously: wait for them rather than read too early.
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if pane.display("#{alternate_on}#{cursor_flag}") == "01":
            return
        time.sleep(0.05)
    check(pane.display("#{alternate_on}") == "0", "the terminal is still on the alternate screen")
    check(pane.display("#{cursor_flag}") == "1", "the cursor is still hidden")


@test
def console_walkthrough(workdir):
    pane = Pane(workdir)
    screen = pane.wait_text("Switchboard", "demo", "Failing pipelines", "Runner pools", "small")
    check("[1 Overview]" in screen, "the Overview tab is not the active one")
    # Every screen.
    pane.keys("2")
    pane.wait_text("[2 Accounts]", "log-archive", "production", "Details")
    pane.keys("Down")
    pane.wait_text("Path")
    pane.keys("3")
    pane.wait_text("[3 Runners]", "pool small", "pool medium", "pool big", "AgentAccountDevelopment")
    pane.keys("Tab")
    pane.wait_text("[4 Pipelines]", "PIPELINE", "PROJECT")
    # Live filter, case-insensitive, then cleared.
    pane.type("/")
    pane.type("INFRA")
    screen = pane.wait_text("/INFRA", "platform/infrastructure")
    check("payments/api" not in screen, "the filter left other projects on screen:\n" + screen)
    pane.keys("Enter")
    pane.wait_text("filter /INFRA")
    pane.keys("Escape")
    pane.wait_for(lambda s: "/INFRA" not in s and "payments/api" in s, "the filter to clear")
    # Trust: findings, then the chains of a runner pool and why one hop exists.
    pane.keys("5")
    pane.wait_text("[5 Trust]", "Findings (", "admin-equivalent")
    pane.keys("3")
    pane.wait_text("pool small")
    pane.keys("Down")
    pane.type("t")
    pane.wait_text("runner pool small (kube2iam) can become", "production:cicd/delegated-role")
    pane.keys("Down")
    pane.type("e")
    pane.wait_text("Why", "ALLOWED", "D4  pass")
    pane.keys("Escape")
    pane.wait_for(lambda s: "Esc closes" not in s, "the explanation to close")
    # Command line.
    pane.type(":")
    pane.type("runners")
    pane.keys("Enter")
    pane.wait_text("[3 Runners]", "pool small")
    # Help overlay.
    pane.type("?")
    pane.wait_text("Help", "Esc closes", "job: retry failed, cancel running, play manual")
    pane.keys("Escape")
    pane.wait_for(lambda s: "Esc closes" not in s, "the help to close")
    # Drill from the Overview's failing pipelines into a failed job and its log.
    pane.keys("1")
    pane.wait_text("[1 Overview]", "✘ failed")
    pane.keys("Enter")
    # Wait for the whole frame (the footer is drawn last): a capture can land mid-frame.
    pane.wait_text("[4 Pipelines]", "Pipeline #", "JOB", "<r> retry")
    pane.keys("Enter")
    pane.wait_text("Log · ", "following")
    pane.keys("PageUp")
    pane.keys("g")
    pane.wait_text("paused", "Running with gitlab-runner")
    pane.keys("G")
    pane.wait_text("following")
    pane.keys("Escape")
    pane.wait_text("Pipeline #", "<r> retry")
    # Retry with confirmation; the job comes back queued.
    pane.type("r")
    screen = pane.wait_text("Retry job #")
    if "Type production" in screen:
        pane.type("production")
        pane.keys("Enter")
    else:
        pane.type("y")
    screen = pane.wait_for(lambda s: re.search(r"retried as #(\d+): (pending|created|running)", s), "the retry")
    new_id = re.search(r"retried as #(\d+)", screen).group(1)
    row = next((line for line in screen.splitlines() if "#" + new_id in line and "retried" not in line), "")
    check(re.search(r"(◌ pending|○ created|● running)", row), "the retried job's row is not queued: %r" % row)
    # Resize down to tiny and back; each size is waited for on screen.
    pane.tmux("resize-window", "-x", "70", "-y", "20")
    pane.wait_for(lambda s: any(len(l) == 70 and l.endswith("┘") for l in s.splitlines())
                  and all(len(l) <= 70 for l in s.splitlines()), "a 70x20 frame")
    pane.tmux("resize-window", "-x", "20", "-y", "6")
    pane.wait_text("too small")
    # curses never draws a screen's last cell, so 2x2 is the smallest frame that shows anything.
    pane.tmux("resize-window", "-x", "2", "-y", "2")
    pane.wait_for(lambda s: s.splitlines()[:1] == ["Te"], "the 2x2 notice")
    pane.tmux("resize-window", "-x", "1", "-y", "1")
    pane.tmux("resize-window", "-x", "120", "-y", "40")
    pane.wait_for(lambda s: any(len(l) == 120 and l.endswith("┘") for l in s.splitlines()), "a 120x40 frame")
    pane.wait_text("Switchboard", "[4 Pipelines]")
    # Quit.
    pane.type("q")
    status = pane.exit_status()
    check(status == 0, "exit status %d" % status)
    restored(pane)
    return pane


def stopped_by(pane, send, status_expected, what):
    """Sends a signal (or keys) once the console is up; checks the exit status and the restored terminal."""
    pane.wait_text("Failing pipelines")
    send()
    status = pane.exit_status()
    check(status == status_expected, "exit status %d after %s, expected %d" % (status, what, status_expected))
    restored(pane)
    return pane


@test
def play_a_manual_production_deploy(workdir):
    pane = Pane(workdir)
    pane.wait_text("Failing pipelines")
    pane.keys("4")
    pane.wait_text("[4 Pipelines]", "PIPELINE")
    # A pipeline waiting on its manual production deploy; the deploy is its last job.
    pane.type("/")
    pane.type("manual")
    pane.keys("Enter")
    pane.wait_text("filter /manual", "▷ manual")
    pane.keys("Enter")
    pane.wait_text("Pipeline #", "JOB")
    pane.keys("G")
    pane.wait_text("<p> play")
    pane.type("p")
    pane.wait_text("Play manual job", "Play job #", "-production?", "Type production to confirm")
    # y is not enough for production.
    pane.type("y")
    pane.keys("Enter")
    pane.wait_text("Type production exactly")
    pane.keys("BSpace")
    pane.type("production")
    pane.keys("Enter")
    screen = pane.wait_for(lambda s: re.search(r"Job #(\d+) \S+-production started: (pending|running)", s),
                           "the manual job to start")
    job_id = re.search(r"Job #(\d+) \S+-production started", screen).group(1)
    # The audit log has it.
    pane.keys("7")
    screen = pane.wait_text("Audit log", "play", "job #" + job_id)
    row = next((line for line in screen.splitlines() if "job #" + job_id in line), "")
    check(" ok " in row and "play" in row, "the play is not audited as ok: %r" % row)
    pane.keys("q")
    check(pane.exit_status() == 0, "q exits 0")
    restored(pane)
    return pane


@test
def identity_assumes_hop_by_hop_and_audits(workdir):
    pane = Pane(workdir)
    pane.wait_text("Overview", "Failing")
    pane.keys("6")
    pane.wait_text("Profiles", "development", "You are", "assumed-role/eks-node-ins", "(cicd, shared)")
    pane.keys("j", "j", "j", "Enter")
    screen = pane.wait_text("Assume development", "done", "2/2 delegated-role in development")
    check("1h00m" in screen or "59m5" in screen, "the session's countdown shows:\n" + screen)
    pane.wait_for(lambda s: "59m5" in s, "the countdown ticking")
    # Production asks for the word; y is not enough.
    pane.keys("j", "Enter")
    pane.wait_text("Type production to confirm")
    pane.type("production")
    pane.keys("Enter")
    pane.wait_text("Assume production", "done")
    # From the Accounts screen, `a` on an account without the delegated role: STS's refusal, explained.
    pane.keys("7")
    screen = pane.wait_text("Audit log", "in memory, not saved", "development", "production")
    check(screen.count(" ok ") >= 2, "two successful assumptions in the audit log:\n" + screen)
    pane.keys("q")
    check(pane.exit_status() == 0, "q exits 0")
    restored(pane)
    return pane


@test
def sigterm_restores_the_terminal(workdir):
    pane = Pane(workdir)
    return stopped_by(pane, lambda: os.kill(pane.binary_pid(), signal.SIGTERM), 143, "SIGTERM")


@test
def sigint_restores_the_terminal(workdir):
    pane = Pane(workdir, args=["--theme", "mono", "--ascii"])
    screen = pane.wait_text("Failing pipelines")
    check("┌" not in screen and "+-" in screen, "--ascii still draws box characters:\n" + screen)
    return stopped_by(pane, lambda: pane.keys("C-c"), 130, "Ctrl-C")


@test
def sigquit_restores_the_terminal(workdir):
    pane = Pane(workdir)
    return stopped_by(pane, lambda: pane.keys("C-\\"), 131, "Ctrl-\\ (SIGQUIT)")


@test
def a_crash_restores_the_terminal_and_says_why(workdir):
    pane = Pane(workdir)
    stopped_by(pane, lambda: os.kill(pane.binary_pid(), signal.SIGSEGV), 139, "SIGSEGV")
    history = pane.tmux("capture-pane", "-p", "-S", "-1000")
    check("Program crashed" in history, "the crash report is not on the restored screen")
    return pane


@test
def non_utf8_locale_draws_ascii(workdir):
    pane = Pane(workdir, env={"LANG": "C", "LC_ALL": "C", "LC_CTYPE": "C"})
    screen = pane.wait_text("Failing pipelines")
    check("┌" not in screen and "+-" in screen, "a C locale still draws box characters:\n" + screen)
    pane.type("q")
    check(pane.exit_status() == 0, "bad exit status")
    return pane


def run_cli(*args, stdin=subprocess.DEVNULL, env_extra=None):
    env = dict(os.environ, SWIFT_BACKTRACE="interactive=no", XDG_CONFIG_HOME="/nonexistent-switchboard")
    env.update(env_extra or {})
    return subprocess.run([BINARY, *args], capture_output=True, text=True, stdin=stdin, timeout=60, env=env)


@test
def cli_help_version_and_snapshots(workdir):
    result = run_cli("--help")
    check(result.returncode == 0 and "snapshot" in result.stdout, "--help: %r" % (result,))
    result = run_cli("--version")
    check(result.returncode == 0 and result.stdout.strip() != "", "--version: %r" % (result,))
    for screen in ["overview", "accounts", "runners", "pipelines"]:
        text = run_cli("snapshot", "--screen", screen, "--size", "100x30")
        check(text.returncode == 0 and len(text.stdout.splitlines()) == 30, "snapshot %s: %r" % (screen, text))
        data = run_cli("snapshot", "--screen", screen, "--format", "json")
        check(data.returncode == 0, "json %s: %r" % (screen, data))
        json.loads(data.stdout)
    svg = run_cli("snapshot", "--format", "svg", "--size", "80x24")
    check(svg.returncode == 0 and svg.stdout.startswith("<svg"), "svg: %r" % (svg.stdout[:80],))
    same = run_cli("snapshot", "--screen", "pipelines", "--at", "10m", "--seed", "7").stdout
    again = run_cli("snapshot", "--screen", "pipelines", "--at", "10m", "--seed", "7").stdout
    check(same == again, "snapshots with the same seed and time differ")


def expect_usage_error(args, needle, files=None, workdir=None):
    for name, content in (files or {}).items():
        with open(os.path.join(workdir, name), "w") as f:
            f.write(content)
    result = run_cli(*args)
    check(result.returncode == 2, "%s: exit %d, expected 2; stderr %r" % (args, result.returncode, result.stderr))
    check(needle in result.stderr, "%s: %r not in stderr %r" % (args, needle, result.stderr))
    for leak in ["Stack", "Fatal error", "Backtrace", "0x0000"]:
        check(leak not in result.stderr, "%s: stack trace on stderr: %r" % (args, result.stderr))


@test
def cli_trust(workdir):
    result = run_cli("trust", "--explain", "deploy-role-agent-development", "production/deploy-role")
    check(result.returncode == 0, "explain: %r" % (result,))
    check("DENIED" in result.stdout and "D5  FAIL" in result.stdout, "explain output: %s" % result.stdout)
    allowed = run_cli("trust", "--explain", "deploy-role-agent-development", "development/deploy-role")
    check("ALLOWED" in allowed.stdout and "statement \"JenkinsAccount\"" in allowed.stdout, allowed.stdout)
    reach = run_cli("trust", "--from", "kube2iam:small", "--format", "json")
    targets = {r["label"] for r in json.loads(reach.stdout)}
    check("production:cicd/delegated-role" in targets, "kube2iam:small reaches %s" % targets)
    findings = run_cli("trust", "--findings", "--format", "json")
    rules = {(f["rule"], f["subject"].split("/")[-1]) for f in json.loads(findings.stdout)}
    check(("account-root-trust", "deploy-role") in rules and ("admin-reachable-from-ci", "deploy-role") in rules,
          "findings: %s" % rules)
    check(run_cli("trust", "--findings", "--fail-on", "high").returncode == 1, "--fail-on high did not fail")
    check(run_cli("trust", "--findings", "--fail-on", "critical").returncode == 0, "--fail-on critical failed")
    dot = run_cli("trust", "--to", "production/deploy-role", "--format", "dot")
    check(dot.stdout.startswith("digraph trust {"), dot.stdout[:80])
    expect_usage_error(["trust", "--from", "deploy-role"], "matches 3 principals")
    expect_usage_error(["trust", "--from", "nobody"], "no principal matches")
    expect_usage_error(["trust", "--findings", "--fail-on", "severe"], "--fail-on severe")
    expect_usage_error(["trust"], "give exactly one of")


@test
def cli_bad_input(workdir):
    bad_yaml = os.path.join(workdir, "bad.yaml")
    unknown = os.path.join(workdir, "unknown.yaml")
    interval = os.path.join(workdir, "interval.yaml")
    files = {
        "bad.yaml": "backends: [\n  - kind: demo\n",
        "unknown.yaml": "backends:\n  - kind: demo\n    colour: red\n",
        "interval.yaml": "backends:\n  - kind: demo\npoll:\n  runners: fast\n",
    }
    expect_usage_error(["snapshot", "--config", bad_yaml], bad_yaml + ":", files, workdir)
    expect_usage_error(["snapshot", "--config", bad_yaml], "malformed YAML")
    expect_usage_error(["snapshot", "--config", unknown], unknown + ":3:5: backends[0].colour: unknown key")
    expect_usage_error(["snapshot", "--config", interval], interval + ":4:12: poll.runners:")
    expect_usage_error(["--config", interval], "is not a duration")
    expect_usage_error(["snapshot", "--config", os.path.join(workdir, "missing.yaml")], "cannot read the file")
    expect_usage_error(["snapshot", "--size", "0x0"], "--size 0x0")
    expect_usage_error(["snapshot", "--size", "wide"], "--size wide")
    expect_usage_error(["snapshot", "--screen", "nope"], "--screen nope")
    expect_usage_error(["snapshot", "--format", "pdf"], "--format pdf")
    expect_usage_error(["snapshot", "--at", "soon"], "--at soon")
    expect_usage_error(["--theme", "pink"], "--theme pink")
    expect_usage_error(["--no-such-flag"], "no-such-flag")
    result = run_cli()
    check(result.returncode == 1 and "must be a terminal" in result.stderr, "no tty: %r" % (result,))


if __name__ == "__main__":
    if not os.path.exists(BINARY):
        sys.exit("e2e: no binary at %s; build it first (swift build)" % BINARY)
    for case in [cli_help_version_and_snapshots, cli_trust, cli_bad_input, console_walkthrough,
                 sigterm_restores_the_terminal, sigint_restores_the_terminal,
                 sigquit_restores_the_terminal, a_crash_restores_the_terminal_and_says_why,
                 non_utf8_locale_draws_ascii, identity_assumes_hop_by_hop_and_audits,
                 play_a_manual_production_deploy]:
        case()
    print("e2e: %d passed, %d failed" % (len(passed), len(failures)))
    sys.exit(1 if failures else 0)
