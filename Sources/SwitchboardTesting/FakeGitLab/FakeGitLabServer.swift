import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `FakeGitLab` on a real HTTP/1.1 socket at 127.0.0.1: a thread accepts, a thread per connection reads the
/// request (head and Content-Length body), asks the fake, and writes the answer with Content-Length, acting out
/// delays and dropped connections. Connections close after one exchange unless the client asks for
/// `Connection: keep-alive`. `stop()` closes everything and returns once the port is free.
public final class FakeGitLabServer: Sendable {
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    private struct Sockets: Sendable {
        var listener: Int32 = -1
        var port = 0
        var started = false
        var stopping = false
        var clients: Set<Int32> = []
    }

    public let gitlab: FakeGitLab
    private let requestedPort: Int
    private let sockets = Mutex(Sockets())
    private let acceptEnded = DispatchSemaphore(value: 0)

    /// `port` 0 lets the system choose; read the one chosen from `port` after `start()`.
    public init(gitlab: FakeGitLab, port: Int = 0) {
        self.gitlab = gitlab
        self.requestedPort = port
    }

    public var port: Int { sockets.withLock { $0.port } }

    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    public func start() throws(StartError) {
        guard !sockets.withLock({ $0.started }) else { throw StartError(description: "the server was started already") }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket() failed: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(clamping: requestedPort).bigEndian)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw StartError(description: "cannot listen on 127.0.0.1:\(requestedPort): \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        sockets.withLock {
            $0.listener = fd
            $0.port = port
            $0.started = true
        }
        Thread.detachNewThread { [self] in acceptLoop(fd) }
    }

    /// Stops accepting, cuts open connections, and waits (up to 5 s) until the listening socket is closed.
    public func stop() {
        let running = sockets.withLock { sockets -> Bool in
            guard sockets.started, !sockets.stopping else { return false }
            sockets.stopping = true
            // Shut down, never closed here: the threads that own these numbers close them, so a number is never
            // reused by another socket while still in use below.
            shutdown(sockets.listener, Int32(SHUT_RDWR))
            for client in sockets.clients { shutdown(client, Int32(SHUT_RDWR)) }
            return true
        }
        if running { _ = acceptEnded.wait(timeout: .now() + 5) }
    }

    private var isStopping: Bool { sockets.withLock { $0.stopping } }

    private func acceptLoop(_ listener: Int32) {
        defer {
            close(listener)
            acceptEnded.signal()
        }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                let error = errno
                if isStopping { return }
                if error == EINTR || error == ECONNABORTED { continue }
                if error == EMFILE || error == ENFILE || error == ENOBUFS || error == ENOMEM {
                    usleep(20_000)
                    continue
                }
                return
            }
            let admitted = sockets.withLock { sockets -> Bool in
                guard !sockets.stopping else { return false }
                sockets.clients.insert(client)
                return true
            }
            guard admitted else {
                close(client)
                return
            }
            Thread.detachNewThread { [self] in
                serve(client)
                sockets.withLock { _ = $0.clients.remove(client) }
                close(client)
            }
        }
    }

    /// Exchanges on one connection until it closes, the client did not ask to keep it, or the server stops.
    private func serve(_ client: Int32) {
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var connection = HTTPConnection(fd: client)
        while !isStopping {
            let request: FakeGitLab.Request
            switch connection.readRequest() {
            case .closed:
                return
            case .invalid(let status, let reason):
                connection.write(
                    FakeGitLab.Response.plain(reason + "\n", status: status),
                    head: false,
                    keepAlive: false
                )
                return
            case .request(let read):
                request = read
            }
            let response = gitlab.handle(request)
            switch response.behaviour {
            case .dropConnection:
                return
            case .delay(let seconds):
                let until = Date().addingTimeInterval(seconds)
                while Date() < until, !isStopping {
                    usleep(UInt32(min(50_000, max(1, until.timeIntervalSinceNow * 1e6))))
                }
                if isStopping { return }
            case .normal:
                break
            }
            let keepAlive = request.header("Connection")?.lowercased() == "keep-alive"
            guard connection.write(response, head: request.method == "HEAD", keepAlive: keepAlive), keepAlive else {
                return
            }
        }
    }
}
