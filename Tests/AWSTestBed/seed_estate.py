#!/usr/bin/env python3
"""Seeds a moto server with the seeds' estate: an organisation (core: audit, log-archive; workload:
development, production; admin, cicd, jenkins) whose member accounts are entered by assuming
OrganizationAccountAccessRole from the management account, and the two CI trust chains with the seeds' trust
and identity policies. Prints what it made as JSON.

Usage: seed_estate.py ENDPOINT        (a loopback http://127.0.0.1:PORT; nothing else is accepted)
"""
import json
import sys
import urllib.parse
import urllib.request

import boto3

ENDPOINT = sys.argv[1]
if urllib.parse.urlparse(ENDPOINT).hostname != "127.0.0.1":
    sys.exit("seed_estate: only a loopback endpoint (127.0.0.1) may be seeded")

REGION = "eu-central-1"
BASE = dict(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION, endpoint_url=ENDPOINT)


def client(service, **credentials):
    return boto3.client(service, **{**BASE, **credentials})


def doc(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def enter(account):
    """Credentials inside a member account, the way the management account gets them."""
    answer = client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole", RoleSessionName="seed")
    c = answer["Credentials"]
    return dict(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                aws_session_token=c["SessionToken"])


def make_role(account, name, trust, policy, path="/", max_session=3600):
    iam = client("iam", **enter(account))
    iam.create_role(RoleName=name, Path=path, AssumeRolePolicyDocument=trust, MaxSessionDuration=max_session)
    iam.put_role_policy(RoleName=name, PolicyName=f"{name.split('/')[-1]}-policy", PolicyDocument=policy)
    return f"arn:aws:iam::{account}:role{path}{name}"


def main():
    org = client("organizations")
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    units = {name: org.create_organizational_unit(ParentId=root, Name=name)["OrganizationalUnit"]["Id"]
             for name in ["core", "workload"]}
    placement = {"audit": "core", "log-archive": "core", "development": "workload", "production": "workload",
                 "admin": None, "cicd": None, "jenkins": None}
    accounts = {}
    for name, unit in placement.items():
        status = org.create_account(AccountName=name, Email=f"aws+{name}@example.com")["CreateAccountStatus"]
        accounts[name] = status["AccountId"]
        if unit:
            org.move_account(AccountId=accounts[name], SourceParentId=root, DestinationParentId=units[unit])
        # As in AWS, the role Organizations creates is an administrator of its account (moto's has no policy,
        # which only matters once its authentication is on).
        client("iam", **enter(accounts[name])).put_role_policy(
            RoleName="OrganizationAccountAccessRole", PolicyName="AdministratorAccess",
            PolicyDocument=doc({"Effect": "Allow", "Action": "*", "Resource": "*"}))

    # Guardrails: SCPs on the core and workload OUs (as Control Tower's would be).
    try:
        org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    except Exception:  # noqa: BLE001 - moto enables it already in some versions
        pass
    guardrails = {
        "core": ("core-guardrails", {"Sid": "DenyLeavingTheOrganization", "Effect": "Deny",
                                     "Action": "organizations:LeaveOrganization", "Resource": "*"}),
        "workload": ("workload-guardrails", {"Sid": "DenyOutsideEU", "Effect": "Deny", "NotAction": ["iam:*", "sts:*"],
                                             "Resource": "*",
                                             "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-central-1"]}}}),
    }
    scps = {}
    for unit, (name, statement) in guardrails.items():
        policy = org.create_policy(Name=name, Description=name, Type="SERVICE_CONTROL_POLICY",
                                   Content=json.dumps({"Version": "2012-10-17", "Statement": [statement]}))
        scps[unit] = policy["Policy"]["PolicySummary"]["Id"]
        org.attach_policy(PolicyId=scps[unit], TargetId=units[unit])
    # One SCP attached to an account directly: production may not stop CloudTrail.
    policy = org.create_policy(Name="production-guardrails", Description="production", Type="SERVICE_CONTROL_POLICY",
                               Content=json.dumps({"Version": "2012-10-17", "Statement": [
                                   {"Sid": "KeepCloudTrail", "Effect": "Deny", "Action": "cloudtrail:StopLogging",
                                    "Resource": "*"}]}))
    scps["production"] = policy["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=scps["production"], TargetId=accounts["production"])

    cicd, jenkins = accounts["cicd"], accounts["jenkins"]
    node = make_role(cicd, "eks-node-instance-role",
                     doc({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}),
                     doc({"Sid": "AssumeRunnerRole", "Effect": "Allow", "Action": "sts:AssumeRole",
                          "Resource": f"arn:aws:iam::{cicd}:role/cicd-kube2iam-gitlab_runner_role"}))
    runner = make_role(cicd, "cicd-kube2iam-gitlab_runner_role",
                       doc({"Effect": "Allow", "Principal": {"AWS": node}, "Action": "sts:AssumeRole"}),
                       doc({"Sid": "AssumeDelegatedRoles", "Effect": "Allow", "Action": "sts:AssumeRole",
                            "Resource": "arn:aws:iam::*:role/cicd/delegated-role"}))
    delegated = {target: make_role(accounts[target], "delegated-role",
                                   doc({"Sid": "GitLabRunners", "Effect": "Allow", "Principal": {"AWS": runner},
                                        "Action": "sts:AssumeRole"}),
                                   doc({"Sid": "Deploy", "Effect": "Allow", "Action": "*", "Resource": "*"}), path="/cicd/")
                 for target in ["admin", "cicd", "development", "production"]}
    agents, deploy = {}, {}
    for target in ["development", "production", "admin"]:
        deploy[target] = make_role(accounts[target], "deploy-role",
                                   doc({"Sid": "JenkinsAccount", "Effect": "Allow",
                                        "Principal": {"AWS": f"arn:aws:iam::{jenkins}:root"}, "Action": "sts:AssumeRole"}),
                                   doc({"Sid": "AllowEverything", "Effect": "Allow", "Action": "*", "Resource": "*"}),
                                   max_session=43200)
        agents[target] = make_role(jenkins, f"deploy-role-agent-{target}",
                                   doc({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                                        "Action": "sts:AssumeRole"}),
                                   doc({"Sid": f"AssumeDeployRole{target.capitalize()}", "Effect": "Allow",
                                        "Action": "sts:AssumeRole", "Resource": deploy[target]}))
    compute = seed_compute(accounts, node, agents)
    print(json.dumps({"endpoint": ENDPOINT, "region": REGION, "accounts": accounts, "scps": scps,
                      "roles": {"node": node, "runner": runner, "delegated": delegated, "agents": agents,
                                "deploy": deploy}, "compute": compute}, indent=1))


def seed_compute(accounts, node, agents):
    """The Jenkins ECS cluster (one running agent task per target, tagged with its jenkins.label, frozen in
    RUNNING) in the jenkins account, and the EKS cluster with the small/medium/big node groups in cicd."""
    # Tasks stay RUNNING however often they are described (moto otherwise moves them on each DescribeTasks).
    request = urllib.request.Request(
        ENDPOINT + "/moto-api/state-manager/set-transition", method="POST",
        data=json.dumps({"model_name": "ecs::task", "transition": {"progression": "manual", "times": 1000000000}}).encode(),
        headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()
    jenkins = assumed_session(accounts["jenkins"])
    ec2 = jenkins.client("ec2", region_name=REGION, endpoint_url=ENDPOINT)
    vpc = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.40.1.0/24")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName="jenkins-agents", Description="agents", VpcId=vpc)["GroupId"]
    ecs = jenkins.client("ecs", region_name=REGION, endpoint_url=ENDPOINT)
    ecs.create_cluster(clusterName="jenkins-agents")
    tasks = {}
    for target, role in agents.items():
        label = "Agent" + target.replace("-", " ").title().replace(" ", "")
        definition = ecs.register_task_definition(
            family="jenkins-agent-" + target, taskRoleArn=role, networkMode="awsvpc", cpu="512", memory="1024",
            requiresCompatibilities=["FARGATE"], tags=[{"key": "jenkins.label", "value": label}],
            containerDefinitions=[{"name": "jnlp", "image": "jenkins/inbound-agent", "cpu": 512, "memory": 1024,
                                   "logConfiguration": {"logDriver": "awslogs", "options": {
                                       "awslogs-group": "/ecs/jenkins-agents", "awslogs-region": REGION}}}],
        )["taskDefinition"]["taskDefinitionArn"]
        task = ecs.run_task(cluster="jenkins-agents", taskDefinition=definition, launchType="FARGATE", count=1,
                            startedBy="jenkins-ecs-plugin", tags=[{"key": "jenkins.label", "value": label}],
                            networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [group]}})
        tasks[target] = {"label": label, "taskDefinition": definition, "task": task["tasks"][0]["taskArn"]}
    cicd = assumed_session(accounts["cicd"])
    ec2 = cicd.client("ec2", region_name=REGION, endpoint_url=ENDPOINT)
    vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock="10.50.%d.0/24" % i)["Subnet"]["SubnetId"] for i in (1, 2)]
    eks = cicd.client("eks", region_name=REGION, endpoint_url=ENDPOINT)
    eks.create_cluster(name="gitlab-runners", roleArn=node, resourcesVpcConfig={"subnetIds": subnets})
    pools = {"small": ("t3.large", 1, 2, 6), "medium": ("m5.xlarge", 1, 2, 4), "big": ("c5.4xlarge", 0, 1, 3)}
    for pool, (instance, low, desired, high) in pools.items():
        eks.create_nodegroup(clusterName="gitlab-runners", nodegroupName="runners-" + pool, nodeRole=node,
                             subnets=subnets, instanceTypes=[instance], labels={"pool": pool},
                             scalingConfig={"minSize": low, "desiredSize": desired, "maxSize": high})
    return {"ecs": {"cluster": "jenkins-agents", "tasks": tasks}, "eks": {"cluster": "gitlab-runners", "pools": pools}}


def assumed_session(account):
    return boto3.Session(**enter(account))


if __name__ == "__main__":
    main()
