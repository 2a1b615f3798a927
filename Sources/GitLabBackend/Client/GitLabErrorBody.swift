import Foundation
import HTTPTransport

/// What GitLab said in an error answer, whatever the shape: `{"message": "…"}`, `{"message": {"field": […]}}`,
/// `{"error": "…", "error_description": "…"}`, plain text, or an HTML page from a proxy.
enum GitLabErrorBody {
    static func summary(_ response: HTTPResponse) -> String {
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "HTTP \(response.status) with an empty body" }
        if let object = json(response) {
            if let message = object["message"] { return shorten(flatten(message)) }
            if let description = object["error_description"] as? String {
                let error = (object["error"] as? String).map { " (\($0))" } ?? ""
                return shorten(description + error)
            }
            if let error = object["error"] { return shorten(flatten(error)) }
            return shorten(text)
        }
        if text.hasPrefix("<") || text.lowercased().contains("<html") { return html(text) }
        return shorten(text.split(separator: "\n").first.map(String.init) ?? text)
    }

    static func field(_ name: String, in response: HTTPResponse) -> String? {
        json(response)?[name] as? String
    }

    private static func json(_ response: HTTPResponse) -> [String: Any]? {
        guard response.text.trimmingCharacters(in: .whitespaces).hasPrefix("{") else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
    }

    /// A message that is a string, a list, or an object of field → messages (`bio: is too long`).
    private static func flatten(_ value: Any) -> String {
        switch value {
        case let text as String: return text
        case let list as [Any]: return list.map(flatten).joined(separator: ", ")
        case let object as [String: Any]:
            return object.keys.sorted().map { key in
                let inner = flatten(object[key] ?? "")
                return key == "error" || key == "message" || key == "base" ? inner : "\(key) \(inner)"
            }.joined(separator: "; ")
        default: return "\(value)"
        }
    }

    /// An HTML page: its title or first heading, else just "an HTML page".
    private static func html(_ text: String) -> String {
        for tag in ["title", "h1"] {
            if let open = text.range(of: "<\(tag)>", options: .caseInsensitive),
                let close = text.range(
                    of: "</\(tag)>",
                    options: .caseInsensitive,
                    range: open.upperBound..<text.endIndex
                )
            {
                let inner = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
                if !inner.isEmpty { return "an HTML page: " + shorten(inner) }
            }
        }
        return "an HTML page"
    }

    private static func shorten(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }
}
