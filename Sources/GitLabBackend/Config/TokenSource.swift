import Foundation
import SwitchboardCore

/// Where the GitLab token comes from: an environment variable (`token_env`, default `GITLAB_TOKEN`), a
/// command's output (`token_command`, e.g. `pass show gitlab/api`), or, discouraged, the config file itself.
/// `GitLabSettings` picks; these are the command and the warning.
public enum TokenSource {
    /// A problem finding the token, worded for the operator; never includes the token.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var key: String
        public var message: String
        public var description: String { message }
    }

    /// Runs the command (`ShellCommand`, stopped after `timeout` seconds) and takes its first line.
    static func run(_ command: String, timeout: TimeInterval = 20) throws(Failure) -> String {
        let outcome: ShellCommand.Outcome
        do {
            outcome = try ShellCommand.run(command, timeout: timeout)
        } catch {
            throw Failure(key: "token_command", message: "cannot start /bin/sh: \(error.localizedDescription)")
        }
        guard !outcome.timedOut, outcome.status == 0 else {
            let how = outcome.timedOut ? "was stopped after \(Int(timeout)) s" : "exited with status \(outcome.status)"
            throw Failure(key: "token_command", message: "the token command \(how); run it by hand to see why")
        }
        let token =
            String(decoding: outcome.output, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !token.isEmpty else {
            throw Failure(key: "token_command", message: "the token command printed nothing")
        }
        return token
    }

    /// The warning for a token written into the config file: how readable the file is, and what to use instead.
    static func inlineWarning(file: String, key: String) -> String {
        var mode: Int?
        if let attributes = try? FileManager.default.attributesOfItem(atPath: file),
            let permissions = attributes[.posixPermissions] as? Int
        {
            mode = permissions & 0o777
        }
        let shown = mode.map { "mode " + String($0, radix: 8) } ?? "mode unknown"
        let open = (mode ?? 0o777) & 0o077 != 0
        return "\(file): \(key): the GitLab token is in the config file in plain text (\(shown)"
            + (open ? ", readable by other users; chmod 600 it" : "")
            + "); prefer token_env or token_command"
    }
}
