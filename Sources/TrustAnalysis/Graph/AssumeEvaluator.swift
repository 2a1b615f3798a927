import SwitchboardCore

/// Decides "may this caller assume that role?" with the decision list of IAM's evaluation logic: explicit
/// deny anywhere (D1), the SCP gate (D2), the trust policy (D4), the caller's identity policy and permissions
/// boundary across accounts (D5), and the same-account exception (D6). Conditions the inventory cannot decide
/// become requirements; they never silently grant or delete an edge.
public struct AssumeEvaluator: Sendable {
    public let inventory: TrustInventory

    public init(inventory: TrustInventory) { self.inventory = inventory }

    public func decide(
        _ caller: Caller,
        _ target: ParsedRole,
        action: String = "sts:AssumeRole",
        trace: Bool = false
    ) -> AssumeDecision {
        var run = Run(trace: trace)
        let callerRole = caller.roleARN.flatMap { inventory.role($0) }
        let accountID = self.accountID(of: caller)
        // Built only when a statement has conditions: most have none.
        lazy var context = self.context(for: caller, accountID: accountID)
        func conditions(_ statement: Statement) -> ConditionOutcome {
            statement.conditions.isEmpty ? .holds : ConditionEvaluator.evaluate(statement.conditions, in: context)
        }
        func best(_ statements: [Statement]) -> (Statement, [ConditionClause])? {
            var candidate: (Statement, [ConditionClause])?
            for statement in statements {
                switch conditions(statement) {
                case .holds: return (statement, [])
                case .depends(let clauses):
                    // Fewest open conditions, then by their text: the same choice whatever the statement order.
                    let better =
                        candidate.map {
                            clauses.count != $0.1.count
                                ? clauses.count < $0.1.count
                                : clauses.map(\.description).joined() < $0.1.map(\.description).joined()
                        } ?? true
                    if better { candidate = (statement, clauses) }
                case .fails: continue
                }
            }
            return candidate
        }
        run.step("D0", .pass, describe(caller, role: callerRole, accountID: accountID))
        if case .accountRoot = caller {
            run.deny(
                "D0",
                "the root user cannot call \(action); a trust naming the account delegates to its IAM "
                    + "principals instead",
                nil
            )
            return run.finish()
        }
        let matchOf = { (statement: Statement) in
            statement.principalMatch(
                caller,
                accountID: accountID,
                roleID: callerRole?.role.roleID,
                roleName: callerRole?.role.name
            )
        }

        // D1: an explicit Deny anywhere decides.
        var denies: [Statement] = target.trust.statements.filter {
            $0.effect == .deny && $0.covers(action: action) && matchOf($0) != .none
        }
        if let callerRole {
            denies += callerRole.identity.flatMap(\.statements).filter {
                $0.effect == .deny && $0.covers(action: action) && $0.covers(resource: target.arn)
            }
            denies += (callerRole.boundary?.statements ?? []).filter {
                $0.effect == .deny && $0.covers(action: action) && $0.covers(resource: target.arn)
            }
        }
        let scpLevels = scpLevels(for: caller, accountID: accountID)
        denies += scpLevels.flatMap(\.statements).filter {
            $0.effect == .deny && $0.covers(action: action) && $0.covers(resource: target.arn)
        }
        var anyDeny = false
        for statement in denies {
            switch conditions(statement) {
            case .holds:
                anyDeny = true
                run.deny("D1", "explicitly denied", statement.reference)
            case .depends(let clauses):
                anyDeny = true
                run.require(clauses, mustNotHold: true, statement: statement.reference)
                run.step(
                    "D1",
                    .depends,
                    "denied if " + clauses.map(\.description).joined(separator: " and "),
                    statement.reference
                )
            case .fails(let clause):
                run.step("D1", .skip, "Deny does not apply: \(clause) is false", statement.reference)
            }
        }
        if !anyDeny { run.step("D1", .pass, "no Deny statement applies") }

        // D2: every level of a member account's OU path needs an SCP that allows the call.
        if scpLevels.isEmpty {
            run.step("D2", .skip, scpSkipReason(caller, accountID: accountID))
        }
        for level in scpLevels {
            let allows = level.statements.filter {
                $0.effect == .allow && $0.covers(action: action) && $0.covers(resource: target.arn)
            }
            if let (statement, clauses) = best(allows) {
                if clauses.isEmpty {
                    run.step("D2", .pass, "allowed by the SCPs at \(level.level)", statement.reference)
                } else {
                    run.require(clauses, mustNotHold: false, statement: statement.reference)
                    run.step("D2", .depends, "SCPs at \(level.level) allow it if conditions hold", statement.reference)
                }
            } else {
                run.deny("D2", "no SCP attached at \(level.level) allows \(action)", nil)
            }
        }

        // D4: the trust policy must admit the caller, even in the same account. Each admitting statement is an
        // option; one that names a same-account role exactly needs no identity permission (D6), the others do
        // (D5). The best option wins whatever the order of statements: allowed, then fewest requirements.
        let admitting = target.trust.statements.filter {
            $0.effect == .allow && $0.covers(action: action) && matchOf($0) != .none
        }
        let identityAllow: (Statement, [ConditionClause])? = callerRole.flatMap { role in
            best(
                role.assumeStatements.filter {
                    $0.effect == .allow && $0.covers(action: action) && $0.covers(resource: target.arn)
                }
            )
        }
        struct Option {
            var statement: Statement
            var match: PrincipalMatch
            var trustClauses: [ConditionClause]
            var needsIdentity: Bool
            var cost: Int
        }
        var options: [Option] = []
        var failedClause: (Statement, ConditionClause)?
        for statement in admitting {
            let clauses: [ConditionClause]
            switch conditions(statement) {
            case .holds: clauses = []
            case .depends(let pending): clauses = pending
            case .fails(let clause):
                failedClause = failedClause ?? (statement, clause)
                continue
            }
            let match = matchOf(statement)
            let needsIdentity: Bool
            if let callerRole {
                needsIdentity = !(callerRole.accountID == target.accountID && match == .exact)
            } else {
                needsIdentity = false
            }
            if needsIdentity && identityAllow == nil && callerRole != nil {
                options.append(
                    Option(
                        statement: statement,
                        match: match,
                        trustClauses: clauses,
                        needsIdentity: true,
                        cost: Int.max
                    )
                )
            } else {
                let extra = needsIdentity ? identityAllow?.1.count ?? 0 : 0
                options.append(
                    Option(
                        statement: statement,
                        match: match,
                        trustClauses: clauses,
                        needsIdentity: needsIdentity,
                        cost: clauses.count + extra
                    )
                )
            }
        }
        let chosen = options.min { x, y in
            if x.cost != y.cost { return x.cost < y.cost }
            if x.match != y.match { return x.match > y.match }
            return x.trustClauses.map(\.description).joined() < y.trustClauses.map(\.description).joined()
        }
        if let chosen {
            let statement = chosen.statement
            run.decision.admittedBy = statement
            if chosen.trustClauses.isEmpty {
                run.step("D4", .pass, "the trust policy admits it (\(chosen.match.phrase))", statement.reference)
            } else {
                run.require(chosen.trustClauses, mustNotHold: false, statement: statement.reference)
                run.step(
                    "D4",
                    .depends,
                    "the trust policy admits it (\(chosen.match.phrase)) if conditions hold",
                    statement.reference
                )
            }
        } else if let (statement, clause) = failedClause {
            run.deny("D4", "the trust policy names it but \(clause) is false", statement.reference)
        } else {
            run.deny("D4", "the trust policy of \(target.role.name) does not name \(caller.nodeID)", nil)
        }

        // D5 and D6: the caller's own permissions.
        switch caller {
        case .role:
            guard let callerRole else { break }
            let rule = callerRole.accountID == target.accountID ? "D6" : "D5"
            if let chosen, !chosen.needsIdentity {
                run.step("D6", .pass, "same account and the trust names this role: no identity permission needed")
            } else if let (statement, clauses) = identityAllow {
                run.decision.permittedBy = statement
                run.require(clauses, mustNotHold: false, statement: statement.reference)
                run.step(
                    rule,
                    clauses.isEmpty ? .pass : .depends,
                    "the caller's identity policy allows it",
                    statement.reference
                )
            } else {
                run.deny(rule, "no identity policy of \(callerRole.role.name) allows \(action) on \(target.arn)", nil)
            }
            if let boundary = callerRole.boundary {
                let allows = boundary.statements.filter {
                    $0.effect == .allow && $0.covers(action: action) && $0.covers(resource: target.arn)
                }
                if let (statement, clauses) = best(allows) {
                    run.require(clauses, mustNotHold: false, statement: statement.reference)
                    run.step("D5", .pass, "the permissions boundary allows it", statement.reference)
                } else {
                    run.deny("D5", "the permissions boundary does not allow \(action)", boundary.origin.description)
                }
            }
        case .accountRoot:
            run.step("D5", .skip, "the root user needs no identity policy")
        case .service, .federated:
            run.step("D5", .skip, "a service or federated principal needs no identity policy")
        case .anyone:
            run.note("any principal whose own policies allow \(action) on this role")
        case .external(let id):
            run.note("\(id) is not in the inventory: its own policies cannot be checked")
            if let accountID, !inventory.isInOrganization(accountID), !inventory.accounts.isEmpty {
                run.note("account \(accountID) is outside the organisation")
            }
        }
        return run.finish()
    }

    // MARK: - Parts

    private func accountID(of caller: Caller) -> String? {
        switch caller {
        case .role(let arn): return inventory.role(arn)?.accountID ?? ARN.account(of: arn)
        case .accountRoot(let id): return id
        case .external(let id): return ARN.account(of: id) ?? (id.count == 12 && id.allSatisfy(\.isNumber) ? id : nil)
        case .service, .federated, .anyone: return nil
        }
    }

    /// What is known about the request when this caller makes it; everything else stays undecided.
    func context(for caller: Caller, accountID: String?) -> RequestContext {
        var context = RequestContext()
        switch caller {
        case .role(let arn):
            context.set("aws:PrincipalArn", [arn])
            context.set("aws:PrincipalType", ["AssumedRole"])
            context.set("aws:PrincipalIsAWSService", ["false"])
        case .external:
            // Someone the inventory does not know: only the account is certain, everything else stays open.
            break
        case .accountRoot(let id):
            context.set("aws:PrincipalArn", ["arn:aws:iam::\(id):root"])
            context.set("aws:PrincipalType", ["Account"])
            context.set("aws:PrincipalIsAWSService", ["false"])
        case .service(let name):
            context.set("aws:PrincipalServiceName", [name])
            context.set("aws:PrincipalIsAWSService", ["true"])
        case .federated, .anyone:
            break
        }
        if let accountID {
            context.set("aws:PrincipalAccount", [accountID])
            if let org = inventory.organizationID, inventory.isInOrganization(accountID) {
                context.set("aws:PrincipalOrgID", [org])
            }
        }
        return context
    }

    private func scpLevels(for caller: Caller, accountID: String?) -> [(level: String, statements: [Statement])] {
        switch caller {
        case .role, .accountRoot:
            guard let accountID, inventory.scpsApply(to: accountID) else { return [] }
            return inventory.scpLevels[accountID] ?? []
        default:
            return []
        }
    }

    private func scpSkipReason(_ caller: Caller, accountID: String?) -> String {
        guard let accountID else { return "SCPs do not apply to this kind of principal" }
        if accountID == inventory.managementAccountID { return "SCPs do not apply in the management account" }
        if !inventory.isInOrganization(accountID) { return "account \(accountID) is outside the organisation" }
        return "no SCPs attached on the path of account \(accountID)"
    }

    private func describe(_ caller: Caller, role: ParsedRole?, accountID: String?) -> String {
        switch caller {
        case .role(let arn): return "caller: a session of role \(arn)" + (role == nil ? " (not in the inventory)" : "")
        case .accountRoot(let id): return "caller: the root user of account \(id)"
        case .service(let name): return "caller: the AWS service \(name)"
        case .federated(let provider): return "caller: a federated identity from \(provider)"
        case .anyone: return "caller: anyone"
        case .external(let id): return "caller: \(id), which the inventory does not know"
        }
    }
}

extension Caller {
    var roleARN: String? {
        if case .role(let arn) = self { return arn }
        return nil
    }
}

extension PrincipalMatch {
    var phrase: String {
        switch self {
        case .exact: return "by name"
        case .account: return "through its account"
        case .anyone: return "as anyone"
        case .none: return "not at all"
        }
    }
}

/// Collects the decision as the evaluator walks the list.
private struct Run {
    let trace: Bool
    var decision = AssumeDecision()
    var denied = false

    /// Records a step when tracing; the texts are only built then.
    mutating func step(
        _ rule: String,
        _ outcome: DecisionStep.Outcome,
        _ detail: @autoclosure () -> String,
        _ statement: @autoclosure () -> String? = nil
    ) {
        if trace {
            decision.steps.append(DecisionStep(rule: rule, outcome: outcome, detail: detail(), statement: statement()))
        }
    }

    mutating func deny(_ rule: String, _ detail: @autoclosure () -> String, _ statement: @autoclosure () -> String?) {
        denied = true
        step(rule, .fail, detail(), statement())
    }

    mutating func require(_ clauses: [ConditionClause], mustNotHold: Bool, statement: String) {
        decision.requirements += clauses.map { Requirement(clause: $0, mustNotHold: mustNotHold, statement: statement) }
    }

    mutating func note(_ text: String) {
        decision.notes.append(text)
        step("D5", .depends, text)
    }

    mutating func finish() -> AssumeDecision {
        if denied {
            decision.verdict = .denied
        } else if !decision.requirements.isEmpty || !decision.notes.isEmpty {
            decision.verdict = .conditional
        } else {
            decision.verdict = .allowed
        }
        return decision
    }
}
