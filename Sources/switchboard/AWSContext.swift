import AWSBackend
import DemoBackend
import Foundation
import HTTPTransport
import SwitchboardCore

/// What the AWS commands share: the shared config files, the `kind: aws` settings of the switchboard config
/// (if any), the HTTP client, the audit log and the session cache.
struct AWSContext {
    var environment: [String: String]
    var shared: SharedConfig
    var settings: AWSSettings
    var assumer: RoleAssumer
    var audit: any AuditLog
    var cache: SessionCache?
    var operatorName: String
    var http: SocketHTTPClient

    init(configPath: String?) throws {
        environment = ProcessInfo.processInfo.environment
        do {
            shared = try SharedConfig.load(environment: environment) { path in
                try? String(contentsOfFile: path, encoding: .utf8)
            }
        } catch {
            throw UsageError("\(error)")
        }
        settings = try Self.settings(configPath: configPath, environment: environment)
        operatorName = OperatorName.current(environment: environment)
        http = SocketHTTPClient(caBundle: environment["AWS_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 })
        audit = FileAuditLog.defaultPath(environment: environment).map { FileAuditLog(path: $0) } ?? InMemoryAuditLog()
        assumer = RoleAssumer(
            config: shared,
            environment: environment,
            http: http,
            operatorName: operatorName,
            allowedAccountIDs: settings.allowedAccountIDs,
            audit: audit
        )
        if settings.sessionCache == .disk, let file = SessionCache.defaultFile(environment: environment) {
            cache = SessionCache(file: file)
        }
    }

    /// The first `kind: aws` entry of the config given (or found at the default path), else defaults.
    static func settings(configPath: String?, environment: [String: String]) throws -> AWSSettings {
        let registry = EstateOptions.registry(clock: ManualClock(DemoBackend.epoch))
        let loader = ConfigLoader(registry: registry)
        let path =
            configPath
            ?? SwitchboardConfig.defaultPath(environment: environment).flatMap {
                FileManager.default.fileExists(atPath: $0) ? $0 : nil
            }
        guard let path else { return AWSSettings() }
        let config = try loader.load(path: path)
        guard let options = config.backends.first(where: { $0.kind == "aws" }) else { return AWSSettings() }
        return try AWSSettings(options: options)
    }
}
