import Foundation
import SwitchboardCore

/// Job actions, identity and audit effects as plain async work, posting their results as actions: the runtime
/// runs them in the background, snapshots and tests await them in place. Every job action and assumption leaves
/// a line in the audit log.
struct EffectWork: Sendable {
    let estate: Estate
    let audit: any AuditLog
    let operatorName: String
    let now: @Sendable () -> Date

    func perform(_ effect: Effect, post: @escaping @Sendable (Action) -> Void) async {
        switch effect {
        case .retry(let jobID): await act(.retry, jobID: jobID, post: post) { try await $0.retry(jobID: jobID) }
        case .cancel(let jobID): await act(.cancel, jobID: jobID, post: post) { try await $0.cancel(jobID: jobID) }
        case .play(let jobID): await act(.play, jobID: jobID, post: post) { try await $0.play(jobID: jobID) }
        case .retryPipeline(let pipelineID): await retryPipeline(pipelineID, post: post)
        case .loadIdentity: await loadIdentity(post: post)
        case .assume(let request, let mfaCode): await assume(request, mfaCode: mfaCode, post: post)
        case .refreshSessions:
            if let broker = estate.credentials { post(.sessionsRefreshed(await broker.refreshExpiring())) }
        case .loadAudit:
            do {
                post(.auditLoaded(entries: try audit.recent(limit: 1000), location: audit.location, error: nil))
            } catch {
                post(.auditLoaded(entries: [], location: audit.location, error: "\(error)"))
            }
        default:
            break
        }
    }

    func record(
        _ action: String,
        target: String,
        _ outcome: AuditEntry.Outcome,
        session: String? = nil,
        detail: String?
    ) {
        let entry = AuditEntry(
            time: now(),
            operator: operatorName,
            action: action,
            target: target,
            outcome: outcome,
            session: session,
            detail: detail
        )
        try? audit.append(entry)
    }

    /// Retries, cancels or plays a job: `call` asks the backend, the outcome goes to the audit log and back.
    private func act(
        _ kind: Confirmation.Kind,
        jobID: Int,
        post: @Sendable (Action) -> Void,
        _ call: (any JobActions) async throws -> Job
    ) async {
        guard let actions = estate.jobActions else {
            return post(.jobActionFailed(kind, jobID: jobID, message: "no backend in this estate acts on jobs"))
        }
        do {
            let job = try await call(actions)
            record(kind.rawValue, target: "job #\(jobID)", .ok, detail: "now #\(job.id) \(job.status.label)")
            post(.jobActionSucceeded(kind, previousJobID: jobID, job: job))
        } catch {
            let message = Poller.describe(error)
            record(kind.rawValue, target: "job #\(jobID)", .failed, detail: message)
            post(.jobActionFailed(kind, jobID: jobID, message: message))
        }
    }

    private func retryPipeline(_ pipelineID: Int, post: @Sendable (Action) -> Void) async {
        let kind = Confirmation.Kind.retryPipeline
        guard let actions = estate.jobActions else {
            return post(.pipelineRetryFailed(pipelineID: pipelineID, message: "no backend in this estate acts on jobs"))
        }
        do {
            let pipeline = try await actions.retryPipeline(pipelineID: pipelineID)
            record(kind.rawValue, target: "pipeline #\(pipelineID)", .ok, detail: "now \(pipeline.status.label)")
            post(.pipelineRetried(pipeline))
        } catch {
            let message = Poller.describe(error)
            record(kind.rawValue, target: "pipeline #\(pipelineID)", .failed, detail: message)
            post(.pipelineRetryFailed(pipelineID: pipelineID, message: message))
        }
    }

    /// Profiles and sessions first (local files, instant), then again with the caller's identity (a network call).
    private func loadIdentity(post: @Sendable (Action) -> Void) async {
        guard let broker = estate.credentials else {
            return post(
                .identityLoaded(
                    IdentitySnapshot(
                        profilesError: "No backend in this estate manages credentials: add `- kind: aws` to the "
                            + "config's backends."
                    )
                )
            )
        }
        var snapshot = IdentitySnapshot(source: broker.kind == "aws" ? "AWS config" : "\(broker.name) profiles")
        do {
            snapshot.profiles = try await broker.profiles()
        } catch {
            snapshot.profilesError = "\(error)"
        }
        snapshot.sessions = await broker.sessions()
        post(.identityLoaded(snapshot))
        do {
            snapshot.caller = try await broker.callerIdentity()
        } catch {
            snapshot.callerError = "\(error)"
        }
        snapshot.sessions = await broker.sessions()
        post(.identityLoaded(snapshot))
    }

    private func assume(_ request: AssumeRequest, mfaCode: String?, post: @escaping @Sendable (Action) -> Void) async {
        let label = request.description
        guard let broker = estate.credentials else {
            let failure = AssumeFailure(message: "no backend in this estate manages credentials")
            return post(.assumeFinished(target: label, .failure(failure)))
        }
        let target: String
        switch request {
        case .target(let text):
            target = text
        case .account(let id, let name):
            guard let resolved = broker.assumeTarget(forAccount: id) else {
                let failure = AssumeFailure(message: "no role to assume is configured for \(name) (\(id))")
                return post(.assumeFinished(target: label, .failure(failure)))
            }
            target = resolved
        }
        do {
            let session = try await broker.assume(target, mfaCode: mfaCode) { step in
                post(.assumeProgress(target: label, step))
            }
            record("assume", target: target, .ok, session: session.sessionName, detail: session.arn)
            post(.assumeFinished(target: label, .success(session)))
        } catch {
            let failure = (error as? AssumeFailure) ?? AssumeFailure(message: "\(error)")
            record("assume", target: target, failure.refused ? .refused : .failed, detail: failure.message)
            post(.assumeFinished(target: label, .failure(failure)))
        }
    }
}
