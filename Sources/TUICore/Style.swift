/// Text attributes a terminal can show besides colour.
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Modifiers(rawValue: 1 << 0)
    public static let dim = Modifiers(rawValue: 1 << 1)
    public static let reverse = Modifiers(rawValue: 1 << 2)
    public static let underline = Modifiers(rawValue: 1 << 3)
}

/// How a cell looks. `nil` colours inherit from whatever the style is patched onto.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var modifiers: Modifiers

    public init(foreground: Color? = nil, background: Color? = nil, modifiers: Modifiers = []) {
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
    }

    public static let plain = Style()

    /// This style with `other` laid on top: set colours win, modifiers add up.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground ?? foreground,
            background: other.background ?? background,
            modifiers: modifiers.union(other.modifiers)
        )
    }

    public var bold: Style { patched(with: Style(modifiers: .bold)) }
    public var reversed: Style { patched(with: Style(modifiers: .reverse)) }
}
