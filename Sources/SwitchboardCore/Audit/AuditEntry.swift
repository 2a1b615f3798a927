import Foundation

/// One line of the audit log: who did what to what, and how it ended. Holds no secret: targets are ARNs,
/// profile names and job ids; `session` is the role session name CloudTrail records for the same event.
public struct AuditEntry: Codable, Sendable, Hashable {
    public enum Outcome: String, Codable, Sendable, Hashable {
        case ok, failed, refused
    }

    public var time: Date
    public var `operator`: String
    /// `assume`, `retry`, `cancel`, `play`…
    public var action: String
    public var target: String
    public var outcome: Outcome
    public var session: String?
    /// The error or a note, one sentence.
    public var detail: String?

    public init(
        time: Date,
        operator: String,
        action: String,
        target: String,
        outcome: Outcome,
        session: String? = nil,
        detail: String? = nil
    ) {
        self.time = time
        self.operator = `operator`
        self.action = action
        self.target = target
        self.outcome = outcome
        self.session = session
        self.detail = detail
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// The JSON line, without its newline.
    public var jsonLine: String { String(decoding: (try? Self.encoder.encode(self)) ?? Data(), as: UTF8.self) }

    public init?(jsonLine: some StringProtocol) {
        guard let entry = try? Self.decoder.decode(AuditEntry.self, from: Data(jsonLine.utf8)) else { return nil }
        self = entry
    }
}
