import Foundation
import SwitchboardCore

/// `credential_process`: runs the profile's command (through the shell, as botocore splits it) and reads the
/// JSON it prints (`Version: 1`). Its standard error goes to ours; its output is never shown.
public enum CredentialProcess {
    public static func run(_ command: String, profile: String) throws(CredentialError) -> AWSCredentials {
        let source = "credential_process of profile \(profile)"
        let outcome: ShellCommand.Outcome
        do {
            outcome = try ShellCommand.run(command)
        } catch {
            throw CredentialError(source: source, "cannot start /bin/sh: \(error.localizedDescription)")
        }
        guard outcome.status == 0 else {
            throw CredentialError(source: source, "the command exited with status \(outcome.status)")
        }
        let data = outcome.output
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            (object["Version"] as? Int) != 1
        {
            throw CredentialError(source: source, "printed Version \(object["Version"] ?? "none"); only 1 exists")
        }
        return try CredentialsJSON.parse(Array(data), source: source)
    }
}
