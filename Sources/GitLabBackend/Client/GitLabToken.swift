/// A GitLab access token. Printing, dumping or interpolating it shows `‹token›`, never the value.
public struct GitLabToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// How the token is sent: `PRIVATE-TOKEN` (personal, project and group tokens) or `Authorization: Bearer`
    /// (OAuth tokens; the others work this way too).
    public enum Style: String, Sendable, Hashable {
        case privateToken = "private-token"
        case bearer
    }

    let value: String
    public var style: Style

    public init(_ value: String, style: Style = .privateToken) {
        self.value = value
        self.style = style
    }

    var header: (name: String, value: String) {
        style == .bearer ? ("Authorization", "Bearer " + value) : ("PRIVATE-TOKEN", value)
    }

    public var description: String { "‹token›" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["token": description], displayStyle: .struct) }
}
