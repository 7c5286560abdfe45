import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// 한국어 where officers meet it: the built knupp in a real terminal and on the command line.
@Suite("Korean: the binary in a terminal and on the command line")
struct KoreanBinaryTests {
    @Test("the front with KNUPP_LANG=ko in a real terminal: 개요 first, no line wider than 80 cells, rev 1 at the edge", .enabled(if: TmuxSession.available))
    func terminal() throws {
        let folder = TempFolder()
        let path = folder.file("s.json")
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(samplePath), toPath: path)
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Kim --today 2026-11-28", environment: ["KNUPP_LANG": "ko", "HOME": folder.path])
        let screen = try tmux.waitFor("1 개요")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.displayWidth <= 80 }, "\(screen)")
        // The title bar's right end: " rev 1 " against the edge (its last cell a space).
        let title = lines.first.map { String($0).replacing(/\ +$/, with: "") } ?? ""
        #expect(title.hasSuffix("rev 1") && title.displayWidth == 79, "\(title)")
        try tmux.send("2")
        try tmux.waitFor("국가")
        // A box over half a syllable, closed again: the syllable is whole on the real screen.
        try tmux.resize(width: 60, height: 16)
        try tmux.waitFor("1기 · 2017")
        try tmux.send("?")
        try tmux.waitFor("도움말 ·")
        try tmux.send("Escape")
        let after = try tmux.waitFor("1기 · 2017")
        #expect(!after.contains("│") && !after.contains("┌"), "\(after)")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }

    @Test("LANG=ko_KR.UTF-8 where that locale is not generated: Korean words, and Hangul drawn (the C.UTF-8 fallback)", .enabled(if: TmuxSession.available))
    func localeFallback() throws {
        // What the test is about: a Korean locale that is not generated (ko_KR.UTF-8 on CI and here);
        // where it is, a Korean locale no machine has stands in, so the fallback is what is tried.
        let locales = ((try? run("/usr/bin/locale", ["-a"]).stdout) ?? "").lowercased()
        let lang = locales.contains("ko_kr") ? "ko_ZZ.UTF-8" : "ko_KR.UTF-8"
        let folder = TempFolder()
        let path = folder.file("s.json")
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(samplePath), toPath: path)
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Kim --today 2026-11-28", environment: ["LANG": lang, "HOME": folder.path])
        let screen = try tmux.waitFor("2 국가")
        #expect(screen.contains("1 개요") && screen.contains("마일스톤"), "\(screen)")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }

    @Test("the Markdown report in Korean matches its golden; JSON and CSV are the same bytes in both languages")
    func reports() throws {
        let korean = try knupp(["report", "--lang", "ko", "--format", "markdown", "--store", samplePath, "--today", "2026-11-28"], environment: ["TZ": "UTC"])
        #expect(korean.status == 0 && korean.stdout.contains("진행 보고서"), "\(korean.stderr)")
        try expectGolden(korean.stdout, at: packageRoot.appendingPathComponent("Tests/TUITests/Golden/report-ko.md"), variable: "KNUPP_RECORD_GOLDEN")
        for format in ["json", "csv"] {
            let en = try knupp(["report", "--format", format, "--store", samplePath, "--today", "2026-11-28"], environment: ["TZ": "UTC"])
            let ko = try knupp(["--lang", "ko", "report", "--format", format, "--store", samplePath, "--today", "2026-11-28"], environment: ["TZ": "UTC", "KNUPP_LANG": "ko"])
            #expect(en.status == 0 && ko.status == 0 && en.stdout == ko.stdout && !en.stdout.isEmpty, "\(format)")
        }
        for command in [["countries", "--json"], ["milestones", "--json"], ["indicators", "--json"], ["sdg11a1", "--json"], ["slippage", "--json"]] {
            let en = try knupp(command + ["--store", samplePath, "--today", "2026-11-28"])
            let ko = try knupp(command + ["--store", samplePath, "--today", "2026-11-28"], environment: ["KNUPP_LANG": "ko"])
            #expect(en.stdout == ko.stdout && en.status == ko.status, "\(command)")
        }
        let html = try knupp(["report", "--format", "html", "--store", samplePath, "--today", "2026-11-28"], environment: ["LANG": "ko_KR.UTF-8"])
        #expect(html.stdout.contains("<html lang=\"ko\">") && html.stdout.contains("<h2>타임라인</h2>"))
    }

    @Test("a command with commands of its own and a default one, given only options (`sdg11a1 --store S`, `template --store S`): its default runs, in both languages")
    func nestedDefault() throws {
        for lang in ["en", "ko"] {
            let sdg = try knupp(["sdg11a1", "--store", samplePath, "--today", "2026-11-28", "--lang", lang])
            #expect(sdg.status == 0 && sdg.stdout.contains("SDG 11.a.1"), "\(sdg.stderr)")
            let template = try knupp(["template", "--store", samplePath, "--lang", lang])
            #expect(template.status == 0 && template.stdout.contains("unhabitat-nup-2015"), "\(template.stderr)")
        }
        // A phase's end moved: slippage says it in Korean units and the phase's Korean name.
        let folder = TempFolder()
        let path = folder.file("s.json")
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(samplePath), toPath: path)
        #expect(try knupp(["phase", "end", "2", "2027-06", "--store", path, "--today", "2026-11-28", "--officer", "Kim"]).status == 0)
        let slipped = try knupp(["--lang", "ko", "slippage", "--store", path, "--today", "2026-11-28"])
        #expect(slipped.status == 0 && slipped.stdout.contains("2기") && slipped.stdout.contains("+7개월"), "\(slipped.stdout)")
        #expect(!slipped.stdout.contains(" mo") && !slipped.stdout.contains("Phase "), "\(slipped.stdout)")
        // A saved edit's line and a refused one are the model's own, in Korean.
        let ticked = try knupp(["--lang", "ko", "tick", "irn-nup", "--store", path, "--today", "2026-11-28", "--officer", "Kim"])
        #expect(ticked.status == 0 && ticked.stdout.contains("완료 표시 (리비전 3)"), "\(ticked.stdout)")
        let refused = try knupp(["--lang", "ko", "set", "policy:nope", "status=draft", "--store", path, "--officer", "Kim"])
        #expect(refused.status == 3 && refused.stderr.contains("없습니다"), "\(refused.stderr)")
    }

    @Test("--lang before or after the command, a word it does not know refused (64), the language setting checked")
    func option() throws {
        let before = try knupp(["--lang", "ko", "countries", "--store", samplePath])
        let after = try knupp(["countries", "--store", samplePath, "--lang=ko"])
        #expect(before.stdout == after.stdout && before.status == 0)
        let wrong = try knupp(["countries", "--store", samplePath, "--lang", "fr"])
        #expect(wrong.status == 64 && wrong.stderr.contains("--lang is en"), "\(wrong.stderr)")
        let folder = TempFolder()
        let env = ["XDG_CONFIG_HOME": folder.path]
        #expect(try knupp(["config", "language", "fr"], environment: env).status == 64)
        #expect(try knupp(["config", "language", "Korean"], environment: env).status == 0)
        let settings = try String(contentsOfFile: folder.path + "/knupp/config.toml", encoding: .utf8)
        #expect(settings.contains("language = \"ko\""), "\(settings)")
        #expect(try knupp(["config", "glyphs", "wide"], environment: env).status == 64)
    }
}
