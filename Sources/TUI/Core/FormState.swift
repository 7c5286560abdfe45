import Foundation
import Model
import Presentation

/// An open form: adding or editing a milestone, or a country's notes.
struct FormState: Equatable, Sendable {
    enum Purpose: Equatable, Sendable {
        case addMilestone(to: MilestoneOwner)
        /// `from`: the fields as the form showed them (only what the officer changes is saved).
        case editMilestone(id: String, from: MilestoneFields)
        /// A dated note or evidence for the milestone's log.
        case addNote(milestone: String)
        case editNotes(country: String)
        case writeReport
        case officer
        /// Any other record: its fields from its table (`FormState+Record.swift`).
        case editRecord(RecordRef)
        case addRecord(RecordKind, country: String?)
        /// The timeline from a year, month or day (`g`), and an agenda of a period (`A`).
        case goTo
        case agenda
        /// An indicator's actual, target or baseline (`FormState+Result.swift`).
        case indicatorValue(RecordRef, IndicatorValueKind)
        /// One evaluator's SDG 11.a.1 scores of a country (`FormState+Result.swift`).
        case assessSDG(country: String)
        /// The NUP template applied to a country (`FormState+Template.swift`).
        case applyTemplate(country: String)
    }

    var purpose: Purpose
    var fields: [TextField]
    /// Where an added milestone goes, in words ("Mozambique", "Phase 2 as a whole").
    var place: String?
    /// The report file that exists and was shown once: a second Enter replaces it.
    var confirmedReplace: String?
    var focus = 0
    var error: String?
    /// For a record's form: the field each text field sets.
    var keys: [String] = []
    /// For a record's edit form: each field's text as the form opened. A field the officer left
    /// as it was is not written, whatever the record holds by the time of Enter (a colleague's
    /// change reloaded meanwhile stays theirs).
    var opened: [String] = []
    /// Opened from a stopped sync's dialog (its `e`): once saved, the sync runs again keeping
    /// this value. Kept on the form, so it goes with the form however the form goes.
    var syncsWhenSaved = false
    /// Something was typed in it (Ctrl-C then asks before quitting).
    var touched = false

    var title: String {
        switch purpose {
        case .addMilestone: place.map { L("Add a milestone to %@", $0) } ?? L("Add a milestone")
        case .editMilestone: L("Edit the milestone")
        case .addNote: L("Add to the milestone's log") + (place.map { ": \($0)" } ?? "")
        case .editNotes: L("Edit the notes")
        case .writeReport: L("Write the progress report")
        case .officer: L("Who are you? (your name is recorded with your ticks)")
        case .editRecord(let ref): L("Edit the %@", ref.kind.noun) + (place.map { ": \($0)" } ?? "")
        case .addRecord(let kind, _): place.map { L("Add %@ to %@", kind.withArticle, $0) } ?? L("Add %@", kind.withArticle)
        case .goTo: L("Show the timeline from")
        case .agenda: L("What happened, or was due, in a period")
        case .assessSDG: L("Score SDG 11.a.1") + (place.map { ": \($0)" } ?? "")
        case .applyTemplate: place.map { L("Apply UN-Habitat's NUP process to %@", $0) } ?? L("Apply UN-Habitat's NUP process")
        case .indicatorValue(_, let kind):
            (kind == .actual ? L("Record an actual") : kind == .target ? L("Set a target") : L("Set the baseline")) + (place.map { ": \($0)" } ?? "")
        }
    }

    static func addMilestone(to owner: MilestoneOwner, in programme: Programme) -> FormState {
        var form = FormState(purpose: .addMilestone(to: owner), fields: [
            TextField(label: L("Title")),
            TextField(label: L("Due"), placeholder: L("YYYY-MM-DD, YYYY-MM or YYYY (optional)")),
            TextField(label: L("Note"), placeholder: L("optional")),
            TextField(label: L("Evidence"), placeholder: L("a link or document reference (optional)")),
        ])
        if case .phase(let n) = owner { form.place = L("Phase %@ as a whole", "\(n)") } else { form.place = programme.ownerName(owner) }
        return form
    }

    /// The milestone's fields; then why the due moved (asked for when it changes: the move is
    /// listed with it) and, for a milestone done, the day it was achieved.
    static func editMilestone(_ m: Milestone) -> FormState {
        var fields = [
            TextField(label: L("Title"), text: m.title),
            TextField(label: L("Due"), text: m.due?.description ?? "", placeholder: L("YYYY-MM-DD, YYYY-MM or YYYY (optional)")),
            // The record's undated note and evidence; c adds dated ones to the log.
            TextField(label: L("Note"), text: m.note ?? "", placeholder: L("undated; c adds a dated note")),
            TextField(label: L("Evidence"), text: m.evidence ?? "", placeholder: L("undated; c adds dated evidence")),
            TextField(label: L("Why moved"), placeholder: L("asked when the due changes")),
        ]
        if m.done {
            fields.append(TextField(label: L("Achieved on"), text: m.doneOn?.description ?? "", placeholder: L("YYYY-MM-DD (optional)")))
        }
        return FormState(purpose: .editMilestone(id: m.id, from: MilestoneFields(m)), fields: fields)
    }

    /// A note (or evidence) for the log: kept with who wrote it and when.
    static func addNote(to m: Milestone) -> FormState {
        var form = FormState(purpose: .addNote(milestone: m.id), fields: [
            TextField(label: L("Kind"), choosing: MilestoneNote.Kind.note.rawValue, from: MilestoneNote.Kind.allCases.map(\.rawValue)),
            TextField(label: L("Text"), placeholder: L("what happened; for evidence, a link or document reference")),
        ])
        form.place = m.title
        form.focus = 1
        return form
    }

    static func editNotes(_ c: Country) -> FormState {
        // Line breaks show as " ⏎ " in the one-line field; Ctrl-E edits the full text in $EDITOR.
        FormState(purpose: .editNotes(country: c.id), fields: [
            TextField(label: L("Notes"), text: c.notes.replacingOccurrences(of: "\n", with: " ⏎ ")),
        ])
    }

    /// The report form: which format (a choice), the day it is as of, the start of a period
    /// (optional), and where (a `~` stands for the home folder).
    static func writeReport(today: CalendarDate) -> FormState {
        FormState(purpose: .writeReport, fields: [
            TextField(label: L("Format"), choosing: ReportFormat.html.rawValue, from: ReportFormat.allCases.map(\.rawValue)),
            TextField(label: L("As of"), text: today.description, placeholder: L("YYYY-MM-DD, the day the report is for")),
            TextField(label: L("From"), placeholder: L("YYYY-MM-DD: a period's start, to list its changes (optional)")),
            TextField(label: L("File"), text: "~/knupp-report-\(today).html"),
        ])
    }

    /// The report form after an edit of field `edited`: the file's ending follows a format
    /// chosen, the format follows a report ending typed in the file's name, and a file name still
    /// of the form knupp proposed follows the days ("knupp-report-2026-01-01_2026-06-30.html").
    func following(edit edited: Int) -> FormState {
        guard purpose == .writeReport, var format = ReportFormat(rawValue: fields[0].text) else { return self }
        var form = self
        var path = fields[3].text
        let ending = (path as NSString).pathExtension.lowercased()
        let typed = ReportFormat.allCases.first { $0.fileExtension == ending }
        if edited == 3, let typed, typed != format {
            format = typed
            form.fields[0] = TextField(label: fields[0].label, choosing: typed.rawValue, from: fields[0].choices)
        }
        if edited == 1 || edited == 2, (path as NSString).lastPathComponent.hasPrefix("knupp-report-"), typed != nil {
            let days = [fields[2].text, fields[1].text].map { $0.trimmingCharacters(in: .whitespaces) }.filter { CalendarDate($0) != nil }
            if !days.isEmpty {
                path = ((path as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent("knupp-report-" + days.joined(separator: "_") + "." + format.fileExtension)
                    .replacingOccurrences(of: "~//", with: "~/")
            }
        }
        if typed != nil, typed != format { path = (path as NSString).deletingPathExtension + "." + format.fileExtension }
        if path != fields[3].text { form.fields[3] = TextField(label: fields[3].label, text: path, placeholder: fields[3].placeholder) }
        return form
    }

    static var goTo: FormState {
        FormState(purpose: .goTo, fields: [TextField(label: L("When"), placeholder: L("a year (2023), a month (2023-06) or a day"))])
    }

    static func agenda(today: CalendarDate) -> FormState {
        FormState(purpose: .agenda, fields: [
            TextField(label: L("From"), placeholder: L("a year (%@), a month (%@-06) or a day", "\(today.year)", "\(today.year)")),
            TextField(label: L("To"), placeholder: L("the same when empty (2023 alone: the whole year)")),
        ])
    }

    /// The period of the agenda form, or what to fix.
    func period() -> Result<(CalendarDate, CalendarDate), FormError> {
        let values = fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard let from = CalendarDate(values[0]) else {
            return .failure(FormError(field: 0, message: L("“%@” is not a date: write 2023, 2023-06 or 2023-06-15.", values[0])))
        }
        guard values.count > 1, !values[1].isEmpty else { return .success((from, from)) }
        guard let to = CalendarDate(values[1]) else {
            return .failure(FormError(field: 1, message: L("“%@” is not a date: write 2023, 2023-06 or 2023-06-15, or leave it empty.", values[1])))
        }
        guard to.lastOrdinal >= from.firstOrdinal else { return .failure(FormError(field: 1, message: L("The period ends before it begins."))) }
        return .success((from, to))
    }

    /// Asks the officer's name (nothing on the machine says it).
    static var officer: FormState {
        FormState(purpose: .officer, fields: [TextField(label: L("Name"), placeholder: L("e.g. J. Kim"))])
    }

    /// The report form's request, or what to fix: the days as the command line takes them
    /// (a day, none after today, a period that does not end before it starts).
    func report(today: CalendarDate) -> Result<ReportRequest, FormError> {
        let values = fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard let format = ReportFormat(rawValue: values[0].lowercased()) else {
            return .failure(FormError(field: 0, message: L("The format is markdown, html, csv or json (←/→ to choose).")))
        }
        guard let asOf = CalendarDate(values[1]), asOf.precision == .day else {
            return .failure(FormError(field: 1, message: L("“%@” is not a day: write YYYY-MM-DD, e.g. %@.", values[1], "\(today)")))
        }
        var from: CalendarDate?
        if !values[2].isEmpty {
            guard let day = CalendarDate(values[2]), day.precision == .day else {
                return .failure(FormError(field: 2, message: L("“%@” is not a day: write YYYY-MM-DD, or leave it empty.", values[2])))
            }
            from = day
        }
        if let problem = ReportDays.problem(end: asOf, start: from, today: today) {
            let field = if case .afterToday(_, isStart: false) = problem { 1 } else { 2 }
            return .failure(FormError(field: field, message: ReportDays.sentence(problem, today: today)))
        }
        guard !values[3].isEmpty else { return .failure(FormError(field: 3, message: L("Name the file to write."))) }
        return .success(ReportRequest(format: format, path: values[3], asOf: asOf, from: from))
    }

    /// The edit this form makes, or the message that says what to fix. `move` says who saves it
    /// and when (a due that moves is listed with them); `today`, the last day a result can have
    /// been achieved on.
    func edit(in programme: Programme, move: DateMove, today: CalendarDate) -> Result<Model.Edit, FormError> {
        let values = fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        switch purpose {
        case .writeReport, .officer, .goTo, .agenda:
            return .failure(FormError(field: 0, message: L("Nothing to save as an edit.")))
        case .editRecord, .addRecord:
            return recordEdit(in: programme, write: RecordWrite(by: move.by, at: move.at), today: today)
        case .indicatorValue(let ref, let kind):
            return resultEdit(kind, of: ref, in: programme, by: move.by, at: move.at, today: today)
        case .assessSDG(let country):
            return sdgEdit(country, in: programme, today: today)
        case .applyTemplate(let country):
            return templateEdit(country, in: programme, at: move.at)
        case .addNote(let id):
            guard !values[1].isEmpty else { return .failure(FormError(field: 1, message: L("Write the note (Esc leaves without one)."))) }
            let kind = MilestoneNote.Kind(rawValue: values[0]) ?? .note
            return .success(.addNote(milestone: id, MilestoneNote(text: values[1], kind: kind, by: move.by, at: move.at)))
        case .editNotes(let id):
            return .success(.setCountryNotes(country: id, notes: fields[0].text.replacingOccurrences(of: " ⏎ ", with: "\n")))
        case .addMilestone, .editMilestone:
            guard !values[0].isEmpty else { return .failure(FormError(field: 0, message: L("A milestone needs a title."))) }
            var due: CalendarDate?
            if !values[1].isEmpty {
                guard let day = CalendarDate(values[1]) else {
                    return .failure(FormError(field: 1, message: L("“%@” is not a date. Write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2026-11-30.", values[1])))
                }
                due = day
            }
            let note = values[2].isEmpty ? nil : values[2]
            if case .addMilestone(let owner) = purpose {
                // Written now, by this officer: the note and evidence go in the dated log.
                var m = Milestone(id: programme.newMilestoneID(for: owner), title: values[0], due: due)
                if let note { m.notes.append(MilestoneNote(text: note, by: move.by, at: move.at)) }
                if values.count > 3, !values[3].isEmpty { m.notes.append(MilestoneNote(text: values[3], kind: .evidence, by: move.by, at: move.at)) }
                return .success(.addMilestone(m, to: owner, at: nil))
            }
            guard case .editMilestone(let id, let from) = purpose, let m = programme.milestone(id) else {
                return .failure(FormError(field: 0, message: L("The milestone is no longer in the record.")))
            }
            let evidence = values.count > 3 && !values[3].isEmpty ? values[3] : nil
            let reason = values.count > 4 ? values[4] : ""
            // A due the officer changed (from what the form showed: a colleague's move saved
            // meanwhile is theirs, and stays) needs its reason.
            if due != from.due, reason.isEmpty {
                return .failure(FormError(field: 4, message: L("The due moves from %@ to %@: say why (kept with the move, shown in slippage and reports).",
                                                     from.due?.description ?? L("no date"), due?.description ?? L("no date"))))
            }
            var achievedOn: CalendarDate?? = nil
            if m.done, values.count > 5 {
                if values[5].isEmpty {
                    achievedOn = .some(nil)
                } else {
                    guard let day = CalendarDate(values[5]), day.precision == .day else {
                        return .failure(FormError(field: 5, message: L("“%@” is not a day: write YYYY-MM-DD, or leave it empty.", values[5])))
                    }
                    guard day <= today else {
                        return .failure(FormError(field: 5, message: L("%@ is after today (%@): a result is achieved on a day that has come.", "\(day)", "\(today)")))
                    }
                    achievedOn = .some(day)
                }
            }
            return .success(.editMilestone(id: id, title: values[0], due: due, note: note, evidence: evidence,
                                           move: DateMove(by: move.by, at: move.at, reason: reason), achievedOn: achievedOn, from: from))
        }
    }
}
