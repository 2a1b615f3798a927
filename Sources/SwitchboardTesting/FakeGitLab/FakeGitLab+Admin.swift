import Foundation

extension FakeGitLab.Storage {
    /// The fake's own endpoints, outside `/api/v4`, without auth and not counted:
    /// `GET /__fake/stats` (requests by route and status), `POST /__fake/reset-stats`,
    /// `POST /__fake/advance[?project=ID][&count=N]` (CI progress; answers the changed pipeline ids).
    mutating func admin(_ request: FakeGitLab.Request, now: Date) -> Response {
        let query = FakeGitLabQuery(request.query)
        switch (request.method, request.path) {
        case ("GET", "/__fake/stats"):
            let routes = countsByRoute.sorted { $0.key < $1.key }.map { ($0.key, FakeJSON.int($0.value)) }
            let statuses = countsByStatus.sorted { $0.key < $1.key }.map { (String($0.key), FakeJSON.int($0.value)) }
            return .json(["total": total, "by_route": FakeJSON.object(routes), "by_status": FakeJSON.object(statuses)])
        case ("POST", "/__fake/reset-stats"):
            resetCounts()
            return .json(["reset": true])
        case ("POST", "/__fake/advance"):
            let project = query.value("project").flatMap { Int($0) }
            let times = min(10_000, max(1, query.value("count").flatMap { Int($0) } ?? 1))
            var changed: [FakeJSON] = []
            for _ in 0..<times {
                if let id = advance(project: project, now: now) { changed.append(.int(id)) }
            }
            return .json(["changed": FakeJSON.array(changed)])
        case ("GET", "/__fake/health"):
            return .json(["ok": true])
        default:
            return .unknownRoute
        }
    }

    mutating func resetCounts() {
        log.removeAll()
        countsByRoute.removeAll()
        countsByStatus.removeAll()
        total = 0
        windows.removeAll()
    }

    /// One step in `project`, or in the next project in turn (non-archived, by id) when nil.
    mutating func advance(project: Int?, now: Date) -> Int? {
        if let project { return state.advance(project: project, at: now) }
        let ids = state.projects.values.filter { !$0.archived }.map(\.id).sorted()
        guard !ids.isEmpty else { return nil }
        let id = ids[advanceCursor % ids.count]
        advanceCursor += 1
        return state.advance(project: id, at: now)
    }
}

extension FakeGitLab {
    /// Moves CI forward one step in `project` (or the next project in turn) at the fake's clock; answers the
    /// pipeline that changed. See `State.advance(project:at:)`.
    @discardableResult
    public func advance(project: Int? = nil) -> Int? {
        let now = self.now
        return storage.withLock { $0.advance(project: project, now: now) }
    }
}
