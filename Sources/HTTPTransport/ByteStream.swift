import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Bytes in and out of one connection, plain or TLS, each call bounded by a deadline.
protocol ByteStream: AnyObject {
    /// Up to `count` bytes; an empty array means the peer closed the connection.
    func read(max count: Int, deadline: ContinuousClock.Instant) throws(HTTPError) -> [UInt8]
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(HTTPError)
    func close()
}

/// A connected TCP socket.
final class SocketStream: ByteStream {
    let fd: Int32
    let target: String
    private var closed = false

    init(fd: Int32, target: String) {
        self.fd = fd
        self.target = target
    }

    deinit { close() }

    /// Waits until the socket is readable (`POLLIN`) or writable (`POLLOUT`), or the deadline passes.
    func wait(for events: Int16, deadline: ContinuousClock.Instant) throws(HTTPError) {
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw HTTPError(.timeout, target: target, "deadline passed") }
            let ms = Int32(
                clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1
            )
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, ms)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR {
                throw HTTPError(.closed, target: target, String(cString: strerror(errno)))
            }
        }
    }

    func read(max count: Int, deadline: ContinuousClock.Instant) throws(HTTPError) -> [UInt8] {
        try wait(for: Int16(POLLIN), deadline: deadline)
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let got = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, count, 0) }
            if got >= 0 { return Array(buffer.prefix(got)) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                try wait(for: Int16(POLLIN), deadline: deadline)
                continue
            }
            throw HTTPError(.closed, target: target, String(cString: strerror(errno)))
        }
    }

    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(HTTPError) {
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT), deadline: deadline)
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                throw HTTPError(.closed, target: target, String(cString: strerror(errno)))
            }
            offset += sent
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        _ = Glibc.close(fd)
    }

    /// Resolves `host` and connects to the first address that answers before the deadline. The socket stays
    /// non-blocking: every read and write waits in `poll` with what is left of the deadline.
    static func connect(host: String, port: Int, deadline: ContinuousClock.Instant) throws(HTTPError) -> SocketStream {
        let target = "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw HTTPError(.resolve, target: target, String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            cursor = entry.pointee.ai_next
            // Close-on-exec: a connection kept for reuse must not leak into `assume --exec`'s command.
            let fd = socket(
                entry.pointee.ai_family,
                entry.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue),
                entry.pointee.ai_protocol
            )
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let stream = SocketStream(fd: fd, target: target)
            if Glibc.connect(fd, entry.pointee.ai_addr, entry.pointee.ai_addrlen) == 0 { return stream }
            guard errno == EINPROGRESS else {
                lastError = String(cString: strerror(errno))
                continue
            }
            do {
                try stream.wait(for: Int16(POLLOUT), deadline: deadline)
            } catch {
                throw HTTPError(.timeout, target: target, "connecting")
            }
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
            if soError == 0 { return stream }
            lastError = String(cString: strerror(soError))
        }
        throw HTTPError(.connect, target: target, lastError)
    }
}
