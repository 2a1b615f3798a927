import AWSBackend
import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard whoami`: GetCallerIdentity for a profile or the default credentials.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Who the credentials of a profile (or the default chain) are: account, ARN, user id."
    )

    @Option(name: .long, help: "The profile (default: AWS_PROFILE, else the default chain).")
    var profile: String?

    @Option(name: .long, help: "text or json.")
    var format = "text"

    @Option(name: .long, help: "Switchboard config (allowed_account_ids) when not the default.")
    var config: String?

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format \(format): use text or json") }
    }

    func run() async throws {
        let context = try AWSContext(configPath: config)
        var settings = context.settings
        if let profile { settings.profile = profile }
        let broker = AWSBroker(
            settings: settings,
            environment: context.environment,
            http: context.http,
            audit: context.audit
        )
        let who: CallerSummary
        do {
            who = try await broker.callerIdentity()
        } catch {
            throw CommandFailure("\(error)")
        }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(who), as: UTF8.self))
        } else {
            print("\(who.arn)\n  account \(who.account) · user id \(who.userID)")
        }
    }
}
