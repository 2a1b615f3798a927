#!/usr/bin/env python3
"""The real `switchboard assume` and `whoami` against moto on 127.0.0.1 (run by `scripts/moto-testbed run`,
with SWITCHBOARD_BIN naming the binary):

- auth off: the GitLab chain node role (served by the loopback IMDSv2 stand-in) → runner role →
  cicd/delegated-role in development, through profiles with credential_source = Ec2InstanceMetadata; the
  exported keys really act as delegated-role in the development account; --exec passes the exit status.
- auth on (moto then checks signatures and identity policies): the chain from where kube2iam starts it (the
  stand-in serves the runner role), a wrong secret (SignatureDoesNotMatch), a hop the identity policy does not
  allow (AccessDenied), allowed_account_ids refusing a session.
- nothing secret in stdout, stderr or the audit log, except what --export prints.
"""
import json
import os
import stat
import subprocess
import sys
import tempfile
import urllib.request

import boto3

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from imds_standin import ImdsStandIn  # noqa: E402

BIN = os.environ["SWITCHBOARD_BIN"]
ENDPOINT = os.environ["MOTO_ENDPOINT"]
SEED = json.load(open(os.environ["MOTO_SEED"]))
REGION = SEED["region"]
ACCOUNTS = SEED["accounts"]
BASE = dict(region_name=REGION, endpoint_url=ENDPOINT)
failures = []
secrets_seen = set()
quiet_output = []  # everything printed by runs that must not show a secret


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL " + message, flush=True)


def assume(arn, credentials, name="testbed"):
    c = boto3.client("sts", **BASE, **credentials).assume_role(RoleArn=arn, RoleSessionName=name)["Credentials"]
    secrets_seen.update([c["SecretAccessKey"], c["SessionToken"]])
    return dict(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                aws_session_token=c["SessionToken"])


work = tempfile.mkdtemp(prefix="sb-assume-")
config_path = os.path.join(work, "aws-config")
state = os.path.join(work, "state")
audit_path = os.path.join(state, "switchboard", "audit.jsonl")


def environment(imds_port, extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(HOME=work, XDG_STATE_HOME=state, XDG_CONFIG_HOME=os.path.join(work, "xdg"), USER="testbed-op",
               AWS_CONFIG_FILE=config_path, AWS_SHARED_CREDENTIALS_FILE=os.path.join(work, "none"),
               AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:%d/" % imds_port)
    env.update(extra or {})
    return env


def run(args, env, exporting=False):
    result = subprocess.run([BIN] + args, env=env, capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    if not exporting:
        quiet_output.append(result.stdout + result.stderr)
    else:
        quiet_output.append(result.stderr)
    return result


def profile(name, lines):
    with open(config_path, "a") as f:
        f.write("[profile %s]\n%s\nregion = %s\nendpoint_url = %s\n\n" % (name, "\n".join(lines), REGION, ENDPOINT))


management = dict(aws_access_key_id="testing", aws_secret_access_key="testing")
cicd = assume(f"arn:aws:iam::{ACCOUNTS['cicd']}:role/OrganizationAccountAccessRole", management)
node = assume(SEED["roles"]["node"], cicd, name="i-0123456789abcdef0")
runner = assume(SEED["roles"]["runner"], node, name="kube2iam")
development = SEED["roles"]["delegated"]["development"]

profile("runner", ["role_arn = " + SEED["roles"]["runner"], "credential_source = Ec2InstanceMetadata"])
profile("development", ["role_arn = " + development, "source_profile = runner", "role_session_name = gitlab-deploy"])
profile("pod-development", ["role_arn = " + development, "credential_source = Ec2InstanceMetadata"])
profile("pod-deploy-role", ["role_arn = " + SEED["roles"]["deploy"]["development"],
                            "credential_source = Ec2InstanceMetadata"])

# ---- auth off: the whole chain from the node role.
node_imds = ImdsStandIn("eks-node-instance-role", node)
env = environment(node_imds.start())
try:
    result = run(["assume", "development", "--export", "json"], env, exporting=True)
    check(result.returncode == 0, "assume development: %s" % result.stderr)
    exported = json.loads(result.stdout or "{}")
    secrets_seen.update([exported.get("SecretAccessKey", "-"), exported.get("SessionToken", "-")])
    who = boto3.client("sts", **BASE, aws_access_key_id=exported.get("AccessKeyId"),
                       aws_secret_access_key=exported.get("SecretAccessKey"),
                       aws_session_token=exported.get("SessionToken")).get_caller_identity()
    check(who["Account"] == ACCOUNTS["development"], "exported keys act in development: %s" % who)
    check(":assumed-role/delegated-role/gitlab-deploy" in who["Arn"], "exported keys are delegated-role: %s" % who)
    check(exported.get("Version") == 1 and exported.get("Expiration"), "credential_process JSON shape")
    check(("PUT", "/latest/api/token") in node_imds.requests, "switchboard asked the stand-in for an IMDSv2 token")

    result = run(["whoami", "--profile", "development", "--format", "json"], env)
    who = json.loads(result.stdout or "{}")
    check(result.returncode == 0 and who.get("account") == ACCOUNTS["development"], "whoami: %s %s" % (who, result.stderr))

    result = run(["assume", "development", "--export", "sh"], env, exporting=True)
    names = [line.split("=")[0] for line in result.stdout.splitlines()]
    check(names == ["export AWS_ACCESS_KEY_ID", "export AWS_SECRET_ACCESS_KEY", "export AWS_SESSION_TOKEN",
                    "export AWS_CREDENTIAL_EXPIRATION", "export AWS_REGION", "export AWS_DEFAULT_REGION"],
          "--export sh prints the six variables: %s" % names)
    shell = subprocess.run(["sh", "-c", result.stdout + 'test "$AWS_REGION" = "%s" && test -n "$AWS_SESSION_TOKEN"'
                            % REGION], capture_output=True)
    check(shell.returncode == 0, "--export sh evaluates in sh")
    for line in result.stdout.splitlines():
        if line.startswith(("export AWS_SECRET_ACCESS_KEY=", "export AWS_SESSION_TOKEN=")):
            secrets_seen.add(line.split("=", 1)[1].strip("'"))

    exec_env = dict(env, AWS_PROFILE="runner")
    result = run(["assume", "development", "--exec", "--", "sh", "-c",
                  'test -n "$AWS_SESSION_TOKEN" && test -z "$AWS_PROFILE" && exit 7'], exec_env)
    check(result.returncode == 7, "--exec passes the exit status through: %d %s" % (result.returncode, result.stderr))
    result = run(["assume", "development", "--exec", "--", "no-such-command-here"], env)
    check(result.returncode == 127 and "cannot run no-such-command-here" in result.stderr,
          "--exec of a missing command: %d %s" % (result.returncode, result.stderr))

    result = run(["assume", "development", "--duration", "12h"], env)
    check(result.returncode == 0 and "role chaining caps sessions at 1 hour" in result.stderr,
          "a 12 h request on a chained hop is clamped, and said: %s" % result.stderr)
    check("Assumed arn:aws:sts::%s:assumed-role/delegated-role/gitlab-deploy" % ACCOUNTS["development"]
          in result.stdout, "the summary names the session: %s" % result.stdout)

    result = run(["assume", "nope"], env)
    check(result.returncode == 1 and "The config profile (nope) could not be found (%s)" % config_path in result.stderr,
          "unknown profile: %s" % result.stderr)
finally:
    node_imds.stop()

# ---- auth on: signatures and identity policies are checked from here on.
iam = boto3.client("iam", **BASE, **management)
iam.create_user(UserName="operator")
iam.put_user_policy(UserName="operator", PolicyName="admin", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
key = iam.create_access_key(UserName="operator")["AccessKey"]
secrets_seen.add(key["SecretAccessKey"])
urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/moto-api/reset-auth", data=b"0", method="POST",
                                              headers={"Content-Type": "text/plain"}), timeout=10).read()
profile("operator", ["aws_access_key_id = " + key["AccessKeyId"], "aws_secret_access_key = " + key["SecretAccessKey"]])
profile("wrong-secret", ["aws_access_key_id = " + key["AccessKeyId"], "aws_secret_access_key = not-the-secret"])

runner_imds = ImdsStandIn("cicd-kube2iam-gitlab_runner_role", runner)
env = environment(runner_imds.start())
try:
    result = run(["whoami", "--profile", "operator"], env)
    check(result.returncode == 0 and ":user/operator" in result.stdout, "operator with auth on: %s" % result.stderr)

    result = run(["whoami", "--profile", "wrong-secret"], env)
    check(result.returncode == 1 and "signature does not match" in result.stderr,
          "wrong secret → SignatureDoesNotMatch sentence: %s" % result.stderr)

    result = run(["whoami", "--profile", "pod-development", "--format", "json"], env)
    who = json.loads(result.stdout or "{}")
    check(result.returncode == 0 and who.get("account") == ACCOUNTS["development"]
          and ":assumed-role/delegated-role/" in who.get("arn", ""), "kube2iam → delegated with auth on: %s %s"
          % (who, result.stderr))

    result = run(["assume", "pod-deploy-role"], env)
    check(result.returncode == 1 and "Access denied" in result.stderr and "hop 1 of 1" in result.stderr,
          "a hop the runner's identity policy does not allow → AccessDenied: %s" % result.stderr)

    sb_config = os.path.join(work, "switchboard.yaml")
    with open(sb_config, "w") as f:
        f.write("backends:\n  - kind: aws\n    allowed_account_ids: ['%s']\n" % ACCOUNTS["cicd"])
    result = run(["assume", "pod-development", "--config", sb_config], env)
    check(result.returncode == 1 and "allowed_account_ids" in result.stderr and ACCOUNTS["development"] in result.stderr,
          "allowed_account_ids refuses the development session: %s" % result.stderr)

    # The console's Identity screen on `kind: aws` (through snapshot, the same state machine and effects):
    # the caller from the default chain (the stand-in's runner role), the operator's profiles, and Enter on a
    # filtered profile walking its hop against moto.
    console_config = os.path.join(work, "console.yaml")
    with open(console_config, "w") as f:
        f.write("backends:\n  - kind: aws\n  - kind: demo\n")
    # AWS_ENDPOINT_URL: the default chain has no profile to name the endpoint, and nothing may leave 127.0.0.1.
    console_env = dict(env, AWS_ENDPOINT_URL=ENDPOINT, AWS_REGION=REGION)
    result = run(["snapshot", "--config", console_config, "--screen", "identity", "--size", "160x40",
                  "--keys", "/ p o d - d e v Enter Enter"], console_env)
    screen = result.stdout
    check(result.returncode == 0 and "AWS config" in screen, "identity snapshot ran: %s" % result.stderr)
    check(":assumed-role/cicd-kube2iam-gitlab_runner_ro" in screen, "You are: the runner role from the stand-in:\n" + screen)
    check("Assume pod-development" in screen and "done" in screen and "delegated-role in" in screen,
          "Enter walks the hop on screen:\n" + screen)
    result = run(["snapshot", "--config", console_config, "--screen", "identity", "--format", "json"], console_env)
    names = [p["name"] for p in json.loads(result.stdout or "{}").get("profiles", [])]
    check("pod-development" in names and "wrong-secret" in names, "identity JSON lists the profiles: %s" % names)
finally:
    runner_imds.stop()

# ---- the audit log: one line per attempt, no secret; nothing secret anywhere but --export.
entries = [json.loads(line) for line in open(audit_path)]
outcomes = [e["outcome"] for e in entries]
check(outcomes.count("refused") == 1 and outcomes.count("failed") >= 2 and outcomes.count("ok") >= 5,
      "audit outcomes: %s" % outcomes)
check(all(set(e) >= {"time", "operator", "action", "target", "outcome"} and e["operator"] == "testbed-op"
          for e in entries), "audit fields")
check(any(e.get("session") == "gitlab-deploy" for e in entries), "audit has the CloudTrail session name")
check(stat.S_IMODE(os.stat(audit_path).st_mode) == 0o600, "audit log is 0600")
everything = "\n".join(quiet_output) + open(audit_path).read()
leaks = [s for s in secrets_seen if s and len(s) > 8 and s in everything]
check(len(secrets_seen) >= 8 and not leaks, "secrets in output or the audit log: %d of %d found"
      % (len(leaks), len(secrets_seen)))

print("assume: %d failed" % len(failures) if failures else "assume: ok (%d audit entries)" % len(entries))
sys.exit(1 if failures else 0)
