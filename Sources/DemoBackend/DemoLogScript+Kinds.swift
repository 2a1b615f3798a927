extension DemoLogScript {
    static let modules = ["network", "ecs", "iam", "dns", "monitoring", "rds", "s3", "alb", "vpc-endpoints"]
    static let resources = [
        "aws_subnet.private", "aws_route_table.private", "aws_security_group.service", "aws_iam_role.task",
        "aws_ecs_service.app", "aws_cloudwatch_log_group.app", "aws_lb_target_group.app", "aws_s3_bucket.assets",
        "aws_route53_record.api", "aws_ecs_task_definition.app",
    ]
    static let packages = [
        "ledger", "quote", "invoice", "settlement", "webhook", "ratelimit", "pricing", "carrier", "tracking", "auth",
    ]

    static func parts(_ context: DemoLogContext) -> (opening: [String], closing: [String]) {
        let env = context.environment
        let image = "\(context.registry)/\(context.project.path)"
        switch context.spec.kind {
        case .terraformFormat:
            return (
                ["$ cd iac/terraform", "$ terraform fmt -check -recursive -diff"],
                ["$ terraform validate", "Success! The configuration is valid."]
            )
        case .terraformPlan:
            return (
                terraformInit(context) + ["$ terraform plan -input=false -out=\(env).plan.tfplan"],
                [
                    "", "  # module.ecs.aws_ecs_service.app will be updated in-place",
                    "  ~ resource \"aws_ecs_service\" \"app\" {",
                    "      ~ desired_count = 3 -> 4", "    }", "",
                    "Plan: 0 to add, 1 to change, 0 to destroy.", "", "Saved the plan to: \(env).plan.tfplan",
                ]
            )
        case .terraformApply:
            return (
                terraformInit(context) + ["$ terraform apply -input=false -auto-approve \(env).plan.tfplan"],
                [
                    "", "Apply complete! Resources: 0 added, 1 changed, 0 destroyed.", "", "Outputs:", "",
                    "cluster_name = \"main\"",
                ]
            )
        case .lint:
            return ([lintCommand(context)], ["0 problems found"])
        case .dockerBuild:
            return (
                [
                    "$ docker buildx build --cache-from type=registry,ref=\(image):cache "
                        + "--tag \(image):\(context.shortSHA) --push .",
                    "#0 building with \"default\" instance using docker-container driver",
                    "#1 [internal] load build definition from Dockerfile",
                    "#1 transferring dockerfile: 1.31kB done",
                    "#1 DONE 0.1s",
                ],
                [
                    "#21 exporting to image", "#21 exporting layers 3.2s done",
                    "#21 pushing layers 7.8s done", "#21 pushing manifest for \(image):\(context.shortSHA) 0.6s done",
                    "#21 DONE 11.9s",
                ]
            )
        case .imageScan:
            return (
                ["$ trivy image --exit-code 1 --severity HIGH,CRITICAL \(image):\(context.shortSHA)"],
                ["", "Total: 0 (HIGH: 0, CRITICAL: 0)"]
            )
        case .compile:
            return (
                ["$ bazel build --config=ci //...", "INFO: Analyzed 4812 targets (912 packages loaded)."],
                ["INFO: Build completed successfully, 4812 total actions", "$ ls -lh bazel-bin/cmd/server/server_"]
            )
        case .unitTests:
            return ([testCommand(context)], ["", testSummary(context)])
        case .browserTests:
            return (
                ["$ npx playwright test --reporter=line --workers=6", "Running 4200 tests using 6 workers"],
                ["", "  4200 passed (6.8m)"]
            )
        case .deploy:
            return (deployOpening(context), deployClosing(context))
        }
    }

    func middle(_ index: Int, random: inout SeededRandom) -> String {
        let module = random.pick(Self.modules)
        let package = random.pick(Self.packages)
        switch context.spec.kind {
        case .terraformFormat:
            return "  checked modules/\(module)/\(random.pick(["main", "variables", "outputs", "locals"])).tf"
        case .terraformPlan:
            let resource = random.pick(Self.resources)
            return "module.\(module).\(resource)[\(index % 7)]: Refreshing state... [id=\(Self.resourceID(&random))]"
        case .terraformApply:
            let resource = "module.\(module).\(random.pick(Self.resources))"
            switch index % 3 {
            case 0: return "\(resource): Modifying... [id=\(Self.resourceID(&random))]"
            case 1: return "\(resource): Still modifying... [\(random.int(in: 1...6) * 10)s elapsed]"
            default: return "\(resource): Modifications complete after \(random.int(in: 1...58))s"
            }
        case .lint:
            return "  checked \(package)/\(module)_\(index).\(Self.fileExtension(context.spec.image))"
        case .dockerBuild:
            let step = 2 + index / 25
            let time = Double(index) * 0.37
            return
                "#\(step) \(Self.seconds(time)) \(package)-\(module)@\(random.int(in: 1...9)).\(random.int(in: 0...30))"
                + ".\(random.int(in: 0...12)) installed"
        case .imageScan:
            return
                "\(context.project.path):\(context.shortSHA) (\(package)) scanned layer \(index + 1): 0 vulnerabilities"
        case .compile:
            let total = context.bodyLength
            return "[\(index + 1) / \(total)] Compiling \(package)/\(module)/\(package)_\(index).go; "
                + "\(random.int(in: 0...4))s linux-sandbox"
        case .unitTests:
            return Self.testLine(context, index: index, package: package, module: module, random: &random)
        case .browserTests:
            return "  ok \(index + 1) [chromium] > \(package)/\(module).spec.ts:\(random.int(in: 5...240)):7 > "
                + "renders \(module) for \(package) (\(random.int(in: 120...4_000))ms)"
        case .deploy:
            let desired = 4
            let running = min(desired - 1, index / 6)
            return "Waiting for service \(context.service) to become stable: \(running)/\(desired) new tasks running "
                + "(check \(index + 1))"
        }
    }

    static func resourceID(_ random: inout SeededRandom) -> String {
        "\(random.pick(["subnet", "sg", "rtb", "tg"]))-0" + random.string(16, from: SeededRandom.hexDigits)
    }

    static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func fileExtension(_ image: String) -> String {
        if image.contains("golang") { return "go" }
        if image.contains("node") { return "ts" }
        if image.contains("python") { return "py" }
        return "tf"
    }
}
