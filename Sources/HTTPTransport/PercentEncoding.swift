/// Percent-encoding as URLs and forms want it (and as Python's `quote` does): ASCII letters, digits, `-_.~` and
/// the characters in `safe` stay; every other byte becomes `%XX` in upper-case hex.
public enum PercentEncoding {
    /// One query or path component: nothing but RFC 3986's unreserved characters stays (`a/b` → `a%2Fb`).
    public static func component(_ text: String) -> String { encode(text, safe: "") }

    public static func encode(_ text: String, safe: String) -> String {
        let keep = Set(Array(safe.utf8) + Array("-_.~".utf8))
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in text.utf8 {
            let isAlnum = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlnum || keep.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
