import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension FakeGitLabServer {
    /// HTTP/1.1 on one accepted socket: reads requests (bytes past one request stay buffered for the next),
    /// writes responses.
    struct HTTPConnection {
        enum Read {
            case request(FakeGitLab.Request)
            case invalid(status: Int, reason: String)
            case closed
        }

        let fd: Int32
        private var buffer: [UInt8] = []
        static let maxHead = 64 * 1024
        static let maxBody = 16 * 1024 * 1024

        init(fd: Int32) { self.fd = fd }

        mutating func readRequest() -> Read {
            var headEnd: Int?
            var searchFrom = 0
            while true {
                if let end = Self.find([13, 10, 13, 10], in: buffer, from: searchFrom) {
                    headEnd = end
                    break
                }
                if buffer.count > Self.maxHead {
                    return .invalid(status: 431, reason: "Request Header Fields Too Large")
                }
                searchFrom = max(0, buffer.count - 3)
                guard receive() else { return .closed }
            }
            guard let headEnd else { return .closed }
            let head = String(decoding: buffer[0..<headEnd], as: UTF8.self)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
                return .invalid(status: 400, reason: "Bad Request")
            }
            var headers: [(name: String, value: String)] = []
            for line in lines where !line.isEmpty {
                guard let colon = line.firstIndex(of: ":") else { return .invalid(status: 400, reason: "Bad Request") }
                headers.append(
                    (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                )
            }
            let header = { (name: String) in headers.first { $0.name.lowercased() == name }?.value }
            if header("transfer-encoding") != nil { return .invalid(status: 411, reason: "Length Required") }
            let length = Int(header("content-length") ?? "0") ?? -1
            guard (0...Self.maxBody).contains(length) else { return .invalid(status: 413, reason: "Payload Too Large") }
            let bodyStart = headEnd + 4
            while buffer.count < bodyStart + length {
                guard receive() else { return .closed }
            }
            let body = Array(buffer[bodyStart..<(bodyStart + length)])
            buffer.removeFirst(bodyStart + length)
            return .request(
                FakeGitLab.Request(
                    method: String(requestLine[0]),
                    target: String(requestLine[1]),
                    headers: headers,
                    body: body
                )
            )
        }

        /// Writes the whole response; false if the peer went away.
        @discardableResult
        func write(_ response: FakeGitLab.Response, head: Bool, keepAlive: Bool) -> Bool {
            var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
            for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
            text += "Content-Length: \(response.body.count)\r\n"
            text += "Date: \(FakeGitLabTime.httpDate(Date()))\r\n"
            text += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
            var bytes = Array(text.utf8)
            if !head { bytes += response.body }
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }

        private mutating func receive() -> Bool {
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                buffer += chunk[0..<count]
                return true
            }
        }

        private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
            guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
            for index in start...(haystack.count - needle.count)
            where haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
                return index
            }
            return nil
        }

        static func reason(_ status: Int) -> String {
            switch status {
            case 200: "OK"
            case 201: "Created"
            case 204: "No Content"
            case 301: "Moved Permanently"
            case 400: "Bad Request"
            case 401: "Unauthorized"
            case 403: "Forbidden"
            case 404: "Not Found"
            case 405: "Method Not Allowed"
            case 409: "Conflict"
            case 411: "Length Required"
            case 413: "Payload Too Large"
            case 422: "Unprocessable Entity"
            case 429: "Too Many Requests"
            case 431: "Request Header Fields Too Large"
            case 500: "Internal Server Error"
            case 502: "Bad Gateway"
            case 503: "Service Unavailable"
            case 504: "Gateway Timeout"
            default: "Status"
            }
        }
    }
}
