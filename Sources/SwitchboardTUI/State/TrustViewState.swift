import SwitchboardCore
import TUICore
import TrustAnalysis

/// A row of the Trust screen: a finding, a principal reached (or reaching), or one hop of its chain.
public enum TrustRow: Sendable {
    case finding(Finding)
    case reach(TrustGraph.Reach)
    case hop(TrustEdge, number: Int)
}

/// The Trust screen: the graph built from the identity inventory, its findings, and what is in focus.
public struct TrustViewState: Sendable {
    public enum Direction: String, Sendable, Hashable {
        /// What the principal can become.
        case from
        /// Who can become the principal.
        case to
    }

    public enum Focus: Sendable, Hashable {
        case findings
        case principal(String, Direction)
    }

    public enum Order: String, Sendable, CaseIterable {
        case severity, rule, subject
    }

    public var graph: TrustGraph?
    /// The inventory changed since the graph was built. The graph is built when first needed (the Trust
    /// screen, `t`, `:from`): a console that never looks at trust never pays for it.
    public var needsRebuild = false
    public var findings: [Finding] = []
    public var focus: Focus = .findings
    /// Where Esc goes back to.
    public var history: [Focus] = []
    public var order: Order = .severity
    public var list = TreeListState()
    public var rows: [TrustRow] = []
    /// The decision list shown over the screen by `e`.
    public var explanation: [String]?

    public var selectedRow: TrustRow? { list.selectedIndex.map { rows[$0] } }

    /// Rebuilds the rows for the focus: findings in the chosen order, or reaches with their hops below them.
    mutating func rebuildRows(height: Int) {
        var model = TreeModel()
        var rows: [TrustRow] = []
        switch focus {
        case .findings:
            for finding in ordered(findings) {
                model.append(
                    id: "finding:" + finding.id,
                    parent: nil,
                    searchText: [finding.severity.rawValue, finding.rule.rawValue, finding.title, finding.subject]
                        .joined(separator: " ")
                )
                rows.append(.finding(finding))
            }
        case .principal(let id, let direction):
            guard let graph else { break }
            let reaches = direction == .from ? graph.reachable(from: id) : graph.reaching(to: id)
            for reach in reaches {
                let parent = model.append(
                    id: "reach:" + reach.node.id,
                    parent: nil,
                    searchText: reach.node.label + " " + reach.node.id
                )
                rows.append(.reach(reach))
                for (number, edge) in reach.path.enumerated() {
                    model.append(
                        id: "hop:\(reach.node.id):\(number)",
                        parent: parent,
                        searchText: edge.from + " " + edge.to + " " + edge.kind.rawValue
                    )
                    rows.append(.hop(edge, number: number + 1))
                }
            }
        }
        self.rows = rows
        list.replace(model, height: height)
        if list.count == 0 || list.scroll.selected >= list.count { list.moveToStart(height: height) }
    }

    func ordered(_ findings: [Finding]) -> [Finding] {
        switch order {
        case .severity: return findings
        case .rule: return findings.sorted { ($0.rule.rawValue, $0.subject) < ($1.rule.rawValue, $1.subject) }
        case .subject: return findings.sorted { ($0.subject, $0.rule.rawValue) < ($1.subject, $1.rule.rawValue) }
        }
    }
}
