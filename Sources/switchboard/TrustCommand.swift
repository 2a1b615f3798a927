import ArgumentParser
import DemoBackend
import Foundation
import SwitchboardCore
import TrustAnalysis

/// `switchboard trust`: who can assume what, through which hops, and why not.
struct TrustCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Trust chains: what a principal reaches, who reaches a role, why an edge exists or not, findings.",
        discussion: """
            Principals are role ARNs, role names (deploy-role), path names (cicd/delegated-role), ACCOUNT/ROLE with \
            the account's name or id (production/deploy-role), services (ecs-tasks.amazonaws.com) or compute \
            (kube2iam:small).

            Exit status: 0 done; 1 with --fail-on, when a finding is at or above that severity; 2 bad input \
            (an unknown or ambiguous principal, a bad flag, a bad config).
            """
    )

    @OptionGroup var estate: EstateOptions

    @Option(name: .long, help: "Everything this principal can become, with the shortest paths.")
    var from: String?

    @Option(name: .long, help: "Everyone who can become this role.")
    var to: String?

    @Option(name: .long, parsing: .upToNextOption, help: "FROM TO: the decision list for one edge, step by step.")
    var explain: [String] = []

    @Flag(name: .long, help: "Every finding, most severe first.")
    var findings = false

    @Option(name: .long, help: "text, json or dot.")
    var format: String = "text"

    @Option(name: .long, help: "With --findings: exit 1 when a finding is at or above info|low|medium|high|critical.")
    var failOn: String?

    func validate() throws {
        let modes = [from != nil, to != nil, !explain.isEmpty, findings].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("give exactly one of --from, --to, --explain FROM TO, --findings")
        }
        guard explain.isEmpty || explain.count == 2 else {
            throw ValidationError("--explain takes two principals: FROM TO")
        }
        guard ["text", "json", "dot"].contains(format) else {
            throw ValidationError("--format \(format): use text, json or dot")
        }
        if let failOn, Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on \(failOn): use info, low, medium, high or critical")
        }
        if failOn != nil && !findings { throw ValidationError("--fail-on goes with --findings") }
    }

    func run() async throws {
        let clock = ManualClock(DemoBackend.epoch)
        let registry = estate.registry(clock: clock)
        let built = try registry.makeEstate(try estate.loadConfig(registry: registry))
        guard let identity = built.identity else {
            throw UsageError("no backend in this estate offers an identity inventory (roles and policies)")
        }
        let graph = TrustGraph(
            identity: try await identity.identityInventory(),
            organization: try await built.organization?.organization()
        )
        let resolver = PrincipalResolver(graph: graph)
        func resolve(_ text: String) throws -> String {
            do { return try resolver.resolve(text) } catch { throw UsageError(error.description) }
        }
        if let from {
            let id = try resolve(from)
            report(graph.reachable(from: id), title: "\(graph.nodes[id]?.label ?? id) (\(id)) can become", graph: graph)
        } else if let to {
            let id = try resolve(to)
            report(
                graph.reaching(to: id),
                title: "\(graph.nodes[id]?.label ?? id) (\(id)) can be reached by",
                graph: graph
            )
        } else if explain.count == 2 {
            let source = try resolve(explain[0])
            let target = try resolve(explain[1])
            guard let decision = graph.explain(from: source, to: target) else {
                throw UsageError("\(explain[1]) is not a role in the inventory; only roles can be assumed")
            }
            switch format {
            case "json": try printJSON(ExplainJSON(from: source, to: target, decision: decision))
            case "dot": print(TrustText.dot(graph.edges(from: source).filter { $0.to == target }, graph: graph))
            default: print(TrustText.explanation(decision, from: source, to: target).joined(separator: "\n"))
            }
        } else {
            let list = FindingsAnalyzer(graph: graph).findings()
            switch format {
            case "json": try printJSON(list)
            case "dot": print(TrustText.dot(graph.edges, graph: graph, highlight: Set(list.map(\.subject))))
            default:
                if !graph.inventory.problems.isEmpty {
                    print(
                        "\(graph.inventory.problems.count) policy document(s) could not be read; see unreadable-policy"
                    )
                }
                print(list.isEmpty ? "No findings." : list.flatMap(TrustText.finding).joined(separator: "\n"))
            }
            if let failOn, let threshold = Severity(rawValue: failOn),
                list.contains(where: { $0.severity >= threshold })
            {
                throw ExitCode(1)
            }
        }
    }

    private func report(_ reaches: [TrustGraph.Reach], title: String, graph: TrustGraph) {
        switch format {
        case "json":
            try? printJSON(reaches.map { ReachJSON($0, graph: graph) })
        case "dot":
            print(TrustText.dot(Array(Set(reaches.flatMap(\.path))), graph: graph))
        default:
            print("\(title) \(reaches.count) principal\(reaches.count == 1 ? "" : "s"):")
            print(reaches.flatMap { TrustText.reach($0, graph: graph) }.joined(separator: "\n"))
        }
    }

    private func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value))
        print()
    }
}

private struct ReachJSON: Encodable {
    struct Hop: Encodable {
        var from: String
        var to: String
        var kind: String
        var verdict: String
        var requirements: [String]
        var notes: [String]
        var trustStatement: String?
        var identityStatement: String?
    }
    var id: String
    var kind: String
    var label: String
    var hops: [Hop]

    init(_ reach: TrustGraph.Reach, graph: TrustGraph) {
        id = reach.node.id
        kind = reach.node.kind.rawValue
        label = reach.node.label
        hops = reach.path.map {
            Hop(
                from: $0.from,
                to: $0.to,
                kind: $0.kind.rawValue,
                verdict: $0.decision.verdict.rawValue,
                requirements: $0.decision.requirements.map(\.description),
                notes: $0.decision.notes,
                trustStatement: $0.decision.trustStatement,
                identityStatement: $0.decision.identityStatement
            )
        }
    }
}

private struct ExplainJSON: Encodable {
    var from: String
    var to: String
    var verdict: String
    var steps: [DecisionStep]
    var requirements: [String]
    var notes: [String]

    init(from: String, to: String, decision: AssumeDecision) {
        self.from = from
        self.to = to
        verdict = decision.verdict.rawValue
        steps = decision.steps
        requirements = decision.requirements.map(\.description)
        notes = decision.notes
    }
}
