import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The system's OpenSSL 3 (`libssl.so.3`), opened on first use with `dlopen`, so a console that never makes a
/// TLS connection (the demo estate) never maps it. Certificates are checked against the system's trust store,
/// or a bundle (`AWS_CA_BUNDLE`), with the host name verified: there is no switch to turn checking off.
final class OpenSSLLibrary: @unchecked Sendable {
    typealias Pointer = OpaquePointer?
    let clientMethod: @convention(c) () -> Pointer
    let contextNew: @convention(c) (Pointer) -> Pointer
    let contextDefaultPaths: @convention(c) (Pointer) -> Int32
    let contextLoadLocations: @convention(c) (Pointer, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let contextSetVerify: @convention(c) (Pointer, Int32, UnsafeRawPointer?) -> Void
    let sslNew: @convention(c) (Pointer) -> Pointer
    let sslSetFD: @convention(c) (Pointer, Int32) -> Int32
    let sslControl: @convention(c) (Pointer, Int32, Int, UnsafeRawPointer?) -> Int
    let sslSetHost: @convention(c) (Pointer, UnsafePointer<CChar>?) -> Int32
    let sslConnect: @convention(c) (Pointer) -> Int32
    let sslRead: @convention(c) (Pointer, UnsafeMutableRawPointer?, Int32) -> Int32
    let sslWrite: @convention(c) (Pointer, UnsafeRawPointer?, Int32) -> Int32
    let sslGetError: @convention(c) (Pointer, Int32) -> Int32
    let sslVerifyResult: @convention(c) (Pointer) -> Int
    let sslShutdown: @convention(c) (Pointer) -> Int32
    let sslFree: @convention(c) (Pointer) -> Void
    let verifyErrorString: @convention(c) (Int) -> UnsafePointer<CChar>?
    let errGet: @convention(c) () -> UInt
    let errString: @convention(c) (UInt, UnsafeMutablePointer<CChar>?, Int) -> Void
    private let contexts = Mutex<[String: UInt]>([:])

    static let wantRead: Int32 = 2
    static let wantWrite: Int32 = 3
    static let zeroReturn: Int32 = 6

    private init(handle: UnsafeMutableRawPointer) throws(HTTPError) {
        func symbol<T>(_ name: String, as type: T.Type) throws(HTTPError) -> T {
            guard let address = dlsym(handle, name) else {
                throw HTTPError(.tls, target: "libssl", "OpenSSL 3 lacks \(name)")
            }
            return unsafeBitCast(address, to: type)
        }
        clientMethod = try symbol("TLS_client_method", as: (@convention(c) () -> Pointer).self)
        contextNew = try symbol("SSL_CTX_new", as: (@convention(c) (Pointer) -> Pointer).self)
        contextDefaultPaths = try symbol(
            "SSL_CTX_set_default_verify_paths",
            as: (@convention(c) (Pointer) -> Int32).self
        )
        contextLoadLocations = try symbol(
            "SSL_CTX_load_verify_locations",
            as: (@convention(c) (Pointer, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32).self
        )
        contextSetVerify = try symbol(
            "SSL_CTX_set_verify",
            as: (@convention(c) (Pointer, Int32, UnsafeRawPointer?) -> Void).self
        )
        sslNew = try symbol("SSL_new", as: (@convention(c) (Pointer) -> Pointer).self)
        sslSetFD = try symbol("SSL_set_fd", as: (@convention(c) (Pointer, Int32) -> Int32).self)
        sslControl = try symbol("SSL_ctrl", as: (@convention(c) (Pointer, Int32, Int, UnsafeRawPointer?) -> Int).self)
        sslSetHost = try symbol("SSL_set1_host", as: (@convention(c) (Pointer, UnsafePointer<CChar>?) -> Int32).self)
        sslConnect = try symbol("SSL_connect", as: (@convention(c) (Pointer) -> Int32).self)
        sslRead = try symbol("SSL_read", as: (@convention(c) (Pointer, UnsafeMutableRawPointer?, Int32) -> Int32).self)
        sslWrite = try symbol("SSL_write", as: (@convention(c) (Pointer, UnsafeRawPointer?, Int32) -> Int32).self)
        sslGetError = try symbol("SSL_get_error", as: (@convention(c) (Pointer, Int32) -> Int32).self)
        sslVerifyResult = try symbol("SSL_get_verify_result", as: (@convention(c) (Pointer) -> Int).self)
        sslShutdown = try symbol("SSL_shutdown", as: (@convention(c) (Pointer) -> Int32).self)
        sslFree = try symbol("SSL_free", as: (@convention(c) (Pointer) -> Void).self)
        verifyErrorString = try symbol(
            "X509_verify_cert_error_string",
            as: (@convention(c) (Int) -> UnsafePointer<CChar>?).self
        )
        errGet = try symbol("ERR_get_error", as: (@convention(c) () -> UInt).self)
        errString = try symbol(
            "ERR_error_string_n",
            as: (@convention(c) (UInt, UnsafeMutablePointer<CChar>?, Int) -> Void).self
        )
    }

    static let shared: Result<OpenSSLLibrary, HTTPError> = {
        for name in ["libssl.so.3", "libssl.so"] {
            if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                return Result { () throws(HTTPError) in try OpenSSLLibrary(handle: handle) }
            }
        }
        return .failure(
            HTTPError(.tls, target: "libssl", "OpenSSL 3 (libssl.so.3) is not installed; install libssl3 for https")
        )
    }()

    /// The oldest queued OpenSSL error as text, clearing the queue.
    func lastError() -> String {
        var text = ""
        while case let code = errGet(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            errString(code, &buffer, buffer.count)
            if text.isEmpty { text = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } }
        }
        return text.isEmpty ? "handshake failed" : text
    }

    /// One client context per CA bundle, made once: loading a trust store costs milliseconds.
    func context(caBundle: String?) throws(HTTPError) -> Pointer {
        let key = caBundle ?? ""
        let result: Result<UInt, HTTPError> = contexts.withLock { cache in
            if let existing = cache[key] { return .success(existing) }
            guard let context = contextNew(clientMethod()) else {
                return .failure(HTTPError(.tls, target: "libssl", lastError()))
            }
            let loaded: Int32
            if let caBundle {
                loaded = contextLoadLocations(context, caBundle, nil)
            } else {
                loaded = contextDefaultPaths(context)
            }
            guard loaded == 1 else {
                return .failure(
                    HTTPError(.tls, target: caBundle ?? "the system trust store", "cannot load it: \(lastError())")
                )
            }
            contextSetVerify(context, 1, nil)  // SSL_VERIFY_PEER
            let bits = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(context)))
            cache[key] = bits
            return .success(bits)
        }
        return OpaquePointer(bitPattern: try result.get())
    }
}

/// A TLS session over a connected socket.
final class TLSStream: ByteStream {
    let socket: SocketStream
    let library: OpenSSLLibrary
    private var ssl: OpaquePointer?

    init(socket: SocketStream, host: String, caBundle: String?, deadline: ContinuousClock.Instant) throws(HTTPError) {
        self.socket = socket
        library = try OpenSSLLibrary.shared.get()
        let context = try library.context(caBundle: caBundle)
        guard let ssl = library.sslNew(context) else {
            throw HTTPError(.tls, target: socket.target, library.lastError())
        }
        self.ssl = ssl
        _ = library.sslSetFD(ssl, socket.fd)
        // SNI (SSL_set_tlsext_host_name is a macro over SSL_ctrl) and host name verification.
        _ = host.withCString { library.sslControl(ssl, 55, 0, $0) }
        guard library.sslSetHost(ssl, host) == 1 else {
            library.sslFree(ssl)
            self.ssl = nil
            throw HTTPError(.tls, target: socket.target, "cannot set the host name to verify")
        }
        try drive(deadline: deadline) { library.sslConnect(ssl) }
        let verified = library.sslVerifyResult(ssl)
        guard verified == 0 else {
            let reason = library.verifyErrorString(verified).map { String(cString: $0) } ?? "code \(verified)"
            throw HTTPError(.tls, target: socket.target, "certificate not trusted: \(reason)")
        }
    }

    deinit { close() }

    /// Runs a non-blocking OpenSSL call until it completes, waiting on the socket as OpenSSL asks.
    @discardableResult
    private func drive(deadline: ContinuousClock.Instant, _ call: () -> Int32) throws(HTTPError) -> Int32 {
        while true {
            let result = call()
            if result > 0 { return result }
            let error = library.sslGetError(ssl, result)
            switch error {
            case OpenSSLLibrary.wantRead: try socket.wait(for: Int16(POLLIN), deadline: deadline)
            case OpenSSLLibrary.wantWrite: try socket.wait(for: Int16(POLLOUT), deadline: deadline)
            case OpenSSLLibrary.zeroReturn: return 0
            default:
                let verified = library.sslVerifyResult(ssl)
                if verified != 0, let text = library.verifyErrorString(verified) {
                    _ = library.lastError()
                    throw HTTPError(.tls, target: socket.target, "certificate not trusted: \(String(cString: text))")
                }
                throw HTTPError(.tls, target: socket.target, library.lastError())
            }
        }
    }

    func read(max count: Int, deadline: ContinuousClock.Instant) throws(HTTPError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let got = try buffer.withUnsafeMutableBytes { raw in
            Result { () throws(HTTPError) in
                try drive(deadline: deadline) { library.sslRead(ssl, raw.baseAddress, Int32(count)) }
            }
        }.get()
        return Array(buffer.prefix(Int(got)))
    }

    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(HTTPError) {
        var offset = 0
        while offset < bytes.count {
            let sent = try bytes.withUnsafeBytes { raw in
                Result { () throws(HTTPError) in
                    try drive(deadline: deadline) {
                        library.sslWrite(ssl, raw.baseAddress! + offset, Int32(bytes.count - offset))
                    }
                }
            }.get()
            guard sent > 0 else { throw HTTPError(.closed, target: socket.target, "TLS session closed") }
            offset += Int(sent)
        }
    }

    func close() {
        if let ssl {
            _ = library.sslShutdown(ssl)
            library.sslFree(ssl)
            self.ssl = nil
        }
        socket.close()
    }
}
