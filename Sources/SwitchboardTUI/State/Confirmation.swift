/// A question the operator must answer before an action runs. Production deploys ask for the word typed out.
public struct Confirmation: Sendable, Hashable {
    /// The action asked about; the raw value is its name in the audit log.
    public enum Kind: String, Sendable, Hashable {
        case retry, cancel, play, assume
        case retryPipeline = "retry-pipeline"

        /// The action as a title word: `Retry`, `Play`, `Pipeline retry`.
        public var title: String {
            switch self {
            case .retry: return "Retry"
            case .cancel: return "Cancel"
            case .play: return "Play"
            case .assume: return "Assume"
            case .retryPipeline: return "Pipeline retry"
            }
        }
    }

    /// What the action is about.
    public enum Subject: Sendable, Hashable {
        case job(Int)
        case pipeline(Int)
        case assume(AssumeRequest)
    }

    public var kind: Kind
    public var subject: Subject
    public var title: String
    public var detail: String
    /// When set, the operator must type this word; `y` is not enough.
    public var typedWord: String?
    public var typed: String = ""

    public init(kind: Kind, subject: Subject, title: String, detail: String, typedWord: String?) {
        self.kind = kind
        self.subject = subject
        self.title = title
        self.detail = detail
        self.typedWord = typedWord
    }

    /// The job a retry, cancel or play is about.
    public var jobID: Int? {
        if case .job(let id) = subject { return id }
        return nil
    }

    /// The pipeline a pipeline retry is about.
    public var pipelineID: Int? {
        if case .pipeline(let id) = subject { return id }
        return nil
    }

    /// For `.assume`: what is to be assumed.
    public var assume: AssumeRequest? {
        if case .assume(let request) = subject { return request }
        return nil
    }
}
