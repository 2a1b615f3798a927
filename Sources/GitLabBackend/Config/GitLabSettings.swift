import Foundation
import SwitchboardCore

/// The `kind: gitlab` entry of the switchboard config:
///
/// ```yaml
/// - kind: gitlab
///   url: https://gitlab.com              # default; a self-managed instance's address otherwise
///   token_env: GITLAB_TOKEN              # default; or token_command: pass show gitlab/api
///   auth: private-token                  # or bearer (OAuth tokens)
///   groups: [platform]                   # whose projects and group runners are watched
///   projects: [platform/infrastructure]  # more projects, by path or id
///   pools: [small, medium, big]          # runner pools by tag (default), or name=tag+tag
///   runner_scope: group                  # group (default with groups), instance (admin), user
///   pipelines_per_project: 5             # the newest pipelines shown per project
///   concurrent: 10                       # jobs one runner pod runs at once (the Helm chart's default)
/// ```
public struct GitLabSettings: Sendable, Hashable {
    public enum RunnerScope: String, Sendable, Hashable {
        case group, instance, user
    }

    public var name: String
    public var url: String
    public var token: GitLabToken
    public var groups: [String]
    public var projects: [String]
    public var pools: [PoolSpec]
    public var runnerScope: RunnerScope
    public var pipelinesPerProject: Int
    public var concurrent: Int
    /// Requests in flight at once.
    public var concurrency: Int
    public var timeout: TimeInterval
    public var caBundle: String?
    /// Said once at start (a token in the file, say); the console shows them.
    public var notices: [String]

    public static let keys: Set<String> = [
        "url", "token_env", "token_command", "token", "auth", "groups", "projects", "pools", "runner_scope",
        "pipelines_per_project", "concurrent", "concurrency", "timeout", "ca_bundle",
    ]

    public init(
        name: String = "gitlab",
        url: String = "https://gitlab.com",
        token: GitLabToken,
        groups: [String] = [],
        projects: [String] = [],
        pools: [PoolSpec] = PoolSpec.defaults,
        runnerScope: RunnerScope? = nil,
        pipelinesPerProject: Int = 5,
        concurrent: Int = 10,
        concurrency: Int = 4,
        timeout: TimeInterval = 10,
        caBundle: String? = nil,
        notices: [String] = []
    ) {
        self.name = name
        self.url = url
        self.token = token
        self.groups = groups
        self.projects = projects
        self.pools = pools
        self.runnerScope = runnerScope ?? (groups.isEmpty ? .user : .group)
        self.pipelinesPerProject = pipelinesPerProject
        self.concurrent = concurrent
        self.concurrency = concurrency
        self.timeout = timeout
        self.caBundle = caBundle
        self.notices = notices
    }

    public init(options: BackendOptions, environment: [String: String]) throws {
        var notices: [String] = []
        let style: GitLabToken.Style
        switch options.string("auth") ?? "private-token" {
        case "private-token": style = .privateToken
        case "bearer": style = .bearer
        case let other: throw options.error("auth", "\"\(other)\": use private-token or bearer")
        }
        let given = ["token_env", "token_command", "token"].filter { options.values[$0] != nil }
        if given.count > 1 {
            throw options.error(
                given[1],
                "give one of token_env, token_command and token, not \(given.joined(separator: " and "))"
            )
        }
        var value: String
        if let command = options.string("token_command") {
            do {
                value = try TokenSource.run(command)
            } catch {
                throw options.error("token_command", error.message)
            }
        } else if let inline = options.string("token") {
            guard !inline.isEmpty else { throw options.error("token", "is empty") }
            value = inline
            notices.append(TokenSource.inlineWarning(file: options.file, key: "backends.\(options.name).token"))
        } else {
            let variable = options.string("token_env") ?? "GITLAB_TOKEN"
            guard let found = environment[variable], !found.isEmpty else {
                throw options.error(
                    "token_env",
                    "$\(variable) is not set; export a token with the read_api scope (api or manage_runner for "
                        + "runners), or set token_command"
                )
            }
            value = found
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 }) else {
            throw options.error(
                given.first ?? "token_env",
                "the token is empty or has spaces or control characters in it; check where it comes from"
            )
        }
        value = trimmed
        let url = options.string("url") ?? "https://gitlab.com"
        do {
            let api = try GitLabClient.apiURL(url)
            guard api.scheme == "https" || api.isLoopback else {
                throw options.error(
                    "url",
                    "\(url) is plain http: the token would cross the network unencrypted; use https (plain http "
                        + "is allowed on 127.0.0.1 only)"
                )
            }
        } catch let error as ConfigError {
            throw error
        } catch {
            throw options.error("url", "\(error)")
        }
        var pools: [PoolSpec] = []
        for entry in options.list("pools") {
            guard let pool = PoolSpec(parsing: entry) else {
                throw options.error("pools", "\"\(entry)\" names no tag; write small, or name=tag+tag")
            }
            guard !pools.contains(where: { $0.name == pool.name }) else {
                throw options.error("pools", "pool \"\(pool.name)\" appears twice")
            }
            pools.append(pool)
        }
        var scope: RunnerScope?
        if let text = options.string("runner_scope") {
            guard let parsed = RunnerScope(rawValue: text) else {
                throw options.error("runner_scope", "\"\(text)\": use group, instance or user")
            }
            scope = parsed
        }
        let groups = options.list("groups")
        let projects = options.list("projects")
        if groups.isEmpty && projects.isEmpty {
            throw options.error("groups", "name at least one group or project to watch (groups: [platform])")
        }
        if scope == .group && groups.isEmpty {
            throw options.error("runner_scope", "group needs groups: [...] to list the group runners of")
        }
        self.init(
            name: options.name,
            url: url,
            token: GitLabToken(value, style: style),
            groups: groups,
            projects: projects,
            pools: pools.isEmpty ? PoolSpec.defaults : pools,
            runnerScope: scope,
            pipelinesPerProject: try options.int("pipelines_per_project", in: 1...100) ?? 5,
            concurrent: try options.int("concurrent", in: 1...1000) ?? 10,
            concurrency: try options.int("concurrency", in: 1...32) ?? 4,
            timeout: TimeInterval(try options.int("timeout", in: 1...300) ?? 10),
            caBundle: options.string("ca_bundle"),
            notices: notices
        )
    }
}
