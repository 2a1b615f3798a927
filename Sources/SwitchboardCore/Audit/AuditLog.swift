import Foundation
import Synchronization

/// Where audit entries go. Appending must not lose an entry once it returns.
public protocol AuditLog: Sendable {
    func append(_ entry: AuditEntry) throws
    /// The newest `limit` entries, oldest first.
    func recent(limit: Int) throws -> [AuditEntry]
    /// Where it is written, for the Audit screen's title.
    var location: String { get }
}

/// The in-memory twin, for tests and for a console started with no writable state directory.
public final class InMemoryAuditLog: AuditLog {
    private let entries = Mutex<[AuditEntry]>([])

    public init() {}

    public func append(_ entry: AuditEntry) throws { entries.withLock { $0.append(entry) } }

    public func recent(limit: Int) throws -> [AuditEntry] { entries.withLock { Array($0.suffix(limit)) } }

    public var location: String { "in memory, not saved" }
}

/// The operator's name for audit entries: `$USER`, else `$LOGNAME`, else the account's name, else the uid.
public enum OperatorName {
    public static func current(environment: [String: String]) -> String {
        for key in ["USER", "LOGNAME"] { if let name = environment[key], !name.isEmpty { return name } }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(getuid())"
    }
}
