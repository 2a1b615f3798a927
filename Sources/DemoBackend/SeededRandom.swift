/// SplitMix64: a tiny seeded generator, plus stateless hashing of a few integers into one, so every entity draws
/// its own numbers from (seed, entity, attempt…) without depending on the order in which entities are built.
/// Never seeded from the process (no `Hasher`, no `Int.random`): the demo estate must repeat exactly.
struct SeededRandom: Sendable {
    private var state: UInt64

    init(_ seed: UInt64) { state = seed }

    init(_ a: UInt64, _ b: UInt64) { state = Self.hash(a, b) }

    init(_ a: UInt64, _ b: UInt64, _ c: UInt64) { state = Self.hash(a, b, c) }

    init(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) { state = Self.hash(a, b, c, d) }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.finalize(state)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// Uniform in `range` (seconds and the like).
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// `count` characters drawn from `alphabet`.
    mutating func string(_ count: Int, from alphabet: [Character]) -> String {
        var out = ""
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(pick(alphabet)) }
        return out
    }

    // MARK: Stateless hashing

    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hash(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finalize(finalize(a &+ 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xD6E8_FEB8_6659_FD93))
    }

    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { hash(hash(a, b), c) }

    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 { hash(hash(a, b, c), d) }

    /// A uniform draw in [0, 1) from a hash.
    static func unit(_ hash: UInt64) -> Double { Double(hash >> 11) * 0x1p-53 }

    static let lowerAlphanumerics = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    static let upperAlphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let hexDigits = Array("0123456789abcdef")
    /// The characters Kubernetes uses for pod-template hashes and pod name suffixes.
    static let kubernetesSafe = Array("bcdfghjklmnpqrstvwxz2456789")
}

extension UInt64 {
    /// An `Int` as hash input (negative values keep their bits).
    init(hashing value: Int) { self = UInt64(bitPattern: Int64(value)) }
}
