#!/usr/bin/env python3
"""botocore's SigV4 signer as an oracle for the project's own.

Reads a JSON list of requests on stdin and prints, for each, what botocore signs it as: the Authorization
header, the canonical request and the headers it added. Each request:
  {"method", "url", "headers": [[name, value], ...], "body", "region", "service",
   "access_key", "secret_key", "token" (or null), "timestamp": "YYYYMMDDTHHMMSSZ"}
The secrets are test values: nothing here ever sees a real key.
"""
import datetime
import json
import sys
from unittest import mock

import botocore.auth
from botocore.awsrequest import AWSRequest, HTTPHeaders
from botocore.credentials import Credentials


def sign(item):
    headers = HTTPHeaders()
    for name, value in item["headers"]:
        headers[name] = value  # appends, so repeated headers stay repeated
    request = AWSRequest(method=item["method"], url=item["url"], headers=headers, data=item["body"].encode())
    credentials = Credentials(item["access_key"], item["secret_key"], item.get("token"))
    auth = botocore.auth.SigV4Auth(credentials, item["service"], item["region"])
    moment = datetime.datetime.strptime(item["timestamp"], "%Y%m%dT%H%M%SZ")
    captured = {}
    original = auth.canonical_request

    def capture(req):
        captured["canonical"] = original(req)
        return captured["canonical"]

    auth.canonical_request = capture
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=moment):
        auth.add_auth(request)
    canonical = captured["canonical"]
    return {
        "authorization": request.headers["Authorization"],
        "canonical_request": canonical,
        "amz_date": request.headers.get("X-Amz-Date"),
        "security_token": request.headers.get("X-Amz-Security-Token"),
    }


if __name__ == "__main__":
    print(json.dumps([sign(item) for item in json.load(sys.stdin)], indent=1))
