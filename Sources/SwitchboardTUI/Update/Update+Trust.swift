import Foundation
import SwitchboardCore
import TUICore
import TrustAnalysis

extension AppState {
    /// New identity or organisation data: rebuild now if the Trust screen shows, else when it is next needed.
    mutating func invalidateTrust() {
        trust.needsRebuild = true
        if screen == .trust || trust.graph != nil { rebuildTrust() }
    }

    /// Builds the graph if it is missing or out of date.
    mutating func ensureTrust() {
        if trust.graph == nil || trust.needsRebuild { rebuildTrust() }
    }

    /// Rebuilds the graph and its findings, keeping the focus.
    mutating func rebuildTrust() {
        trust.needsRebuild = false
        guard let identity else { return }
        let graph = TrustGraph(identity: identity, organization: organization)
        trust.graph = graph
        trust.findings = FindingsAnalyzer(graph: graph).findings()
        if case .principal(let id, _) = trust.focus, graph.nodes[id] == nil { trust.focus = .findings }
        // What was explained or visited may be gone from the new graph.
        trust.explanation = nil
        trust.history.removeAll { focus in
            if case .principal(let id, _) = focus { return graph.nodes[id] == nil }
            return false
        }
        trust.rebuildRows(height: listHeight)
    }

    /// Puts `focus` on the Trust screen, remembering where it was for Esc.
    mutating func focusTrust(_ focus: TrustViewState.Focus) {
        if trust.focus != focus { trust.history.append(trust.focus) }
        trust.focus = focus
        trust.list = TreeListState()
        trust.rebuildRows(height: listHeight)
    }

    /// `:from NAME` and `:to NAME`: a principal by ARN, name or ACCOUNT/ROLE.
    mutating func focusTrust(named text: String, direction: TrustViewState.Direction) {
        ensureTrust()
        guard let graph = trust.graph else {
            flash("The trust graph is not ready: the identity inventory has not loaded yet.", level: .error)
            return
        }
        do {
            let id = try PrincipalResolver(graph: graph).resolve(text.trimmingCharacters(in: .whitespaces))
            switchScreen(to: .trust)
            focusTrust(.principal(id, direction))
        } catch {
            flash(error.description, level: .error)
        }
    }

    /// `t`: the trust chains of what is selected: an account's deploy roles, a runner pool, an agent template,
    /// a finding's subject or a reached principal.
    mutating func focusTrustOnSelection() {
        ensureTrust()
        guard let graph = trust.graph else {
            flash("The trust graph is not ready: the identity inventory has not loaded yet.", level: .error)
            return
        }
        var target: TrustViewState.Focus?
        switch screen {
        case .accounts:
            if case .account(let account, _, _)? = accounts.selectedRow {
                let roles = graph.inventory.rolesByAccount[account.id] ?? []
                let deploy =
                    roles.first { ARN.name(of: $0) == "deploy-role" }
                    ?? roles.first { ARN.name(of: $0) == "delegated-role" }
                if let deploy { target = .principal(deploy, .to) }
            }
        case .runners:
            switch runners.selectedRow {
            case .pool(let pool)?: target = .principal("kube2iam:" + pool.name, .from)
            case .runner(_, let pool)?: target = .principal("kube2iam:" + pool, .from)
            case .template(let template)?: target = .principal(template.taskRoleARN, .from)
            case .agent(_, let label)?:
                if let template = runnerInventory?.agentTemplates.first(where: { $0.label == label }) {
                    target = .principal(template.taskRoleARN, .from)
                }
            default: break
            }
        case .trust:
            switch trust.selectedRow {
            case .finding(let finding)?: target = .principal(finding.subject, .to)
            case .reach(let reach)?: target = .principal(reach.node.id, .from)
            case .hop(let edge, _)?: target = .principal(edge.to, .from)
            default: break
            }
        default:
            break
        }
        guard let target else {
            flash(
                "Select an account, a runner pool, an agent template or a finding to see its trust chains.",
                level: .info
            )
            return
        }
        if case .principal(let id, _) = target, graph.nodes[id] == nil {
            flash("\(id) is not in the identity inventory.", level: .error)
            return
        }
        switchScreen(to: .trust)
        focusTrust(target)
    }

    /// Enter on the Trust screen: a finding opens its subject; a principal shows or hides its hops; a hop is
    /// explained.
    mutating func trustDrillIn() {
        switch trust.selectedRow {
        case .finding(let finding):
            guard trust.graph?.nodes[finding.subject] != nil else {
                flash("\(finding.subject) is not in the graph (its policies could not be read).", level: .info)
                return
            }
            focusTrust(.principal(finding.subject, .to))
        case .reach: trust.list.toggle(height: listHeight)
        case .hop: explainSelected()
        case nil: break
        }
    }

    /// Esc on the Trust screen: close the explanation, else go back. Returns false when there is nowhere to go.
    mutating func trustBack() -> Bool {
        if trust.explanation != nil {
            trust.explanation = nil
            return true
        }
        guard let previous = trust.history.popLast() else { return false }
        trust.focus = previous
        trust.list = TreeListState()
        trust.rebuildRows(height: listHeight)
        return true
    }

    /// `e`: the decision list of the selected hop (or the last hop to the selected principal).
    mutating func explainSelected() {
        guard let graph = trust.graph else { return }
        let edge: TrustEdge?
        switch trust.selectedRow {
        case .hop(let hop, _): edge = hop
        case .reach(let reach): edge = reach.path.last
        default: edge = nil
        }
        guard let edge else {
            flash("Select a principal or a hop to explain.", level: .info)
            return
        }
        guard let decision = graph.explain(from: edge.from, to: edge.to) else {
            trust.explanation =
                ["\(edge.from) → \(edge.to): \(edge.kind.rawValue)"]
                + edge.decision.steps.map { "  \($0.detail)" }
            return
        }
        trust.explanation = TrustText.explanation(decision, from: edge.from, to: edge.to)
    }

    /// `:explain FROM TO`: why an edge exists or does not, for any two principals.
    mutating func explain(_ names: [String]) {
        guard names.count == 2 else {
            flash("Usage: :explain FROM TO (ARNs, role names or ACCOUNT/ROLE)", level: .error)
            return
        }
        ensureTrust()
        guard let graph = trust.graph else {
            flash("The trust graph is not ready: the identity inventory has not loaded yet.", level: .error)
            return
        }
        do {
            let resolver = PrincipalResolver(graph: graph)
            let from = try resolver.resolve(names[0])
            let to = try resolver.resolve(names[1])
            guard let decision = graph.explain(from: from, to: to) else {
                flash("\(names[1]) is not a role in the inventory; only roles can be assumed.", level: .error)
                return
            }
            switchScreen(to: .trust)
            trust.explanation = TrustText.explanation(decision, from: from, to: to)
        } catch {
            flash(error.description, level: .error)
        }
    }

    /// `d`: from what the principal can become to who can become it, and back.
    mutating func toggleTrustDirection() {
        guard case .principal(let id, let direction) = trust.focus else { return }
        trust.focus = .principal(id, direction == .from ? .to : .from)
        trust.list = TreeListState()
        trust.rebuildRows(height: listHeight)
    }

    /// `s`: findings by severity, by rule, by subject.
    mutating func cycleFindingsOrder() {
        guard trust.focus == .findings else { return }
        let all = TrustViewState.Order.allCases
        trust.order = all[(all.firstIndex(of: trust.order)! + 1) % all.count]
        trust.rebuildRows(height: listHeight)
        flash("Findings sorted by \(trust.order.rawValue).", level: .info)
    }
}
