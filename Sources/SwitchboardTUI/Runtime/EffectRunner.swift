import Foundation
import SwitchboardCore

/// Runs effects against the estate off the UI thread and posts their results back as actions. Every job
/// action and assumption leaves a line in the audit log.
public struct EffectRunner: Sendable {
    public let estate: Estate
    public let poller: Poller
    public let mailbox: Mailbox
    public let audit: any AuditLog
    public let operatorName: String
    let now: @Sendable () -> Date

    public init(
        estate: Estate,
        poller: Poller,
        mailbox: Mailbox,
        audit: any AuditLog = InMemoryAuditLog(),
        operatorName: String = "operator",
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.estate = estate
        self.poller = poller
        self.mailbox = mailbox
        self.audit = audit
        self.operatorName = operatorName
        self.now = now
    }

    public func run(_ effect: Effect) {
        let mailbox = self.mailbox
        switch effect {
        case .quit:
            break
        case .refresh(let feed):
            poller.refreshNow(feed)
        case .fetchLog(let jobID, let offset):
            guard let source = estate.pipelines else {
                return mailbox.post(.logFailed(jobID: jobID, message: "no backend serves job logs"))
            }
            Task.detached {
                do {
                    mailbox.post(.log(try await source.log(jobID: jobID, from: offset)))
                } catch {
                    mailbox.post(.logFailed(jobID: jobID, message: Poller.describe(error)))
                }
            }
        case .retry(let jobID), .cancel(let jobID):
            let kind: Confirmation.Kind = effect == .retry(jobID: jobID) ? .retry : .cancel
            guard let actions = estate.jobActions else {
                return mailbox.post(
                    .jobActionFailed(kind, jobID: jobID, message: "no backend in this estate acts on jobs")
                )
            }
            Task.detached {
                do {
                    let job = try await kind == .retry ? actions.retry(jobID: jobID) : actions.cancel(jobID: jobID)
                    record(kind.rawValue, target: "job #\(jobID)", .ok, detail: "now #\(job.id) \(job.status.label)")
                    mailbox.post(.jobActionSucceeded(kind, previousJobID: jobID, job: job))
                } catch {
                    let message = Poller.describe(error)
                    record(kind.rawValue, target: "job #\(jobID)", .failed, detail: message)
                    mailbox.post(.jobActionFailed(kind, jobID: jobID, message: message))
                }
            }
        case .loadIdentity, .assume, .refreshSessions, .loadAudit:
            let work = EffectWork(estate: estate, audit: audit, operatorName: operatorName, now: now)
            Task.detached { await work.perform(effect) { mailbox.post($0) } }
        }
    }

    func record(_ action: String, target: String, _ outcome: AuditEntry.Outcome, detail: String?) {
        EffectWork(estate: estate, audit: audit, operatorName: operatorName, now: now)
            .record(action, target: target, outcome, detail: detail)
    }
}
