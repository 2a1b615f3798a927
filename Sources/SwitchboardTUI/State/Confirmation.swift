/// A question the operator must answer before an action runs. Production deploys ask for the word typed out.
public struct Confirmation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case retry, cancel, assume
    }

    public var kind: Kind
    public var jobID: Int
    public var title: String
    public var detail: String
    /// When set, the operator must type this word; `y` is not enough.
    public var typedWord: String?
    public var typed: String = ""
    /// For `.assume`: what is to be assumed.
    public var assume: AssumeRequest?

    public init(kind: Kind, jobID: Int, title: String, detail: String, typedWord: String?) {
        self.kind = kind
        self.jobID = jobID
        self.title = title
        self.detail = detail
        self.typedWord = typedWord
    }
}
