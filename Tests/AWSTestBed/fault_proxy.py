#!/usr/bin/env python3
"""A loopback proxy in front of moto that misbehaves on purpose: throttles, fails with 500/503, answers
slowly, by a rule set at run time. Only 127.0.0.1 is bound and only the given moto endpoint is forwarded to.

As a module: FaultProxy(upstream).start() → port; .rule = function(n, method, path, headers, body) → None to
forward, ("status", code, body, content_type) to answer instead, or ("slow", seconds) to delay then forward;
.stop(); .counts.
"""
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FaultProxy:
    def __init__(self, upstream):
        parsed = urllib.parse.urlparse(upstream)
        assert parsed.hostname == "127.0.0.1", "the proxy forwards to loopback only"
        self.upstream = upstream.rstrip("/")
        self.rule = lambda n, method, path, headers, body: None
        self.counts = {"forwarded": 0, "injected": 0, "slow": 0}
        self.lock = threading.Lock()
        self.n = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def handle_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with proxy.lock:
                    proxy.n += 1
                    n = proxy.n
                action = proxy.rule(n, self.command, self.path, dict(self.headers), body)
                if action and action[0] == "status":
                    _, code, text, content_type = action
                    data = text.encode()
                    with proxy.lock:
                        proxy.counts["injected"] += 1
                    self.send_response(code)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if action and action[0] == "slow":
                    with proxy.lock:
                        proxy.counts["slow"] += 1
                    time.sleep(action[1])
                request = urllib.request.Request(proxy.upstream + self.path, data=body if body else None,
                                                 method=self.command)
                for key, value in self.headers.items():
                    if key.lower() not in ("host", "content-length", "connection"):
                        request.add_header(key, value)
                request.add_header("Host", self.headers.get("Host", ""))
                try:
                    response = urllib.request.urlopen(request, timeout=60)
                    status, data, headers = response.status, response.read(), response.headers
                except urllib.error.HTTPError as error:
                    status, data, headers = error.code, error.read(), error.headers
                with proxy.lock:
                    proxy.counts["forwarded"] += 1
                self.send_response(status)
                for key, value in headers.items():
                    if key.lower() not in ("content-length", "transfer-encoding", "connection", "server", "date"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def handle_safely(self):
                try:
                    self.handle_any()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a console quitting mid-request): nothing to answer

            do_GET = do_POST = do_PUT = do_DELETE = handle_safely

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True

    def start(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.server.server_address[1]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
