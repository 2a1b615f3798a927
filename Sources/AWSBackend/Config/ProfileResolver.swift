/// Turns a profile into a credential plan with botocore's rules (`AssumeRoleProvider`) and its error
/// messages: `source_profile` chains, `credential_source`, the cycle check (a profile may name itself only
/// when it also holds static keys), and no inheritance between profiles.
public struct ProfileResolver: Sendable {
    public let config: SharedConfig

    public init(config: SharedConfig) { self.config = config }

    /// The sources botocore accepts, compared without case.
    static let credentialSources: [String: BaseCredentials] = [
        "environment": .environment, "ec2instancemetadata": .instanceMetadata, "ecscontainer": .container,
    ]

    public func plan(for name: String) throws(ProfileError) -> CredentialPlan {
        var visited = [name]
        var warnings: [String] = []
        let (base, hops) = try resolve(name, visited: &visited, warnings: &warnings)
        return CredentialPlan(profile: name, base: base, hops: hops, warnings: warnings)
    }

    private func resolve(
        _ name: String,
        visited: inout [String],
        warnings: inout [String]
    )
        throws(ProfileError) -> (BaseCredentials, [AssumeRoleHop])
    {
        guard let profile = config.profiles[name] else {
            throw ProfileError(
                kind: .profileNotFound,
                message: "The config profile (\(name)) could not be found",
                location: config.configPath
            )
        }
        guard let roleARN = profile.roleARN, profile["web_identity_token_file"] == nil else {
            if let base = try credentialsWithoutRole(profile) { return (base, []) }
            throw ProfileError(
                kind: .noCredentials,
                message: "Unable to locate credentials: profile \"\(name)\" has no role_arn, no keys and no other "
                    + "credential method",
                location: profile.location
            )
        }
        let hop = makeHop(profile, roleARN: roleARN, warnings: &warnings)
        let source = profile.settings["credential_source"]
        let sourceProfile = profile.settings["source_profile"]
        if source != nil && sourceProfile != nil {
            throw ProfileError(
                kind: .invalidConfig,
                message: "The profile \"\(name)\" contains both source_profile and credential_source.",
                location: profile.location
            )
        }
        if let source {
            guard let base = Self.credentialSources[source.value.lowercased()] else {
                throw ProfileError(
                    kind: .invalidConfig,
                    message:
                        "The credential source \"\(source.value)\" referenced in profile \"\(name)\" is not valid.",
                    location: source.location
                )
            }
            return (base, [hop])
        }
        guard let sourceProfile else {
            throw ProfileError(
                kind: .partialCredentials,
                message: "Partial credentials found in assume-role, missing: source_profile or credential_source",
                location: profile.location
            )
        }
        let sourceName = sourceProfile.value
        guard let parent = config.profiles[sourceName] else {
            throw ProfileError(
                kind: .invalidConfig,
                message: "The source_profile \"\(sourceName)\" referenced in the profile \"\(name)\" does not exist.",
                location: sourceProfile.location
            )
        }
        if visited.contains(sourceName) && (sourceName != name || !parent.hasStaticKeys) {
            throw ProfileError(
                kind: .infiniteLoop,
                message: "Infinite loop in credential configuration detected. Attempting to load from profile "
                    + "\(sourceName) which has already been visited. Visited profiles: "
                    + "[" + visited.map { "'\($0)'" }.joined(separator: ", ") + "]",
                location: sourceProfile.location
            )
        }
        visited.append(sourceName)
        if parent.hasStaticKeys || parent.roleARN == nil {
            if let base = try credentialsWithoutRole(parent) { return (base, [hop]) }
            throw ProfileError(
                kind: .invalidConfig,
                message: "The source profile \"\(sourceName)\" must have credentials.",
                location: parent.location
            )
        }
        let (base, hops) = try resolve(sourceName, visited: &visited, warnings: &warnings)
        return (base, hops + [hop])
    }

    /// A profile's own credentials in botocore's provider order: keys in the credentials file, then SSO, then
    /// `credential_process`, then keys in the config file. One key without the other is botocore's
    /// PartialCredentialsError.
    private func credentialsWithoutRole(_ profile: AWSProfile) throws(ProfileError) -> BaseCredentials? {
        let id = profile.settings["aws_access_key_id"]
        let secret = profile.settings["aws_secret_access_key"]
        if let present = id ?? secret, (id == nil) != (secret == nil) {
            let provider = present.file == config.credentialsPath ? "shared-credentials-file" : "config-file"
            throw ProfileError(
                kind: .partialCredentials,
                message: "Partial credentials found in \(provider), missing: "
                    + (id == nil ? "aws_access_key_id" : "aws_secret_access_key"),
                location: present.location
            )
        }
        if let id, id.file == config.credentialsPath { return .staticKeys(profile: profile.name) }
        if let method = profile.otherCredentialMethod { return .external(profile: profile.name, method: method) }
        if id != nil { return .staticKeys(profile: profile.name) }
        return nil
    }

    private func makeHop(_ profile: AWSProfile, roleARN: String, warnings: inout [String]) -> AssumeRoleHop {
        var duration: Int?
        if let text = profile["duration_seconds"] {
            if let seconds = Int(text) {
                duration = seconds
            } else {
                warnings.append(
                    "duration_seconds \"\(text)\" in profile \"\(profile.name)\" is not a whole number; "
                        + "botocore ignores it, and so does this (\(profile.settings["duration_seconds"]?.location ?? ""))"
                )
            }
        }
        return AssumeRoleHop(
            profile: profile.name,
            roleARN: roleARN,
            sessionName: profile["role_session_name"],
            externalID: profile["external_id"],
            mfaSerial: profile["mfa_serial"],
            durationSeconds: duration,
            location: profile.location
        )
    }
}
