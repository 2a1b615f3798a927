#!/usr/bin/env python3
"""`kind: aws` reading the seeded estate from moto (run by `scripts/moto-testbed run`, SWITCHBOARD_BIN names
the binary): the organisation (accounts in their OUs, SCPs on core and workload) and every account's roles
through OrganizationAccountAccessRole, as `snapshot --format json` and `trust` report them; a read role that
is missing in some accounts shows on those accounts only.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

BIN = os.environ["SWITCHBOARD_BIN"]
ENDPOINT = os.environ["MOTO_ENDPOINT"]
SEED = json.load(open(os.environ["MOTO_SEED"]))
ACCOUNTS = SEED["accounts"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL " + message, flush=True)


work = tempfile.mkdtemp(prefix="sb-estate-")
with open(os.path.join(work, "aws-config"), "w") as f:
    f.write("[profile management]\naws_access_key_id = testing\naws_secret_access_key = testing\n"
            "region = %s\nendpoint_url = %s\n" % (SEED["region"], ENDPOINT))
env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
env.update(HOME=work, XDG_STATE_HOME=os.path.join(work, "state"), XDG_CONFIG_HOME=os.path.join(work, "xdg"),
           AWS_CONFIG_FILE=os.path.join(work, "aws-config"), AWS_SHARED_CREDENTIALS_FILE=os.path.join(work, "none"),
           AWS_EC2_METADATA_DISABLED="true")


def config(extra=""):
    path = os.path.join(work, "switchboard-%d.yaml" % len(os.listdir(work)))
    with open(path, "w") as f:
        f.write("estate: moto\nbackends:\n  - kind: aws\n    profile: management\n%s" % extra)
    return path


def run(*args):
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


plain = config()
result = run("snapshot", "--config", plain, "--screen", "accounts", "--format", "json")
check(result.returncode == 0, "accounts snapshot: %s" % result.stderr[-500:])
organization = json.loads(result.stdout or "{}")
units = {u["name"]: u for u in organization.get("root", {}).get("children", [])}
check(sorted(units) == ["core", "workload"], "OUs: %s" % sorted(units))
check(sorted(a["name"] for a in units.get("core", {}).get("accounts", [])) == ["audit", "log-archive"], "core accounts")
check(sorted(a["name"] for a in units.get("workload", {}).get("accounts", [])) == ["development", "production"],
      "workload accounts")
at_root = sorted(a["name"] for a in organization.get("root", {}).get("accounts", []))
check(set(["admin", "cicd", "jenkins"]) <= set(at_root), "accounts at the root: %s" % at_root)
ids = {a["name"]: a["id"] for u in [organization.get("root", {})] + list(units.values()) for a in u.get("accounts", [])}
check(all(ids.get(name) == ACCOUNTS[name] for name in ACCOUNTS), "account ids as seeded: %s" % ids)
environments = {a["name"]: a["environment"] for u in units.values() for a in u["accounts"]}
check(environments.get("production") == "production" and environments.get("development") == "non-production",
      "environments: %s" % environments)
policy_names = {p["id"]: p["name"] for p in organization.get("policies", [])}
check(policy_names.get(SEED["scps"]["core"]) == "core-guardrails" and SEED["scps"]["core"] in units["core"]["policyIDs"],
      "core SCP: %s" % policy_names)
check(SEED["scps"]["workload"] in units["workload"]["policyIDs"], "workload SCP attached")
production = [a for a in units.get("workload", {}).get("accounts", []) if a["name"] == "production"]
check(production and SEED["scps"]["production"] in (production[0].get("policyIDs") or []),
      "the SCP attached to production itself: %s" % production)

result = run("trust", "--config", plain, "--findings", "--format", "json")
check(result.returncode == 0, "trust findings: %s" % result.stderr[-500:])
findings = json.loads(result.stdout or "[]")
findings = findings.get("findings", findings) if isinstance(findings, dict) else findings
deploy = SEED["roles"]["deploy"]["production"]
rules = {(f.get("rule"), f.get("subject")) for f in findings}
check(any(rule and "root" in rule and subject == deploy for rule, subject in rules),
      "deploy-role's account-root trust is a finding: %s" % sorted(r for r in rules if r[1] == deploy))
check(any(rule and "admin" in rule and subject == deploy for rule, subject in rules),
      "deploy-role's * on * is a finding: %s" % sorted(r for r in rules if r[1] == deploy))

result = run("trust", "--config", plain, "--to", deploy, "--format", "json")
check(result.returncode == 0 and "deploy-role-agent-production" in result.stdout,
      "the Jenkins agent role reaches production's deploy-role: %s" % (result.stderr[-300:] or result.stdout[:300]))

# Compute: the Jenkins agents on ECS and the runner node groups on EKS, as seeded (moto checks no signature
# on these calls here: its auth is off, and with it on moto fails body-less EKS GETs, a moto bug).
compute = config("    compute_accounts: [cicd, jenkins]\n")
result = run("snapshot", "--config", compute, "--screen", "runners", "--format", "json")
check(result.returncode == 0, "runners snapshot: %s" % result.stderr[-500:])
runners = json.loads(result.stdout or "{}")
pools = {p["name"]: p for p in runners.get("pools", [])}
check(sorted(pools) == ["big", "medium", "small"], "node-group pools: %s" % sorted(pools))
check(all(p.get("nodeGroup", {}).get("nodeRoleARN") == SEED["roles"]["node"] for p in pools.values()),
      "every pool's nodes use the node role")
check(pools.get("small", {}).get("nodeGroup", {}).get("desiredSize") == 2, "small pool's desired size")
templates = {t["label"]: t for t in runners.get("agentTemplates", [])}
expected = {v["label"]: k for k, v in SEED["compute"]["ecs"]["tasks"].items()}
check(sorted(templates) == sorted(expected), "agent templates: %s" % sorted(templates))
for label, target in expected.items():
    template = templates.get(label, {})
    check(template.get("taskRoleARN") == SEED["roles"]["agents"][target], "%s task role" % label)
    check(template.get("logGroup") == "/ecs/jenkins-agents", "%s logs to /ecs/jenkins-agents" % label)
    check(template.get("targetAccountID") == ACCOUNTS[target], "%s deploys to %s: %s" % (
        label, target, template.get("targetAccountID")))
    check([a["taskARN"] for a in template.get("agents", [])] == [SEED["compute"]["ecs"]["tasks"][target]["task"]],
          "%s has its one running agent" % label)
result = run("trust", "--config", compute, "--from", "instance-profile:eks:gitlab-runners/runners-small")
check(result.returncode == 0 and "development:cicd/delegated-role" in result.stdout,
      "the node group reaches development's delegated role through the node and runner roles: %s"
      % (result.stderr[-300:] or result.stdout[:600]))

# A read role only some accounts have: the others say so, the rest of the inventory stands.
partial = config("    read_role: cicd/delegated-role\n")
result = run("trust", "--config", partial, "--to", SEED["roles"]["delegated"]["development"], "--format", "json")
check(result.returncode == 0 and "cicd-kube2iam-gitlab_runner_role" in result.stdout,
      "inventory read through the delegated roles: %s" % (result.stderr[-300:] or result.stdout[:300]))

# Through a proxy that throttles, fails and answers slowly: retried with backoff, the estate still reads;
# a service that stays down is reported, not hidden.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fault_proxy import FaultProxy  # noqa: E402

proxy = FaultProxy(ENDPOINT)
port = proxy.start()
throttle_json = '{"__type":"ThrottlingException","message":"Rate exceeded"}'
throttle_xml = ("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>"
                "</Error></ErrorResponse>")


def flaky(n, method, path, headers, body):
    if n % 4 == 1:
        if "X-Amz-Target" in headers:
            return ("status", 400, throttle_json, "application/x-amz-json-1.1")
        return ("status", 400, throttle_xml, "text/xml")
    if n % 4 == 2:
        return ("status", 503, "Service Unavailable", "text/plain")
    if n % 9 == 3:
        return ("slow", 1.0)
    return None


proxy.rule = flaky
saved = env["AWS_CONFIG_FILE"]
with open(os.path.join(work, "aws-config-proxy"), "w") as f:
    f.write("[profile management]\naws_access_key_id = testing\naws_secret_access_key = testing\n"
            "region = %s\nendpoint_url = http://127.0.0.1:%d\n" % (SEED["region"], port))
env["AWS_CONFIG_FILE"] = os.path.join(work, "aws-config-proxy")
try:
    result = run("snapshot", "--config", plain, "--screen", "accounts", "--format", "json")
    through = json.loads(result.stdout or "{}")
    names = sorted(a["name"] for u in [through.get("root", {})] + through.get("root", {}).get("children", [])
                   for a in u.get("accounts", []))
    check(result.returncode == 0 and set(ACCOUNTS) <= set(names),
          "the estate reads through throttling and 503s: %s %s" % (names, result.stderr[-300:]))
    check(proxy.counts["injected"] >= 5, "the proxy injected failures: %s" % proxy.counts)

    # One member account's read role refuses (moto would hand out keys for any role with its auth off):
    # that account says so, the others are read.
    audit_role = "arn%%3Aaws%%3Aiam%%3A%%3A%s%%3Arole%%2FOrganizationAccountAccessRole" % ACCOUNTS["audit"]
    denied = ("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to "
              "perform: sts:AssumeRole</Message></Error></ErrorResponse>")
    proxy.rule = lambda n, method, path, headers, body: (
        ("status", 403, denied, "text/xml") if audit_role.encode() in body else None)
    result = run("snapshot", "--config", plain, "--screen", "accounts", "--size", "160x40", "--keys", "j j")
    check(result.returncode == 0 and "audit ✘" in result.stdout and "roles unreadable" in result.stdout
          and "Access denied" in result.stdout, "the audit account alone is marked unreadable:\n" + result.stdout)
    result = run("trust", "--config", plain, "--to", SEED["roles"]["deploy"]["production"])
    check(result.returncode == 0 and "deploy-role-agent-production" in result.stdout,
          "the rest of the inventory stands: %s" % (result.stderr[-300:] or result.stdout[:300]))
    result = run("snapshot", "--config", plain, "--screen", "runners", "--size", "160x30")
    check(result.returncode == 0 and "not read: audit" in result.stdout and "AgentProduction" in result.stdout,
          "the Runners screen names the account it could not read and shows the rest:\n" + result.stdout[:600])

    proxy.rule = lambda n, method, path, headers, body: (
        ("status", 500, '{"__type":"ServiceException","message":"down for maintenance"}', "application/x-amz-json-1.1")
        if "Organizations" in headers.get("X-Amz-Target", "") else None)
    result = run("snapshot", "--config", plain, "--screen", "accounts", "--size", "120x30")
    check(result.returncode == 0 and "unavailable" in result.stdout and "down for maintenance" in result.stdout,
          "a service that stays down is on screen, the console still draws:\n" + result.stdout[-1500:])

    # The real console in tmux while every AWS answer takes 2 s: it draws at once, keys act at once, the data
    # arrives when it arrives.
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "EndToEnd"))
    import e2e  # noqa: E402

    e2e.BINARY = BIN
    proxy.rule = lambda n, method, path, headers, body: ("slow", 2.0)
    pane_dir = tempfile.mkdtemp(prefix="sb-estate-tmux-")
    pane = e2e.Pane(pane_dir, args=["--config", plain], env={
        k: env[k] for k in ["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_EC2_METADATA_DISABLED",
                            "XDG_STATE_HOME"]})
    try:
        pane.wait_text("Switchboard", "Overview", timeout=10)
        started = time.monotonic()
        pane.keys("2")
        pane.wait_text("[2 Accounts]", timeout=5)
        latency = time.monotonic() - started
        check(latency < 1.5, "a key while AWS is slow takes effect at once: %.2f s" % latency)
        pane.keys("?")
        pane.wait_text("Help", "Esc closes", timeout=5)
        pane.keys("Escape")
        pane.wait_text("production", "workload", timeout=90)
        pane.keys("q")
        check(pane.exit_status() == 0, "q exits 0")
    except AssertionError as error:
        check(False, "console under a slow AWS: %s" % error)
    finally:
        pane.kill()
finally:
    proxy.stop()
    env["AWS_CONFIG_FILE"] = saved

# Authentication on (last: it stays on): signatures and identity policies are checked on every Organizations,
# STS and IAM call. ECS and EKS are left out here: moto fails its own signature check on body-less EKS GETs.
import urllib.request  # noqa: E402

import boto3  # noqa: E402

iam = boto3.client("iam", region_name=SEED["region"], endpoint_url=ENDPOINT, aws_access_key_id="testing",
                   aws_secret_access_key="testing")
iam.create_user(UserName="estate-reader")
iam.put_user_policy(UserName="estate-reader", PolicyName="read", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
key = iam.create_access_key(UserName="estate-reader")["AccessKey"]
# A read role allowed IAM's Get/List calls but not GetAccountAuthorizationDetails, in development only.
keys = boto3.client("sts", region_name=SEED["region"], endpoint_url=ENDPOINT, aws_access_key_id="testing",
                    aws_secret_access_key="testing").assume_role(
    RoleArn="arn:aws:iam::%s:role/OrganizationAccountAccessRole" % ACCOUNTS["development"],
    RoleSessionName="seed")["Credentials"]
development_iam = boto3.client("iam", region_name=SEED["region"], endpoint_url=ENDPOINT,
                               aws_access_key_id=keys["AccessKeyId"], aws_secret_access_key=keys["SecretAccessKey"],
                               aws_session_token=keys["SessionToken"])
development_iam.create_role(RoleName="limited-reader", AssumeRolePolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                                            "Action": "sts:AssumeRole"}]}))
development_iam.put_role_policy(RoleName="limited-reader", PolicyName="read", PolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
        {"Effect": "Deny", "Action": "iam:GetAccountAuthorizationDetails", "Resource": "*"}]}))
urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/moto-api/reset-auth", data=b"0", method="POST",
                                              headers={"Content-Type": "text/plain"}), timeout=10).read()
with open(os.path.join(work, "aws-config-auth"), "w") as f:
    f.write("[profile management]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = %s\n"
            "endpoint_url = %s\n" % (key["AccessKeyId"], key["SecretAccessKey"], SEED["region"], ENDPOINT))
env["AWS_CONFIG_FILE"] = os.path.join(work, "aws-config-auth")
signed = config("    compute_accounts: [no-compute-here]\n")
result = run("snapshot", "--config", signed, "--screen", "accounts", "--format", "json")
names = sorted(a["name"] for u in [json.loads(result.stdout or "{}").get("root", {})]
               + json.loads(result.stdout or "{}").get("root", {}).get("children", []) for a in u.get("accounts", []))
check(result.returncode == 0 and set(ACCOUNTS) <= set(names), "auth on: the organisation reads: %s %s"
      % (names, result.stderr[-300:]))
result = run("trust", "--config", signed, "--to", deploy)
check(result.returncode == 0 and "deploy-role-agent-production" in result.stdout,
      "auth on: IAM through the read roles: %s" % (result.stderr[-300:] or result.stdout[:300]))
limited = config("    read_role: limited-reader\n    compute_accounts: [no-compute-here]\n")
result = run("trust", "--config", limited, "--to", SEED["roles"]["deploy"]["development"])
check(result.returncode == 0 and "deploy-role" in result.stdout and ACCOUNTS["jenkins"] in result.stdout,
      "auth on, GetAccountAuthorizationDetails denied: the per-role calls read development's roles: %s"
      % (result.stderr[-400:] or result.stdout[:600]))
if failures:
    debug = run("snapshot", "--config", limited, "--screen", "accounts", "--size", "200x30", "--keys", "j j j j j")
    print(debug.stdout)
with open(os.path.join(work, "aws-config-wrong"), "w") as f:
    f.write("[profile management]\naws_access_key_id = %s\naws_secret_access_key = wrong\nregion = %s\n"
            "endpoint_url = %s\n" % (key["AccessKeyId"], SEED["region"], ENDPOINT))
env["AWS_CONFIG_FILE"] = os.path.join(work, "aws-config-wrong")
result = run("snapshot", "--config", signed, "--screen", "accounts", "--size", "120x30")
check(result.returncode == 0 and "signature does not match" in result.stdout,
      "auth on, wrong secret: the feed says so:\n" + result.stdout[-800:])

print("estate: %d failed" % len(failures) if failures else "estate: ok")
sys.exit(1 if failures else 0)
