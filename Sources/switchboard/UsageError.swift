import SwitchboardCore
import TUICore

/// A bad flag value: says which flag and what would be accepted. Exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }

    /// `--size WIDTHxHEIGHT`, within what a frame may be (1–1000 by 1–500).
    static func frameSize(_ text: String) throws -> Size {
        guard let size = Size(parsing: text) else {
            throw UsageError("--size \(text): write it as WIDTHxHEIGHT, e.g. 120x40")
        }
        guard (1...1000).contains(size.width), (1...500).contains(size.height) else {
            throw UsageError("--size \(text): width must be 1–1000 and height 1–500, e.g. 120x40")
        }
        return size
    }
}

/// Errors that come from the user's input files and so exit with status 2.
protocol ConfigErrorMarker {}

extension ConfigError: ConfigErrorMarker {}
