import Foundation
import HTTPTransport
import SwitchboardTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The fake on a real loopback socket, through the project's own HTTP client.
struct FakeGitLabServerTests {
    static let token = FakeGitLabEstate.operatorToken.value

    /// Runs `body` against a started server and always stops it.
    static func withServer<T>(
        _ gitlab: FakeGitLab = FakeGitLabEstate.gitlab(),
        _ body: (FakeGitLabServer) async throws -> T
    ) async throws -> T {
        let server = FakeGitLabServer(gitlab: gitlab)
        try server.start()
        defer { server.stop() }
        return try await body(server)
    }

    static func get(
        _ server: FakeGitLabServer,
        _ target: String,
        timeout: TimeInterval = 5
    ) async throws -> HTTPResponse {
        try await SocketHTTPClient().send(
            HTTPRequest(
                method: "GET",
                url: try HTTPURL(server.url + target),
                headers: [("PRIVATE-TOKEN", token)],
                timeout: timeout
            )
        )
    }

    @Test func aRequestMakesTheRoundTrip() async throws {
        try await Self.withServer { server in
            #expect(server.port > 0)
            let response = try await Self.get(server, "/api/v4/projects/platform%2Finfrastructure/pipelines?per_page=2")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.header("RateLimit-Remaining") == "1999")
            let items = try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]]
            #expect(items?.map { $0["id"] as? Int } == [1003, 1002])
            let next =
                "<\(server.url)/api/v4/projects/platform%2Finfrastructure/pipelines?per_page=2&page=2>; rel=\"next\""
            #expect(response.header("Link")?.hasPrefix(next) == true)

            let post = try await SocketHTTPClient().send(
                HTTPRequest(
                    method: "POST",
                    url: try HTTPURL(server.url + "/api/v4/projects/101/jobs/10023/retry"),
                    headers: [("Authorization", "Bearer \(Self.token)"), ("Content-Length", "0")]
                )
            )
            #expect(post.status == 201)
            let stats = try await Self.get(server, "/__fake/stats")
            let counts = try JSONSerialization.jsonObject(with: Data(stats.body)) as? [String: Any]
            let routes = counts?["by_route"] as? [String: Int]
            #expect(routes == ["GET /projects/:id/pipelines": 1, "POST /projects/:id/jobs/:id/retry": 1])
            #expect(server.gitlab.requests.map(\.auth) == [.privateToken, .bearer])
        }
    }

    @Test func theTraceArrivesWholeAndByteForByte() async throws {
        try await Self.withServer { server in
            let response = try await Self.get(server, "/api/v4/projects/101/jobs/10033/trace")
            #expect(response.status == 200)
            #expect(response.body == Array(server.gitlab.state.traces[10_033]!.utf8))
        }
    }

    @Test func droppedAndSlowAnswers() async throws {
        try await Self.withServer { server in
            server.gitlab.inject(.dropConnection, on: .prefix("/projects/101"))
            await #expect(throws: HTTPError.self) {
                _ = try await Self.get(server, "/api/v4/projects/101")
            }
            server.gitlab.inject(.slow(seconds: 0.4))
            let start = ContinuousClock.now
            let slow = try await Self.get(server, "/api/v4/projects/101")
            #expect(slow.status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(390))
            server.gitlab.inject(.slow(seconds: 3))
            await #expect(throws: HTTPError.self) {
                _ = try await Self.get(server, "/api/v4/projects/101", timeout: 0.5)
            }
        }
    }

    @Test func manyClientsAtOnce() async throws {
        try await Self.withServer { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        try await Self.get(server, "/api/v4/projects/10\(index % 6 + 1)/pipelines").status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 24 && statuses.allSatisfy { $0 == 200 })
            #expect(server.gitlab.count("GET /projects/:id/pipelines") == 24)
        }
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = FakeGitLabServer(gitlab: FakeGitLabEstate.gitlab())
        try server.start()
        defer { server.stop() }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(server.port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(connected == 0)
        let request = "GET /api/v4/projects/101 HTTP/1.1\r\nHost: x\r\nPRIVATE-TOKEN: \(Self.token)\r\n"
        let twice = request + "Connection: keep-alive\r\n\r\n" + request + "Connection: close\r\n\r\n"
        _ = Array(twice.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        #expect(text.contains("Connection: keep-alive") && text.contains("Connection: close"))
    }

    @Test func stopFreesThePort() async throws {
        let first = FakeGitLabServer(gitlab: FakeGitLabEstate.gitlab())
        try first.start()
        let port = first.port
        #expect(try await Self.get(first, "/__fake/health").status == 200)
        first.stop()
        await #expect(throws: HTTPError.self) {
            _ = try await Self.get(first, "/__fake/health")
        }
        let second = FakeGitLabServer(gitlab: FakeGitLabEstate.gitlab(), port: port)
        try second.start()
        defer { second.stop() }
        #expect(second.port == port)
        #expect(try await Self.get(second, "/api/v4/projects/101").status == 200)
    }

    @Test func stopReturnsWhileAClientHoldsAConnection() async throws {
        let server = FakeGitLabServer(gitlab: FakeGitLabEstate.gitlab())
        try server.start()
        server.gitlab.inject(.slow(seconds: 30))
        let waiting = Task { try? await Self.get(server, "/api/v4/projects/101", timeout: 20) }
        try await Task.sleep(for: .milliseconds(200))
        let start = ContinuousClock.now
        server.stop()
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(await waiting.value == nil)
    }
}
