/// The pagination tokens of one listing: a token the server hands back twice, or a listing past 10,000
/// pages, stops with an error instead of looping for ever.
struct PageTokens {
    let listing: String
    private var seen = Set<String>()

    init(_ listing: String) { self.listing = listing }

    mutating func next(_ token: String?) throws(AWSServiceClient.Failure) -> String? {
        guard let token, !token.isEmpty else { return nil }
        guard seen.insert(token).inserted, seen.count <= 10_000 else {
            throw .malformed("\(listing) repeated a pagination token; the listing was stopped")
        }
        return token
    }
}
