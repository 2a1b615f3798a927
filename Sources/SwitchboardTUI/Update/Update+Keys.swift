import SwitchboardCore
import TUICore

extension AppState {
    mutating func handle(_ key: Key) -> [Effect] {
        // Nothing can be seen below the minimum size, so nothing may be confirmed or changed: only quit and Esc.
        if isTooSmall {
            switch key {
            case .char("q"), .ctrl("c"):
                shouldQuit = true
                return [.quit]
            case .escape:
                mode = .normal
            default:
                break
            }
            return []
        }
        switch mode {
        case .normal: return handleNormal(key)
        case .help: return handleHelp(key)
        case .filter(let text): return handleFilter(key, text: text)
        case .command(let text): return handleCommand(key, text: text)
        case .confirm(let confirmation): return handleConfirm(key, confirmation)
        case .mfa(let prompt): return handleMFA(key, prompt)
        }
    }

    private mutating func handleNormal(_ key: Key) -> [Effect] {
        if screen == .trust, trust.explanation != nil {
            if [.escape, .char("e"), .char("q"), .enter].contains(key) { trust.explanation = nil }
            return []
        }
        switch key {
        case .char("q"), .ctrl("c"):
            shouldQuit = true
            return [.quit]
        case .char("?"):
            mode = .help
        case .char("/"):
            mode = .filter(currentFilter)
        case .char(":"):
            mode = .command("")
        case .tab:
            switchScreen(to: ScreenID.allCases[(screen.number) % ScreenID.allCases.count])
        case .backTab:
            let count = ScreenID.allCases.count
            switchScreen(to: ScreenID.allCases[(screen.number - 2 + count) % count])
        case .char(let c) where c.isASCII && ("1"..."7").contains(c):
            switchScreen(to: ScreenID.allCases[Int(c.asciiValue! - UInt8(ascii: "1"))])
        case .escape:
            back()
        case .up, .char("k"):
            move(by: -1)
        case .down, .char("j"):
            move(by: 1)
        case .pageUp, .ctrl("u"):
            move(by: -pageSize)
        case .pageDown, .ctrl("d"):
            move(by: pageSize)
        case .home, .char("g"):
            moveToEdge(end: false)
        case .end, .char("G"):
            moveToEdge(end: true)
        case .enter where screen == .identity:
            return assumeSelectedProfile()
        case .enter:
            return drillIn()
        case .char("a"):
            return assumeFromSelection()
        case .right, .char("l"):
            expandSelected()
        case .left, .char("h"):
            collapseSelected()
        case .char(" "):
            toggleSelected()
        case .char("r"):
            requestJobAction(.retry)
        case .char("c"):
            requestJobAction(.cancel)
        case .char("p"):
            requestJobAction(.play)
        case .char("R"):
            requestPipelineRetry()
        case .char("t"):
            focusTrustOnSelection()
        case .char("e") where screen == .identity:
            explainFailedHop()
        case .char("e") where screen == .trust:
            explainSelected()
        case .char("d") where screen == .trust:
            toggleTrustDirection()
        case .char("s") where screen == .trust:
            cycleFindingsOrder()
        default:
            break
        }
        return []
    }

    private mutating func handleHelp(_ key: Key) -> [Effect] {
        switch key {
        case .escape, .char("?"), .char("q"), .enter: mode = .normal
        default: break
        }
        return []
    }

    private mutating func handleFilter(_ key: Key, text: String) -> [Effect] {
        switch key {
        case .escape:
            setFilter("")
            mode = .normal
        case .enter:
            mode = .normal
        case .backspace:
            let shorter = String(text.dropLast())
            setFilter(shorter)
            mode = .filter(shorter)
        case .char(let c):
            let longer = text + String(c)
            setFilter(longer)
            mode = .filter(longer)
        case .up:
            move(by: -1)
        case .down:
            move(by: 1)
        case .pageUp:
            move(by: -pageSize)
        case .pageDown:
            move(by: pageSize)
        case .ctrl("u"):
            setFilter("")
            mode = .filter("")
        default:
            break
        }
        return []
    }

    private mutating func handleCommand(_ key: Key, text: String) -> [Effect] {
        switch key {
        case .escape:
            mode = .normal
        case .backspace:
            if text.isEmpty { mode = .normal } else { mode = .command(String(text.dropLast())) }
        case .char(let c):
            mode = .command(text + String(c))
        case .tab:
            if let completion = Self.commands.first(where: { $0.hasPrefix(text.lowercased()) && !text.isEmpty }) {
                mode = .command(completion)
            }
        case .enter:
            mode = .normal
            return run(command: text.trimmingCharacters(in: .whitespaces))
        default:
            break
        }
        return []
    }

    static let commands = [
        "overview", "accounts", "runners", "pipelines", "trust", "identity", "audit", "findings", "from ", "to ",
        "explain ", "assume ", "help", "quit",
    ]

    private mutating func run(command: String) -> [Effect] {
        let word = command.split(separator: " ").first.map(String.init)?.lowercased() ?? ""
        switch word {
        case "":
            return []
        case "q", "q!", "quit", "exit":
            shouldQuit = true
            return [.quit]
        case "help", "h", "?":
            mode = .help
            return []
        case "findings":
            switchScreen(to: .trust)
            focusTrust(.findings)
            return []
        case "explain":
            let names = command.split(separator: " ").dropFirst().map(String.init)
            explain(names)
            return []
        case "assume":
            let target = command.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            guard !target.isEmpty else {
                flash("Usage: :assume PROFILE or :assume ROLE_ARN", level: .error)
                return []
            }
            let profile = identityView.snapshot?.profiles.first { $0.name == target }
            return requestAssume(
                .target(target),
                account: profile?.account ?? Self.account(of: target),
                mfaSerial: profile?.mfaSerial
            )
        case "from", "to":
            let target = command.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            focusTrust(named: target, direction: word == "from" ? .from : .to)
            return []
        default:
            if let target = ScreenID(command: word) {
                switchScreen(to: target)
            } else {
                flash(
                    "Unknown command :\(command); try :overview, :accounts, :runners, :pipelines, :trust, "
                        + ":identity, :audit, :from ROLE, :to ROLE, :explain FROM TO, :assume PROFILE, :help or :q",
                    level: .error
                )
            }
            return []
        }
    }

    private mutating func handleConfirm(_ key: Key, _ confirmation: Confirmation) -> [Effect] {
        if key == .escape || (confirmation.typedWord == nil && (key == .char("n") || key == .char("N"))) {
            mode = .normal
            flash("\(confirmation.kind.title) not sent.", level: .info)
            return []
        }
        if let word = confirmation.typedWord {
            var updated = confirmation
            switch key {
            case .char(let c):
                updated.typed.append(c)
            case .backspace:
                updated.typed = String(updated.typed.dropLast())
            case .enter:
                guard updated.typed == word else {
                    flash("Type \(word) exactly to confirm, or Esc to leave it.", level: .error)
                    return []
                }
                return confirm(confirmation)
            default:
                break
            }
            mode = .confirm(updated)
            return []
        }
        if key == .char("y") || key == .char("Y") || key == .enter { return confirm(confirmation) }
        return []
    }

    private mutating func confirm(_ confirmation: Confirmation) -> [Effect] {
        mode = .normal
        switch confirmation.subject {
        case .job(let jobID):
            switch confirmation.kind {
            case .retry:
                flash("Retrying job #\(jobID)…", level: .info)
                return [.retry(jobID: jobID)]
            case .cancel:
                flash("Canceling job #\(jobID)…", level: .info)
                return [.cancel(jobID: jobID)]
            case .play:
                flash("Starting job #\(jobID)…", level: .info)
                return [.play(jobID: jobID)]
            case .assume, .retryPipeline:
                return []
            }
        case .pipeline(let pipelineID):
            guard confirmation.kind == .retryPipeline else { return [] }
            flash("Retrying pipeline #\(pipelineID)…", level: .info)
            return [.retryPipeline(pipelineID: pipelineID)]
        case .assume(let request):
            return confirmedAssume(request)
        }
    }

    var pageSize: Int { max(1, listHeight - 1) }
}
