import Foundation

/// A command a config names (`credential_process`, `token_command`), run through `/bin/sh` with stdin closed and
/// stderr passed on; its output is for the caller alone. With a time limit it runs under coreutils' `timeout`
/// when there is one, which stops the whole process group (a pipeline's children too, which would otherwise keep
/// the output open) and then kills it 2 s later.
public enum ShellCommand {
    public struct Outcome: Sendable {
        public var output: Data
        /// The exit status (or the signal that ended it).
        public var status: Int32
        public var timedOut: Bool
    }

    /// Runs `command` to the end; throws only when `/bin/sh` cannot be started.
    public static func run(_ command: String, timeout: TimeInterval? = nil) throws -> Outcome {
        let process = Process()
        let limiter = "/usr/bin/timeout"
        let limited = timeout != nil && FileManager.default.isExecutableFile(atPath: limiter)
        if let timeout, limited {
            process.executableURL = URL(fileURLWithPath: limiter)
            process.arguments = ["-k", "2", "\(Int(timeout))", "/bin/sh", "-c", command]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let timedOut =
            timeout != nil
            && (process.terminationReason != .exit || (limited && [124, 137].contains(process.terminationStatus)))
        return Outcome(output: data, status: process.terminationStatus, timedOut: timedOut)
    }
}
