/// An SCP (guardrail) and its policy document.
public struct ServiceControlPolicy: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    public var document: PolicyDocument

    public init(id: String, name: String, description: String, document: PolicyDocument) {
        self.id = id
        self.name = name
        self.description = description
        self.document = document
    }
}
