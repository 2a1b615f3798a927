import AWSBackend
import Foundation
import Testing

/// The signer against botocore: fixed vectors committed in the repository, and botocore itself run live on
/// freshly generated requests.
@Suite struct SigV4SignerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Vectors/sigv4.json")

    /// Signs a case and compares with botocore's answer; returns a description of the first difference.
    static func compare(_ input: SigV4Case, _ expected: SigV4Expectation) -> String? {
        let signed = input.signer.sign(input.request, at: input.date)
        let canonical = input.signer.canonical(
            SignableRequest(
                method: signed.method,
                host: signed.host,
                path: signed.path,
                query: signed.query,
                headers: signed.headers.filter { $0.name != "Authorization" },
                body: signed.body
            )
        ).request
        if canonical != expected.canonical_request {
            return
                "\(input.url): canonical request differs\n--- ours\n\(canonical)\n--- botocore\n\(expected.canonical_request)"
        }
        if signed.header("Authorization") != expected.authorization {
            return "\(input.url): \(signed.header("Authorization") ?? "-") != \(expected.authorization)"
        }
        if signed.header("X-Amz-Security-Token") != expected.security_token { return "\(input.url): token header" }
        return nil
    }

    @Test func awsDocumentedExampleKey() {
        // The key derivation example of AWS's SigV4 documentation (secret, date, region, service).
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE",
                secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
            ),
            region: "us-east-1",
            service: "iam"
        )
        let request = SignableRequest(
            method: "GET",
            host: "iam.amazonaws.com",
            path: "/",
            query: "Action=ListUsers&Version=2010-05-08",
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        )
        let date = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
        let signed = signer.sign(request, at: date)
        #expect(signed.header("X-Amz-Date") == "20150830T123600Z")
        #expect(
            signed.header("Authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
        )
    }

    /// Runs `scripts/sigv4-oracle.py` (botocore) on `cases`; nil with an issue recorded when it cannot run.
    static func botocore(_ cases: [SigV4Case]) throws -> [SigV4Expectation]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/sigv4-oracle.py").path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(cases))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            Issue.record(
                "the botocore oracle failed (is botocore installed? scripts/ensure-tools installs it): \(message)"
            )
            return nil
        }
        return try JSONDecoder().decode([SigV4Expectation].self, from: data)
    }

    /// Fixed vectors: 120 cases from seed 2026 with botocore's answers. `SWITCHBOARD_RECORD=1` re-records them.
    @Test func committedVectorsFromBotocore() throws {
        if ProcessInfo.processInfo.environment["SWITCHBOARD_RECORD"] == "1" {
            let cases = SigV4Case.generate(count: 120, seed: 2026)
            guard let answers = try Self.botocore(cases) else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(zip(cases, answers).map { SigV4Vector(input: $0, expected: $1) }).write(to: Self.vectors)
        }
        let vectors = try JSONDecoder().decode([SigV4Vector].self, from: Data(contentsOf: Self.vectors))
        #expect(vectors.count >= 100)
        for vector in vectors {
            if let difference = Self.compare(vector.input, vector.expected) { Issue.record("\(difference)") }
        }
    }

    /// botocore, run now, on requests it has not seen before.
    @Test func liveBotocoreOracle() throws {
        let cases = SigV4Case.generate(count: 300, seed: UInt64(Date().timeIntervalSince1970))
        guard let expected = try Self.botocore(cases) else { return }
        #expect(expected.count == cases.count)
        for (input, answer) in zip(cases, expected) {
            if let difference = Self.compare(input, answer) { Issue.record("\(difference)") }
        }
    }

    @Test func credentialsNeverPrintTheirSecrets() {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE",
            secretAccessKey: "very-secret",
            sessionToken: "tok-123"
        )
        for text in [
            credentials.description, String(describing: credentials), "\(credentials)", String(reflecting: credentials),
        ] {
            #expect(!text.contains("very-secret") && !text.contains("tok-123"), "\(text)")
        }
    }
}
