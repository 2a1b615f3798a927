import AWSBackend
import ArgumentParser
import Foundation
import SwitchboardCore

#if canImport(Glibc)
import Glibc
#endif

/// The session as environment variables: what the seeds' pipelines assemble by hand from
/// `aws sts assume-role | jq`, printed for sh, fish or as credential_process JSON, or given to a command.
enum CredentialExport {
    static func variables(_ session: AssumedSession) -> [(name: String, value: String)] {
        var out = [
            ("AWS_ACCESS_KEY_ID", session.credentials.accessKeyID),
            ("AWS_SECRET_ACCESS_KEY", session.credentials.secretAccessKey),
        ]
        if let token = session.credentials.sessionToken { out.append(("AWS_SESSION_TOKEN", token)) }
        if let expiration = session.expiration {
            out.append(("AWS_CREDENTIAL_EXPIRATION", expiration.formatted(.iso8601)))
        }
        out += [("AWS_REGION", session.region), ("AWS_DEFAULT_REGION", session.region)]
        return out
    }

    static func render(_ variables: [(name: String, value: String)], session: AssumedSession, format: String) -> String
    {
        switch format {
        case "fish":
            return stale(variables).map { "set -e \($0);\n" }.joined()
                + variables.map { "set -gx \($0.name) \(fishQuote($0.value));\n" }.joined()
        case "json":
            var object: [String: Any] = [
                "Version": 1,
                "AccessKeyId": session.credentials.accessKeyID,
                "SecretAccessKey": session.credentials.secretAccessKey,
                "Region": session.region,
            ]
            if let token = session.credentials.sessionToken { object["SessionToken"] = token }
            if let expiration = session.expiration { object["Expiration"] = expiration.formatted(.iso8601) }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        default:
            return stale(variables).map { "unset \($0)\n" }.joined()
                + variables.map { "export \($0.name)=\(shQuote($0.value))\n" }.joined()
        }
    }

    /// Variables an earlier session may have left that these credentials do not set (keys without a token).
    static func stale(_ variables: [(name: String, value: String)]) -> [String] {
        let set = Set(variables.map(\.name))
        let tokens = set.contains("AWS_SESSION_TOKEN") ? [] : ["AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"]
        return tokens + (set.contains("AWS_CREDENTIAL_EXPIRATION") ? [] : ["AWS_CREDENTIAL_EXPIRATION"])
    }

    static func shQuote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static func fishQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// Replaces this process with the command, so its exit status and signals are the caller's to see.
    /// `AWS_PROFILE` goes: the child must use these credentials, not resolve the profile again.
    static func exec(_ command: [String], variables: [(name: String, value: String)]) throws -> Never {
        for name in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"] + stale(variables) { unsetenv(name) }
        for variable in variables { setenv(variable.name, variable.value, 1) }
        fflush(nil)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        execvp(command[0], &argv)
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("switchboard: cannot run \(command[0]): \(reason)\n".utf8))
        throw ExitCode(errno == ENOENT ? 127 : 126)
    }

    /// What `assume` prints without --export or --exec: who, where, until when. No secret.
    static func summary(_ session: AssumedSession, now: Date) -> String {
        var lines = ["Assumed \(session.arn.isEmpty ? session.target.description : session.arn)"]
        lines.append("  account \(session.account) · region \(session.region) · session \(session.sessionName)")
        if let expiration = session.expiration {
            let left = DurationText.clock(max(0, expiration.timeIntervalSince(now)))
            lines.append("  expires \(expiration.formatted(.iso8601)) (in \(left))")
        }
        if !session.hops.isEmpty {
            lines.append("  chain: " + ([session.base] + session.hops.map { $0.roleARN }).joined(separator: " → "))
        }
        lines.append("Use --export sh|fish|json to print the credentials, or --exec -- CMD to run a command.")
        return lines.joined(separator: "\n")
    }
}

/// A line typed on the controlling terminal (not standard input, which may be a pipe), or nil without one.
enum TerminalPrompt {
    static func read(_ prompt: String) -> String? {
        guard let tty = fopen("/dev/tty", "r+") else { return nil }
        defer { fclose(tty) }
        fputs(prompt, tty)
        fflush(tty)
        var buffer = [CChar](repeating: 0, count: 128)
        guard fgets(&buffer, Int32(buffer.count), tty) != nil else { return nil }
        let line = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
