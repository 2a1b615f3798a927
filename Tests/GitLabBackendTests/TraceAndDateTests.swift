import Foundation
import SwitchboardCore
import Testing

@testable import GitLabBackend

struct TraceAndDateTests {
    @Test func datesWithAnyOffsetAndFraction() {
        let utc = GitLabDate.parse("2015-12-24T15:51:14Z")
        #expect(utc?.timeIntervalSince1970 == 1_450_972_274)
        #expect(GitLabDate.parse("2015-12-24T16:51:14.000+01:00") == utc)
        #expect(GitLabDate.parse("2015-12-24T10:51:14.250-05:00")?.timeIntervalSince1970 == 1_450_972_274.25)
        #expect(GitLabDate.parse("2015-12-24T15:51:14.123456Z")!.timeIntervalSince1970 > 1_450_972_274.12)
        #expect(GitLabDate.parse("2015-12-24T15:51:14+0100")?.timeIntervalSince1970 == 1_450_968_674)
        #expect(GitLabDate.parse("yesterday") == nil)
        #expect(GitLabDate.parse("2015-13-24T15:51:14Z") == nil)
        #expect(GitLabDate.format(Date(timeIntervalSince1970: 1_450_972_274.9)) == "2015-12-24T15:51:14Z")
        #expect(GitLabDate.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func jobsDecodeEveryDocumentedOddity() throws {
        let text = """
            [{"id": 1, "name": "a", "stage": "test", "status": "waiting_for_callback", "duration": 3,
              "queued_duration": 0.01, "created_at": "2026-11-23T09:00:00.000+01:00", "started_at": null,
              "runner": null, "runner_manager": null, "tag_list": ["big"], "user": null},
             {"id": 2, "name": "b", "stage": "test", "status": "failed", "duration": 0.173,
              "failure_reason": "some_reason_added_later", "created_at": "2026-11-23T08:00:00Z"}]
            """
        let jobs = try GitLabJSON.decoder().decode([APIJob].self, from: Data(text.utf8))
        #expect(jobs[0].status == .unknown)
        #expect(jobs[0].duration == 3)
        #expect(jobs[0].created_at == jobs[1].created_at)
        #expect(jobs[1].failure_reason == "some_reason_added_later")
        let runners = try GitLabJSON.decoder().decode(
            [APIRunner].self,
            from: Data(#"[{"id": 5, "status": "paused", "online": true, "active": false, "ip_address": null}]"#.utf8)
        )
        #expect(runners[0].liveness == .online)
        #expect(runners[0].isPaused)
    }

    @Test func cleansAnsiSectionsProgressAndKeepsMasked() {
        let esc = "\u{1b}"
        #expect(TraceText.clean(Array("\(esc)[32;1mJob succeeded\(esc)[0;m".utf8)) == "Job succeeded")
        #expect(
            TraceText.clean(
                Array("section_start:1700000000:get_sources\r\(esc)[0K\(esc)[36;1mGetting source\(esc)[0;m".utf8)
            ) == "Getting source"
        )
        #expect(TraceText.clean(Array("section_end:1700000010:get_sources\r\(esc)[0K".utf8)) == nil)
        #expect(TraceText.clean(Array("section_start:1700000000:build[collapsed=true]\r\(esc)[0K".utf8)) == nil)
        #expect(TraceText.clean(Array("Downloading 10%\rDownloading 50%\rDownloading 100%".utf8)) == "Downloading 100%")
        #expect(TraceText.clean(Array("done\r\n".utf8.dropLast())) == "done")
        #expect(TraceText.clean(Array("$ echo $TOKEN → [MASKED]".utf8)) == "$ echo $TOKEN → [MASKED]")
        #expect(TraceText.clean(Array("title\(esc)]0;window\u{07}text".utf8)) == "titletext")
    }

    @Test func readsOnlyTheNewTailAndHoldsBackAPartialLine() {
        var reader = TraceReader()
        var log = Array("one\ntwo\nthr".utf8)
        let first = reader.lines(jobID: 1, raw: log, from: 0, finished: false)
        #expect(first.offset == 0 && first.lines == ["one", "two"])
        log += Array("ee\nfour\n".utf8)
        let second = reader.lines(jobID: 1, raw: log, from: 2, finished: false)
        #expect(second.offset == 2 && second.lines == ["three", "four"])
        // Another viewer asking from the start gets the whole log again.
        let again = reader.lines(jobID: 1, raw: log, from: 1, finished: true)
        #expect(again.offset == 1 && again.lines == ["two", "three", "four"])
        let ended = reader.lines(jobID: 2, raw: Array("a\nlast".utf8), from: 0, finished: true)
        #expect(ended.lines == ["a", "last"])
    }

    @Test func aHugeLogComesBackAsABoundedTail() {
        var reader = TraceReader()
        let raw = Array((0..<12_000).map { "line \($0)\n" }.joined().utf8)
        let chunk = reader.lines(jobID: 3, raw: raw, from: 0, finished: true)
        #expect(chunk.lines.count == TraceReader.maxLines)
        #expect(chunk.offset == 12_000 - TraceReader.maxLines)
        #expect(chunk.lines.last == "line 11999")
        #expect(chunk.lines.first == "line \(chunk.offset)")
    }
}
