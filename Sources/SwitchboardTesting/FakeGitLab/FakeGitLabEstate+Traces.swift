import Foundation

extension FakeGitLabEstate {
    private static let esc = "\u{1b}"

    /// The lines every log starts with (runner, executor, sources), section markers stamped from the job's start.
    static func traceHead(_ state: FakeGitLab.State, job id: Int, image: String) -> (String, Int) {
        let job = state.jobs[id]!
        let start = Int((job.startedAt ?? job.createdAt).timeIntervalSince1970)
        let runner = job.runnerID.flatMap { state.runners[$0] }
        let pod = state.manager(job.runnerManagerID)?.1
        let project = state.projects[job.projectID]?.pathWithNamespace ?? ""
        let pipeline = state.pipelines[job.pipelineID]
        let podName = "runner-\(pod?.systemID.dropFirst(2).prefix(8) ?? "x")-project-\(job.projectID)-concurrent-0"
        var text = "\(esc)[0KRunning with gitlab-runner \(runner?.version ?? "17.5.1") (5a021a1c)\(esc)[0;m\n"
        text += "\(esc)[0K  on \(runner?.description ?? "runner") \(pod?.systemID ?? ""), system ID: "
        text += "\(pod?.systemID ?? "")\(esc)[0;m\n"
        text += "section_start:\(start):prepare_executor\r\(esc)[0K\(esc)[0K\(esc)[36;1mPreparing the "
        text += "\"kubernetes\" executor\(esc)[0;m\n"
        text += "\(esc)[0KUsing Kubernetes namespace: gitlab-runners\(esc)[0;m\n"
        text += "\(esc)[0KUsing Kubernetes executor with image \(image) ...\(esc)[0;m\n"
        text += "section_end:\(start + 1):prepare_executor\r\(esc)[0K\n"
        text += "section_start:\(start + 1):prepare_script\r\(esc)[0K\(esc)[0K\(esc)[36;1mPreparing environment"
        text += "\(esc)[0;m\n"
        text += "Waiting for pod gitlab-runners/\(podName) to be running, status is Pending\n"
        text += "Running on \(podName) via \(runner?.description ?? "runner")...\n"
        text += "section_end:\(start + 4):prepare_script\r\(esc)[0K\n"
        text += "section_start:\(start + 4):get_sources\r\(esc)[0K\(esc)[0K\(esc)[36;1mGetting source from Git "
        text += "repository\(esc)[0;m\n"
        text += "\(esc)[32;1mFetching changes with git depth set to 20...\(esc)[0;m\n"
        text += "Initialized empty Git repository in /builds/\(project)/.git/\n"
        text += "\(esc)[32;1mCreated fresh repository.\(esc)[0;m\n"
        text += "\(esc)[32;1mChecking out \(pipeline?.sha.prefix(8) ?? "") as detached HEAD (ref is "
        text += "\(pipeline?.ref ?? "main"))...\(esc)[0;m\n"
        text += "section_end:\(start + 6):get_sources\r\(esc)[0K\n"
        text += "section_start:\(start + 6):step_script\r\(esc)[0K\(esc)[0K\(esc)[36;1mExecuting \"step_script\" "
        text += "stage of the job script\(esc)[0;m\n"
        return (text, start + 6)
    }

    /// A short log for any job that ran: its script, then success or failure unless still running.
    static func plainTrace(_ state: FakeGitLab.State, job id: Int) -> String {
        let job = state.jobs[id]!
        var (text, at) = traceHead(state, job: id, image: "registry.example.com/ci/\(job.stage):latest")
        text += "\(esc)[32;1m$ ./ci/\(job.name).sh\(esc)[0;m\n"
        text += "\(job.name): step 1 of 3 done\n\(job.name): step 2 of 3 done\n"
        guard job.status.isFinished else { return text }
        let end = at + Int(job.duration ?? 10)
        if job.status == .success {
            text += "\(job.name): step 3 of 3 done\n"
            at = end
            text += "section_end:\(at):step_script\r\(esc)[0K\n"
            text += "section_start:\(at):cleanup_file_variables\r\(esc)[0K\(esc)[0K\(esc)[36;1mCleaning up "
            text += "project directory and file based variables\(esc)[0;m\n"
            text += "section_end:\(at + 1):cleanup_file_variables\r\(esc)[0K\n"
            return text + "\(esc)[32;1mJob succeeded\(esc)[0;m\n"
        }
        text += "section_end:\(end):step_script\r\(esc)[0K\n"
        if job.status == .canceled { return text + "\(esc)[31;1mERROR: Job failed: canceled\(esc)[0;m\n" }
        return text + "\(esc)[31;1mERROR: Job failed: exit code 1\n\(esc)[0;m\n"
    }

    /// `terraform plan` mid-run: colours, a `\r` progress line, a masked variable, an open section.
    static func terraformPlanTrace(_ state: FakeGitLab.State, job id: Int) -> String {
        var (text, _) = traceHead(state, job: id, image: "hashicorp/terraform:1.9")
        text += "\(esc)[32;1m$ export TF_VAR_database_password=[MASKED]\(esc)[0;m\n"
        text += "\(esc)[32;1m$ terraform init -input=false\(esc)[0;m\n"
        text += "\(esc)[0m\(esc)[1mInitializing the backend...\(esc)[0m\n"
        text += "Initializing modules...\n"
        text += "Downloading registry.terraform.io/terraform-aws-modules/vpc/aws 5.8.1 for vpc...\n"
        text += "Initializing provider plugins...  12%\rInitializing provider plugins...  47%\r"
        text += "Initializing provider plugins... 100%\n"
        text += "- Installed hashicorp/aws v5.76.0 (signed by HashiCorp)\n"
        text += "\(esc)[0m\(esc)[1m\(esc)[32mTerraform has been successfully initialized!\(esc)[0m\n"
        text += "\(esc)[32;1m$ terraform plan -out=plan.tfplan\(esc)[0;m\n"
        text += "module.vpc.aws_vpc.this[0]: Refreshing state... [id=vpc-0a1b2c3d4e5f67890]\n"
        text += "module.vpc.aws_subnet.private[0]: Refreshing state... [id=subnet-0123456789abcdef0]\n"
        text += "\nTerraform will perform the following actions:\n\n"
        text += "\(esc)[1m  # aws_vpc_endpoint.s3\(esc)[0m will be created\n"
        text += "\(esc)[0m  \(esc)[32m+\(esc)[0m\(esc)[0m resource \"aws_vpc_endpoint\" \"s3\" {\n"
        text += "      \(esc)[32m+\(esc)[0m\(esc)[0m service_name = \"com.amazonaws.eu-west-1.s3\"\n"
        text += "      \(esc)[32m+\(esc)[0m\(esc)[0m vpc_id       = \"vpc-0a1b2c3d4e5f67890\"\n"
        text += "    }\n"
        return text
    }

    static func terraformErrorTrace(_ state: FakeGitLab.State, job id: Int) -> String {
        let job = state.jobs[id]!
        var (text, at) = traceHead(state, job: id, image: "hashicorp/terraform:1.9")
        text += "\(esc)[32;1m$ terraform plan -out=plan.tfplan\(esc)[0;m\n"
        text += "\(esc)[31m╷\(esc)[0m\(esc)[0m\n"
        text += "\(esc)[31m│\(esc)[0m \(esc)[0m\(esc)[1m\(esc)[31mError: \(esc)[0m\(esc)[0m\(esc)[1mInvalid "
        text += "value for variable\(esc)[0m\n"
        text += "\(esc)[31m│\(esc)[0m \(esc)[0m  on scp.tf line 12: \"Action\" must not be \"*\" in a deny list.\n"
        text += "\(esc)[31m╵\(esc)[0m\(esc)[0m\n"
        at += Int(job.duration ?? 40)
        text += "section_end:\(at):step_script\r\(esc)[0K\n"
        return text + "\(esc)[31;1mERROR: Job failed: exit code 1\n\(esc)[0;m\n"
    }

    static func systemFailureTrace(_ state: FakeGitLab.State, job id: Int) -> String {
        let job = state.jobs[id]!
        let start = Int((job.startedAt ?? job.createdAt).timeIntervalSince1970)
        let runner = job.runnerID.flatMap { state.runners[$0] }
        var text = "\(esc)[0KRunning with gitlab-runner \(runner?.version ?? "17.5.1") (5a021a1c)\(esc)[0;m\n"
        text += "\(esc)[0K  on \(runner?.description ?? "runner")\(esc)[0;m\n"
        text += "section_start:\(start):prepare_executor\r\(esc)[0K\(esc)[0K\(esc)[36;1mPreparing the "
        text += "\"kubernetes\" executor\(esc)[0;m\n"
        text += "section_end:\(start + 1):prepare_executor\r\(esc)[0K\n"
        text += "section_start:\(start + 1):prepare_script\r\(esc)[0K\(esc)[0K\(esc)[36;1mPreparing environment"
        text += "\(esc)[0;m\n"
        text += "Waiting for pod gitlab-runners/runner-build-image to be running, status is Pending\n"
        text += "\tContainersNotReady: \"containers with unready status: [build helper]\"\n"
        text += "section_end:\(start + 41):prepare_script\r\(esc)[0K\n"
        return text + "\(esc)[31;1mERROR: Job failed (system failure): prepare environment: waiting for pod running: "
            + "timed out waiting for pod to start\(esc)[0;m\n"
    }
}
