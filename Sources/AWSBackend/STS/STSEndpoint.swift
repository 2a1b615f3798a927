import HTTPTransport

/// Where STS calls go and which region signs them, with botocore's precedence: `AWS_ENDPOINT_URL_STS`, then
/// `AWS_ENDPOINT_URL`, then the profile's `endpoint_url` (unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`); the
/// region from `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`. Without a region the global
/// endpoint is used and signed for us-east-1.
public struct STSEndpoint: Sendable, Hashable {
    public var url: HTTPURL
    public var region: String
    /// Whether the region was chosen by default (no region configured anywhere).
    public var regionIsDefault: Bool

    public init(url: HTTPURL, region: String, regionIsDefault: Bool = false) {
        self.url = url
        self.region = region
        self.regionIsDefault = regionIsDefault
    }

    public static func resolve(
        environment: [String: String],
        profile: AWSProfile?
    ) throws(CredentialError) -> STSEndpoint {
        let configured = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? profile?["region"]
        let region = configured ?? "us-east-1"
        let ignoreConfig = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        let override =
            environment["AWS_ENDPOINT_URL_STS"] ?? environment["AWS_ENDPOINT_URL"]
            ?? (ignoreConfig ? nil : profile?["endpoint_url"])
        if let override {
            do {
                return STSEndpoint(url: try HTTPURL(override), region: region, regionIsDefault: configured == nil)
            } catch {
                let field = profile?.settings["endpoint_url"].map { " (\($0.location))" } ?? ""
                throw CredentialError(source: "endpoint_url\(field)", "\(error)")
            }
        }
        let host = configured == nil ? "sts.amazonaws.com" : "sts.\(region).amazonaws.com"
        return STSEndpoint(
            url: HTTPURL(scheme: "https", host: host + (region.hasPrefix("cn-") ? ".cn" : "")),
            region: region,
            regionIsDefault: configured == nil
        )
    }
}

/// The endpoint of another service, with the same precedence as STS: `AWS_ENDPOINT_URL_<SERVICE>`,
/// `AWS_ENDPOINT_URL`, the profile's `endpoint_url`, else the service's endpoint (IAM and Organizations are
/// global, signed for us-east-1; regional services pass their region and regional host).
public enum ServiceEndpoint {
    public static func resolve(
        service: String,
        envName: String,
        globalHost: String,
        region fixed: String? = nil,
        environment: [String: String],
        profile: AWSProfile?
    ) throws(CredentialError) -> (url: HTTPURL, region: String) {
        let ignoreConfig = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        let override =
            environment["AWS_ENDPOINT_URL_\(envName)"] ?? environment["AWS_ENDPOINT_URL"]
            ?? (ignoreConfig ? nil : profile?["endpoint_url"])
        guard let override else { return (HTTPURL(scheme: "https", host: globalHost), fixed ?? "us-east-1") }
        do {
            let region = fixed ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? profile?["region"]
            return (try HTTPURL(override), region ?? "us-east-1")
        } catch {
            throw CredentialError(source: "endpoint_url for \(service)", "\(error)")
        }
    }
}
