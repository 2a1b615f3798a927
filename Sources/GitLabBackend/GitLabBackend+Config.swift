import HTTPTransport
import SwitchboardCore

extension GitLabBackend {
    /// The backend a `kind: gitlab` config entry describes (what the registry's entry calls): settings checked
    /// (errors name the file, line and key), the token found, the socket client made with the configured CA
    /// bundle (else `SSL_CERT_FILE`'s, else the system's).
    public static func make(options: BackendOptions, environment: [String: String]) throws -> GitLabBackend {
        let settings = try GitLabSettings(options: options, environment: environment)
        let bundle = settings.caBundle ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        return try GitLabBackend(settings: settings, http: SocketHTTPClient(caBundle: bundle))
    }
}
