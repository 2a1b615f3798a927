import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICore
import Testing

/// Assuming roles from the console: guardrails first (read-only, production, MFA), then the walk, the
/// countdown and the audit log.
@Suite struct IdentityUpdateTests {
    func loaded(readOnly: Bool = false) async throws -> (AppState, DemoBackend, InMemoryAuditLog) {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        state.readOnly = readOnly
        let audit = InMemoryAuditLog()
        try await Fixtures.press("6", &state, backend: backend, audit: audit)
        return (state, backend, audit)
    }

    func select(_ name: String, _ state: inout AppState) {
        while state.identityView.screen.selectedRow?.target != name {
            let before = state.identityView.screen.list.scroll.selected
            _ = Update.apply(.key(.down), to: &state)
            if state.identityView.screen.list.scroll.selected == before { break }
        }
    }

    @Test func arrivingLoadsProfilesAndTheCaller() async throws {
        let (state, _, _) = try await loaded()
        let snapshot = try #require(state.identityView.snapshot)
        #expect(snapshot.profiles.map(\.name).first == "runner")
        #expect(
            snapshot.profiles.contains {
                $0.name == "development" && $0.chain == ["Ec2InstanceMetadata", "runner", "development"]
            }
        )
        #expect(snapshot.caller?.arn.contains(":assumed-role/eks-node-instance-role/") == true)
    }

    @Test func enterAssumesAndTheSessionCountsDown() async throws {
        var (state, backend, audit) = try await loaded()
        select("development", &state)
        try await Fixtures.press("Enter", &state, backend: backend, audit: audit)
        let run = try #require(state.identityView.run)
        #expect(run.session?.arn.hasSuffix(":assumed-role/delegated-role/switchboard-demo") == true)
        #expect(run.steps.count == 5)  // base, two hops started and done
        #expect(state.identityView.session(for: "development") != nil)
        #expect(Fixtures.text(state).contains("1h00m"))
        _ = Update.apply(.tick(state.now.addingTimeInterval(61)), to: &state)
        #expect(Fixtures.text(state).contains("58m59s"))
        let entries = try audit.recent(limit: 10)
        #expect(entries.map(\.outcome) == [.ok] && entries[0].session == "switchboard-demo")
    }

    @Test func productionAsksForTheWordFirst() async throws {
        var (state, backend, audit) = try await loaded()
        select("production", &state)
        let effects = try await Fixtures.press("Enter", &state, backend: backend, audit: audit)
        #expect(effects.isEmpty)
        guard case .confirm(let confirmation) = state.mode else {
            Issue.record("no confirmation: \(state.mode)")
            return
        }
        #expect(confirmation.typedWord == "production")
        try await Fixtures.press("y Enter", &state, backend: backend, audit: audit)
        #expect(state.flash?.text.contains("Type production exactly") == true)
        try await Fixtures.press("Esc", &state, backend: backend, audit: audit)
        #expect(try audit.recent(limit: 5).isEmpty)
        try await Fixtures.press("Enter p r o d u c t i o n Enter", &state, backend: backend, audit: audit)
        #expect(state.identityView.run?.session != nil)
    }

    @Test func readOnlyRefusesEveryAssumption() async throws {
        var (state, backend, audit) = try await loaded(readOnly: true)
        select("development", &state)
        #expect(try await Fixtures.press("Enter", &state, backend: backend, audit: audit).isEmpty)
        #expect(state.flash?.text.contains("Read-only mode") == true)
        #expect(try await Fixtures.press("2 j j a", &state, backend: backend, audit: audit).isEmpty)
        #expect(try audit.recent(limit: 5).isEmpty)
    }

    @Test func aFromAccountsAssumesTheDelegatedRoleAndARefusalOffersExplain() async throws {
        var (state, backend, audit) = try await loaded()
        try await Fixtures.press("2", &state)
        while true {
            if case .account(let account, _, _)? = state.accounts.selectedRow, account.name == "log-archive" { break }
            _ = Update.apply(.key(.down), to: &state)
        }
        try await Fixtures.press("a", &state, backend: backend, audit: audit)
        #expect(state.screen == .identity)
        let failure = try #require(state.identityView.run?.failure)
        #expect(failure.stsCode == "AccessDenied")
        #expect(state.failedHop?.to.hasSuffix(":role/cicd/delegated-role") == true)
        #expect(try audit.recent(limit: 5).map(\.outcome) == [.failed])
        try await Fixtures.press("e", &state, backend: backend, audit: audit)
        #expect(state.flash?.text.contains("the role does not exist") == true)
    }

    @Test func mfaPromptTakesSixDigitsMasked() async throws {
        var (state, _, _) = try await loaded()
        let profile = ProfileSummary(
            name: "break-glass",
            roleARN: "arn:aws:iam::123456789012:role/break-glass",
            account: "123456789012",
            chain: ["keys of profile ops", "break-glass"],
            mfaSerial: "arn:aws:iam::123456789012:mfa/op"
        )
        _ = Update.apply(.identityLoaded(IdentitySnapshot(profiles: [profile], source: "test")), to: &state)
        #expect(Update.apply(.key(.enter), to: &state).isEmpty)
        guard case .mfa = state.mode else {
            Issue.record("Enter on a profile with mfa_serial should ask for the code: \(state.mode)")
            return
        }
        for key in KeyScriptKeys.parse("1 2 3") { _ = Update.apply(.key(key), to: &state) }
        #expect(Fixtures.text(state).contains("Code: •••"))
        #expect(!Fixtures.text(state).contains("Code: 1"))
        let early = Update.apply(.key(.enter), to: &state)
        #expect(early.isEmpty && state.flash?.text.contains("6 digits") == true)
        for key in KeyScriptKeys.parse("4 5 6") { _ = Update.apply(.key(key), to: &state) }
        #expect(Update.apply(.key(.enter), to: &state) == [.assume(.target("break-glass"), mfaCode: "123456")])
    }
}

/// Keys from a script, for tests that apply them one by one.
enum KeyScriptKeys {
    static func parse(_ script: String) -> [Key] { (try? KeyScript.parse(script)) ?? [] }
}
