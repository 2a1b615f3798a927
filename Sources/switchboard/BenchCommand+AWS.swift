import AWSBackend
import Foundation
import HTTPTransport
import SwitchboardCore

extension BenchCommand {
    /// One poll cycle of the `kind: aws` estate (Organizations, then every account's roles), `cycles` times:
    /// wall time and the API calls it took, by operation.
    func benchAWS() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try AWSContext.settings(configPath: config, environment: environment)
        let counting = CountingHTTPClient(
            SocketHTTPClient(caBundle: environment["AWS_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 })
        )
        var times: [Double] = []
        var accounts = 0
        var roles = 0
        var unreadable = 0
        for _ in 0..<max(1, cycles) {
            counting.reset()
            // A new broker per cycle: nothing cached from the previous one, as a console's first poll.
            let broker = AWSBroker(settings: settings, environment: environment, http: counting)
            let start = ContinuousClock.now
            let organization = try await broker.organization()
            let inventory = try await broker.identityInventory()
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            accounts = organization.accounts.count
            roles = inventory.roles.count
            unreadable = inventory.unreadable?.count ?? 0
        }
        let sorted = times.sorted()
        print(
            "estate: \(accounts) accounts, \(roles) roles, \(unreadable) unreadable; concurrency \(settings.concurrency)"
        )
        print(
            "full read (organization + identity): median \(String(format: "%.1f", sorted[sorted.count / 2])) ms, "
                + "min \(String(format: "%.1f", sorted[0])) ms, max \(String(format: "%.1f", sorted[sorted.count - 1])) ms "
                + "(\(times.count) cycles)"
        )
        print("API calls per cycle: \(counting.total)")
        for (operation, count) in counting.byOperation.sorted(by: { $0.key < $1.key }) {
            print("  \(operation): \(count)")
        }
    }
}
