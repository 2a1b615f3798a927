/// Finds graph nodes from what an operator types: an ARN or node id, a role name (`deploy-role`), a path
/// name (`cicd/delegated-role`), or `account/role` with the account's name or id (`production/deploy-role`).
public struct PrincipalResolver: Sendable {
    public let graph: TrustGraph

    public init(graph: TrustGraph) { self.graph = graph }

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case unknown(String)
        case ambiguous(String, [String])

        public var description: String {
            switch self {
            case .unknown(let text):
                return "no principal matches \"\(text)\"; give a role ARN, a role name or ACCOUNT/ROLE"
            case .ambiguous(let text, let matches):
                return "\"\(text)\" matches \(matches.count) principals; give one of: "
                    + matches.prefix(8).joined(separator: ", ") + (matches.count > 8 ? ", …" : "")
            }
        }
    }

    public func resolve(_ text: String) throws(Failure) -> String {
        if graph.nodes[text] != nil { return text }
        let inventory = graph.inventory
        var matches: [String] = []
        for arn in inventory.roleARNs {
            guard let role = inventory.role(arn)?.role else { continue }
            let account = inventory.accounts[role.accountID]?.name
            let names = [role.name, role.qualifiedName]
            var keys = names
            for prefix in [role.accountID, account].compactMap({ $0 }) {
                keys += names.flatMap { ["\(prefix)/\($0)", "\(prefix):\($0)"] }
            }
            if keys.contains(text) { matches.append(arn) }
        }
        for node in graph.nodes.values where node.kind != .role && node.label == text { matches.append(node.id) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .unknown(text) }
        throw .ambiguous(text, matches.sorted())
    }
}
