import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A one-shot TCP server on 127.0.0.1 for transport tests: accepts connections on a thread, reads the request
/// head, then plays a script (bytes to send, pauses, close).
final class LoopbackServer: @unchecked Sendable {
    enum Step {
        case send(String)
        case pause(Double)
        case close
    }

    let fd: Int32
    let port: Int
    private let lock = NSLock()
    private var received: [String] = []
    private var accepted = 0

    /// `keepAlive`: after answering, read the next request on the same connection until the client closes it.
    init(keepAlive: Bool = false, script: @escaping @Sendable (String) -> [Step]) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let listener = fd
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else {
                    // Closed here, not in stop(): a number closed there could be reused by another test's
                    // socket while this thread still accepts on it.
                    Glibc.close(listener)
                    return
                }
                lock.withLock { accepted += 1 }
                serving: while true {
                    var head = [UInt8]()
                    var byte: UInt8 = 0
                    while recv(client, &byte, 1, 0) == 1 {
                        head.append(byte)
                        if head.suffix(4) == [13, 10, 13, 10] { break }
                    }
                    if head.isEmpty { break }
                    let text = String(decoding: head, as: UTF8.self)
                    lock.withLock { received.append(text) }
                    for step in script(text) {
                        switch step {
                        case .send(let text):
                            _ = Array(text.utf8).withUnsafeBytes {
                                Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                            }
                        case .pause(let seconds): Thread.sleep(forTimeInterval: seconds)
                        case .close: break serving
                        }
                    }
                    if !keepAlive { break }
                }
                Glibc.close(client)
            }
        }
    }

    var requests: [String] { lock.withLock { received } }

    /// Connections accepted so far.
    var connections: Int { lock.withLock { accepted } }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Wakes the accept loop, which then closes the listening socket.
    func stop() { shutdown(fd, Int32(SHUT_RDWR)) }
}
