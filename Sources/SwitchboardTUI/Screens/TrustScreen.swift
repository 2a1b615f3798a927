import SwitchboardCore
import TUICore
import TrustAnalysis

/// Findings, or a principal's chains as a tree of hops, with the evidence of the selected row beside them.
extension Frame {
    mutating func drawTrust(_ body: Rect) {
        let columns = Layout.horizontal([.percentage(55), .fill(1)], in: body)
        let trust = state.trust
        let list = trust.list
        guard let graph = trust.graph else {
            let inner = panel("Trust", feed: .identity, in: body)
            return placeholder(for: .identity, in: inner)
        }
        let title: String
        switch trust.focus {
        case .findings:
            title = "Findings (\(trust.findings.count)) · by \(trust.order.rawValue)"
        case .principal(let id, let direction):
            let label = graph.nodes[id]?.label ?? id
            title = direction == .from ? "\(label) can become" : "Who can become \(label)"
        }
        let inner = panel(
            title,
            feed: .identity,
            in: columns[0],
            trailing: [Span("\(list.count) rows", style: theme.dim)]
        )
        let rows = trust.rows
        let theme = self.theme
        let frame = self
        if list.count == 0 {
            let empty = trust.focus == .findings ? "No findings." : "No principal on either side of this one."
            buffer.write(empty, x: inner.x + 1, y: inner.y, style: theme.dim)
        }
        drawList(list, columns: [Column("PRINCIPAL / FINDING", .fill(3)), Column("", .length(12))], in: inner) {
            index,
            node in
            switch rows[index] {
            case .finding(let finding):
                return [
                    Span(frame.treeLabel(node, finding.title, expanded: list.expanded)),
                    frame.severityBadge(finding.severity),
                ]
            case .reach(let reach):
                let conditional = reach.path.contains { $0.isConditional }
                return [
                    Span(frame.treeLabel(node, reach.node.label, expanded: list.expanded), style: theme.title),
                    Span(
                        "\(reach.path.count) hop\(reach.path.count == 1 ? "" : "s")" + (conditional ? " if" : ""),
                        style: conditional ? theme.warn : theme.dim
                    ),
                ]
            case .hop(let edge, let number):
                let verdict = edge.isConditional ? "if" : "ok"
                return [
                    Span(
                        frame.treeLabel(
                            node,
                            "\(number). \(edge.kind.rawValue) → "
                                + (graph.nodes[edge.to]?.label ?? edge.to),
                            expanded: list.expanded
                        )
                    ),
                    Span(verdict, style: edge.isConditional ? theme.warn : theme.ok),
                ]
            }
        }
        drawTrustDetail(columns[1], graph: graph)
        if let explanation = trust.explanation { drawExplanation(explanation, in: body) }
    }

    func severityBadge(_ severity: Severity) -> Span {
        let style: Style
        switch severity {
        case .critical, .high: style = theme.error
        case .medium: style = theme.warn
        case .low, .info: style = theme.dim
        }
        let mark = symbols == .ascii ? "!" : "▲"
        return Span("\(severity >= .high ? mark : " ") \(severity.rawValue)", style: style)
    }

    private mutating func drawTrustDetail(_ area: Rect, graph: TrustGraph) {
        let inner = panel("Evidence", feed: nil, in: area)
        let width = max(1, inner.width - 2)
        var lines: [Line] = []
        func add(_ text: String, _ style: Style = .plain, indent: String = "") {
            for (i, part) in DisplayWidth.wrap(text, to: max(1, width - indent.count)).enumerated() {
                lines.append(Line((i == 0 ? indent : String(repeating: " ", count: indent.count)) + part, style: style))
            }
        }
        switch state.trust.selectedRow {
        case .finding(let finding)?:
            lines.append(Line([severityBadge(finding.severity), Span("  " + finding.rule.rawValue, style: theme.dim)]))
            add(finding.title, theme.title)
            add("subject: " + finding.subject, theme.dim)
            for evidence in finding.evidence { add(evidence, indent: "· ") }
        case .reach(let reach)?:
            add(reach.node.label, theme.title)
            add(reach.node.id + " (\(reach.node.kind.rawValue))", theme.dim)
            for (number, edge) in reach.path.enumerated() { describe(edge, number: number + 1, graph: graph, add: add) }
            for finding in state.trust.findings where finding.subject == reach.node.id {
                add("\(finding.severity.rawValue): \(finding.title)", theme.error, indent: "▲ ")
            }
        case .hop(let edge, let number)?:
            describe(edge, number: number, graph: graph, add: add)
        case nil:
            add("Select a row.", theme.dim)
        }
        buffer.render(Paragraph(lines), in: inner.inset(horizontal: 1, vertical: 0))
    }

    private func describe(
        _ edge: TrustEdge,
        number: Int,
        graph: TrustGraph,
        add: (String, Style, String) -> Void
    ) {
        add(
            "\(number). \(graph.nodes[edge.from]?.label ?? edge.from) → \(graph.nodes[edge.to]?.label ?? edge.to)",
            edge.isConditional ? theme.warn : theme.ok,
            ""
        )
        add(edge.kind.rawValue + (edge.isConditional ? ", if the requirements hold" : ""), theme.dim, "   ")
        if let statement = edge.decision.trustStatement { add("trust: " + statement, .plain, "   ") }
        if let statement = edge.decision.identityStatement { add("permission: " + statement, .plain, "   ") }
        for requirement in edge.decision.requirements { add(requirement.description, theme.warn, "   needs ") }
        for note in edge.decision.notes { add(note, theme.dim, "   note: ") }
    }

    private mutating func drawExplanation(_ lines: [String], in body: Rect) {
        let box = body.inset(horizontal: 2, vertical: 1)
        buffer.fill(box)
        let inner = panel("Why", feed: nil, in: box, trailing: [Span("Esc closes", style: theme.dim)])
        var wrapped: [Line] = []
        for (i, text) in lines.enumerated() {
            let style: Style = i == 0 ? theme.title : (text.contains(" FAIL ") ? theme.error : .plain)
            for part in DisplayWidth.wrap(text, to: max(1, inner.width - 2)) {
                wrapped.append(Line(part, style: style))
            }
        }
        buffer.render(Paragraph(wrapped), in: inner.inset(horizontal: 1, vertical: 0))
    }
}
