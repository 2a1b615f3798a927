extension DemoProject {
    /// The stages before deploying, their jobs, and how the project deploys.
    struct Definition {
        let stages: [String]
        let jobs: [DemoJobSpec]
        let deployJob: String
        let deployKind: DemoJobKind
        let deployImage: String
    }

    // Pools: 0 small (CLIs, terraform, lint), 1 medium (docker builds), 2 big (compilation, rendering, performance).
    static func definition(_ template: Template) -> Definition {
        let terraform = "platform/runner-images/terraform:1.9"
        let docker = "platform/runner-images/docker:27"
        let awsCLI = "platform/runner-images/aws-cli:2"
        switch template {
        case .terraform:
            return Definition(
                stages: ["validate", "plan"],
                jobs: [
                    DemoJobSpec("fmt", stage: 0, pool: 0, kind: .terraformFormat, duration: 20...45, image: terraform),
                    DemoJobSpec("tflint", stage: 0, pool: 0, kind: .lint, duration: 25...70, image: terraform),
                    DemoJobSpec("plan", stage: 1, pool: 0, kind: .terraformPlan, duration: 60...200, image: terraform),
                ],
                deployJob: "apply",
                deployKind: .terraformApply,
                deployImage: terraform
            )
        case .images:
            return Definition(
                stages: ["build", "test"],
                jobs: [
                    DemoJobSpec(
                        "build-terraform-image",
                        stage: 0,
                        pool: 1,
                        kind: .dockerBuild,
                        duration: 90...240,
                        image: docker
                    ),
                    DemoJobSpec(
                        "build-node-image",
                        stage: 0,
                        pool: 1,
                        kind: .dockerBuild,
                        duration: 90...240,
                        image: docker
                    ),
                    DemoJobSpec("trivy-scan", stage: 1, pool: 0, kind: .imageScan, duration: 30...90, image: docker),
                ],
                deployJob: "promote",
                deployKind: .deploy,
                deployImage: awsCLI
            )
        case .service:
            return Definition(
                stages: ["build", "test"],
                jobs: [
                    DemoJobSpec(
                        "compile",
                        stage: 0,
                        pool: 2,
                        kind: .compile,
                        duration: 240...480,
                        image: "platform/runner-images/golang:1.23"
                    ),
                    DemoJobSpec(
                        "docker-build",
                        stage: 0,
                        pool: 1,
                        kind: .dockerBuild,
                        duration: 60...200,
                        image: docker
                    ),
                    DemoJobSpec(
                        "unit-tests",
                        stage: 1,
                        pool: 1,
                        kind: .unitTests,
                        duration: 60...200,
                        image: "platform/runner-images/golang:1.23"
                    ),
                    DemoJobSpec(
                        "lint",
                        stage: 1,
                        pool: 0,
                        kind: .lint,
                        duration: 20...60,
                        image: "platform/runner-images/golang:1.23"
                    ),
                ],
                deployJob: "deploy",
                deployKind: .deploy,
                deployImage: awsCLI
            )
        case .frontend:
            let node = "platform/runner-images/node:20"
            return Definition(
                stages: ["build", "test"],
                jobs: [
                    DemoJobSpec(
                        "docker-build",
                        stage: 0,
                        pool: 1,
                        kind: .dockerBuild,
                        duration: 90...240,
                        image: docker
                    ),
                    DemoJobSpec("jest", stage: 1, pool: 1, kind: .unitTests, duration: 40...160, image: node),
                    DemoJobSpec("eslint", stage: 1, pool: 0, kind: .lint, duration: 20...60, image: node),
                    DemoJobSpec("lighthouse", stage: 1, pool: 2, kind: .browserTests, duration: 240...420, image: node),
                ],
                deployJob: "deploy",
                deployKind: .deploy,
                deployImage: awsCLI
            )
        case .etl:
            let python = "platform/runner-images/python:3.12"
            return Definition(
                stages: ["build", "test"],
                jobs: [
                    DemoJobSpec(
                        "docker-build",
                        stage: 0,
                        pool: 1,
                        kind: .dockerBuild,
                        duration: 60...180,
                        image: docker
                    ),
                    DemoJobSpec("pytest", stage: 1, pool: 1, kind: .unitTests, duration: 40...180, image: python),
                    DemoJobSpec("flake8", stage: 1, pool: 0, kind: .lint, duration: 20...50, image: python),
                ],
                deployJob: "deploy",
                deployKind: .deploy,
                deployImage: awsCLI
            )
        }
    }
}
