import AWSBackend
import ArgumentParser
import Foundation
import SwitchboardCore

#if canImport(Glibc)
import Glibc
#endif

/// `switchboard assume`: a role through the operator's profiles, printed for a shell or handed to a command.
struct AssumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assume",
        abstract: "Assume a profile's role chain or a role ARN; export the credentials or run a command with them.",
        discussion: """
            TARGET is a profile of ~/.aws/config (AWS_CONFIG_FILE) or a role ARN, reached from --via PROFILE or \
            the default credentials (AWS_PROFILE, the environment, [default], the container, the instance).

              eval "$(switchboard assume development --export sh)"
              switchboard assume development --export fish | source
              switchboard assume arn:aws:iam::222222222222:role/cicd/delegated-role --exec -- terraform plan

            Every attempt is appended to the audit log ($XDG_STATE_HOME/switchboard/audit.jsonl) without secrets. \
            Only --export prints credentials. Exit status: the command's with --exec; 0 done; 1 refused or \
            failed (the message names the hop); 2 bad input.
            """
    )

    @Argument(help: "A profile name or a role ARN.")
    var target: String

    @Option(name: .long, help: "With a role ARN: the profile to start from.")
    var via: String?

    @Option(name: .long, help: "Print the credentials for a shell: sh, fish or json (credential_process format).")
    var export: String?

    @Flag(name: .long, help: "Run the command after -- with the credentials in its environment.")
    var exec = false

    @Option(name: .long, help: "Session length (15m to 12h), clamped to what the role and chaining allow.")
    var duration: String?

    @Option(name: .long, help: "Role session name, as CloudTrail will show it (default switchboard-$USER).")
    var sessionName: String?

    @Option(name: .long, help: "The MFA code, when the profile has mfa_serial (else it is asked on the terminal).")
    var mfaCode: String?

    @Option(name: .long, help: "Switchboard config (allowed_account_ids, session_cache) when not the default.")
    var config: String?

    @Argument(parsing: .postTerminator, help: "The command for --exec.")
    var command: [String] = []

    func validate() throws {
        if let export, !["sh", "fish", "json"].contains(export) {
            throw ValidationError("--export \(export): use sh, fish or json")
        }
        if exec && command.isEmpty { throw ValidationError("--exec needs a command after --: --exec -- CMD ARGS") }
        if !exec && !command.isEmpty { throw ValidationError("a command after -- needs --exec") }
        if exec && export != nil { throw ValidationError("give --export or --exec, not both") }
        if let duration {
            guard let seconds = DurationText.parse(duration), (900...43200).contains(Int(seconds)) else {
                throw ValidationError("--duration \(duration): use 15m to 12h (like 1h or 90m)")
            }
        }
    }

    func run() async throws {
        let context = try AWSContext(configPath: config)
        let target = AssumeTarget(parsing: self.target, via: via)
        let seconds = duration.flatMap(DurationText.parse).map { Int($0) }
        var session: AssumedSession?
        if let cache = context.cache, seconds == nil, sessionName == nil {
            session = await cache.session(for: target)
            if let session {
                context.assumer.record(
                    target,
                    .ok,
                    session: session.sessionName,
                    detail: "cached session \(session.arn)"
                )
            }
        }
        if session == nil {
            var code = mfaCode
            if code == nil, let serial = try? context.assumer.plan(for: target).hops.compactMap(\.mfaSerial).first {
                code = TerminalPrompt.read("MFA code for \(serial): ")
            }
            let options = RoleAssumer.Options(durationSeconds: seconds, sessionName: sessionName, mfaCode: code)
            do {
                session = try await context.assumer.assume(target, options: options)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        guard let session else { return }
        if !session.hops.isEmpty { await context.cache?.store(session) }  // never a profile's long-term keys
        for note in session.notes { FileHandle.standardError.write(Data("switchboard: note: \(note)\n".utf8)) }
        let variables = CredentialExport.variables(session)
        if exec {
            try CredentialExport.exec(command, variables: variables)
        } else if let export {
            print(CredentialExport.render(variables, session: session, format: export), terminator: "")
        } else {
            print(CredentialExport.summary(session, now: Date()))
        }
    }
}

/// A failure already worded for the operator: exit status 1, the message alone.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
