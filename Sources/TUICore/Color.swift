/// A terminal colour: the 16 ANSI colours, the terminal's default, or an index into the 256-colour palette.
public enum Color: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case gray, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    case indexed(UInt8)

    /// The curses colour number (-1 for the terminal's default).
    public var paletteIndex: Int {
        switch self {
        case .default: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .gray: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .indexed(let n): return Int(n)
        }
    }

    /// An xterm-like RGB value, used by the SVG export.
    public var hex: String? {
        let table = [
            "#1c1c1c", "#cd3131", "#0dbc79", "#b58900", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
            "#767676", "#f14c4c", "#23d18b", "#d7ba7d", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
        ]
        let index = paletteIndex
        if index < 0 { return nil }
        if index < 16 { return table[index] }
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            return Self.hexString(level, level, level)
        }
        let cube = index - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return Self.hexString(steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
    }

    private static func hexString(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for value in [r, g, b] {
            out.append(digits[value / 16])
            out.append(digits[value % 16])
        }
        return out
    }
}
