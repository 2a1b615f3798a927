extension DemoLogScript {
    static func terraformInit(_ context: DemoLogContext) -> [String] {
        [
            "$ export AWS_PROFILE=\(profile(context.environment))",
            "$ cd iac/terraform/app",
            "$ terraform init -input=false",
            "Initializing the backend...",
            "Successfully configured the backend \"s3\"! Terraform will automatically",
            "use this backend unless the backend configuration changes.",
            "Initializing provider plugins...",
            "- Finding hashicorp/aws versions matching \"~> 5.0\"...",
            "- Installing hashicorp/aws v5.74.0...",
            "- Installed hashicorp/aws v5.74.0 (signed by HashiCorp)",
            "Terraform has been successfully initialized!",
        ]
    }

    /// The profile names of the runner images' AWS config.
    static func profile(_ environment: String) -> String {
        switch environment {
        case "production": return "prod"
        case "development": return "dev"
        default: return environment
        }
    }

    static func lintCommand(_ context: DemoLogContext) -> String {
        switch fileExtension(context.spec.image) {
        case "go": return "$ golangci-lint run --timeout 5m ./..."
        case "ts": return "$ npx eslint --max-warnings 0 ."
        case "py": return "$ flake8 --max-line-length 120 src tests"
        default: return "$ tflint --recursive --format compact"
        }
    }

    static func testCommand(_ context: DemoLogContext) -> String {
        switch fileExtension(context.spec.image) {
        case "go": return "$ go test -race -count=1 -v ./..."
        case "ts": return "$ npx jest --ci --reporters=default"
        default: return "$ pytest -v --maxfail=5 tests"
        }
    }

    static func testSummary(_ context: DemoLogContext) -> String {
        switch fileExtension(context.spec.image) {
        case "go": return "ok  \tgitlab.example.com/\(context.project.path)/...\t\(context.bodyLength / 40).412s"
        case "ts": return "Tests:       \(context.bodyLength) passed, \(context.bodyLength) total"
        default: return "==== \(context.bodyLength) passed in \(context.bodyLength / 9).2s ===="
        }
    }

    static func testLine(
        _ context: DemoLogContext,
        index: Int,
        package: String,
        module: String,
        random: inout SeededRandom
    ) -> String {
        let name = package.prefix(1).uppercased() + package.dropFirst()
        switch fileExtension(context.spec.image) {
        case "go":
            return index % 2 == 0
                ? "=== RUN   Test\(name)\(index / 2)"
                : "--- PASS: Test\(name)\(index / 2) (0.\(random.int(in: 10...99))s)"
        case "ts":
            return "PASS src/\(package)/\(module).test.tsx (\(random.int(in: 1...9)).\(random.int(in: 100...999)) s)"
        default:
            let percent = min(99, index * 100 / max(1, context.bodyLength))
            return "tests/test_\(package).py::test_\(module)_\(index) PASSED [\(percent)%]"
        }
    }

    static func deployOpening(_ context: DemoLogContext) -> [String] {
        let profile = profile(context.environment)
        let service = context.service
        return [
            "$ export AWS_PROFILE=\(profile)",
            "$ aws configure list",
            "      Name                    Value             Type    Location",
            "   profile                     \(profile)              env    ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']",
            "access_key                 [MASKED]         iam-role",
            "secret_key                 [MASKED]         iam-role",
            "    region             eu-central-1      config-file    ~/.aws/config",
            "$ aws sts get-caller-identity --query Arn --output text",
            "arn:aws:sts::\(context.accountID):assumed-role/delegated-role/botocore-session-\(context.jobID)",
            "$ aws ecs update-service --cluster main --service \(service) --force-new-deployment",
            "$ aws ecs wait services-stable --cluster main --services \(service)",
        ]
    }

    static func deployClosing(_ context: DemoLogContext) -> [String] {
        [
            "Service \(context.service) is stable: 4/4 tasks running",
            "$ curl -fsS https://\(context.service).\(context.environment).internal.example.com/healthz",
            "{\"status\":\"ok\"}",
        ]
    }

    /// What a job prints when its script fails.
    func scriptError() -> [String] {
        let path = context.project.path
        switch context.spec.kind {
        case .terraformFormat:
            return ["modules/ecs/main.tf", "--- old/modules/ecs/main.tf", "+++ new/modules/ecs/main.tf"]
        case .terraformPlan, .terraformApply:
            return [
                "Error: Error acquiring the state lock",
                "  Lock Info: Path: terraform-state/\(path)/\(context.environment).tfstate, Who: runner@\(context.pod)",
            ]
        case .lint:
            return [
                "src/quote/rounding.\(Self.fileExtension(context.spec.image)):42:9: unused variable 'total'",
                "1 problem found",
            ]
        case .dockerBuild:
            return [
                "ERROR: failed to solve: process \"/bin/sh -c npm ci --omit=dev\" did not complete successfully: "
                    + "exit code: 1"
            ]
        case .imageScan:
            return ["Total: 1 (HIGH: 1, CRITICAL: 0)", "openssl  CVE-2025-9230  HIGH  fixed in 3.3.5-r0"]
        case .compile:
            return [
                "ERROR: /builds/\(path)/internal/ledger/BUILD.bazel:12:10: GoCompilePkg failed: (Exit 1)",
                "internal/ledger/reconcile.go:88:15: undefined: settlementWindow",
                "FAILED: Build did NOT complete successfully",
            ]
        case .unitTests:
            return ["--- FAIL: TestQuoteRounding (0.02s)", "    rounding_test.go:57: got 10.01, want 10.00", "FAIL"]
        case .browserTests:
            return [
                "  1) [chromium] > checkout/cart.spec.ts:42:7 > applies coupon",
                "    Error: Timed out 5000ms waiting for expect(locator).toBeVisible()", "  1 failed",
            ]
        case .deploy:
            return ["Waiter ServicesStable failed: Max attempts exceeded"]
        }
    }
}
