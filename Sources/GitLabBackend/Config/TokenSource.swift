import Foundation

/// Where the GitLab token comes from: an environment variable (`token_env`, default `GITLAB_TOKEN`), a
/// command's output (`token_command`, e.g. `pass show gitlab/api`), or, discouraged, the config file itself.
public enum TokenSource: Sendable, Hashable {
    case environment(String)
    case command(String)
    case inline

    /// A problem finding the token, worded for the operator; never includes the token.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var key: String
        public var message: String
        public var description: String { message }
    }

    /// Runs the command through `/bin/sh` (stdin closed, stderr passed on) and takes its first line. Under
    /// coreutils' `timeout` when there is one, which stops the whole process group (a pipeline's children too,
    /// which would otherwise keep the output open) after `timeout` seconds.
    static func run(_ command: String, timeout: TimeInterval = 20) throws(Failure) -> String {
        let process = Process()
        let limiter = "/usr/bin/timeout"
        if FileManager.default.isExecutableFile(atPath: limiter) {
            process.executableURL = URL(fileURLWithPath: limiter)
            process.arguments = ["-k", "2", "\(Int(timeout))", "/bin/sh", "-c", command]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(key: "token_command", message: "cannot start /bin/sh: \(error.localizedDescription)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let timedOut =
            process.terminationReason != .exit
            || (process.executableURL?.path == limiter && [124, 137].contains(process.terminationStatus))
        guard !timedOut, process.terminationStatus == 0 else {
            let how =
                timedOut ? "was stopped after \(Int(timeout)) s" : "exited with status \(process.terminationStatus)"
            throw Failure(key: "token_command", message: "the token command \(how); run it by hand to see why")
        }
        let token =
            String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first
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
