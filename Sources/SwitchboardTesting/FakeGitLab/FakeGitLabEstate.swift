import Foundation

/// Seed data for the fake GitLab: the estate of DESIGN.md at a fixed moment, a scaled one for benchmarks,
/// and the tokens it accepts. Everything is deterministic for a given `now`.
public enum FakeGitLabEstate {
    /// 2026-11-23T09:00:00Z, the seeds' default "now".
    public static let epoch = Date(timeIntervalSince1970: 1_795_424_400)

    /// `api`: reads everything, acts on jobs, lists runners.
    public static let operatorToken = FakeGitLab.Token("glpat-fake-operator", scopes: [.api])
    /// `read_api` only: projects and pipelines yes; runners and actions get 403 `insufficient_scope`.
    public static let readOnlyToken = FakeGitLab.Token("glpat-fake-reader", scopes: [.readAPI])
    /// `manage_runner` only: runner endpoints yes, everything else 403 `insufficient_scope`.
    public static let runnerToken = FakeGitLab.Token("glpat-fake-runners", scopes: [.manageRunner])
    /// `api` and admin: also `GET /runners/all`.
    public static let adminToken = FakeGitLab.Token("glpat-fake-admin", scopes: [.api], isAdmin: true)

    public static var tokens: [FakeGitLab.Token] { [operatorToken, readOnlyToken, runnerToken, adminToken] }

    /// A fake GitLab with the seeds, the four tokens and a clock stopped at `now`.
    public static func gitlab(now: Date = epoch, configuration: FakeGitLab.Configuration? = nil) -> FakeGitLab {
        var configuration = configuration ?? FakeGitLab.Configuration()
        if configuration.tokens.isEmpty { configuration.tokens = tokens }
        return FakeGitLab(state: seeds(now: now), configuration: configuration, now: { now })
    }

    /// A commit SHA (40 hex digits) determined by `seed`.
    public static func sha(_ seed: Int) -> String {
        var state = mix(UInt64(bitPattern: Int64(seed)))
        var text = ""
        while text.count < 40 {
            state = mix(state)
            let hex = String(state, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return String(text.prefix(40))
    }

    /// SplitMix64's step: consecutive seeds give unrelated digits.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
