import Dispatch
import Foundation
import SwitchboardTesting

#if canImport(Glibc)
import Glibc
#endif

// fake-gitlab: the loopback fake GitLab as a process, for end-to-end tests and the benchmark.

let usage = """
    usage: fake-gitlab [--port N] [--scale POOLS,RUNNERS,PROJECTS[,PIPELINES,JOBS]] [--token T] [--scopes LIST]
                       [--admin] [--rate-limit N] [--changes-every S] [--no-link] [--now ISO8601]

    Serves a fake GitLab REST v4 on 127.0.0.1 and prints one line, `listening http://127.0.0.1:PORT`.
      --port N            port to listen on (default 0: any free port)
      --scale P,R,PR      a scaled estate: P pools of R runners, PR projects (optionally pipelines per project
                          and jobs per pipeline); default: the seeded estate of DESIGN.md
      --token T           the access token to accept (or the environment variable FAKE_GITLAB_TOKEN)
      --scopes LIST       the token's scopes, comma-separated: api, read_api, manage_runner (default api)
      --admin             the token belongs to an admin (GET /runners/all)
      --rate-limit N      requests a minute per token before 429 (default 2000)
      --changes-every S   advance one project's CI every S seconds (round robin)
      --no-link           leave out the Link header of offset pagination (only x-next-page)
      --now ISO8601       stop the clock at this time (default: the wall clock)
    Admin endpoints: GET /__fake/stats, POST /__fake/reset-stats, POST /__fake/advance[?project=ID&count=N].
    Stops on SIGTERM or SIGINT.

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("fake-gitlab: \(message)\n".utf8))
    exit(2)
}

var port = 0
var scale: [Int]?
var token = ProcessInfo.processInfo.environment["FAKE_GITLAB_TOKEN"]
var scopes: Set<FakeGitLab.Scope> = [.api]
var admin = false
var rateLimit = 2_000
var changesEvery: Double?
var sendsLink = true
var fixedNow: Date?

var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    func value() -> String {
        guard let value = arguments.next() else { fail("\(argument) needs a value\n\(usage)") }
        return value
    }
    switch argument {
    case "--port":
        guard let number = Int(value()), (0...65_535).contains(number) else { fail("--port needs 0…65535") }
        port = number
    case "--scale":
        let numbers = value().split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard [3, 5].contains(numbers.count), numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else {
            fail("--scale needs POOLS,RUNNERS,PROJECTS or POOLS,RUNNERS,PROJECTS,PIPELINES,JOBS")
        }
        scale = numbers.map { $0! }
    case "--token":
        token = value()
    case "--scopes":
        var parsed: Set<FakeGitLab.Scope> = []
        for name in value().split(separator: ",") {
            guard let scope = FakeGitLab.Scope(rawValue: String(name)) else { fail("unknown scope \(name)") }
            parsed.insert(scope)
        }
        scopes = parsed
    case "--admin":
        admin = true
    case "--rate-limit":
        guard let number = Int(value()), number > 0 else { fail("--rate-limit needs a positive number") }
        rateLimit = number
    case "--changes-every":
        guard let seconds = Double(value()), seconds > 0 else { fail("--changes-every needs seconds > 0") }
        changesEvery = seconds
    case "--no-link":
        sendsLink = false
    case "--now":
        let text = value()
        guard let date = ISO8601DateFormatter().date(from: text) else { fail("--now needs an ISO 8601 time") }
        fixedNow = date
    case "-h", "--help":
        FileHandle.standardOutput.write(Data(usage.utf8))
        exit(0)
    default:
        fail("unknown argument \(argument)\n\(usage)")
    }
}

guard let token, !token.isEmpty else { fail("no token: pass --token or set FAKE_GITLAB_TOKEN") }

signal(SIGPIPE, SIG_IGN)
let start = fixedNow ?? Date()
let state =
    scale.map { numbers in
        FakeGitLabEstate.scaled(
            pools: numbers[0],
            runnersPerPool: numbers[1],
            projects: numbers[2],
            pipelinesPerProject: numbers.count > 3 ? numbers[3] : 5,
            jobsPerPipeline: numbers.count > 4 ? numbers[4] : 8,
            now: start
        )
    } ?? FakeGitLabEstate.seeds(now: start)
let clock: @Sendable () -> Date
if let fixedNow {
    clock = { fixedNow }
} else {
    clock = { Date() }
}
let gitlab = FakeGitLab(
    state: state,
    configuration: FakeGitLab.Configuration(
        tokens: [FakeGitLab.Token(token, scopes: scopes, isAdmin: admin)],
        rateLimitPerMinute: rateLimit,
        sendsLinkHeader: sendsLink
    ),
    now: clock
)
let server = FakeGitLabServer(gitlab: gitlab, port: port)
do {
    try server.start()
} catch {
    FileHandle.standardError.write(Data("fake-gitlab: \(error)\n".utf8))
    exit(1)
}
// Unbuffered: a script reading the line from a pipe sees it at once.
FileHandle.standardOutput.write(Data("listening \(server.url)\n".utf8))

var sources: [any DispatchSourceProtocol] = []
if let changesEvery {
    let timer = DispatchSource.makeTimerSource(queue: .main)
    timer.schedule(deadline: .now() + changesEvery, repeating: changesEvery)
    timer.setEventHandler { gitlab.advance() }
    timer.resume()
    sources.append(timer)
}
for number in [SIGTERM, SIGINT] {
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
    source.setEventHandler {
        server.stop()
        exit(0)
    }
    source.resume()
    sources.append(source)
}
dispatchMain()
