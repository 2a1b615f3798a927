/// One profile of the shared config and credentials files, merged as botocore merges them: the credentials
/// file's keys win over the config file's. Each value remembers its file and line.
public struct AWSProfile: Sendable, Hashable {
    public struct Setting: Sendable, Hashable {
        public var value: String
        public var file: String
        public var line: Int

        public var location: String { "\(file):\(line)" }
    }

    public var name: String
    public var settings: [String: Setting]
    /// Where the profile's section starts (the config file's when it has one).
    public var file: String
    public var line: Int

    public subscript(key: String) -> String? { settings[key]?.value }

    public var location: String { "\(file):\(line)" }

    /// Either key counts, as in botocore (one without the other is then a PartialCredentialsError).
    public var hasStaticKeys: Bool { self["aws_access_key_id"] != nil || self["aws_secret_access_key"] != nil }

    public var roleARN: String? { self["role_arn"] }

    /// Another way to get credentials that this console does not run itself (SSO, a process, web identity).
    public var otherCredentialMethod: String? {
        if self["sso_account_id"] != nil || self["sso_session"] != nil || self["sso_start_url"] != nil { return "SSO" }
        if self["credential_process"] != nil { return "credential_process" }
        if self["web_identity_token_file"] != nil { return "web identity" }
        return nil
    }
}
