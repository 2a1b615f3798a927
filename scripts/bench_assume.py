#!/usr/bin/env python3
"""Times `switchboard assume … --export sh` and `aws sts assume-role` as whole processes (run by
scripts/bench-assume under scripts/moto-testbed, which provides MOTO_ENDPOINT and MOTO_SEED)."""
import json
import os
import statistics
import subprocess
import tempfile
import time

endpoint = os.environ["MOTO_ENDPOINT"]
seed = json.load(open(os.environ["MOTO_SEED"]))
role = "arn:aws:iam::%s:role/OrganizationAccountAccessRole" % seed["accounts"]["cicd"]
runs = int(os.environ.get("RUNS", "30"))
work = tempfile.mkdtemp(prefix="sb-bench-")
config = os.path.join(work, "config")
with open(config, "w") as f:
    f.write("[profile mgmt]\naws_access_key_id = testing\naws_secret_access_key = testing\nregion = %s\n"
            "endpoint_url = %s\n\n[profile cicd]\nrole_arn = %s\nsource_profile = mgmt\nregion = %s\n"
            "endpoint_url = %s\n" % (seed["region"], endpoint, role, seed["region"], endpoint))
env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
env.update(HOME=work, XDG_STATE_HOME=os.path.join(work, "state"), XDG_CONFIG_HOME=os.path.join(work, "xdg"),
           AWS_CONFIG_FILE=config, AWS_SHARED_CREDENTIALS_FILE=os.path.join(work, "none"),
           AWS_EC2_METADATA_DISABLED="true")


def timed(argv):
    samples = []
    for i in range(runs + 2):
        start = time.perf_counter()
        result = subprocess.run(argv, env=env, capture_output=True, stdin=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit("%s failed: %s" % (argv[0], result.stderr.decode()[-300:]))
        if i >= 2:  # two warm-up runs: page cache, moto's first-call paths
            samples.append(elapsed * 1000)
    return samples


switchboard = timed([os.environ["SWITCHBOARD_BIN"], "assume", "cicd", "--export", "sh"])
aws = timed([os.environ["AWS_CLI"], "sts", "assume-role", "--role-arn", role, "--role-session-name", "bench",
             "--profile", "mgmt", "--endpoint-url", endpoint, "--output", "json"])
for name, samples in [("switchboard assume --export sh", switchboard), ("aws sts assume-role", aws)]:
    print("%-32s median %7.1f ms  (min %.1f, max %.1f, %d runs)" % (
        name, statistics.median(samples), min(samples), max(samples), len(samples)))
print("ratio (aws / switchboard, medians): %.1fx  [goal: >= 10x]" % (statistics.median(aws) / statistics.median(switchboard)))
