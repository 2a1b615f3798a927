import AWSBackend
import Foundation
import Testing

/// botocore's profile semantics and its exact error messages, with the file and line added.
@Suite struct ProfileResolverTests {
    static let environment = ["HOME": "/home/op"]

    static func config(_ config: String, credentials: String? = nil) throws -> SharedConfig {
        try SharedConfig.load(environment: environment) { path in
            path.hasSuffix("/config") ? config : (path.hasSuffix("/credentials") ? credentials : nil)
        }
    }

    static let seeds = """
        [default]
        region = eu-west-1

        # The GitLab path: node role from instance metadata, then the runner role, then the delegated role.
        [profile runner]
        role_arn = arn:aws:iam::111111111111:role/cicd-kube2iam-gitlab_runner_role
        credential_source = Ec2InstanceMetadata

        [profile development]
        role_arn = arn:aws:iam::222222222222:role/cicd/delegated-role
        source_profile = runner
        role_session_name = gitlab-deploy
        duration_seconds = 900

        [profile "with space"]
        aws_access_key_id = AKIDEXAMPLE

        [profile ops]
        role_arn = arn:aws:iam::333333333333:role/ops
        source_profile = base
        external_id = shared-secret
        mfa_serial = arn:aws:iam::444444444444:mfa/op
        duration_seconds = 12h

        [sso-session corp]
        sso_region = eu-west-1
        """

    static let credentials = """
        [base]
        aws_access_key_id = AKIDEXAMPLE
        aws_secret_access_key = wJalrXUtnFEMIexample

        [profile runner]
        aws_access_key_id = not-a-profile-in-this-file
        """

    @Test func aChainIsWalkedHopByHopWithoutInheritance() throws {
        let resolver = ProfileResolver(config: try Self.config(Self.seeds, credentials: Self.credentials))
        let plan = try resolver.plan(for: "development")
        #expect(plan.base == .instanceMetadata)
        #expect(plan.hops.map(\.profile) == ["runner", "development"])
        #expect(plan.hops[1].sessionName == "gitlab-deploy" && plan.hops[0].sessionName == nil)
        #expect(plan.hops[1].durationSeconds == 900 && plan.hops[0].durationSeconds == nil)
        #expect(plan.isChained(hop: 0) && plan.isChained(hop: 1))
        #expect(plan.hops[1].location == "/home/op/.aws/config:9")
    }

    @Test func staticKeysFromTheCredentialsFileStartAChain() throws {
        let resolver = ProfileResolver(config: try Self.config(Self.seeds, credentials: Self.credentials))
        let plan = try resolver.plan(for: "ops")
        #expect(plan.base == .staticKeys(profile: "base"))
        #expect(plan.hops.first?.externalID == "shared-secret")
        #expect(plan.hops.first?.mfaSerial == "arn:aws:iam::444444444444:mfa/op")
        #expect(plan.hops.first?.durationSeconds == nil)
        #expect(plan.warnings.first?.contains("duration_seconds \"12h\"") == true)
        #expect(!plan.isChained(hop: 0))
    }

    @Test func headersAreShellSplitAndOtherSectionsAreNotProfiles() throws {
        let config = try Self.config(Self.seeds, credentials: Self.credentials)
        #expect(config.profiles["with space"] != nil)
        #expect(config.profiles["corp"] == nil && config.profiles["sso-session corp"] == nil)
        // In the credentials file the header is the name as written.
        #expect(config.profiles["profile runner"]?["aws_access_key_id"] == "not-a-profile-in-this-file")
        #expect(config.profiles["runner"]?["aws_access_key_id"] == nil)
    }

    @Test func credentialsFileKeysWinOverConfigFileKeys() throws {
        let config = try Self.config(
            "[profile p]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n",
            credentials: "[p]\naws_access_key_id = FROMCREDENTIALS\naws_secret_access_key = x\n"
        )
        #expect(config.profiles["p"]?["aws_access_key_id"] == "FROMCREDENTIALS")
        #expect(config.profiles["p"]?["region"] == "eu-west-1")
    }

    @Test(arguments: [
        (
            "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\ncredential_source = Environment\n", "a",
            "The profile \"a\" contains both source_profile and credential_source. (/home/op/.aws/config:1)"
        ),
        (
            "[profile a]\nrole_arn = arn:aws:iam::1:role/a\n", "a",
            "Partial credentials found in assume-role, missing: source_profile or credential_source"
        ),
        (
            "[profile a]\nrole_arn = arn:aws:iam::1:role/a\ncredential_source = Ec2Metadata\n", "a",
            "The credential source \"Ec2Metadata\" referenced in profile \"a\" is not valid. (/home/op/.aws/config:3)"
        ),
        (
            "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = ghost\n", "a",
            "The source_profile \"ghost\" referenced in the profile \"a\" does not exist. (/home/op/.aws/config:3)"
        ),
        (
            "[profile a]\nrole_arn = r\nsource_profile = b\n[profile b]\nrole_arn = r\nsource_profile = a\n", "a",
            "Infinite loop in credential configuration detected. Attempting to load from profile a which has "
                + "already been visited. Visited profiles: ['a', 'b']"
        ),
        (
            "[profile a]\nrole_arn = r\nsource_profile = a\n", "a",
            "Infinite loop in credential configuration detected. Attempting to load from profile a"
        ),
        (
            "[profile a]\nrole_arn = r\nsource_profile = b\n[profile b]\nregion = eu-west-1\n", "a",
            "The source profile \"b\" must have credentials. (/home/op/.aws/config:4)"
        ),
        ("[default]\nregion = eu-west-1\n", "nope", "The config profile (nope) could not be found"),
    ])
    func botocoreErrors(config: String, profile: String, message: String) throws {
        let resolver = ProfileResolver(config: try Self.config(config))
        do {
            _ = try resolver.plan(for: profile)
            Issue.record("resolved \(profile)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func aProfileMayNameItselfOnlyWhenItHoldsKeys() throws {
        let text =
            "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = a\n"
            + "aws_access_key_id = AKID\naws_secret_access_key = s\n"
        let plan = try ProfileResolver(config: try Self.config(text)).plan(for: "a")
        #expect(plan.base == .staticKeys(profile: "a") && plan.hops.count == 1)
    }

    @Test func malformedFilesNameTheLine() {
        #expect(throws: INIFile.ParseError.self) { try Self.config("[profile a]\nthis is not a setting\n") }
        do {
            _ = try Self.config("[profile a]\nregion = x\n[profile a]\n")
            Issue.record("accepted a duplicate section")
        } catch let error as INIFile.ParseError {
            #expect(
                error.description
                    == "/home/op/.aws/config:3: section [profile a] appears again (first on line 1); merge the two"
            )
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func nestedBlocksAndContinuationsParseAsBotocoreDoes() throws {
        let file = try INIFile.parse("[profile a]\ns3 =\n  max_concurrent_requests = 20\nregion = eu\n", path: "c")
        let values = file.sections[0].values
        #expect(values["s3"]?.nested["max_concurrent_requests"] == "20")
        #expect(values["region"]?.text == "eu")
    }
}

/// botocore behaviours a review found missing.
@Suite struct ProfileResolverBotocoreDetailTests {
    static func config(
        _ config: String,
        credentials: String? = nil,
        environment: [String: String] = ["HOME": "/home/op"]
    )
        throws -> SharedConfig
    {
        try SharedConfig.load(environment: environment) { path in
            path.hasSuffix("config") ? config : (path.hasSuffix("credentials") ? credentials : nil)
        }
    }

    @Test func oneKeyWithoutTheOtherIsPartial() throws {
        let resolver = ProfileResolver(config: try Self.config("", credentials: "[p]\naws_access_key_id = AKID\n"))
        do {
            _ = try resolver.plan(for: "p")
            Issue.record("resolved")
        } catch {
            #expect(
                error.description.hasPrefix(
                    "Partial credentials found in shared-credentials-file, missing: aws_secret_access_key"
                )
            )
        }
    }

    @Test func providerOrderCredentialsFileThenSSOThenProcessThenConfigKeys() throws {
        let config = try Self.config(
            "[profile a]\naws_access_key_id = K\naws_secret_access_key = S\ncredential_process = get-creds\n"
                + "[profile b]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n",
            credentials: "[b]\naws_access_key_id = K\naws_secret_access_key = S\n"
        )
        let resolver = ProfileResolver(config: config)
        #expect(try resolver.plan(for: "a").base == .external(profile: "a", method: "credential_process"))
        #expect(try resolver.plan(for: "b").base == .staticKeys(profile: "b"))
    }

    @Test func headersAsBotocoreSplitsThem() throws {
        let config = try Self.config(
            "[profilex foo]\nregion = a\n[profile \"open]\nregion = b\n[ default ]\nregion = c\n"
        )
        #expect(config.profiles["foo"]?["region"] == "a")
        #expect(config.profiles["open"] == nil && config.profiles["\"open"] == nil)
    }

    @Test func aKeySetTwiceIsAnError() {
        #expect(throws: INIFile.ParseError.self) { try Self.config("[profile a]\nregion = a\nregion = b\n") }
    }

    @Test func variablesInTheFilePathsAreExpanded() {
        let paths = SharedConfig.paths(environment: [
            "HOME": "/h", "TEAM": "ops", "AWS_CONFIG_FILE": "$HOME/${TEAM}/config",
        ])
        #expect(paths.config == "/h/ops/config")
    }

    @Test func ssoRoleCredentialsMakeTheFirstHopChained() throws {
        let config = try Self.config(
            "[profile sso]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n"
                + "[profile deploy]\nrole_arn = arn:aws:iam::2:role/deploy\nsource_profile = sso\n"
        )
        #expect(try ProfileResolver(config: config).plan(for: "deploy").isChained(hop: 0))
    }

    @Test func secretsStayOutOfDumpsAndRequestDescriptions() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "very-secret", sessionToken: "tok-123")
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains("very-secret") && !dumped.contains("tok-123"), "\(dumped)")
        let signed = SigV4Signer(credentials: credentials, region: "us-east-1", service: "sts")
            .sign(SignableRequest(method: "POST", host: "sts.amazonaws.com"), at: Date(timeIntervalSince1970: 0))
        var described = ""
        dump(signed, to: &described)
        #expect(!"\(signed)".contains("tok-123") && !described.contains("tok-123"))
        #expect(!"\(signed)".contains("Signature="))
    }

    @Test func malformedLinesAreNotQuotedInErrors() {
        do {
            _ = try Self.config("[profile a]\nwJalrXUtnFEMI-stray-secret\n")
        } catch {
            #expect(!"\(error)".contains("stray-secret"))
        }
    }
}
