import Foundation

/// RFC 8288 `Link` headers as GitLab sends them for pagination: `<https://…&page=2>; rel="next", <…>; rel="last"`.
enum LinkHeader {
    /// The URL with relation `relation`, if any.
    static func url(_ header: String?, relation: String) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = pieces.first, first.hasPrefix("<"), first.hasSuffix(">") else { continue }
            let rels = pieces.dropFirst().compactMap { piece -> [Substring]? in
                guard piece.lowercased().hasPrefix("rel=") else { return nil }
                return piece.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(separator: " ")
            }.flatMap { $0 }
            if rels.contains(where: { $0.lowercased() == relation }) { return String(first.dropFirst().dropLast()) }
        }
        return nil
    }
}
