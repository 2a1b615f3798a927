/// The `Principal` or `NotPrincipal` of a statement, by type, as written.
public struct PrincipalSet: Hashable, Sendable {
    /// `"Principal": "*"` (or `{"AWS": "*"}`): anyone.
    public var isAnyone = false
    /// Role and user ARNs, `arn:aws:iam::ID:root`, bare account ids, unique ids (`AROA…`), session ARNs.
    public var aws: [String] = []
    public var service: [String] = []
    public var federated: [String] = []
    public var canonicalUser: [String] = []

    public init(isAnyone: Bool = false, aws: [String] = [], service: [String] = [], federated: [String] = []) {
        self.isAnyone = isAnyone
        self.aws = aws
        self.service = service
        self.federated = federated
    }
}
