import Foundation
import SwitchboardCore
import TUICore

/// The console's state machine: `apply(action, to: &state)` changes the state and returns the effects to run.
/// It does no I/O, so tests drive it without a terminal or a backend.
public enum Update {
    public static func apply(_ action: Action, to state: inout AppState) -> [Effect] {
        switch action {
        case .key(let key):
            let previous = state.screen
            let effects = state.handle(key)
            return effects + state.arrivalEffects(from: previous)
        case .resize(let size):
            state.size = size
            state.resettle()
            return []
        case .tick(let date):
            return state.tick(date)
        case .feed(let event):
            state.apply(event)
            return []
        case .log(let chunk):
            state.applyLog(chunk)
            return []
        case .logFailed(let jobID, let message):
            if var view = state.pipelineView.logView, view.jobID == jobID {
                view.isFetching = false
                view.error = message
                state.pipelineView.logView = view
            }
            return []
        case .jobActionSucceeded(let kind, let previousJobID, let job):
            return state.jobActionSucceeded(kind, previousJobID: previousJobID, job: job)
        case .jobActionFailed(let kind, let jobID, let message):
            state.flash("\(kind.title) of job #\(jobID) failed: \(message)", level: .error)
            return []
        case .pipelineRetried(let pipeline):
            return state.pipelineRetried(pipeline)
        case .pipelineRetryFailed(let pipelineID, let message):
            state.flash("Retry of pipeline #\(pipelineID) failed: \(message)", level: .error)
            return []
        case .identityLoaded(let snapshot):
            state.applyIdentity(snapshot)
            return []
        case .assumeProgress(let target, let step):
            state.assumeProgress(target: target, step)
            return []
        case .assumeFinished(let target, let result):
            return state.assumeFinished(target: target, result)
        case .sessionsRefreshed(let sessions):
            state.sessionsRefreshed(sessions)
            return []
        case .auditLoaded(let entries, let location, let error):
            state.applyAudit(entries: entries, location: location, error: error)
            return []
        }
    }
}

extension AppState {
    /// How long a flash message stays.
    static let flashSeconds: TimeInterval = 6

    mutating func flash(_ text: String, level: Flash.Level) {
        flash = Flash(text, level: level, until: now.addingTimeInterval(Self.flashSeconds))
    }

    mutating func tick(_ date: Date) -> [Effect] {
        now = date
        if let flash, flash.until <= date { self.flash = nil }
        // Once a minute, sessions close to expiry are renewed where their source needs no prompt.
        if Int(date.timeIntervalSince1970) % 60 == 0, identityView.snapshot?.sessions.isEmpty == false {
            return [.refreshSessions] + tickLog()
        }
        return tickLog()
    }

    private mutating func tickLog() -> [Effect] {
        guard case .log(let jobID, _) = pipelineView.level, let view = pipelineView.logView, view.jobID == jobID,
            !view.isFetching, !view.log.isComplete
        else { return [] }
        pipelineView.logView?.isFetching = true
        return [.fetchLog(jobID: jobID, from: view.log.received)]
    }

    /// Keeps every selection in view after a resize.
    mutating func resettle() {
        accounts.list.settle(height: listHeight)
        identityView.screen.list.settle(height: listHeight)
        auditView.screen.list.settle(height: listHeight)
        runners.list.settle(height: listHeight)
        pipelineView.list.settle(height: listHeight)
        pipelineView.jobs.settle(height: listHeight)
        overview.scroll.keepVisible(count: overview.failing.count, height: overviewListHeight)
        if var view = pipelineView.logView {
            if view.follow { view.toEnd(height: logHeight) } else { view.scroll(by: 0, height: logHeight) }
            pipelineView.logView = view
        }
    }
}
