import SwitchboardCore

/// An open job log: the bounded tail, where the view is, whether it follows new lines, and its filter.
public struct LogViewState: Sendable {
    public var jobID: Int
    public var pipelineID: Int
    public var log: BoundedLog
    public var top = 0
    public var follow = true
    public var filter = ""
    public private(set) var shown: [Int] = []
    public var isFetching = false
    public var error: String?

    /// Lines kept per open log; older lines are dropped and counted.
    public static let capacity = 10_000

    public init(jobID: Int, pipelineID: Int) {
        self.jobID = jobID
        self.pipelineID = pipelineID
        self.log = BoundedLog(capacity: Self.capacity)
    }

    public mutating func append(_ chunk: LogChunk, height: Int) {
        log.append(chunk)
        refilter(height: height)
    }

    public mutating func setFilter(_ text: String, height: Int) {
        filter = text
        refilter(height: height)
    }

    public mutating func scroll(by delta: Int, height: Int) {
        top = max(0, min(top + delta, maxTop(height: height)))
        follow = top >= maxTop(height: height)
    }

    public mutating func toStart() {
        top = 0
        follow = false
    }

    public mutating func toEnd(height: Int) {
        top = maxTop(height: height)
        follow = true
    }

    public func maxTop(height: Int) -> Int { max(0, shown.count - max(1, height)) }

    private mutating func refilter(height: Int) {
        if filter.isEmpty {
            shown = Array(log.lines.indices)
        } else {
            let needle = filter.lowercased()
            shown = log.lines.indices.filter { log.lines[$0].lowercased().contains(needle) }
        }
        if follow { top = maxTop(height: height) } else { top = min(top, maxTop(height: height)) }
    }
}
