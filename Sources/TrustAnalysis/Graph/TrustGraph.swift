import SwitchboardCore

/// Who may become whom: principals as nodes, "may assume" and compute hops as edges with their evidence.
/// Built once from an inventory; queries are breadth-first searches over adjacency lists.
public struct TrustGraph: Sendable {
    public let inventory: TrustInventory
    public private(set) var nodes: [String: PrincipalNode] = [:]
    public private(set) var edges: [TrustEdge] = []
    /// Nodes by number, and edges as numbers: searches walk integers, not hashed strings.
    private var ids: [String] = []
    private var numbers: [String: Int] = [:]
    private var outgoing: [[Int]] = []
    private var incoming: [[Int]] = []
    private var ends: [(from: Int, to: Int)] = []

    public init(identity: IdentityInventory, organization: Organization?) {
        self.init(inventory: TrustInventory(identity: identity, organization: organization))
    }

    public init(inventory: TrustInventory) {
        self.inventory = inventory
        let evaluator = AssumeEvaluator(inventory: inventory)
        for arn in inventory.roleARNs {
            guard let role = inventory.role(arn) else { continue }
            let account = inventory.accounts[role.accountID]?.name ?? role.accountID
            addNode(
                PrincipalNode(
                    id: arn,
                    kind: .role,
                    accountID: role.accountID,
                    label: "\(account):\(role.role.qualifiedName)"
                )
            )
        }
        // Deciding the edges into each role is independent work: done on all cores, added in role order.
        for (caller, edge) in Self.decideAll(inventory: inventory, evaluator: evaluator) {
            if numbers[edge.from] == nil { addNode(node(for: caller)) }
            addEdge(edge)
        }
        for binding in inventory.bindings {
            let (prefix, label, kind): (String, String, TrustEdge.Kind)
            switch binding.kind {
            case .instanceProfile:
                (prefix, label, kind) = (
                    "instance-profile:", "instance profile " + ARN.name(of: binding.source),
                    .instanceProfile
                )
            case .kube2iam:
                (prefix, label, kind) = ("kube2iam:", "runner pool \(binding.source) (kube2iam)", .kube2iam)
            case .ecsTaskDefinition:
                (prefix, label, kind) = (
                    "ecs-task-definition:", "task definition " + ARN.name(of: binding.source),
                    .ecsTaskRole
                )
            }
            let source = PrincipalNode(
                id: prefix + binding.source,
                kind: .compute,
                accountID: ARN.account(of: binding.source) ?? ARN.account(of: binding.roleARN),
                label: label
            )
            addNode(source)
            if nodes[binding.roleARN] == nil {
                addNode(
                    PrincipalNode(
                        id: binding.roleARN,
                        kind: .external,
                        accountID: ARN.account(of: binding.roleARN),
                        label: ARN.name(of: binding.roleARN) + " (not in the inventory)"
                    )
                )
            }
            var decision = AssumeDecision()
            decision.steps = [
                DecisionStep(
                    rule: "compute",
                    outcome: .pass,
                    detail: "\(source.label) hands out \(binding.roleARN)",
                    statement: nil
                )
            ]
            addEdge(TrustEdge(from: source.id, to: binding.roleARN, kind: kind, decision: decision))
        }
    }

    // MARK: - Queries

    public func edges(from id: String) -> [TrustEdge] { numbers[id].map { outgoing[$0].map { edges[$0] } } ?? [] }
    public func edges(to id: String) -> [TrustEdge] { numbers[id].map { incoming[$0].map { edges[$0] } } ?? [] }

    /// A node reached, with the shortest chain of hops to it.
    public struct Reach: Sendable {
        public var node: PrincipalNode
        public var path: [TrustEdge]
        /// Every requirement on the way.
        public var requirements: [Requirement] { path.flatMap(\.decision.requirements) }
    }

    /// Everything `id` can become, nearest first.
    public func reachable(from id: String) -> [Reach] { search(from: [id], forward: true) }

    /// Everyone who can become `id`, nearest first (paths read from them to `id`).
    public func reaching(to id: String) -> [Reach] { search(from: [id], forward: false) }

    /// Everything any of `sources` can become, each with a shortest path from one of them: one search, not one
    /// per source.
    public func reachable(fromAny sources: [String]) -> [Reach] { search(from: sources, forward: true) }

    /// Those of `candidates` who can become any of `targets` (in `candidates`' order), without paths: one
    /// search, however many candidates.
    public func reaching(anyOf targets: [String], among candidates: [String]) -> [String] {
        let parent = walk(from: targets, forward: false).parent
        return candidates.filter { numbers[$0].map { parent[$0] != Self.unvisited } ?? false }
    }

    private static let unvisited = -2

    /// Breadth-first over node numbers: for each node the edge it was reached by (-1 for a start, -2 never),
    /// and the order nodes were reached in.
    private func walk(from starts: [String], forward: Bool) -> (parent: [Int], order: [Int]) {
        var parent = [Int](repeating: Self.unvisited, count: ids.count)
        var queue: [Int] = []
        for start in starts {
            guard let number = numbers[start], parent[number] == Self.unvisited else { continue }
            parent[number] = -1
            queue.append(number)
        }
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for edge in forward ? outgoing[current] : incoming[current] {
                let next = forward ? ends[edge].to : ends[edge].from
                if parent[next] == Self.unvisited {
                    parent[next] = edge
                    queue.append(next)
                }
            }
        }
        return (parent, queue)
    }

    private func search(from starts: [String], forward: Bool) -> [Reach] {
        let (parent, queue) = walk(from: starts, forward: forward)
        return queue.compactMap { number in
            guard parent[number] >= 0, let node = nodes[ids[number]] else { return nil }
            var path: [TrustEdge] = []
            var cursor = number
            while parent[cursor] >= 0 {
                let edge = parent[cursor]
                path.append(edges[edge])
                cursor = forward ? ends[edge].from : ends[edge].to
            }
            return Reach(node: node, path: forward ? path.reversed() : path)
        }
    }

    /// Why `from` can or cannot assume `to`, step by step.
    public func explain(from: String, to: String) -> AssumeDecision? {
        // A compute hop is not an AssumeRole: its edge carries its own explanation.
        if nodes[from]?.kind == .compute {
            return edges(from: from).first { $0.to == to }?.decision
                ?? {
                    var decision = AssumeDecision()
                    decision.verdict = .denied
                    decision.steps = [
                        DecisionStep(
                            rule: "compute",
                            outcome: .fail,
                            detail: "\(nodes[from]?.label ?? from) does not hand out \(to)",
                            statement: nil
                        )
                    ]
                    return decision
                }()
        }
        guard let target = inventory.role(to) else { return nil }
        let caller = caller(for: from)
        let action: TrustEdge.Kind = {
            if case .federated(let provider) = caller {
                return provider.contains(":saml-provider/") ? .assumeRoleWithSAML : .assumeRoleWithWebIdentity
            }
            return .assumeRole
        }()
        return AssumeEvaluator(inventory: inventory).decide(caller, target, action: action.rawValue, trace: true)
    }

    /// The caller a node id stands for.
    public func caller(for id: String) -> Caller {
        if inventory.role(id) != nil { return .role(id) }
        if id == "*" { return .anyone }
        if let node = nodes[id] {
            switch node.kind {
            case .accountRoot: return .accountRoot(node.accountID ?? "")
            case .service: return .service(id)
            case .federated: return .federated(id)
            case .external, .compute: return .external(id)
            default: break
            }
        }
        if id.hasSuffix(":root"), let account = ARN.account(of: id) { return .accountRoot(account) }
        if id.hasSuffix(".amazonaws.com") { return .service(id) }
        return .external(id)
    }

    // MARK: - Building

    private struct Candidate: Hashable {
        var caller: Caller
        var action: TrustEdge.Kind
    }

    /// Who the trust policy of `target` could admit: named roles, every role of a named account and its root,
    /// services, federated providers, and for `*` every role with an `sts:AssumeRole` permission.
    /// The edges into every role, by role order, decided in parallel chunks.
    private static func decideAll(inventory: TrustInventory, evaluator: AssumeEvaluator) -> [(Caller, TrustEdge)] {
        let targets = inventory.roleARNs
        @Sendable func decide(_ range: Range<Int>) -> [(Caller, TrustEdge)] {
            var out: [(Caller, TrustEdge)] = []
            for arn in targets[range] {
                guard let target = inventory.role(arn) else { continue }
                for candidate in candidates(for: target, inventory: inventory) {
                    let decision = evaluator.decide(candidate.caller, target, action: candidate.action.rawValue)
                    guard decision.verdict != .denied else { continue }
                    out.append(
                        (
                            candidate.caller,
                            TrustEdge(
                                from: candidate.caller.nodeID,
                                to: arn,
                                kind: candidate.action,
                                decision: decision
                            )
                        )
                    )
                }
            }
            return out
        }
        return Parallel.map(Array(0..<targets.count), minimumChunk: 512) { slice in
            decide(slice.startIndex..<slice.endIndex)
        }
    }

    private static func candidates(for target: ParsedRole, inventory: TrustInventory) -> [Candidate] {
        var out: [Candidate] = []
        // Most roles have one or two candidates: a short list beats a hash set; big ones switch to the set.
        var seen = Set<Candidate>()
        func add(_ caller: Caller, _ action: TrustEdge.Kind = .assumeRole) {
            let candidate = Candidate(caller: caller, action: action)
            if out.count < 8 {
                if !out.contains(candidate) { out.append(candidate) }
                return
            }
            if seen.isEmpty { seen = Set(out) }
            if seen.insert(candidate).inserted { out.append(candidate) }
        }
        // An account in a trust delegates to that account's IAM principals whose own policies allow the call
        // (the root user cannot call AssumeRole). Principals the inventory does not hold stand as one node.
        let exact = inventory.exactAssumers[target.arn] ?? []
        func addAccount(_ account: String) {
            for arn in exact where inventory.role(arn)?.accountID == account { add(.role(arn)) }
            for arn in inventory.wildcardAssumers[account] ?? [] { add(.role(arn)) }
            if (inventory.rolesByAccount[account] ?? []).isEmpty || !inventory.isInOrganization(account) {
                add(.external("arn:aws:iam::\(account):root"))
            }
        }
        func addEveryone() {
            for arn in exact { add(.role(arn)) }
            for account in inventory.wildcardAssumers.keys.sorted() {
                for arn in inventory.wildcardAssumers[account] ?? [] { add(.role(arn)) }
            }
        }
        for statement in target.trust.statements where statement.effect == .allow {
            guard let principal = statement.principal else {
                if statement.notPrincipal != nil { addEveryone() }
                continue
            }
            if principal.isAnyone {
                add(.anyone)
                for arn in inventory.roleARNs where !(inventory.role(arn)?.assumeStatements.isEmpty ?? true) {
                    add(.role(arn))
                }
            }
            for entry in principal.aws where entry != "*" {
                if inventory.role(entry) != nil {
                    add(.role(entry))
                } else if let arn = inventory.roleIDs[entry] {
                    add(.role(arn))
                } else if entry.count == 12, entry.allSatisfy(\.isNumber) {
                    addAccount(entry)
                } else if entry.hasSuffix(":root"), let account = ARN.account(of: entry) {
                    addAccount(account)
                } else if entry.hasPrefix("arn:aws:sts::"), let account = ARN.account(of: entry),
                    let arn = inventory.rolesByAccount[account]?.first(where: {
                        entry.contains(":assumed-role/\(inventory.role($0)?.role.name ?? "")/")
                    })
                {
                    add(.role(arn))
                } else {
                    add(.external(entry))
                }
            }
            for service in principal.service { add(.service(service)) }
            for provider in principal.federated {
                add(
                    .federated(provider),
                    provider.contains(":saml-provider/") ? .assumeRoleWithSAML : .assumeRoleWithWebIdentity
                )
            }
        }
        return out
    }

    private func node(for caller: Caller) -> PrincipalNode {
        switch caller {
        case .role(let arn):
            return nodes[arn] ?? PrincipalNode(id: arn, kind: .role, accountID: ARN.account(of: arn), label: arn)
        case .accountRoot(let id):
            let name = inventory.accounts[id]?.name
            return PrincipalNode(
                id: caller.nodeID,
                kind: .accountRoot,
                accountID: id,
                label: "\(name ?? id) account root"
                    + (inventory.isInOrganization(id) ? "" : " (outside the organisation)")
            )
        case .service(let name):
            return PrincipalNode(id: name, kind: .service, accountID: nil, label: name)
        case .federated(let provider):
            return PrincipalNode(id: provider, kind: .federated, accountID: ARN.account(of: provider), label: provider)
        case .anyone:
            return PrincipalNode(id: "*", kind: .anyone, accountID: nil, label: "anyone (*)")
        case .external(let id):
            let account = ARN.account(of: id)
            if id.hasSuffix(":root"), let account {
                let known = inventory.accounts[account]?.name
                return PrincipalNode(
                    id: id,
                    kind: .external,
                    accountID: account,
                    label: "principals of \(known ?? account)"
                        + (known == nil ? " (outside the organisation)" : " (none in the inventory)")
                )
            }
            let deleted = id.hasPrefix("AROA") || id.hasPrefix("AIDA")
            return PrincipalNode(
                id: id,
                kind: .external,
                accountID: account,
                label: deleted ? "\(id) (a deleted principal)" : "\(id) (not in the inventory)"
            )
        }
    }

    private mutating func addNode(_ node: PrincipalNode) {
        guard numbers[node.id] == nil else { return }
        nodes[node.id] = node
        numbers[node.id] = ids.count
        ids.append(node.id)
        outgoing.append([])
        incoming.append([])
    }

    /// Both ends must be nodes already.
    private mutating func addEdge(_ edge: TrustEdge) {
        guard let from = numbers[edge.from], let to = numbers[edge.to] else { return }
        outgoing[from].append(edges.count)
        incoming[to].append(edges.count)
        ends.append((from, to))
        edges.append(edge)
    }
}
