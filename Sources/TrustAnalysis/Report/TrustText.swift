import Foundation

/// Plain-text renderings shared by `switchboard trust` and the Trust screen.
public enum TrustText {
    public static func verdictWord(_ verdict: AssumeDecision.Verdict) -> String {
        switch verdict {
        case .allowed: return "ALLOWED"
        case .conditional: return "ALLOWED IF"
        case .denied: return "DENIED"
        }
    }

    public static func outcomeWord(_ outcome: DecisionStep.Outcome) -> String {
        switch outcome {
        case .pass: return "pass"
        case .fail: return "FAIL"
        case .depends: return "if"
        case .skip: return "n/a"
        }
    }

    /// The decision list, one line per step, then what the edge still requires.
    public static func explanation(_ decision: AssumeDecision, from: String, to: String) -> [String] {
        var lines = ["\(from) → \(to): \(verdictWord(decision.verdict))"]
        for step in decision.steps {
            var line =
                "  \(step.rule)  \(outcomeWord(step.outcome).padding(toLength: 4, withPad: " ", startingAt: 0))  "
                + step.detail
            if let statement = step.statement { line += "  [\(statement)]" }
            lines.append(line)
        }
        for requirement in decision.requirements { lines.append("  needs: \(requirement)  [\(requirement.statement)]") }
        for note in decision.notes { lines.append("  note: \(note)") }
        return lines
    }

    /// `a → b → c` with labels.
    public static func path(_ path: [TrustEdge], graph: TrustGraph) -> String {
        guard let first = path.first else { return "" }
        let labels = [graph.nodes[first.from]?.label ?? first.from] + path.map { graph.nodes[$0.to]?.label ?? $0.to }
        return labels.joined(separator: " → ")
    }

    /// One reached principal: hops, label, id, path and requirements.
    public static func reach(_ reach: TrustGraph.Reach, graph: TrustGraph) -> [String] {
        var lines = [
            "  \(reach.path.count) hop\(reach.path.count == 1 ? " " : "s")  \(reach.node.label)  (\(reach.node.id))"
        ]
        lines.append("          via \(path(reach.path, graph: graph))")
        for requirement in reach.requirements { lines.append("          needs \(requirement)") }
        for note in reach.path.flatMap(\.decision.notes) { lines.append("          note: \(note)") }
        return lines
    }

    public static func finding(_ finding: Finding) -> [String] {
        [
            "\(finding.severity.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)) "
                + "\(finding.rule.rawValue)  \(finding.title)"
        ]
            + finding.evidence.map { "           \($0)" }
    }

    /// Graphviz: nodes by kind, edges by kind, conditional edges dashed, `highlight` nodes bold.
    public static func dot(_ edges: [TrustEdge], graph: TrustGraph, highlight: Set<String> = []) -> String {
        var ids = Set<String>()
        for edge in edges {
            ids.insert(edge.from)
            ids.insert(edge.to)
        }
        var out = ["digraph trust {", "  rankdir=LR;", "  node [shape=box, fontname=\"monospace\"];"]
        for id in ids.sorted() {
            let node = graph.nodes[id]
            let shape: String
            switch node?.kind {
            case .service, .federated: shape = "ellipse"
            case .compute: shape = "component"
            case .external, .anyone: shape = "octagon"
            default: shape = "box"
            }
            let bold = highlight.contains(id) ? ", style=bold, color=red" : ""
            out.append("  \(quote(id)) [label=\(quote(node?.label ?? id)), shape=\(shape)\(bold)];")
        }
        for edge in edges {
            let style = edge.isConditional ? ", style=dashed" : ""
            out.append("  \(quote(edge.from)) -> \(quote(edge.to)) [label=\(quote(edge.kind.rawValue))\(style)];")
        }
        out.append("}")
        return out.joined(separator: "\n")
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
