import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICore
import Testing
import TrustAnalysis

/// The Trust screen driven by keys: findings, focus from other screens, explain, direction, history.
@Suite struct TrustScreenTests {
    @Test func findingsAreListedMostSevereFirstAndSortable() async throws {
        var state = await Fixtures.state()
        #expect(state.trust.graph == nil, "the graph is built before anyone looks at it")
        try await Fixtures.press("5", &state)
        #expect(state.screen == .trust && state.trust.focus == .findings)
        #expect(state.trust.graph != nil)
        let severities = state.trust.rows.compactMap { row -> Severity? in
            if case .finding(let finding) = row { return finding.severity } else { return nil }
        }
        #expect(!severities.isEmpty && severities == severities.sorted(by: >))
        try await Fixtures.press("s", &state)
        #expect(state.trust.order == .rule)
        #expect(Fixtures.text(state).contains("Findings (\(severities.count)) · by rule"))
    }

    @Test func tOnARunnerPoolShowsWhatItsPodsCanBecome() async throws {
        var state = await Fixtures.state()
        try await Fixtures.press("3 j t", &state)
        #expect(state.screen == .trust)
        #expect(state.trust.focus == .principal("kube2iam:small", .from))
        let labels = state.trust.rows.compactMap { row -> String? in
            if case .reach(let reach) = row { return reach.node.label } else { return nil }
        }
        #expect(labels.contains("production:cicd/delegated-role"))
        try await Fixtures.press("d", &state)
        #expect(state.trust.focus == .principal("kube2iam:small", .to))
        try await Fixtures.press("Esc", &state)
        #expect(state.trust.focus == .findings)
    }

    @Test func tOnAnAccountShowsWhoReachesItsDeployRoleAndEExplains() async throws {
        var state = await Fixtures.state()
        try await Fixtures.press("2 / p r o d u c t i o n Enter G t", &state)
        guard case .principal(let id, .to) = state.trust.focus else {
            Issue.record("no principal in focus: \(state.trust.focus)")
            return
        }
        #expect(id.hasSuffix(":role/deploy-role"))
        try await Fixtures.press("g e", &state)
        let explanation = try #require(state.trust.explanation)
        #expect(explanation.first?.contains("ALLOWED") == true)
        #expect(explanation.contains { $0.contains("D4") && $0.contains("JenkinsAccount") })
        #expect(Fixtures.text(state).contains("Why"))
        try await Fixtures.press("Esc", &state)
        #expect(state.trust.explanation == nil)
    }

    @Test func enterOnAFindingOpensItsSubjectAndCommandsFocusByName() async throws {
        var state = await Fixtures.state()
        try await Fixtures.press("5 Enter", &state)
        guard case .principal(_, .to) = state.trust.focus else {
            Issue.record("Enter did not open the finding's subject")
            return
        }
        try await Fixtures.press(
            ": f r o m Space j e n k i n s / d e p l o y - r o l e - a g e n t - a d m i n Enter",
            &state
        )
        guard case .principal(let id, .from) = state.trust.focus else {
            Issue.record("`:from` did not focus: \(String(describing: state.flash))")
            return
        }
        #expect(id.hasSuffix(":role/deploy-role-agent-admin"))
        try await Fixtures.press(": t o Space d e p l o y - r o l e Enter", &state)
        #expect(state.flash?.text.contains("matches 3 principals") == true)
    }

    @Test func explainCommandSaysWhyAnEdgeDoesNotExist() async throws {
        var state = await Fixtures.state()
        let command =
            ": e x p l a i n Space d e p l o y - r o l e - a g e n t - a d m i n Space "
            + "p r o d u c t i o n / d e p l o y - r o l e Enter"
        try await Fixtures.press(command, &state)
        let explanation = try #require(state.trust.explanation)
        #expect(state.screen == .trust)
        #expect(explanation.first?.hasSuffix("DENIED") == true)
        #expect(explanation.contains { $0.contains("D5  FAIL") })
        try await Fixtures.press("Esc : e x p l a i n Space x Enter", &state)
        #expect(state.flash?.text.contains("Usage: :explain") == true)
    }
}
