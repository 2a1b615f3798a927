/// An operator's action on a job of a pipeline, recorded at the simulated time it was taken.
struct DemoAction: Sendable {
    enum Kind: Sendable {
        case retry(newJobID: Int)
        case cancel
        /// A manual job started by hand.
        case play
    }

    let jobIndex: Int
    let kind: Kind
    /// Seconds from the epoch.
    let time: Double
}
