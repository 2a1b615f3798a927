/// IAM wildcards: `*` matches any run of characters, `?` any one; everything else literally.
public enum Glob {
    public static func matches(_ pattern: String, _ value: String, ignoringCase: Bool = false) -> Bool {
        if pattern == "*" { return true }
        let p = Array((ignoringCase ? pattern.lowercased() : pattern).utf8)
        let v = Array((ignoringCase ? value.lowercased() : value).utf8)
        if !p.contains(0x2A) && !p.contains(0x3F) { return p == v }
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
    public var patterns: [String]

    public init(_ patterns: [String]) { self.patterns = patterns }

    public func matches(_ value: String, ignoringCase: Bool) -> Bool {
        patterns.contains { Glob.matches($0, value, ignoringCase: ignoringCase) }
    }

    public var isWildcard: Bool { patterns.contains("*") }
}
