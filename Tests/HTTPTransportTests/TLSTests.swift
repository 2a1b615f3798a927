import Foundation
import HTTPTransport
import Testing

/// https through the system's OpenSSL against a real TLS server (Python's ssl module on 127.0.0.1) with a
/// certificate made for the test: trusted through a CA bundle, refused without one, refused for a wrong name.
@Suite(.serialized) struct TLSTests {
    static let server = """
        import http.server, ssl, sys
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = b"secure"
                self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
                self.wfile.write(body)
            def log_message(self, *a): pass
        s = http.server.HTTPServer(("127.0.0.1", 0), H)
        c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); c.load_cert_chain(sys.argv[1], sys.argv[2])
        s.socket = c.wrap_socket(s.socket, server_side=True)
        print(s.server_address[1], flush=True)
        s.serve_forever()
        """

    struct Running {
        var process: Process
        var port: Int
        var cert: String

        /// SIGKILL: a child started from a test thread may inherit a mask that blocks SIGTERM.
        func stop() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func start() throws -> Running {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", dir + "/key.pem", "-out",
            dir + "/cert.pem",
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", server, dir + "/cert.pem", dir + "/key.pem"]
        let out = Pipe()
        python.standardOutput = out
        python.standardError = FileHandle.nullDevice
        try python.run()
        var line = Data()
        while !line.contains(10) {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            line.append(byte)
        }
        let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        return Running(process: python, port: port, cert: dir + "/cert.pem")
    }

    @Test func trustedThroughABundleRefusedWithout() throws {
        let running = try Self.start()
        defer { running.stop() }
        #expect(running.port > 0)
        let url = try HTTPURL("https://localhost:\(running.port)/")
        let trusted = SocketHTTPClient(caBundle: running.cert)
        let response = try trusted.exchange(HTTPRequest(method: "GET", url: url))
        #expect(response.status == 200 && response.text == "secure")

        #expect {
            try SocketHTTPClient().exchange(HTTPRequest(method: "GET", url: url))
        } throws: { error in
            (error as? HTTPError)?.kind == .tls && "\(error)".contains("certificate")
        }
        // The certificate names localhost and 127.0.0.1, not this name: host name verification refuses it.
        let wrongName = try HTTPURL("https://127.0.0.2:\(running.port)/")
        #expect(throws: HTTPError.self) { try trusted.exchange(HTTPRequest(method: "GET", url: wrongName)) }
    }

    @Test func missingBundleIsNamed() throws {
        let client = SocketHTTPClient(caBundle: "/nonexistent/ca.pem")
        let running = try Self.start()
        defer { running.stop() }
        #expect {
            try client.exchange(HTTPRequest(method: "GET", url: try HTTPURL("https://localhost:\(running.port)/")))
        } throws: { "\($0)".contains("/nonexistent/ca.pem") }
    }
}
