import Foundation
import SwitchboardCore

/// The GitLab runners of the three pools and when each of them is offline. Times are seconds since
/// `DemoBackend.epoch`. A runner drops out now and then: in each ten-minute slot it has a small chance of a one- to
/// three-minute outage, decided by hashing (seed, runner, slot), so "is it online at t" costs one hash.
struct DemoRunnerFleet: Sendable {
    struct Entry: Sendable {
        let id: Int
        let pool: Int
        let description: String
        let tags: [String]
        let version: String
        let concurrency: Int
        let isStale: Bool
        let isPaused: Bool
    }

    static let poolNames = ["small", "medium", "big"]
    static let concurrency = [4, 2, 1]
    static let baseCount = [6, 4, 3]
    static let perExtraScale = [10, 6, 5]
    static let version = "17.5.2"
    static let staleVersion = "17.2.1"
    static let slotLength = 600.0
    static let outageChance = 0.04

    let seed: UInt64
    let entries: [Entry]
    /// Indices into `entries`, per pool.
    let byPool: [[Int]]
    /// The tags of a pool's jobs (shared arrays, so jobs don't each allocate one).
    let poolTags: [[String]]

    init(seed: UInt64, scale: Int) {
        self.seed = seed
        var random = SeededRandom(seed, 0x7275_6E6E)
        let baseID = 20_000_000 + random.int(in: 0...4_999_999)
        var entries: [Entry] = []
        var byPool: [[Int]] = []
        for (pool, name) in Self.poolNames.enumerated() {
            let hash = random.string(10, from: SeededRandom.kubernetesSafe)
            let count = Self.baseCount[pool] + Self.perExtraScale[pool] * max(0, scale - 1)
            var indices: [Int] = []
            for index in 0..<count {
                var own = SeededRandom(seed, UInt64(pool), UInt64(index))
                let suffix = own.string(5, from: SeededRandom.kubernetesSafe)
                // At scale 1: the last small runner is stale, the last medium one paused; beyond, a few by chance.
                let extra = index >= Self.baseCount[pool]
                let isStale = extra ? own.chance(0.02) : (pool == 0 && index == Self.baseCount[pool] - 1)
                let isPaused = extra ? own.chance(0.025) : (pool == 1 && index == Self.baseCount[pool] - 1)
                indices.append(entries.count)
                entries.append(
                    Entry(
                        id: baseID + entries.count,
                        pool: pool,
                        description: "\(name)-gitlab-runner-\(hash)-\(suffix)",
                        tags: [name, "eks"],
                        version: isStale ? Self.staleVersion : Self.version,
                        concurrency: Self.concurrency[pool],
                        isStale: isStale,
                        isPaused: isPaused
                    )
                )
            }
            byPool.append(indices)
        }
        self.entries = entries
        self.byPool = byPool
        poolTags = Self.poolNames.map { [$0] }
    }

    /// The outage of `runner` in ten-minute slot `slot`, if it has one.
    func outage(_ runner: Int, slot: Int) -> (start: Double, end: Double)? {
        var random = SeededRandom(seed, 0x6F75_7467, UInt64(runner), UInt64(hashing: slot))
        guard random.chance(Self.outageChance) else { return nil }
        let start = Double(slot) * Self.slotLength + random.double(in: 0...420)
        return (start, start + random.double(in: 60...180))
    }

    /// Online (contacting GitLab) at `time`; stale runners never are.
    func isOnline(_ runner: Int, at time: Double) -> Bool {
        if entries[runner].isStale { return false }
        guard let window = outage(runner, slot: Self.slot(of: time)) else { return true }
        return time < window.start || time >= window.end
    }

    /// Able to take a job that runs from `start` to `end`: not stale, not paused, and online throughout.
    func canTake(_ runner: Int, from start: Double, to end: Double) -> Bool {
        let entry = entries[runner]
        if entry.isStale || entry.isPaused { return false }
        let first = Self.slot(of: start)
        let last = Self.slot(of: max(start, end))
        for slot in first...last {
            if let window = outage(runner, slot: slot), window.start < end, window.end > start { return false }
        }
        return true
    }

    /// The first time from `time` on when some runner of `pool` can pick up a job: a job stays pending while its
    /// whole pool is out (checked in 30-second steps, for at most ten minutes).
    func firstAvailability(pool: Int, from time: Double) -> Double {
        let runners = byPool[pool]
        var time = time
        for _ in 0..<20 {
            for runner in runners.prefix(16) where !entries[runner].isPaused && isOnline(runner, at: time) {
                return time
            }
            time += 30
        }
        return time
    }

    /// The runner as GitLab reports it at `time`, with the jobs it is running then.
    func runner(_ index: Int, at time: Double, runningJobs: Int) -> Runner {
        let entry = entries[index]
        let status: RunnerStatus
        let contacted: Double
        if entry.isStale {
            status = .stale
            contacted = -Double(8 + Int(SeededRandom.hash(seed, UInt64(index)) % 20)) * 86_400
        } else if let window = outage(index, slot: Self.slot(of: time)), time >= window.start, time < window.end {
            status = .offline
            contacted = window.start
        } else {
            status = .online
            let tick = UInt64(hashing: Int((time / 5).rounded(.down)))
            contacted = time - Double(SeededRandom.hash(seed, UInt64(index), tick) % 12)
        }
        return Runner(
            id: entry.id,
            description: entry.description,
            tags: entry.tags,
            status: status,
            paused: entry.isPaused,
            executor: "kubernetes",
            version: entry.version,
            concurrency: entry.concurrency,
            runningJobs: runningJobs,
            contactedAt: DemoTime.date(contacted)
        )
    }

    static func slot(of time: Double) -> Int { Int((time / slotLength).rounded(.down)) }
}
