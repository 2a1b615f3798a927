import Foundation

/// Compares text with a golden file; `SWITCHBOARD_RECORD=1` rewrites the file instead.
public enum Golden {
    public struct Mismatch: Error, CustomStringConvertible {
        public var file: String
        public var detail: String
        public var description: String { "\(file) differs from the rendering:\n\(detail)" }
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["SWITCHBOARD_RECORD"] == "1" }

    /// Checks `actual` against `directory/name`. Returns nil when equal (or recorded), else a mismatch with a
    /// line-by-line account of the first differences.
    public static func check(_ actual: String, name: String, directory: URL) throws -> Mismatch? {
        let url = directory.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return Mismatch(
                file: url.path,
                detail: "no golden file; run the tests with SWITCHBOARD_RECORD=1 to make it"
            )
        }
        if expected == actual { return nil }
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        var detail: [String] = []
        for i in 0..<max(a.count, b.count) where detail.count < 12 {
            let left = i < a.count ? a[i] : "<none>"
            let right = i < b.count ? b[i] : "<none>"
            if left != right { detail += ["line \(i + 1):", "  golden: \(left)", "  actual: \(right)"] }
        }
        detail.append("(re-record with SWITCHBOARD_RECORD=1 if the change is intended)")
        return Mismatch(file: url.path, detail: detail.joined(separator: "\n"))
    }
}
