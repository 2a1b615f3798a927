#!/usr/bin/env python3
"""A loopback stand-in for the EC2 instance metadata service (IMDSv2), so credential_source =
Ec2InstanceMetadata can be tested without ever reaching 169.254.169.254.

It serves, like the real service (and like kube2iam inside a pod):
  PUT /latest/api/token                                  (x-aws-ec2-metadata-token-ttl-seconds) → token
  GET /latest/meta-data/iam/security-credentials/        → the role's name
  GET /latest/meta-data/iam/security-credentials/<role>  → {"Code": "Success", AccessKeyId, …, Expiration}
GETs without the token are refused with 401, as IMDSv2 does when v1 is disabled.

As a module: ImdsStandIn(role_name, credentials).start() → port; .stop(). Only 127.0.0.1 is bound.
"""
import json
import secrets
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ImdsStandIn:
    def __init__(self, role_name, credentials):
        self.role_name = role_name
        self.credentials = credentials
        self.token = secrets.token_hex(16)
        self.requests = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, body, content_type="text/plain"):
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_PUT(self):
                stand_in.requests.append(("PUT", self.path))
                if self.path != "/latest/api/token" or not self.headers.get("x-aws-ec2-metadata-token-ttl-seconds"):
                    return self.reply(400, "missing ttl")
                self.reply(200, stand_in.token)

            def do_GET(self):
                stand_in.requests.append(("GET", self.path))
                if self.headers.get("x-aws-ec2-metadata-token") != stand_in.token:
                    return self.reply(401, "")
                base = "/latest/meta-data/iam/security-credentials/"
                if self.path == base:
                    return self.reply(200, stand_in.role_name)
                if self.path == base + stand_in.role_name:
                    c = stand_in.credentials
                    expiration = (datetime.now(timezone.utc) + timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M:%SZ")
                    return self.reply(200, json.dumps({
                        "Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": c["aws_access_key_id"],
                        "SecretAccessKey": c["aws_secret_access_key"], "Token": c.get("aws_session_token", ""),
                        "Expiration": expiration, "LastUpdated": expiration}), "application/json")
                self.reply(404, "")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    def start(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.server.server_address[1]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
