/// How much of a split a part takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (or what is left).
    case length(Int)
    /// This share of the whole, in percent.
    case percentage(Int)
    /// At least this many cells, growing like `.fill(1)`.
    case min(Int)
    /// A share of what remains after the fixed parts, by weight.
    case fill(Int)
}

/// Splits a rectangle into rows or columns.
public enum Layout {
    public static func vertical(_ constraints: [Constraint], in area: Rect) -> [Rect] {
        sizes(constraints, total: area.height).reduce(into: (rects: [Rect](), y: area.y)) { acc, size in
            acc.rects.append(Rect(x: area.x, y: acc.y, width: area.width, height: size))
            acc.y += size
        }.rects
    }

    public static func horizontal(_ constraints: [Constraint], in area: Rect, spacing: Int = 0) -> [Rect] {
        let gaps = max(0, constraints.count - 1) * spacing
        return sizes(constraints, total: area.width - gaps).reduce(into: (rects: [Rect](), x: area.x)) { acc, size in
            acc.rects.append(Rect(x: acc.x, y: area.y, width: size, height: area.height))
            acc.x += size + spacing
        }.rects
    }

    /// Sizes for each constraint that never exceed `total` together.
    public static func sizes(_ constraints: [Constraint], total: Int) -> [Int] {
        let total = max(0, total)
        var sizes = [Int](repeating: 0, count: constraints.count)
        var remaining = total
        for (i, c) in constraints.enumerated() {
            let want: Int
            switch c {
            case .length(let n): want = n
            case .percentage(let p): want = total * p / 100
            case .min(let n): want = n
            case .fill: want = 0
            }
            sizes[i] = Swift.max(0, Swift.min(want, remaining))
            remaining -= sizes[i]
        }
        let weights = constraints.map { c -> Int in
            switch c {
            case .fill(let w): return Swift.max(1, w)
            case .min: return 1
            default: return 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0, remaining > 0 else { return sizes }
        var handed = 0
        var lastFlexible = 0
        for (i, w) in weights.enumerated() where w > 0 {
            let share = remaining * w / totalWeight
            sizes[i] += share
            handed += share
            lastFlexible = i
        }
        sizes[lastFlexible] += remaining - handed
        return sizes
    }
}
