/// What keys mean right now.
public enum InputMode: Sendable, Hashable {
    case normal
    /// Typing a `/` filter; the list narrows on every key.
    case filter(String)
    /// Typing a `:` command.
    case command(String)
    case confirm(Confirmation)
    /// Typing the MFA code a profile's `mfa_serial` asks for; shown masked.
    case mfa(MFAPrompt)
    case help
}

/// The MFA code being typed for an assumption.
public struct MFAPrompt: Sendable, Hashable {
    public var request: AssumeRequest
    public var serial: String
    public var code: String = ""

    public init(request: AssumeRequest, serial: String) {
        self.request = request
        self.serial = serial
    }
}
