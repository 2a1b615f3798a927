import Foundation

/// The JSON the metadata service, the container endpoint and `credential_process` answer with:
/// `AccessKeyId`, `SecretAccessKey`, `Token` or `SessionToken`, `Expiration`.
enum CredentialsJSON {
    static func parse(_ body: [UInt8], source: String) throws(CredentialError) -> AWSCredentials {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw CredentialError(source: source, "answered with something that is not a JSON object")
        }
        if let code = object["Code"] as? String, code != "Success" {
            throw CredentialError(source: source, "answered Code \(code): \(object["Message"] as? String ?? "")")
        }
        guard let key = object["AccessKeyId"] as? String, let secret = object["SecretAccessKey"] as? String else {
            throw CredentialError(source: source, "answered without AccessKeyId and SecretAccessKey")
        }
        var expiration: Date?
        if let text = object["Expiration"] as? String {
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw CredentialError(source: source, "answered an Expiration that is not an ISO 8601 time")
            }
            expiration = date
        }
        return AWSCredentials(
            accessKeyID: key,
            secretAccessKey: secret,
            sessionToken: (object["Token"] as? String) ?? (object["SessionToken"] as? String),
            expiration: expiration
        )
    }
}
