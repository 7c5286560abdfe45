import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp template show` and `knupp template apply`: UN-Habitat's NUP process as a country's checklist.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "UN-Habitat's NUP process as a checklist: show it, or apply it to a country.",
        discussion: """
            The template (unhabitat-nup-2015, version 1) has 20 items in five phases: feasibility, diagnosis, formulation,
            implementation, monitoring & evaluation; each rests on UN-Habitat's published guides (docs/DECISIONS.md).
            Example:
              knupp template apply MOZ --from formulation --link form-draft=moz-nup-draft --due form-approved=2026-06
            """,
        subcommands: [Show.self, Apply.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "The template's items, phase by phase, with their sources.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Machine-readable output.")
        var json = false

        func run() throws {
            let template = NUPTemplate.unhabitat2015
            if json {
                var w = JSONWriter(alsoEscape: JSONOutput.alsoEscaped)
                w.object { w in
                    w.field("id", template.id)
                    w.field("items", template.items) { w, item in
                        w.object { w in w.field("id", item.id); w.field("sources", item.sources); w.field("stage", item.stage.rawValue); w.field("title", item.title) }
                    }
                    w.field("title", template.title); w.field("version", template.version)
                }
                Output.print(String(decoding: w.bytes, as: UTF8.self))
                return
            }
            var lines = ["\(template.title): \(template.id), version \(template.version)"]
            for stage in NUPStage.allCases {
                lines += ["", stage.text.prefix(1).uppercased() + stage.text.dropFirst()]
                lines += template.items.filter { $0.stage == stage }.map { "  \($0.id.padded(to: 22)) \($0.title) [\($0.sources.joined(separator: ", "))]" }
            }
            lines += ["", L("Sources:")] + NUPTemplate.sources.map { "  \($0.key.padded(to: 6)) \($0.title)" }
            Output.print(lines.joined(separator: "\n"))
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply", abstract: "Add the template's items to a country as milestones, as one change (in the front, u takes it back; applying again adds nothing).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The country (id or name).", valueName: "country"), completion: .custom(Completion.countriesOnly))
        var country: String

        @Option(help: ArgumentHelp("The items from this stage on (default: the country's stage; all when it has none).", valueName: "stage"))
        var from: String?

        @Flag(help: "Every item, whatever the country's stage.")
        var all = false

        @Option(help: ArgumentHelp("A due for an item: ITEM=DAY (again for another).", valueName: "item=day"))
        var due: [String] = []

        @Option(help: ArgumentHelp("Mark an existing milestone as an item instead of adding one: ITEM=MILESTONE.", valueName: "item=milestone"))
        var link: [String] = []

        @Option(help: ArgumentHelp("Leave an item out (again for another).", valueName: "item"))
        var skip: [String] = []

        @Flag(help: "Say what it would do; write nothing.")
        var dryRun = false

        @Flag(help: "Machine-readable output (what was, or would be, done).")
        var json = false

        func run() throws {
            try Context.run(global) { context in try apply(context) }
        }

        private func apply(_ context: Context) throws {
            var start: NUPStage?
            if let from {
                guard let stage = NUPStage(rawValue: from) ?? NUPStage.allCases.first(where: { $0.label == from.lowercased() || $0.shortLabel.lowercased() == from.lowercased() }) else {
                    throw ValidationError(L("“%@” is not a stage: %@.", from.clean, NUPStage.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                start = stage
            }
            if all && from != nil { throw ValidationError(L("Give --from or --all, not both.")) }
            func pairs(_ list: [String], _ option: String) throws -> [String: String] {
                var result: [String: String] = [:]
                for pair in list {
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw ValidationError(L("%@ “%@”: write ITEM=VALUE.", option, pair.clean)) }
                    guard result[parts[0]] == nil else { throw ValidationError(L("%@ %@ is given twice: give it once.", option, parts[0].clean)) }
                    result[parts[0]] = parts[1]
                }
                return result
            }
            var dues: [String: CalendarDate] = [:]
            for (item, day) in try pairs(due, "--due") {
                guard let date = CalendarDate(day) else { throw ValidationError("--due \(item.clean)=\(day.clean): " + L("“%@” is not a date (YYYY-MM-DD, YYYY-MM or YYYY).", day.clean)) }
                dues[item] = date
            }
            let links = try pairs(link, "--link")
            do {
                let store = try context.openStore(mode: dryRun ? .readOnly : .readWrite)
                defer { store.close() }
                let id = try ResultCommands.country(country, in: store.programme)
                let from = all ? nil : (start ?? store.programme.country(id)?.stage)
                if !all, start == nil, from == nil, !json {
                    Output.note(L("%@ has no NUP stage recorded: every item from feasibility on (--from STAGE to start later).", store.programme.country(id)?.name.clean ?? id))
                }
                let plan = try store.programme.planTemplate(.unhabitat2015, country: id, from: from, dues: dues, links: links,
                                                            skips: Set(skip), at: isoMoment(context.now))
                if !dryRun, let edit = plan.edit {
                    if let reason = store.readOnlyReason { throw StoreError.readOnly(path: store.path, reason: reason) }
                    _ = try context.recordingOfficer()
                    let commit = try store.commit(edit)
                    MilestoneCommit.tell(commit.notes)
                    if !json { Output.print(edit.summary(in: store.programme).clean + " (" + L("revision %@", "\(commit.revision)") + ").") }
                }
                if json {
                    var w = JSONWriter(alsoEscape: JSONOutput.alsoEscaped)
                    w.object { w in
                        w.field("added", plan.added) { w, m in
                            w.object { w in w.field("due", m.due?.description); w.field("id", m.id); w.field("item", m.template?.item ?? ""); w.field("stage", m.stage?.rawValue) }
                        }
                        w.field("already", plan.already); w.field("country", id); w.field("dryRun", dryRun)
                        w.field("linked", plan.linked) { w, l in w.object { w in w.field("item", l.item); w.field("milestone", l.milestone) } }
                        w.field("skipped", plan.skipped)
                    }
                    Output.print(String(decoding: w.bytes, as: UTF8.self))
                    return
                }
                let name = store.programme.country(id)?.name ?? id
                if dryRun {
                    Output.print(L("Would add to %@:", name.clean) + " " + (plan.added.isEmpty ? L("nothing") : plan.added.map { $0.id + ($0.due.map { " (" + L("due %@", "\($0)") + ")" } ?? "") }.joined(separator: ", ")) + ".")
                    if !plan.linked.isEmpty { Output.print(L("Would link:") + " " + plan.linked.map { L("%@ as %@", $0.milestone, $0.item) }.joined(separator: ", ") + ".") }
                } else if plan.edit == nil {
                    Output.print(L("Nothing to add to %@:", name.clean) + " " + (plan.already.isEmpty ? L("every item was left out") : (plan.already.count == 1 ? L("1 item is already there") : L("%@ items are already there", "\(plan.already.count)"))) + ".")
                }
                if !plan.already.isEmpty, plan.edit != nil || dryRun { Output.print(L("Already there:") + " " + plan.already.joined(separator: ", ") + ".") }
            }
        }
    }
}
