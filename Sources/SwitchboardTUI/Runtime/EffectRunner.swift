import Foundation
import SwitchboardCore

/// Runs effects against the estate off the UI thread and posts their results back as actions. Every job
/// action and assumption leaves a line in the audit log (see `EffectWork`).
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
        case .retry, .cancel, .play, .retryPipeline, .loadIdentity, .assume, .refreshSessions, .loadAudit:
            let work = EffectWork(estate: estate, audit: audit, operatorName: operatorName, now: now)
            Task.detached { await work.perform(effect) { mailbox.post($0) } }
        }
    }
}
