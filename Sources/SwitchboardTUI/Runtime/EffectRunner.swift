import SwitchboardCore

/// Runs effects against the estate off the UI thread and posts their results back as actions.
public struct EffectRunner: Sendable {
    public let estate: Estate
    public let poller: Poller
    public let mailbox: Mailbox

    public init(estate: Estate, poller: Poller, mailbox: Mailbox) {
        self.estate = estate
        self.poller = poller
        self.mailbox = mailbox
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
                    mailbox.post(.jobActionSucceeded(kind, previousJobID: jobID, job: job))
                } catch {
                    mailbox.post(.jobActionFailed(kind, jobID: jobID, message: Poller.describe(error)))
                }
            }
        }
    }
}
