import SwitchboardCore
import Testing
import TrustAnalysis

/// Properties that hold for any inventory, checked on many random ones from fixed seeds.
@Suite struct PropertyTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    }

    static let accounts = ["111111111111", "222222222222", "333333333333"]
    static let names = ["a", "b", "c", "d", "e", "f"]

    static func arn(_ i: Int) -> String { Build.arn(accounts[i % 3], names[i]) }

    static func trustStatement(_ r: inout Random, effect: String = "Allow") -> String {
        let principal = r.pick([arn(r.int(6)), accounts[r.int(3)], "arn:aws:iam::\(accounts[r.int(3)]):root", "*"])
        let condition = r.pick([
            nil, #"{"StringEquals":{"sts:ExternalId":"x"}}"#,
            "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"\(Build.org)\"}}",
            #"{"Bool":{"aws:MultiFactorAuthPresent":true}}"#,
        ])
        return Build.trustAWS(principal, condition: condition, effect: effect)
    }

    static func identityStatement(_ r: inout Random, effect: String = "Allow") -> String {
        let resource = r.pick([
            arn(r.int(6)), "*", "arn:aws:iam::\(accounts[r.int(3)]):role/*", "arn:aws:iam::*:role/?",
        ])
        return Build.allowAssume(resource, effect: effect)
    }

    /// Six roles over three accounts with random trusts and permissions; `reordered` lists the same roles and
    /// statements in reverse order.
    static func inventory(seed: UInt64, reordered: Bool = false) -> [Role] {
        var r = Random(state: seed)
        let roles = (0..<6).map { i in
            var trust = (0..<(1 + r.int(2))).map { _ in trustStatement(&r) }
            var identity = (0..<r.int(3)).map { _ in identityStatement(&r) }
            if reordered {
                trust.reverse()
                identity.reverse()
            }
            return Build.role(
                accounts[i % 3],
                names[i],
                trust: "{\"Statement\":[" + trust.joined(separator: ",") + "]}",
                policies: identity.isEmpty ? [] : ["{\"Statement\":[" + identity.joined(separator: ",") + "]}"]
            )
        }
        return reordered ? roles.reversed() : roles
    }

    struct EdgeKey: Hashable {
        var from: String
        var to: String
        var verdict: AssumeDecision.Verdict
    }

    static func edges(_ roles: [Role]) -> Set<EdgeKey> {
        let org = Build.organization(accounts.map { ($0, Environment.nonProduction) })
        return Set(
            Build.graph(roles, organization: org).edges.map {
                EdgeKey(from: $0.from, to: $0.to, verdict: $0.decision.verdict)
            }
        )
    }

    static func pairs(_ set: Set<EdgeKey>) -> Set<[String]> { Set(set.map { [$0.from, $0.to] }) }

    /// Appends a statement to the trust (odd) or identity (even) policy of a random role.
    static func adding(_ roles: [Role], effect: String, seed: UInt64) -> [Role] {
        var r = Random(state: seed &* 31)
        var roles = roles
        let i = r.int(roles.count)
        if r.int(2) == 0 {
            let json = roles[i].trustPolicy.json
            roles[i].trustPolicy = .init(
                json: String(json.dropLast(2)) + "," + trustStatement(&r, effect: effect) + "]}"
            )
        } else {
            let statement = identityStatement(&r, effect: effect)
            roles[i].inlinePolicies.append(NamedPolicy(name: "added", document: .init(json: Build.doc(statement))))
        }
        return roles
    }

    @Test(arguments: 1...60)
    func addingADenyNeverAddsAnEdge(seed: Int) {
        let roles = Self.inventory(seed: UInt64(seed))
        let before = Self.pairs(Self.edges(roles))
        let after = Self.pairs(Self.edges(Self.adding(roles, effect: "Deny", seed: UInt64(seed))))
        #expect(after.isSubset(of: before), "new edges: \(after.subtracting(before))")
    }

    @Test(arguments: 1...60)
    func addingAnAllowNeverRemovesAnEdge(seed: Int) {
        let roles = Self.inventory(seed: UInt64(seed))
        let before = Self.pairs(Self.edges(roles))
        let after = Self.pairs(Self.edges(Self.adding(roles, effect: "Allow", seed: UInt64(seed))))
        #expect(before.isSubset(of: after), "lost edges: \(before.subtracting(after))")
    }

    @Test(arguments: 1...60)
    func theGraphDoesNotDependOnOrder(seed: Int) {
        let roles = Self.inventory(seed: UInt64(seed))
        let reordered = Self.inventory(seed: UInt64(seed), reordered: true)
        #expect(roles.map(\.arn) != reordered.map(\.arn))
        #expect(Self.edges(roles) == Self.edges(reordered))
    }

    /// The graph's candidate index must not miss anyone: every pair the decision list allows is an edge, and
    /// every edge is a pair it allows.
    @Test(arguments: 1...60)
    func edgesAreExactlyTheAllowedPairs(seed: Int) {
        let roles = Self.inventory(seed: UInt64(seed))
        let org = Build.organization(Self.accounts.map { ($0, Environment.nonProduction) })
        let graph = Build.graph(roles, organization: org)
        for caller in roles {
            for target in roles {
                let verdict = graph.explain(from: caller.arn, to: target.arn)?.verdict
                let edge = graph.edges(from: caller.arn).contains { $0.to == target.arn }
                #expect(edge == (verdict != .denied), "\(caller.name) → \(target.name): \(String(describing: verdict))")
            }
        }
    }

    @Test func theRandomInventoriesAreNotTrivial() {
        let sizes = (1...60).map { Self.edges(Self.inventory(seed: UInt64($0))).count }
        #expect(sizes.filter { $0 > 0 }.count > 40, "\(sizes)")
    }
}
