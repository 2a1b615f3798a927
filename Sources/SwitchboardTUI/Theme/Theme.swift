import SwitchboardCore
import TUICore

/// Semantic styles. Colour always doubles a word or symbol; `mono` uses none, for NO_COLOR and printers.
public struct Theme: Sendable {
    public enum Name: String, Sendable, CaseIterable {
        case dark, light, mono
    }

    public var name: Name
    public var symbols: Symbols
    public var base: Style
    public var header: Style
    public var tabActive: Style
    public var tabInactive: Style
    public var border: Style
    public var title: Style
    public var columnHeader: Style
    public var selected: Style
    public var dim: Style
    public var key: Style
    public var ok: Style
    public var warn: Style
    public var error: Style
    public var info: Style
    public var gaugeEmpty: Style
    /// Foreground and background of the terminal this theme expects, for the SVG export.
    public var canvas: (foreground: String, background: String)

    public static func named(_ name: Name, ascii: Bool) -> Theme {
        let symbols: Symbols = ascii ? .ascii : .unicode
        switch name {
        case .dark:
            return Theme(
                name: name,
                symbols: symbols,
                base: .plain,
                header: Style(foreground: .black, background: .cyan, modifiers: .bold),
                tabActive: Style(foreground: .black, background: .yellow, modifiers: .bold),
                tabInactive: Style(foreground: .gray),
                border: Style(foreground: .gray),
                title: Style(foreground: .brightCyan, modifiers: .bold),
                columnHeader: Style(foreground: .brightWhite, modifiers: [.bold, .underline]),
                selected: Style(foreground: .black, background: .brightCyan),
                dim: Style(foreground: .gray),
                key: Style(foreground: .brightYellow, modifiers: .bold),
                ok: Style(foreground: .brightGreen),
                warn: Style(foreground: .brightYellow),
                error: Style(foreground: .brightRed, modifiers: .bold),
                info: Style(foreground: .brightBlue),
                gaugeEmpty: Style(foreground: .gray),
                canvas: ("#d0d0d0", "#101418")
            )
        case .light:
            return Theme(
                name: name,
                symbols: symbols,
                base: .plain,
                header: Style(foreground: .white, background: .blue, modifiers: .bold),
                tabActive: Style(foreground: .white, background: .magenta, modifiers: .bold),
                tabInactive: Style(foreground: .gray),
                border: Style(foreground: .gray),
                title: Style(foreground: .blue, modifiers: .bold),
                columnHeader: Style(foreground: .black, modifiers: [.bold, .underline]),
                selected: Style(foreground: .white, background: .blue),
                dim: Style(foreground: .gray),
                key: Style(foreground: .magenta, modifiers: .bold),
                ok: Style(foreground: .green),
                warn: Style(foreground: .yellow),
                error: Style(foreground: .red, modifiers: .bold),
                info: Style(foreground: .blue),
                gaugeEmpty: Style(foreground: .gray),
                canvas: ("#1c1c1c", "#fafafa")
            )
        case .mono:
            return Theme(
                name: name,
                symbols: symbols,
                base: .plain,
                header: Style(modifiers: [.reverse, .bold]),
                tabActive: Style(modifiers: [.reverse, .bold]),
                tabInactive: .plain,
                border: .plain,
                title: Style(modifiers: .bold),
                columnHeader: Style(modifiers: [.bold, .underline]),
                selected: Style(modifiers: .reverse),
                dim: Style(modifiers: .dim),
                key: Style(modifiers: .bold),
                ok: .plain,
                warn: Style(modifiers: .bold),
                error: Style(modifiers: .bold),
                info: .plain,
                gaugeEmpty: Style(modifiers: .dim),
                canvas: ("#d0d0d0", "#101418")
            )
        }
    }

    /// The theme a user gets: `--theme` wins, `NO_COLOR` (any value) means mono, else dark.
    public static func resolve(requested: Name?, environment: [String: String], ascii: Bool) -> Theme {
        if let requested { return named(requested, ascii: ascii) }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return named(.mono, ascii: ascii) }
        return named(.dark, ascii: ascii)
    }

    public var usesColor: Bool { name != .mono }
}
