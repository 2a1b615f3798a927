/// IAM wildcards: `*` matches any run of characters, `?` any one; everything else literally.
public enum Glob {
    public static func matches(_ pattern: String, _ value: String, ignoringCase: Bool = false) -> Bool {
        if pattern == "*" { return true }
        let p = ignoringCase ? pattern.lowercased() : pattern
        let v = ignoringCase ? value.lowercased() : value
        return matchesPrepared(p, v)
    }

    /// Both sides already lower-cased when case does not matter. Allocates nothing for patterns without
    /// wildcards (most ARNs and actions).
    static func matchesPrepared(_ pattern: String, _ value: String) -> Bool {
        if pattern == "*" { return true }
        if !pattern.utf8.contains(0x2A) && !pattern.utf8.contains(0x3F) { return pattern == value }
        // `?` is one character: compare scalars when either side is not ASCII, bytes otherwise (fast).
        if !pattern.utf8.allSatisfy({ $0 < 0x80 }) || !value.utf8.allSatisfy({ $0 < 0x80 }) {
            let p = Array(pattern.unicodeScalars).map(\.value)
            let v = Array(value.unicodeScalars).map(\.value)
            return p.withUnsafeBufferPointer { pp in v.withUnsafeBufferPointer { vv in wildcard(pp, vv) } }
        }
        var pattern = pattern
        var value = value
        return pattern.withUTF8 { p in value.withUTF8 { v in wildcard(p, v) } }
    }

    private static func wildcard<T: FixedWidthInteger>(_ p: UnsafeBufferPointer<T>, _ v: UnsafeBufferPointer<T>) -> Bool
    {
        var pi = 0
        var vi = 0
        var star = -1
        var mark = 0
        while vi < v.count {
            if pi < p.count, p[pi] == 0x3F || p[pi] == v[vi] {
                pi += 1
                vi += 1
            } else if pi < p.count, p[pi] == 0x2A {
                star = pi
                mark = vi
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                vi = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == 0x2A { pi += 1 }
        return pi == p.count
    }
}

/// The values of `Action`, `Resource` and the like: one string or a list, each possibly with wildcards.
public struct PatternSet: Hashable, Sendable {
    public let patterns: [String]
    /// The patterns lower-cased once, for sets compared without case (actions).
    private let lowered: [String]?

    /// `caseInsensitive` for actions (IAM compares them without case): their lower-cased forms are kept.
    public init(_ patterns: [String], caseInsensitive: Bool = false) {
        self.patterns = patterns
        self.lowered = caseInsensitive ? patterns.map { $0.lowercased() } : nil
    }

    public func matches(_ value: String, ignoringCase: Bool) -> Bool {
        if ignoringCase {
            let v = value.lowercased()
            return (lowered ?? patterns.map { $0.lowercased() }).contains { Glob.matchesPrepared($0, v) }
        }
        return patterns.contains { Glob.matchesPrepared($0, value) }
    }

    public var isWildcard: Bool { patterns.contains("*") }

    public static func == (a: PatternSet, b: PatternSet) -> Bool { a.patterns == b.patterns }
    public func hash(into hasher: inout Hasher) { hasher.combine(patterns) }
}
