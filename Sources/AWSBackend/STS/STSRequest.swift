import Foundation

/// The query-protocol bodies of `AssumeRole` and `GetCallerIdentity`, checked against the service model's
/// constraints before anything is sent, so a bad value is named here rather than by a 400 from STS.
public enum STSRequest {
    public struct InvalidParameter: Error, Sendable, Hashable, CustomStringConvertible {
        public var parameter: String
        public var message: String
        public var description: String { "\(parameter): \(message)" }
    }

    public struct AssumeRole: Sendable, Hashable {
        public var roleARN: String
        public var sessionName: String
        public var durationSeconds: Int?
        public var externalID: String?
        public var mfaSerial: String?
        public var tokenCode: String?
        public var sourceIdentity: String?

        public init(
            roleARN: String,
            sessionName: String,
            durationSeconds: Int? = nil,
            externalID: String? = nil,
            mfaSerial: String? = nil,
            tokenCode: String? = nil,
            sourceIdentity: String? = nil
        ) {
            self.roleARN = roleARN
            self.sessionName = sessionName
            self.durationSeconds = durationSeconds
            self.externalID = externalID
            self.mfaSerial = mfaSerial
            self.tokenCode = tokenCode
            self.sourceIdentity = sourceIdentity
        }
    }

    static let wordCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_"))

    static func allowed(_ text: String, extra: String) -> Bool {
        let set = CharacterSet(charactersIn: extra).union(wordCharacters)
        return text.unicodeScalars.allSatisfy { set.contains($0) }
    }

    /// The form body for AssumeRole, after checking each parameter.
    public static func body(_ call: AssumeRole) throws(InvalidParameter) -> String {
        guard (20...2048).contains(call.roleARN.count), call.roleARN.hasPrefix("arn:") else {
            throw InvalidParameter(parameter: "RoleArn", message: "\"\(call.roleARN)\" is not a role ARN")
        }
        guard (2...64).contains(call.sessionName.count), allowed(call.sessionName, extra: "+=,.@-") else {
            throw InvalidParameter(
                parameter: "RoleSessionName",
                message: "\"\(call.sessionName)\" must be 2–64 characters of letters, digits and + = , . @ _ -"
            )
        }
        var fields = [
            ("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", call.roleARN),
            ("RoleSessionName", call.sessionName),
        ]
        if let duration = call.durationSeconds {
            guard (900...43200).contains(duration) else {
                throw InvalidParameter(
                    parameter: "DurationSeconds",
                    message: "\(duration) is outside 900–43200 seconds"
                )
            }
            fields.append(("DurationSeconds", String(duration)))
        }
        if let external = call.externalID {
            guard (2...1224).contains(external.count), allowed(external, extra: "+=,.@:/-") else {
                throw InvalidParameter(
                    parameter: "ExternalId",
                    message: "must be 2–1224 characters of letters, digits and + = , . @ : / _ -"
                )
            }
            fields.append(("ExternalId", external))
        }
        if let serial = call.mfaSerial {
            guard (9...256).contains(serial.count) else {
                throw InvalidParameter(
                    parameter: "SerialNumber",
                    message: "must be 9–256 characters (the MFA device ARN)"
                )
            }
            guard let code = call.tokenCode, code.count == 6, code.allSatisfy(\.isASCIIDigit) else {
                throw InvalidParameter(parameter: "TokenCode", message: "enter the 6 digits your MFA device shows")
            }
            fields += [("SerialNumber", serial), ("TokenCode", code)]
        }
        if let source = call.sourceIdentity {
            guard (2...64).contains(source.count), !source.hasPrefix("aws:"), allowed(source, extra: "+=,.@-") else {
                throw InvalidParameter(
                    parameter: "SourceIdentity",
                    message: "must be 2–64 characters, not starting with aws:"
                )
            }
            fields.append(("SourceIdentity", source))
        }
        return encode(fields)
    }

    public static let getCallerIdentityBody = encode([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")])

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { SigV4Signer.encodeComponent($0.0) + "=" + SigV4Signer.encodeComponent($0.1) }
            .joined(separator: "&")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
