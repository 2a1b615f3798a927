import Foundation

/// A one-line message in the status line that fades after a while.
public struct Flash: Sendable, Hashable {
    public enum Level: Sendable, Hashable {
        case info, success, error
    }

    public var text: String
    public var level: Level
    public var until: Date

    public init(_ text: String, level: Level, until: Date) {
        self.text = text
        self.level = level
        self.until = until
    }
}
