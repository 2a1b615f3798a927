import Dispatch
import Foundation
import Synchronization

/// Splits independent work over the cores and joins the results in input order.
enum Parallel {
    static func map<Element: Sendable, Result: Sendable>(
        _ items: [Element],
        minimumChunk: Int,
        _ body: @Sendable (ArraySlice<Element>) -> [Result]
    ) -> [Result] {
        guard items.count > minimumChunk else { return body(items[...]) }
        let chunks = min(
            ProcessInfo.processInfo.activeProcessorCount * 4,
            (items.count + minimumChunk - 1) / minimumChunk
        )
        let size = (items.count + chunks - 1) / chunks
        let results = Mutex([[Result]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * size)..<min(items.count, (chunk + 1) * size)
            guard !range.isEmpty else { return }
            let part = body(items[range])
            results.withLock { $0[chunk] = part }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
