import AWSBackend
import Foundation
import Testing

/// The query protocol: bodies checked before sending, answers and errors parsed, durations clamped.
@Suite struct STSTests {
    @Test func assumeRoleBodyIsEncodedLikeBotocores() throws {
        let body = try STSRequest.body(
            .init(
                roleARN: "arn:aws:iam::222222222222:role/deploy-role",
                sessionName: "oncall-alice",
                durationSeconds: 900,
                externalID: "ext-123",
                mfaSerial: "arn:aws:iam::111111111111:mfa/alice",
                tokenCode: "123456"
            )
        )
        #expect(
            body == "Action=AssumeRole&Version=2011-06-15"
                + "&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2Fdeploy-role&RoleSessionName=oncall-alice"
                + "&DurationSeconds=900&ExternalId=ext-123&SerialNumber=arn%3Aaws%3Aiam%3A%3A111111111111%3Amfa%2Falice"
                + "&TokenCode=123456"
        )
        #expect(STSRequest.getCallerIdentityBody == "Action=GetCallerIdentity&Version=2011-06-15")
    }

    @Test(arguments: [
        (STSRequest.AssumeRole(roleARN: "deploy-role", sessionName: "s1"), "RoleArn"),
        (
            STSRequest.AssumeRole(roleARN: "arn:aws:iam::2:role/deploy-role", sessionName: "has space"),
            "RoleSessionName"
        ),
        (STSRequest.AssumeRole(roleARN: "arn:aws:iam::2:role/deploy-role", sessionName: "x"), "RoleSessionName"),
        (
            STSRequest.AssumeRole(roleARN: "arn:aws:iam::2:role/deploy-role", sessionName: "ok", durationSeconds: 60),
            "DurationSeconds"
        ),
        (
            STSRequest.AssumeRole(roleARN: "arn:aws:iam::2:role/deploy-role", sessionName: "ok", externalID: "a b"),
            "ExternalId"
        ),
        (
            STSRequest.AssumeRole(
                roleARN: "arn:aws:iam::2:role/deploy-role",
                sessionName: "ok",
                mfaSerial: "arn:aws:iam::1:mfa/alice",
                tokenCode: "12345"
            ), "TokenCode"
        ),
        (
            STSRequest.AssumeRole(
                roleARN: "arn:aws:iam::2:role/deploy-role",
                sessionName: "ok",
                sourceIdentity: "aws:x"
            ),
            "SourceIdentity"
        ),
    ])
    func badParametersAreNamedBeforeSending(call: STSRequest.AssumeRole, parameter: String) {
        do {
            _ = try STSRequest.body(call)
            Issue.record("accepted \(call)")
        } catch {
            #expect(error.parameter == parameter, "\(error)")
        }
    }

    @Test func assumeRoleAnswerIsParsedAndItsSecretsStayHidden() throws {
        let xml = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials>
                  <AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>s3cr3t&amp;more</SecretAccessKey>
                  <SessionToken>token-value</SessionToken><Expiration>2026-11-23T12:41:02Z</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <AssumedRoleId>AROAEXAMPLE:oncall-alice</AssumedRoleId>
                  <Arn>arn:aws:sts::123456789012:assumed-role/deploy-role/oncall-alice</Arn>
                </AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """
        let role = try STSResponse.assumeRole(xml)
        #expect(role.credentials.accessKeyID == "ASIAEXAMPLE")
        #expect(role.credentials.secretAccessKey == "s3cr3t&more")
        #expect(role.credentials.expiration == Date(timeIntervalSince1970: 1_795_437_662))
        #expect(role.assumedRoleARN.hasSuffix(":assumed-role/deploy-role/oncall-alice"))
        #expect(!"\(role)".contains("s3cr3t") && !"\(role)".contains("token-value"))
        #expect(throws: STSResponse.Malformed.self) { try STSResponse.assumeRole("<html>gateway</html>") }
    }

    @Test func callerIdentity() throws {
        let xml = """
            <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::222222222222:assumed-role/x/y</Arn>
            <UserId>AROAX:y</UserId><Account>222222222222</Account></GetCallerIdentityResult></GetCallerIdentityResponse>
            """
        #expect(
            try STSResponse.callerIdentity(xml)
                == CallerIdentity(
                    account: "222222222222",
                    arn: "arn:aws:sts::222222222222:assumed-role/x/y",
                    userID: "AROAX:y"
                )
        )
    }

    @Test(arguments: [
        (
            "AccessDenied", "User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: sts:AssumeRole", 403,
            "Access denied: a trust policy", false
        ),
        (
            "AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code.", 403,
            "the role needs MFA", false
        ),
        ("ExpiredToken", "The security token included in the request is expired", 400, "hop before this one", false),
        (
            "SignatureDoesNotMatch", "The request signature we calculated does not match", 403, "secret key is wrong",
            false
        ),
        ("RegionDisabledException", "STS is not activated in this region", 403, "not active in this region", false),
        ("Throttling", "Rate exceeded", 400, "after retries with backoff", true),
        ("InternalFailure", "oops", 500, "after retries with backoff", true),
        ("MalformedPolicyDocument", "bad policy", 400, "session policy", false),
    ])
    func errorsBecomeSentences(code: String, message: String, status: Int, sentence: String, retry: Bool) {
        let body =
            "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error>"
            + "<RequestId>abc</RequestId></ErrorResponse>"
        let error = AWSServiceError.parse(body, httpStatus: status)
        #expect(error.code == code && error.requestID == "abc")
        #expect(error.operatorSentence.contains(sentence), "\(error.operatorSentence)")
        #expect(error.isRetryable == retry)
    }

    @Test func aNonSTSBodyIsStillOneClearLine() {
        let error = AWSServiceError.parse("<html><body>502 Bad Gateway</body></html>\nmore", httpStatus: 502)
        #expect(error.code == "HTTP502" && error.isRetryable)
        #expect(error.message == "<html><body>502 Bad Gateway</body></html>")
    }

    @Test(
        arguments: [
            (nil, nil, false, 3600, nil),
            (43200, 43200, false, 43200, nil),
            (43200, 43200, true, 3600, "role chaining caps sessions at 1 hour"),
            (7200, 3600, false, 3600, "MaxSessionDuration is 3600 s"),
            (600, nil, false, 900, "minimum is 900 s"),
        ] as [(Int?, Int?, Bool, Int, String?)]
    )
    func durationsAreClampedBeforeTheCall(requested: Int?, max: Int?, chained: Bool, seconds: Int, note: String?) {
        let plan = SessionDuration.plan(requested: requested, maxSessionDuration: max, chained: chained)
        #expect(plan.seconds == seconds)
        if let note {
            #expect(plan.note?.contains(note) == true, "\(plan.note ?? "no note")")
        } else {
            #expect(plan.note == nil)
        }
    }
}
