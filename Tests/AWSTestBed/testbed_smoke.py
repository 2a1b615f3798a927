#!/usr/bin/env python3
"""Checks the AWS test bed itself, before the project's own AWS code is tested against it: the seeded roles are
where they should be, the GitLab chain can be walked with boto3, and moto's authentication, once switched on,
checks signatures. Run by `scripts/moto-testbed run`, which provides MOTO_ENDPOINT and MOTO_SEED.
"""
import json
import os
import sys
import urllib.request

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["MOTO_ENDPOINT"]
SEED = json.load(open(os.environ["MOTO_SEED"]))
BASE = dict(region_name=SEED["region"], endpoint_url=ENDPOINT)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL " + message, flush=True)


def sts(**credentials):
    return boto3.client("sts", **BASE, **credentials)


def assume(arn, credentials, name="testbed"):
    c = sts(**credentials).assume_role(RoleArn=arn, RoleSessionName=name)["Credentials"]
    return dict(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                aws_session_token=c["SessionToken"])


management = dict(aws_access_key_id="testing", aws_secret_access_key="testing")
accounts = SEED["accounts"]

# The roles are in their accounts, with their trust.
development = assume(f"arn:aws:iam::{accounts['development']}:role/OrganizationAccountAccessRole", management)
names = {r["RoleName"]: r for r in boto3.client("iam", **BASE, **development).list_roles()["Roles"]}
check("delegated-role" in names and names["delegated-role"]["Path"] == "/cicd/", "delegated-role in development")
check(names.get("deploy-role", {}).get("MaxSessionDuration") == 43200, "deploy-role allows 12 h sessions")

# The GitLab chain: runner role, then the delegated role in development.
cicd = assume(f"arn:aws:iam::{accounts['cicd']}:role/OrganizationAccountAccessRole", management)
runner = assume(SEED["roles"]["runner"], cicd)
delegated = assume(SEED["roles"]["delegated"]["development"], runner, name="gitlab-deploy")
who = sts(**delegated).get_caller_identity()
check(who["Account"] == accounts["development"], "the chain ends in the development account: %s" % who)
check(":assumed-role/delegated-role/gitlab-deploy" in who["Arn"], "the chain ends as delegated-role: %s" % who)

# The metadata stand-in, checked with botocore's own IMDSv2 client: a profile with
# credential_source = Ec2InstanceMetadata gets the node role's credentials from it, then assumes the runner role.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from imds_standin import ImdsStandIn  # noqa: E402

node = assume(SEED["roles"]["node"], cicd, name="i-0123456789abcdef0")
stand_in = ImdsStandIn("eks-node-instance-role", node)
port = stand_in.start()
config = os.path.join(os.path.dirname(os.environ["MOTO_SEED"]), "imds-config")
with open(config, "w") as f:
    # endpoint_url keeps botocore's own AssumeRole on the loopback server: nothing here may leave 127.0.0.1.
    f.write("[profile runner]\nrole_arn = %s\ncredential_source = Ec2InstanceMetadata\nregion = %s\nendpoint_url = %s\n"
            % (SEED["roles"]["runner"], SEED["region"], ENDPOINT))
saved = {k: os.environ.pop(k, None) for k in ["AWS_EC2_METADATA_DISABLED", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]}
os.environ.update(AWS_CONFIG_FILE=config, AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:%d/" % port,
                  AWS_SHARED_CREDENTIALS_FILE=config + "-none")
try:
    session = boto3.Session(profile_name="runner")
    who = session.client("sts", endpoint_url=ENDPOINT).get_caller_identity()
    check(":assumed-role/cicd-kube2iam-gitlab_runner_role/" in who["Arn"], "IMDS → runner role: %s" % who)
    check(("PUT", "/latest/api/token") in stand_in.requests, "botocore asked the stand-in for an IMDSv2 token")
finally:
    stand_in.stop()
    for k, v in saved.items():
        if v is not None:
            os.environ[k] = v

# Authentication on: a user made before, with a key; a wrong secret is refused by signature.
iam = boto3.client("iam", **BASE, **management)
iam.create_user(UserName="operator")
iam.put_user_policy(UserName="operator", PolicyName="admin", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
key = iam.create_access_key(UserName="operator")["AccessKey"]
request = urllib.request.Request(ENDPOINT + "/moto-api/reset-auth", data=b"0", method="POST",
                                 headers={"Content-Type": "text/plain"})
urllib.request.urlopen(request, timeout=10).read()
operator = dict(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"])
check(sts(**operator).get_caller_identity()["Arn"].endswith(":user/operator"), "the operator's key works with auth on")
try:
    sts(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key="wrong").get_caller_identity()
    check(False, "a wrong secret was accepted with auth on")
except ClientError as error:
    check(error.response["Error"]["Code"] == "SignatureDoesNotMatch", "wrong secret: %s" % error.response["Error"])

print("testbed: %d failed" % len(failures) if failures else "testbed: ok")
sys.exit(1 if failures else 0)
