/// An IAM policy document as IAM returns it: the JSON text, kept verbatim so the trust analyser parses exactly
/// what AWS would evaluate.
public struct PolicyDocument: Codable, Sendable, Hashable, ExpressibleByStringLiteral {
    public var json: String

    public init(json: String) { self.json = json }
    public init(stringLiteral value: String) { self.json = value }

    public init(from decoder: any Decoder) throws {
        json = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(json)
    }
}

/// A named policy attached to a principal: inline, or managed with its ARN.
public struct NamedPolicy: Codable, Sendable, Hashable {
    public var name: String
    public var arn: String?
    public var document: PolicyDocument

    public init(name: String, arn: String? = nil, document: PolicyDocument) {
        self.name = name
        self.arn = arn
        self.document = document
    }
}
