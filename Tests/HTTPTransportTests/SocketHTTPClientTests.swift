import Foundation
import HTTPTransport
import Testing

/// The socket client against a real loopback server: framing, limits, timeouts and failures, each with
/// the error an operator would read.
@Suite struct SocketHTTPClientTests {
    var client: SocketHTTPClient { SocketHTTPClient() }

    func get(_ server: LoopbackServer, _ path: String = "/", timeout: Double = 5) throws -> HTTPResponse {
        try client.exchange(HTTPRequest(method: "GET", url: try HTTPURL(server.url + path), timeout: timeout))
    }

    @Test func contentLengthBodyAndHeaders() throws {
        let server = try LoopbackServer { _ in
            [.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Next-Page: 2\r\nContent-Length: 5\r\n\r\nhello")]
        }
        defer { server.stop() }
        let response = try get(server, "/a?b=c")
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(response.header("x-next-page") == "2")
        let request = try #require(server.requests.first)
        #expect(request.hasPrefix("GET /a?b=c HTTP/1.1\r\n"))
        #expect(request.contains("Host: 127.0.0.1:\(server.port)\r\n"))
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let server = try LoopbackServer { _ in
            [
                .send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n"), .pause(0.05),
                .send("5\r\npedia\r\n0\r\nX-Trailer: y\r\n\r\n"),
            ]
        }
        defer { server.stop() }
        #expect(try get(server).text == "Wikipedia")
    }

    @Test func bodyUntilCloseAndContinueSkipped() throws {
        let server = try LoopbackServer { _ in
            [.send("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Slow Down\r\n\r\n<Error>busy</Error>"), .close]
        }
        defer { server.stop() }
        let response = try get(server)
        #expect(response.status == 503)
        #expect(response.text == "<Error>busy</Error>")
    }

    @Test func slowServerTimesOut() throws {
        let server = try LoopbackServer { _ in [.pause(2), .send("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")] }
        defer { server.stop() }
        let start = ContinuousClock.now
        #expect {
            try get(server, timeout: 0.3)
        } throws: { error in
            (error as? HTTPError)?.kind == .timeout && "\(error)".contains("no answer from 127.0.0.1")
        }
        #expect(ContinuousClock.now - start < .seconds(1.5))
    }

    @Test func droppedConnectionAndShortBody() throws {
        let server = try LoopbackServer { _ in [.send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), .close] }
        defer { server.stop() }
        #expect { try get(server) } throws: { ($0 as? HTTPError)?.kind == .closed }
        let silent = try LoopbackServer { _ in [.close] }
        defer { silent.stop() }
        #expect { try get(silent) } throws: { ($0 as? HTTPError)?.kind == .closed }
    }

    @Test func garbageIsNotHTTP() throws {
        let server = try LoopbackServer { _ in [.send("SSH-2.0-OpenSSH\r\n\r\n"), .close] }
        defer { server.stop() }
        #expect { try get(server) } throws: { error in
            (error as? HTTPError)?.kind == .malformed && "\(error)".contains("status line")
        }
    }

    @Test func aHugeChunkSizeIsRefusedNotACrash() throws {
        let server = try LoopbackServer { _ in
            [.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nA\r\n7fffffffffffffff\r\n"), .close]
        }
        defer { server.stop() }
        #expect { try get(server) } throws: { ($0 as? HTTPError)?.kind == .malformed }
    }

    @Test func oversizedBodyIsRefused() throws {
        let server = try LoopbackServer { _ in [.send("HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n"), .close] }
        defer { server.stop() }
        let small = SocketHTTPClient(maxBodyBytes: 1024)
        #expect {
            try small.exchange(HTTPRequest(method: "GET", url: try HTTPURL(server.url)))
        } throws: { ($0 as? HTTPError)?.kind == .malformed }
    }

    @Test func closedPortIsAConnectError() throws {
        let server = try LoopbackServer { _ in [] }
        let port = server.port
        server.stop()
        #expect {
            try client.exchange(HTTPRequest(method: "GET", url: try HTTPURL("http://127.0.0.1:\(port)/")))
        } throws: { error in
            (error as? HTTPError)?.kind == .connect && "\(error)".contains("is the endpoint up")
        }
    }

    @Test func postSendsBodyWithLength() throws {
        let server = try LoopbackServer { _ in [.send("HTTP/1.1 204 No Content\r\n\r\n")] }
        defer { server.stop() }
        let response = try client.exchange(
            HTTPRequest(method: "POST", url: try HTTPURL(server.url), body: Array("a=1".utf8))
        )
        #expect(response.status == 204)
        #expect(server.requests.first?.contains("Content-Length: 3\r\n") == true)
    }

    @Test func urlParsing() throws {
        let url = try HTTPURL("HTTPS://Example.COM:8443/p/a?x=1#frag")
        #expect(url.scheme == "https" && url.host == "example.com" && url.port == 8443)
        #expect(url.target == "/p/a?x=1" && url.path == "/p/a" && url.query == "x=1")
        #expect(try HTTPURL("http://127.0.0.1").hostHeader == "127.0.0.1")
        #expect(try HTTPURL("http://[::1]:80/").isLoopback)
        #expect(try HTTPURL("http://127.0.0.1:9/").isLoopback)
        #expect(try !HTTPURL("http://127.attacker.example/").isLoopback)
        #expect(throws: HTTPURL.Invalid.self) { try HTTPURL("ftp://host/") }
        #expect(throws: HTTPURL.Invalid.self) { try HTTPURL("sts.amazonaws.com") }
        #expect(throws: HTTPURL.Invalid.self) { try HTTPURL("http://host:99999/") }
        #expect {
            try HTTPURL("https://user:hunter2@host/")
        } throws: { !"\($0)".contains("hunter2") }
    }

    @Test func printingARequestNeverShowsItsHeaders() throws {
        let request = HTTPRequest(
            method: "GET",
            url: try HTTPURL("https://gitlab.example.com/api/v4/runners"),
            headers: [("PRIVATE-TOKEN", "glpat-secret")]
        )
        var dumped = ""
        dump(request, to: &dumped)
        for shown in ["\(request)", String(reflecting: request), dumped] {
            #expect(!shown.contains("glpat-secret"), "\(shown)")
        }
    }
}

/// Keep-alive: GETs share a connection; a connection the server dropped is replaced once; POSTs never reuse.
struct KeepAliveTests {
    static let ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"

    @Test func getsShareOneConnection() async throws {
        let server = try LoopbackServer(keepAlive: true) { _ in [.send(Self.ok)] }
        defer { server.stop() }
        let client = SocketHTTPClient()
        for _ in 0..<5 {
            let answer = try await client.send(HTTPRequest(method: "GET", url: try HTTPURL(server.url + "/x")))
            #expect(answer.text == "ok")
        }
        #expect(server.connections == 1)
        #expect(server.requests.allSatisfy { $0.contains("Connection: keep-alive") })
        #expect(client.idleConnections == 1)
    }

    @Test func aConnectionTheServerDroppedIsReplacedOnce() async throws {
        // The server answers as if it kept the connection, then closes it anyway.
        let server = try LoopbackServer { _ in [.send(Self.ok)] }
        defer { server.stop() }
        let client = SocketHTTPClient()
        for _ in 0..<3 {
            let answer = try await client.send(HTTPRequest(method: "GET", url: try HTTPURL(server.url + "/x")))
            #expect(answer.text == "ok")
        }
        #expect(server.connections == 3)
        #expect(server.requests.count == 3)
    }

    @Test func postsAndCloseAnswersDoNotKeepTheConnection() async throws {
        let server = try LoopbackServer(keepAlive: true) { head in
            head.hasPrefix("GET /close")
                ? [.send("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")]
                : [.send(Self.ok)]
        }
        defer { server.stop() }
        let client = SocketHTTPClient()
        _ = try await client.send(HTTPRequest(method: "POST", url: try HTTPURL(server.url + "/act")))
        #expect(client.idleConnections == 0)
        #expect(server.requests[0].contains("Connection: close"))
        _ = try await client.send(HTTPRequest(method: "GET", url: try HTTPURL(server.url + "/close")))
        #expect(client.idleConnections == 0)
        _ = try await client.send(HTTPRequest(method: "GET", url: try HTTPURL(server.url + "/x")))
        #expect(client.idleConnections == 1)
        #expect(server.connections == 3)
    }
}

extension KeepAliveTests {
    /// A kept connection is close-on-exec: `switchboard assume --exec` must not hand it to the command.
    @Test func keptConnectionsDoNotLeakIntoExecutedCommands() async throws {
        let server = try LoopbackServer(keepAlive: true) { _ in [.send(Self.ok)] }
        defer { server.stop() }
        let client = SocketHTTPClient()
        _ = try await client.send(HTTPRequest(method: "GET", url: try HTTPURL(server.url + "/x")))
        #expect(client.idleConnections == 1)
        var checked = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let fd = Int32(name) else { continue }
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let peer = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
            }
            guard peer == 0, Int(UInt16(bigEndian: address.sin_port)) == server.port else { continue }
            checked += 1
            #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        }
        #expect(checked == 1)
    }
}
