import Foundation
import SwitchboardCore

/// What every backend must do, whatever it talks to. A backend's tests call `run` with a fresh backend and get
/// back the list of broken promises (empty when it conforms).
public enum BackendConformance {
    public static func run(_ backend: any Backend) async -> [String] {
        var failures: [String] = []
        if backend.name.isEmpty { failures.append("name is empty") }
        if backend.kind.isEmpty { failures.append("kind is empty") }
        if let source = backend as? any OrganizationSource {
            failures += await check("organization") { try await organization(source) }
        }
        if let source = backend as? any IdentitySource {
            failures += await check("identity") { try await identity(source) }
        }
        if let source = backend as? any RunnerSource {
            failures += await check("runners") { try await runners(source) }
        }
        if let source = backend as? any PipelineSource {
            failures += await check("pipelines") { try await pipelines(source, actions: backend as? any JobActions) }
        }
        return failures
    }

    private static func check(_ area: String, _ body: () async throws -> [String]) async -> [String] {
        do {
            return try await body().map { "\(area): \($0)" }
        } catch {
            return ["\(area): threw \(error)"]
        }
    }

    static func organization(_ source: any OrganizationSource) async throws -> [String] {
        let organization = try await source.organization()
        var failures: [String] = []
        let accounts = organization.accounts
        if accounts.isEmpty { failures.append("no accounts") }
        for account in accounts where account.id.count != 12 || !account.id.allSatisfy(\.isNumber) {
            failures.append("account \(account.name) has id \"\(account.id)\", not 12 digits")
        }
        if Set(accounts.map(\.id)).count != accounts.count { failures.append("account ids repeat") }
        let policyIDs = Set(organization.policies.map(\.id))
        func walk(_ unit: OrganizationalUnit) {
            for id in unit.policyIDs where !policyIDs.contains(id) {
                failures.append("OU \(unit.name) names unknown policy \(id)")
            }
            unit.children.forEach(walk)
        }
        walk(organization.root)
        for policy in organization.policies where !isPolicyJSON(policy.document) {
            failures.append("SCP \(policy.name) is not a JSON policy document")
        }
        return failures
    }

    static func identity(_ source: any IdentitySource) async throws -> [String] {
        let inventory = try await source.identityInventory()
        var failures: [String] = []
        for role in inventory.roles {
            if !role.arn.hasPrefix("arn:aws:iam::\(role.accountID):role/") {
                failures.append("role \(role.name) has ARN \(role.arn)")
            }
            if !isPolicyJSON(role.trustPolicy) { failures.append("role \(role.arn) trust policy is not JSON") }
            for policy in role.inlinePolicies + role.attachedPolicies where !isPolicyJSON(policy.document) {
                failures.append("role \(role.arn) policy \(policy.name) is not JSON")
            }
        }
        let arns = Set(inventory.roles.map(\.arn))
        for binding in inventory.bindings where !arns.contains(binding.roleARN) {
            failures.append("binding \(binding.source) names unknown role \(binding.roleARN)")
        }
        return failures
    }

    static func runners(_ source: any RunnerSource) async throws -> [String] {
        let inventory = try await source.runners()
        var failures: [String] = []
        let ids = inventory.pools.flatMap(\.runners).map(\.id)
        if Set(ids).count != ids.count { failures.append("runner ids repeat across pools") }
        for pool in inventory.pools {
            if pool.queuedJobs < 0 { failures.append("pool \(pool.name) has a negative queue") }
            for runner in pool.runners where runner.runningJobs < 0 || runner.concurrency < 0 {
                failures.append("runner #\(runner.id) has negative counts")
            }
        }
        return failures
    }

    static func pipelines(_ source: any PipelineSource, actions: (any JobActions)?) async throws -> [String] {
        let pipelines = try await source.pipelines()
        var failures: [String] = []
        let jobIDs = pipelines.flatMap(\.jobs).map(\.id)
        if Set(jobIDs).count != jobIDs.count { failures.append("job ids repeat") }
        if Set(pipelines.map(\.id)).count != pipelines.count { failures.append("pipeline ids repeat") }
        if let job = pipelines.flatMap(\.jobs).first {
            let whole = try await source.log(jobID: job.id, from: 0)
            if whole.jobID != job.id || whole.offset != 0 { failures.append("log of job #\(job.id) is mislabelled") }
            if whole.lines.count > 1 {
                let tail = try await source.log(jobID: job.id, from: 1)
                if tail.offset != 1 || tail.lines.first != whole.lines[1] {
                    failures.append("log from offset 1 does not continue the log")
                }
            }
        }
        let missing = (jobIDs.max() ?? 0) + 1_000_000
        do {
            _ = try await source.log(jobID: missing, from: 0)
            failures.append("log of an unknown job did not throw")
        } catch {}
        if let actions {
            do {
                _ = try await actions.retry(jobID: missing)
                failures.append("retry of an unknown job did not throw")
            } catch let error as BackendError {
                if error.code != .notFound { failures.append("retry of an unknown job threw \(error.code)") }
            }
            if let running = pipelines.flatMap(\.jobs).first(where: { $0.status == .running }) {
                do {
                    _ = try await actions.retry(jobID: running.id)
                    failures.append("retry of running job #\(running.id) did not throw")
                } catch let error as BackendError {
                    if error.code != .invalidState { failures.append("retry of a running job threw \(error.code)") }
                }
            }
        }
        return failures
    }

    static func isPolicyJSON(_ document: PolicyDocument) -> Bool {
        guard let data = document.json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return object["Statement"] != nil
    }
}
