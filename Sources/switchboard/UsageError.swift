import SwitchboardCore

/// A bad flag value: says which flag and what would be accepted. Exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// Errors that come from the user's input files and so exit with status 2.
protocol ConfigErrorMarker {}

extension ConfigError: ConfigErrorMarker {}
