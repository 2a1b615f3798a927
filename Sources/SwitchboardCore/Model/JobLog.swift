/// A piece of a job's log: the lines from `offset` on, and whether the job has finished writing.
public struct LogChunk: Codable, Sendable, Hashable {
    public var jobID: Int
    public var offset: Int
    public var lines: [String]
    public var isComplete: Bool

    public init(jobID: Int, offset: Int, lines: [String], isComplete: Bool) {
        self.jobID = jobID
        self.offset = offset
        self.lines = lines
        self.isComplete = isComplete
    }
}

/// The tail of a log, never more than `capacity` lines: older lines are dropped and counted.
public struct BoundedLog: Sendable, Hashable {
    public let capacity: Int
    public private(set) var lines: [String] = []
    /// Lines received in all (the offset of the next line to ask for).
    public private(set) var received = 0
    public private(set) var dropped = 0
    public private(set) var isComplete = false

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Adds a chunk; lines already received are skipped, so overlapping chunks are harmless.
    public mutating func append(_ chunk: LogChunk) {
        let skip = max(0, received - chunk.offset)
        if skip < chunk.lines.count {
            let fresh = chunk.lines[skip...]
            lines.append(contentsOf: fresh)
            received = chunk.offset + chunk.lines.count
        }
        isComplete = chunk.isComplete
        if lines.count > capacity {
            let excess = lines.count - capacity
            lines.removeFirst(excess)
            dropped += excess
        }
    }
}
