import SwitchboardCore

/// Walks the graph for the patterns that make trust dangerous, each with its evidence.
public struct FindingsAnalyzer: Sendable {
    public let graph: TrustGraph

    public init(graph: TrustGraph) { self.graph = graph }

    /// Every finding, most severe first, then by subject: a stable order for screens and CI.
    public func findings() -> [Finding] {
        var out: [Finding] = []
        let inventory = graph.inventory
        for problem in inventory.problems {
            out.append(
                Finding(
                    rule: .unreadablePolicy,
                    severity: .medium,
                    subject: problem.origin.owner,
                    title: "A policy cannot be read, so the analysis leaves it out",
                    evidence: [problem.description]
                )
            )
        }
        let ciReach = Dictionary(
            graph.reachable(fromAny: ciPrincipals().sorted()).map { ($0.node.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        // The per-role rules read the graph only: run them on all cores, keep the role order.
        @Sendable func perRole(_ arns: ArraySlice<String>) -> [Finding] {
            var found: [Finding] = []
            for arn in arns {
                guard let role = inventory.role(arn) else { continue }
                found += trustFindings(role)
                if let admin = role.allowsEverything(), let reach = ciReach[arn] {
                    found.append(
                        Finding(
                            rule: .adminReachableFromCI,
                            severity: .high,
                            subject: arn,
                            title: "\(label(role)) has admin-equivalent permissions and CI can reach it",
                            evidence: [admin.reference + ": Allow * on *", describe(reach.path)]
                        )
                    )
                }
                found += rewriteFindings(role, flaggedAsAdmin: role.allowsEverything() != nil && ciReach[arn] != nil)
                if let finding = longSessionFinding(role) { found.append(finding) }
            }
            return found
        }
        out += Parallel.map(inventory.roleARNs, minimumChunk: 512, perRole)
        out += nodeRoleBypass()
        out += productionReach()
        return out.sorted {
            if $0.severity != $1.severity { return $0.severity > $1.severity }
            if $0.rule != $1.rule { return $0.rule.rawValue < $1.rule.rawValue }
            return $0.subject < $1.subject
        }
    }

    // MARK: - Rules

    private func trustFindings(_ role: ParsedRole) -> [Finding] {
        var out: [Finding] = []
        let inventory = graph.inventory
        for statement in role.trust.statements where statement.effect == .allow {
            // An Allow with NotPrincipal admits everyone not listed: as open as "*".
            let open = statement.principal?.isAnyone ?? (statement.notPrincipal != nil)
            if open && !statement.conditions.contains(where: \.isGuard) {
                out.append(
                    Finding(
                        rule: .wildcardPrincipal,
                        severity: .critical,
                        subject: role.arn,
                        title: "\(label(role)) trusts anyone (\"*\") without a condition that could refuse them",
                        evidence: [statement.reference]
                            + statement.conditions.map { "permissive: \($0) holds when the key is absent" }
                    )
                )
            }
            guard let principal = statement.principal else { continue }
            for entry in principal.aws where entry != "*" {
                let account: String?
                if entry.count == 12 && entry.allSatisfy(\.isNumber) {
                    account = entry
                } else if entry.hasSuffix(":root") {
                    account = ARN.account(of: entry)
                } else {
                    account = nil
                }
                let entryAccount = account ?? ARN.account(of: entry)
                if let account {
                    let users = graph.edges(to: role.arn).filter {
                        ARN.account(of: $0.from) == account && graph.nodes[$0.from]?.kind == .role
                    }.map { "can use it: \(ARN.name(of: $0.from))" + (($0.isConditional) ? " (conditions apply)" : "") }
                    out.append(
                        Finding(
                            rule: .accountRootTrust,
                            severity: .medium,
                            subject: role.arn,
                            title: "\(label(role)) trusts the whole account \(name(account)), not one role",
                            evidence: [statement.reference]
                                + (users.isEmpty ? ["no role in that account is allowed to use it today"] : users)
                        )
                    )
                }
                if let entryAccount, !inventory.isInOrganization(entryAccount), !inventory.accounts.isEmpty {
                    let guarded = statement.conditions.contains {
                        $0.isGuard
                            && ["sts:externalid", "aws:principalorgid", "aws:principalorgpaths"]
                                .contains($0.key.lowercased())
                    }
                    if !guarded {
                        out.append(
                            Finding(
                                rule: .externalTrustWithoutGuard,
                                severity: .high,
                                subject: role.arn,
                                title: "\(label(role)) trusts \(entry) outside the organisation without "
                                    + "an ExternalId or PrincipalOrgID condition",
                                evidence: [statement.reference]
                            )
                        )
                    }
                }
            }
        }
        return out
    }

    /// A role whose permissions let it rewrite other roles' trust. An admin-equivalent role already reported
    /// as reachable from CI is not reported twice; an explicit Deny takes the permission away.
    private func rewriteFindings(_ role: ParsedRole, flaggedAsAdmin: Bool) -> [Finding] {
        let all = role.identity.flatMap(\.statements) + (role.boundary?.statements ?? [])
        let statements = role.identity.flatMap(\.statements).filter {
            $0.effect == .allow && $0.covers(action: "iam:UpdateAssumeRolePolicy")
                && !(flaggedAsAdmin && $0 === role.adminStatement)
        }
        guard !statements.isEmpty else { return [] }
        let denies = all.filter { $0.effect == .deny && $0.covers(action: "iam:UpdateAssumeRolePolicy") }
        let boundary = role.boundary?.statements.filter {
            $0.effect == .allow && $0.covers(action: "iam:UpdateAssumeRolePolicy")
        }
        let others = graph.inventory.roleARNs.filter { other in
            other != role.arn && statements.contains { $0.covers(resource: other) }
                && !denies.contains { $0.covers(resource: other) && $0.conditions.isEmpty }
                && (boundary.map { allows in allows.contains { $0.covers(resource: other) } } ?? true)
        }
        guard !others.isEmpty else { return [] }
        let shown = others.prefix(5).map { "can rewrite the trust of \($0)" }
        return [
            Finding(
                rule: .trustRewrite,
                severity: .high,
                subject: role.arn,
                title: "\(label(role)) can rewrite the trust policy of \(others.count) other role"
                    + (others.count == 1 ? "" : "s"),
                evidence: statements.map(\.reference) + shown
                    + (others.count > 5 ? ["… and \(others.count - 5) more"] : [])
            )
        ]
    }

    private func longSessionFinding(_ role: ParsedRole) -> Finding? {
        guard role.role.maxSessionDuration > 3600 else { return nil }
        // A trust naming the account (or anyone) admits IAM users too, whose sessions are not chained.
        let ownAccount = [role.accountID, "arn:aws:iam::\(role.accountID):root"]
        let admitsUsers = role.trust.statements.contains { statement in
            guard statement.effect == .allow, let principal = statement.principal else { return false }
            return principal.isAnyone || principal.aws.contains { ownAccount.contains($0) }
        }
        guard !admitsUsers else { return nil }
        let incoming = graph.edges(to: role.arn).filter { $0.kind == .assumeRole }
        guard !incoming.isEmpty,
            incoming.allSatisfy({ graph.nodes[$0.from]?.kind == .role })
        else { return nil }
        return Finding(
            rule: .longSessionOnlyChained,
            severity: .low,
            subject: role.arn,
            title: "\(label(role)) allows \(role.role.maxSessionDuration / 3600)h sessions, but only roles "
                + "reach it, and role chaining caps sessions at 1h",
            evidence: incoming.prefix(5).map { "assumed by \(ARN.name(of: $0.from)) (role chaining)" }
        )
    }

    /// Node roles are instance roles: bound to an instance profile or trusting ec2.amazonaws.com. Reaching a
    /// deploy role directly means every pod on the node could deploy (the kube2iam bypass).
    private func nodeRoleBypass() -> [Finding] {
        let inventory = graph.inventory
        var nodeRoles = Set(inventory.bindings.filter { $0.kind == .instanceProfile }.map(\.roleARN))
        for edge in graph.edges(from: "ec2.amazonaws.com") { nodeRoles.insert(edge.to) }
        let podRoles = Set(inventory.bindings.filter { $0.kind == .kube2iam }.map(\.roleARN))
        var out: [Finding] = []
        for nodeRole in nodeRoles.sorted() {
            for edge in graph.edges(from: nodeRole) where !podRoles.contains(edge.to) {
                guard let target = inventory.role(edge.to), isDeployRole(target) else { continue }
                out.append(
                    Finding(
                        rule: .nodeRoleBypass,
                        severity: .critical,
                        subject: nodeRole,
                        title: "Node role \(ARN.name(of: nodeRole)) can assume \(label(target)) directly: "
                            + "any pod on the node could deploy, kube2iam or not",
                        evidence: [edge.decision.trustStatement, edge.decision.identityStatement].compactMap { $0 }
                    )
                )
            }
        }
        return out
    }

    /// Principals in non-production accounts that reach roles in production accounts.
    private func productionReach() -> [Finding] {
        let inventory = graph.inventory
        let accounts = inventory.accounts.values.sorted { $0.id < $1.id }
        let roles = { (environment: Environment) in
            accounts.filter { $0.environment == environment }.flatMap { inventory.rolesByAccount[$0.id] ?? [] }
        }
        // One reverse search finds which non-production roles reach production at all; only those get a
        // search of their own.
        var out: [Finding] = []
        for arn in graph.reaching(anyOf: roles(.production), among: roles(.nonProduction)) {
            guard let role = inventory.role(arn) else { continue }
            let reached = graph.reachable(from: arn).filter {
                guard let account = $0.node.accountID else { return false }
                return $0.node.kind == .role && inventory.accounts[account]?.environment == .production
            }
            for reach in reached.prefix(3) {
                out.append(
                    Finding(
                        rule: .nonProductionReachesProduction,
                        severity: .high,
                        subject: arn,
                        title: "\(label(role)) in \(name(role.accountID)) (non-production) reaches "
                            + "\(reach.node.label) in production",
                        evidence: [describe(reach.path)]
                    )
                )
            }
        }
        return out
    }

    // MARK: - Helpers

    /// CI entry points: kube2iam pools, ECS task definitions, instance profiles, and the ECS tasks service.
    func ciPrincipals() -> Set<String> {
        var ids = Set(graph.nodes.values.filter { $0.kind == .compute }.map(\.id))
        if graph.nodes["ecs-tasks.amazonaws.com"] != nil { ids.insert("ecs-tasks.amazonaws.com") }
        return ids
    }

    /// A role that deploys: named as the seeds name them, or with admin-equivalent permissions.
    func isDeployRole(_ role: ParsedRole) -> Bool {
        let name = role.role.name.lowercased()
        return name == "deploy-role" || name == "delegated-role" || role.allowsEverything() != nil
    }

    /// `deploy-role in production`: role names repeat across accounts.
    private func label(_ role: ParsedRole) -> String {
        "\(role.role.qualifiedName) in \(graph.inventory.accounts[role.accountID]?.name ?? role.accountID)"
    }

    private func name(_ account: String) -> String {
        graph.inventory.accounts[account].map { "\($0.name) (\(account))" } ?? account
    }

    func describe(_ path: [TrustEdge]) -> String {
        guard let first = path.first else { return "" }
        let labels = [graph.nodes[first.from]?.label ?? first.from] + path.map { graph.nodes[$0.to]?.label ?? $0.to }
        return "path: " + labels.joined(separator: " → ")
    }
}
