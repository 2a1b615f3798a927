import HTTPTransport
import SwitchboardCore

extension GitLabBackend {
    /// `kind: gitlab` for the config loader: settings checked (errors name the file, line and key), the token
    /// found, the socket client made with the configured CA bundle (else `SSL_CERT_FILE`'s, else the system's).
    public static func registryEntry(environment: [String: String]) -> BackendRegistry.Entry {
        .init(kind: "gitlab", keys: GitLabSettings.keys) { options in
            try make(options: options, environment: environment)
        }
    }

    /// The backend a `kind: gitlab` config entry describes.
    public static func make(options: BackendOptions, environment: [String: String]) throws -> GitLabBackend {
        let settings = try GitLabSettings(options: options, environment: environment)
        let bundle = settings.caBundle ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        return try GitLabBackend(settings: settings, http: SocketHTTPClient(caBundle: bundle))
    }
}
