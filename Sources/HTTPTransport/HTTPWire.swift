/// HTTP/1.1 on the wire: the request's bytes, and a response read from a stream (Content-Length, chunked, or
/// until the server closes), with limits so a broken or hostile server cannot make the console hoard memory.
enum HTTPWire {
    static let maxHeaderBytes = 64 * 1024

    static func serialize(_ request: HTTPRequest, userAgent: String, keepAlive: Bool = false) -> [UInt8] {
        var head = "\(request.method) \(request.url.target) HTTP/1.1\r\n"
        var names = Set(request.headers.map { $0.name.lowercased() })
        if !names.contains("host") { head += "Host: \(request.url.hostHeader)\r\n" }
        for header in request.headers { head += "\(header.name): \(header.value)\r\n" }
        names.formUnion(["host"])
        if !names.contains("user-agent") { head += "User-Agent: \(userAgent)\r\n" }
        if !names.contains("content-length")
            && (!request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method))
        {
            head += "Content-Length: \(request.body.count)\r\n"
        }
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        return Array(head.utf8) + request.body
    }

    /// Reads bytes from a stream on demand.
    struct Reader {
        let stream: any ByteStream
        let deadline: ContinuousClock.Instant
        let target: String
        var buffer: [UInt8] = []
        var start = 0
        var ended = false
        /// The server said it keeps the connection open (HTTP/1.1 without `Connection: close`).
        var peerKeepsAlive = false
        /// The body's end was known from its framing (length or chunks), not from the server closing.
        var framed = true

        /// The answer ended exactly where the bytes read end, and the connection may carry another.
        var reusable: Bool { peerKeepsAlive && framed && !ended && start == buffer.count }

        init(stream: any ByteStream, deadline: ContinuousClock.Instant, target: String) {
            self.stream = stream
            self.deadline = deadline
            self.target = target
        }

        mutating func fill() throws(HTTPError) {
            let more = try stream.read(max: 16 * 1024, deadline: deadline)
            if more.isEmpty { ended = true }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            buffer += more
        }

        /// A line without its CRLF.
        mutating func line(limit: Int) throws(HTTPError) -> String {
            while true {
                if let newline = buffer[start...].firstIndex(of: 10) {
                    var end = newline
                    if end > start && buffer[end - 1] == 13 { end -= 1 }
                    let text = String(decoding: buffer[start..<end], as: UTF8.self)
                    start = newline + 1
                    return text
                }
                guard buffer.count - start < limit else {
                    throw HTTPError(.malformed, target: target, "a header line longer than \(limit) bytes")
                }
                if ended { throw HTTPError(.closed, target: target, "in the middle of the headers") }
                try fill()
            }
        }

        mutating func bytes(_ count: Int) throws(HTTPError) -> [UInt8] {
            while buffer.count - start < count {
                if ended { throw HTTPError(.closed, target: target, "\(count - (buffer.count - start)) bytes short") }
                try fill()
            }
            let out = Array(buffer[start..<start + count])
            start += count
            return out
        }

        mutating func rest(limit: Int) throws(HTTPError) -> [UInt8] {
            while !ended {
                guard buffer.count - start <= limit else {
                    throw HTTPError(.malformed, target: target, "a body larger than \(limit) bytes")
                }
                try fill()
            }
            return Array(buffer[start...])
        }
    }

    static func readResponse(_ reader: inout Reader, method: String, maxBody: Int) throws(HTTPError) -> HTTPResponse {
        while true {
            let statusLine = try reader.line(limit: maxHeaderBytes)
            let parts = statusLine.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
                throw HTTPError(.malformed, target: reader.target, "status line \"\(statusLine.prefix(80))\"")
            }
            var headers: [(name: String, value: String)] = []
            var total = 0
            while true {
                let line = try reader.line(limit: maxHeaderBytes)
                if line.isEmpty { break }
                total += line.utf8.count
                guard total < maxHeaderBytes, let colon = line.firstIndex(of: ":") else {
                    throw HTTPError(.malformed, target: reader.target, "header line \"\(line.prefix(80))\"")
                }
                headers.append(
                    (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                )
            }
            if (100..<200).contains(status) { continue }  // 100 Continue and friends precede the answer
            var response = HTTPResponse(status: status, headers: headers)
            let connection = response.header("connection")?.lowercased() ?? ""
            reader.peerKeepsAlive =
                parts[0] == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
            if method == "HEAD" || status == 204 || status == 304 { return response }
            if response.header("transfer-encoding")?.lowercased().contains("chunked") == true {
                response.body = try chunked(&reader, maxBody: maxBody)
            } else if let lengthText = response.header("content-length") {
                guard let length = Int(lengthText), length >= 0 else {
                    throw HTTPError(.malformed, target: reader.target, "Content-Length \"\(lengthText)\"")
                }
                guard length <= maxBody else {
                    throw HTTPError(.malformed, target: reader.target, "a body of \(length) bytes (limit \(maxBody))")
                }
                response.body = try reader.bytes(length)
            } else {
                reader.framed = false
                response.body = try reader.rest(limit: maxBody)
            }
            return response
        }
    }

    static func chunked(_ reader: inout Reader, maxBody: Int) throws(HTTPError) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try reader.line(limit: 1024)
            let sizeText = sizeLine.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw HTTPError(.malformed, target: reader.target, "chunk size \"\(sizeLine.prefix(40))\"")
            }
            if size == 0 {
                while try !reader.line(limit: maxHeaderBytes).isEmpty {}  // trailers
                return body
            }
            guard size <= maxBody - body.count else {
                throw HTTPError(.malformed, target: reader.target, "a body larger than \(maxBody) bytes")
            }
            body += try reader.bytes(size)
            _ = try reader.line(limit: 2)
        }
    }
}
