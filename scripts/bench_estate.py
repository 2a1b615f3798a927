#!/usr/bin/env python3
"""Grows the seeded estate in moto to N accounts (each with the read role and three roles of the seeds'
shape) and runs `switchboard bench --aws` at each size (run by scripts/bench-estate)."""
import json
import os
import subprocess
import tempfile

import boto3

endpoint = os.environ["MOTO_ENDPOINT"]
seed = json.load(open(os.environ["MOTO_SEED"]))
region = seed["region"]
base = dict(region_name=region, endpoint_url=endpoint, aws_access_key_id="testing", aws_secret_access_key="testing")
work = tempfile.mkdtemp(prefix="sb-bench-estate-")
with open(os.path.join(work, "aws-config"), "w") as f:
    f.write("[profile management]\naws_access_key_id = testing\naws_secret_access_key = testing\nregion = %s\n"
            "endpoint_url = %s\n" % (region, endpoint))
with open(os.path.join(work, "switchboard.yaml"), "w") as f:
    f.write("backends:\n  - kind: aws\n    profile: management\n")
env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
env.update(HOME=work, XDG_STATE_HOME=os.path.join(work, "state"), AWS_CONFIG_FILE=os.path.join(work, "aws-config"),
           AWS_SHARED_CREDENTIALS_FILE=os.path.join(work, "none"), AWS_EC2_METADATA_DISABLED="true")
org = boto3.client("organizations", **base)
sts = boto3.client("sts", **base)
root = org.list_roots()["Roots"][0]["Id"]
trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {
    "AWS": "arn:aws:iam::%s:role/cicd-kube2iam-gitlab_runner_role" % seed["accounts"]["cicd"]}, "Action": "sts:AssumeRole"}]})
admin = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def bench(label):
    result = subprocess.run([os.environ["SWITCHBOARD_BIN"], "bench", "--aws", "--config",
                             os.path.join(work, "switchboard.yaml"), "--cycles", "3"],
                            env=env, capture_output=True, text=True, timeout=900)
    print("== %s" % label)
    print(result.stdout.strip() or result.stderr.strip())


count = len(org.list_accounts()["Accounts"])
bench("seeded estate")
for target in [int(n) for n in os.environ.get("GROW", "50 200").split()]:
    while count < target:
        account = org.create_account(AccountName="team-%03d" % count, Email="aws+team%03d@example.com" % count)[
            "CreateAccountStatus"]["AccountId"]
        keys = sts.assume_role(RoleArn="arn:aws:iam::%s:role/OrganizationAccountAccessRole" % account,
                               RoleSessionName="grow")["Credentials"]
        iam = boto3.client("iam", region_name=region, endpoint_url=endpoint, aws_access_key_id=keys["AccessKeyId"],
                           aws_secret_access_key=keys["SecretAccessKey"], aws_session_token=keys["SessionToken"])
        for name in ["deploy-role", "read-only", "break-glass"]:
            iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust)
            iam.put_role_policy(RoleName=name, PolicyName=name + "-policy", PolicyDocument=admin)
        count += 1
    bench("%d accounts" % count)
