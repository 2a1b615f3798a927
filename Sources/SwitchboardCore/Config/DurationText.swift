import Foundation

/// Durations as people write them in configs and flags: `500ms`, `30s`, `5m`, `1h30m`, `2d`, or plain seconds.
public enum DurationText {
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.isEmpty { return nil }
        if let seconds = Double(trimmed), seconds.isFinite { return seconds }
        var total: TimeInterval = 0
        var number = ""
        var index = trimmed.startIndex
        var sawUnit = false
        while index < trimmed.endIndex {
            let c = trimmed[index]
            if c.isNumber || c == "." {
                number.append(c)
                index = trimmed.index(after: index)
                continue
            }
            guard let value = Double(number) else { return nil }
            let rest = trimmed[index...]
            let (unit, length): (TimeInterval, Int)
            if rest.hasPrefix("ms") {
                (unit, length) = (0.001, 2)
            } else if c == "s" {
                (unit, length) = (1, 1)
            } else if c == "m" {
                (unit, length) = (60, 1)
            } else if c == "h" {
                (unit, length) = (3600, 1)
            } else if c == "d" {
                (unit, length) = (86400, 1)
            } else {
                return nil
            }
            total += value * unit
            number = ""
            sawUnit = true
            index = trimmed.index(index, offsetBy: length)
        }
        guard number.isEmpty, sawUnit else { return nil }
        return total
    }

    /// A compact age: `4s`, `3m`, `2h`, `5d`.
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86400 { return "\(s / 3600)h" }
        return "\(s / 86400)d"
    }

    /// A duration as a clock: `42s`, `3m07s`, `1h02m`.
    public static func clock(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + pad(s % 60) + "s" }
        return "\(s / 3600)h" + pad((s % 3600) / 60) + "m"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
