/// What is known about an `sts:AssumeRole` request before anyone makes it. Keys in `known` have those values,
/// keys in `absent` are certainly missing, and every other key is undecidable from the inventory (an external
/// id, MFA, tags, the source IP): conditions on those become requirements on the edge.
public struct RequestContext: Hashable, Sendable {
    public enum Lookup: Hashable, Sendable {
        case values([String])
        case absent
        case unknown
    }

    private var known: [String: [String]] = [:]
    private var absent: Set<String> = []

    public init(known: [String: [String]] = [:], absent: Set<String> = []) {
        for (key, values) in known { self.known[key.lowercased()] = values }
        self.absent = Set(absent.map { $0.lowercased() })
    }

    public func lookup(_ key: String) -> Lookup {
        let k = key.lowercased()
        if let values = known[k] { return .values(values) }
        if absent.contains(k) { return .absent }
        return .unknown
    }

    public mutating func set(_ key: String, _ values: [String]) { known[key.lowercased()] = values }
}
