import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A JSON-lines file, opened for each append with `O_APPEND` (one `write` per line, so concurrent consoles
/// never interleave inside a line) and `fsync`ed before returning. Created with mode 0600, its directory
/// 0700. Lines that do not parse (a hand edit, a torn write) are skipped when read, never fatal.
public struct FileAuditLog: AuditLog {
    public let path: String

    public init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/switchboard/audit.jsonl`, else `~/.local/state/switchboard/audit.jsonl`.
    public static func defaultPath(environment: [String: String]) -> String? {
        StateDirectory.path(environment: environment).map { $0 + "/audit.jsonl" }
    }

    public var location: String { path }

    public func append(_ entry: AuditEntry) throws {
        try StateDirectory.create(parentOf: path)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AuditError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)  // a file made by hand with a wider mode is narrowed
        let line = Array((entry.jsonLine + "\n").utf8)
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw AuditError(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
        guard fsync(fd) == 0 else { throw AuditError(path: path, reason: String(cString: strerror(errno))) }
    }

    public func recent(limit: Int) throws -> [AuditEntry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuditError(path: path, reason: "cannot be read")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(limit)
        return lines.compactMap { AuditEntry(jsonLine: $0) }
    }
}

/// An audit entry could not be written: the action it records is still reported, with this error beside it.
public struct AuditError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "audit log \(path): \(reason); check the directory's permissions" }
}

/// The XDG state directory of switchboard (audit log, cached sessions), created 0700.
public enum StateDirectory {
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty { return xdg + "/switchboard" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/switchboard" }
        return nil
    }

    public static func create(parentOf file: String) throws {
        let directory = (file as NSString).deletingLastPathComponent
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw AuditError(path: file, reason: "cannot create \(directory): \(error.localizedDescription)")
        }
    }
}
