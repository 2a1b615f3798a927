import Foundation
import SwitchboardCore
import Testing

@Suite struct DurationTextTests {
    @Test(arguments: [("30s", 30.0), ("5m", 300), ("1h30m", 5400), ("250ms", 0.25), ("2d", 172_800), ("45", 45)])
    func parses(text: String, seconds: Double) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test(arguments: ["", "fast", "5x", "m", "1h30"])
    func rejects(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test func formatsAgesAndClocks() {
        #expect(DurationText.age(42) == "42s")
        #expect(DurationText.age(3700) == "1h")
        #expect(DurationText.clock(187) == "3m07s")
        #expect(DurationText.clock(3720) == "1h02m")
    }
}

@Suite struct BackoffTests {
    @Test func doublesPerFailureUpToTheCapWithJitter() {
        let backoff = Backoff(interval: 5)
        #expect(backoff.delay(afterFailures: 0, unit: 0.5) == 5)
        #expect(backoff.delay(afterFailures: 2, unit: 0.5) == 20)
        #expect(backoff.delay(afterFailures: 30, unit: 0.5) == 80)
        #expect(backoff.delay(afterFailures: 0, unit: 0) == 4.5)
        #expect(abs(backoff.delay(afterFailures: 0, unit: 0.999_999) - 5.5) < 0.001)
    }
}

@Suite struct BoundedLogTests {
    @Test func keepsTheTailAndSkipsLinesAlreadySeen() {
        var log = BoundedLog(capacity: 3)
        log.append(LogChunk(jobID: 1, offset: 0, lines: ["a", "b"], isComplete: false))
        log.append(LogChunk(jobID: 1, offset: 1, lines: ["b", "c", "d"], isComplete: false))
        #expect(log.lines == ["b", "c", "d"])
        #expect(log.received == 4 && log.dropped == 1)
        log.append(LogChunk(jobID: 1, offset: 4, lines: ["e"], isComplete: true))
        #expect(log.lines == ["c", "d", "e"] && log.isComplete)
    }
}

@Suite struct StoreTests {
    @Test func failureKeepsTheLastGoodValueAndMarksItStale() async {
        let clock = ManualClock(Date(timeIntervalSince1970: 1000))
        let store = Store(clock: clock)
        await store.record(.pipelines([]))
        clock.advance(by: 10)
        await store.recordFailure(.pipelines, message: "timed out")
        let status = await store.status(of: .pipelines)
        #expect(status.isStale && status.lastError == "timed out")
        #expect(status.updatedAt == Date(timeIntervalSince1970: 1000))
        #expect(await store.value(of: .pipelines) == .pipelines([]))
        clock.advance(by: 5)
        await store.record(.pipelines([]))
        #expect(await store.status(of: .pipelines).isStale == false)
    }
}
