import Foundation

extension FakeGitLab.Exchange {
    typealias Response = FakeGitLab.Response

    /// One page of `items` as a JSON array with GitLab's offset pagination headers: `x-page`, `x-per-page`,
    /// `x-next-page`, `x-prev-page`, `x-total`, `x-total-pages` and `Link` (prev, next, first, last), the links
    /// absolute on the Host the client used and keeping every other query parameter. Counts and `rel="last"`
    /// are left out above `countLimit` records, or always when `counted` is false (as for project jobs).
    func paginated<T>(
        _ items: [T],
        counted: Bool = true,
        render: (T) -> FakeJSON
    ) throws(FakeGitLab.Answer) -> Response {
        let perPage = min(100, max(1, try int("per_page") ?? 20))
        let page = max(1, try int("page") ?? 1)
        let start = min(items.count, (page - 1) * perPage)
        let slice = items[start..<min(items.count, start + perPage)]
        let hasNext = start + perPage < items.count
        let showCounts = counted && items.count <= configuration.countLimit
        let totalPages = max(1, (items.count + perPage - 1) / perPage)
        var headers: [(name: String, value: String)] = [
            ("x-page", String(page)),
            ("x-per-page", String(perPage)),
            ("x-next-page", hasNext ? String(page + 1) : ""),
            ("x-prev-page", page > 1 ? String(page - 1) : ""),
        ]
        if showCounts {
            headers += [("x-total", String(items.count)), ("x-total-pages", String(totalPages))]
        }
        if configuration.sendsLinkHeader {
            func link(_ number: Int, _ relation: String) -> String {
                let query = query.rebuilt(setting: [("page", String(number)), ("per_page", String(perPage))])
                return "<\(base)\(request.path)?\(query)>; rel=\"\(relation)\""
            }
            var links: [String] = []
            if page > 1 { links.append(link(page - 1, "prev")) }
            if hasNext { links.append(link(page + 1, "next")) }
            links.append(link(1, "first"))
            if showCounts { links.append(link(totalPages, "last")) }
            headers.append(("Link", links.joined(separator: ", ")))
        }
        var response = Response.json(.array(slice.map(render)))
        response.addHeaders(headers)
        return response
    }

    /// Keyset pagination for project jobs (`pagination=keyset`, newest first): the next page's `Link` carries
    /// an opaque `cursor` (GitLab's form; `id_before=` is accepted too), and there is no `Link` on the last page.
    func keysetPaginated(
        _ jobs: [FakeGitLab.Job],
        render: (FakeGitLab.Job) -> FakeJSON
    ) throws(FakeGitLab.Answer) -> Response {
        guard (query.value("order_by") ?? "id") == "id", (query.value("sort") ?? "desc") == "desc" else {
            throw FakeGitLab.Answer(.message(405, "Keyset pagination is not yet available for this type of request"))
        }
        let perPage = min(100, max(1, try int("per_page") ?? 20))
        var before = try int("id_before")
        if let cursor = query.value("cursor"), !cursor.isEmpty {
            guard let id = Self.cursorID(cursor) else { throw FakeGitLab.Answer(.error(400, "cursor is invalid")) }
            before = id
        }
        let remaining = jobs.filter { job in before.map { job.id < $0 } ?? true }
        let slice = remaining.prefix(perPage)
        var response = Response.json(.array(slice.map(render)))
        if remaining.count > perPage, let last = slice.last {
            let cursor = FakeGitLabQuery.encode(Self.cursor(last.id))
            let next = query.rebuilt(setting: [("cursor", cursor)], removing: ["page", "id_before"])
            response.addHeaders([("Link", "<\(base)\(request.path)?\(next)>; rel=\"next\"")])
        }
        return response
    }

    static func cursor(_ id: Int) -> String {
        Data(#"{"id":"\#(id)","_kd":"n"}"#.utf8).base64EncodedString()
    }

    static func cursorID(_ cursor: String) -> Int? {
        guard let data = Data(base64Encoded: cursor),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        if let text = object["id"] as? String { return Int(text) }
        return object["id"] as? Int
    }
}
