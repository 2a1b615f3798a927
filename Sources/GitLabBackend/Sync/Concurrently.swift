/// Runs `body` over `items`, at most `limit` at a time, and returns each item's result in the items' order.
func concurrently<Item: Sendable, Value: Sendable>(
    _ items: [Item],
    limit: Int,
    _ body: @escaping @Sendable (Item) async throws(GitLabError) -> Value
) async -> [Result<Value, GitLabError>] {
    await withTaskGroup(of: (Int, Result<Value, GitLabError>).self) { group in
        var results = [Result<Value, GitLabError>?](repeating: nil, count: items.count)
        var next = 0
        func start() {
            guard next < items.count else { return }
            let index = next
            let item = items[index]
            next += 1
            group.addTask {
                do throws(GitLabError) {
                    return (index, .success(try await body(item)))
                } catch {
                    return (index, .failure(error))
                }
            }
        }
        for _ in 0..<max(1, limit) { start() }
        while let (index, result) = await group.next() {
            results[index] = result
            start()
        }
        return results.map { $0 ?? .failure(GitLabClient.cancelled) }
    }
}
