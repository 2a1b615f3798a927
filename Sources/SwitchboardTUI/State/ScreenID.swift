/// The console's screens, in Tab order; digits 1–7 jump to them.
public enum ScreenID: String, Sendable, CaseIterable, Codable {
    case overview, accounts, runners, pipelines, trust, identity, audit

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var number: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    /// Accepts the name, a unique prefix of two letters or more, or k9s-like aliases.
    public init?(command: String) {
        let word = command.lowercased()
        let aliases = [
            "ov": ScreenID.overview, "acc": .accounts, "org": .accounts, "rn": .runners, "pl": .pipelines,
            "pipe": .pipelines, "jobs": .pipelines, "id": .identity, "who": .identity, "whoami": .identity,
            "profiles": .identity, "sessions": .identity, "log": .audit,
        ]
        if let alias = aliases[word] {
            self = alias
            return
        }
        let matches = Self.allCases.filter { word.count >= 2 && $0.rawValue.hasPrefix(word) }
        guard matches.count == 1 else { return nil }
        self = matches[0]
    }
}
