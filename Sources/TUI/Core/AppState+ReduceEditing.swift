import Foundation
import Model
import Presentation

extension AppState {
    /// Ticking, adding, editing and removing milestones through forms and confirmations; the report form.
    mutating func reduceEditing(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .recordValue(let kind):
            guard detail == nil, panel == .indicators, let row = selectedIndicator else {
                message = Message(text: L("Select an indicator (j/k) to record its values."), kind: .warning)
                return []
            }
            if refuseIfReadOnly() { return [] }
            form = .indicatorValue(kind, of: RecordRef(.indicator, row.id, country: row.country), in: programme, today: today)
        case .applyTemplate:
            guard let detail, let country = programme.country(detail.countryID) else { return [] }
            if refuseIfReadOnly() { return [] }
            form = .template(.unhabitat2015, for: country)
        case .scoreSDG:
            guard let detail, let country = programme.country(detail.countryID) else { return [] }
            if refuseIfReadOnly() { return [] }
            form = .sdgScores(country, officer: officer, today: today)
        case .toggleMilestone:
            if refuseIfReadOnly() { return [] }
            guard let m = selectedMilestone else {
                message = Message(text: detail == nil ? L("Select a milestone to tick it.") : L("Select a milestone (j/k) to tick it."), kind: .warning)
                return []
            }
            let edit: Edit = m.done ? .untick(milestone: m.id, by: officer, at: isoMoment(now)) : .tick(milestone: m.id, by: officer, at: isoMoment(now))
            return commit(edit)
        case .add where recordTargetForAdding != nil:
            if refuseIfReadOnly() { return [] }
            guard let (kind, country) = recordTargetForAdding else { return [] }
            form = .record(kind, ref: nil, country: country, in: programme)
        case .edit where selectedRecord != nil:
            if refuseIfReadOnly() { return [] }
            guard let ref = selectedRecord else { return [] }
            form = .record(ref.kind, ref: ref, country: ref.country, in: programme)
        case .remove where selectedRecord != nil:
            guard let ref = selectedRecord else { return [] }
            if refuseIfReadOnly() { return [] }
            // What the record refuses is said at once, not after a question.
            do {
                _ = try programme.applying(.removeRecord(ref))
            } catch {
                message = Message(text: error.description, kind: .warning, at: now)
                return []
            }
            confirmation = Confirmation(question: L("Remove the %@ “%@”? (y/n)", ref.kind.noun, programme.recordName(ref)), edit: .removeRecord(ref))
        case .add:
            guard let owner = ownerForAdding else {
                message = Message(text: L("Open a country, or select a milestone, to add one there."), kind: .warning)
                return []
            }
            if refuseIfReadOnly() { return [] }
            form = .addMilestone(to: owner, in: programme)
        case .edit:
            if refuseIfReadOnly() { return [] }
            if let m = selectedMilestone { form = .editMilestone(m) }
            else if let detail, detail.selection == .notes, let c = programme.country(detail.countryID) { form = .editNotes(c) }
            else { message = Message(text: detail == nil ? L("Select a milestone to edit it.") : L("Select a milestone or the notes (j/k) to edit them."), kind: .warning) }
        case .addNote:
            // Just ticked and gone from the list the filter shows ("c adds a note" said so): that one.
            let ticked = justTicked.flatMap { id in detail == nil && milestoneRow(of: id) == nil ? programme.milestone(id) : nil }
            guard let m = ticked ?? selectedMilestone else {
                message = Message(text: L("Select a milestone to add a note to it."), kind: .warning)
                return []
            }
            if refuseIfReadOnly() { return [] }
            form = .addNote(to: m)
        case .remove:
            guard let m = selectedMilestone, let (owner, _) = programme.locate(milestone: m.id) else {
                message = Message(text: L("Select a milestone to remove it."), kind: .warning)
                return []
            }
            if refuseIfReadOnly() { return [] }
            confirmation = Confirmation(question: L("Remove “%@” from %@? (y/n)", m.title, programme.ownerText(owner)),
                                        edit: .removeMilestone(m.id))
        case .confirm(let yes):
            guard let confirmation else { return [] }
            self.confirmation = nil
            if yes { return commit(confirmation.edit) }
            message = Message(text: L("Not removed."))
        case .fieldEdit(let edit):
            return reduceEditing(.fieldEdits([edit]), now: now)
        case .fieldEdits(let edits):
            if var form {
                for edit in edits { form.fields[form.focus].apply(edit) }
                form.error = nil
                form.touched = true
                // The report's file and format follow each other, and the days.
                self.form = form.following(edit: form.focus)
            } else if search != nil {
                for edit in edits { search?.field.apply(edit) }
                updateSearch()
            }
        case .nextField, .previousField:
            guard var form, !form.fields.isEmpty else { return [] }
            form.focus = (form.focus + (action == .nextField ? 1 : form.fields.count - 1)) % form.fields.count
            self.form = form
        case .submit where form?.purpose == .goTo || form?.purpose == .agenda:
            guard let form else { return [] }
            switch form.period() {
            case .success(let (from, to)):
                self.form = nil
                if form.purpose == .goTo { return reduce(.timelineGoTo(from), now: now) }
                overlay = .agenda(from: from, to: to)
                agendaItems = Agenda.items(programme, from: from, to: to, today: today, timeZone: timeZone)
                helpScroll = 0
            case .failure(let error):
                self.form?.error = error.message
                self.form?.focus = error.field
            }
        case .submit:
            if let form, form.purpose == .officer {
                let name = form.fields[0].text.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    self.form?.error = L("Your name, as your colleagues know you.")
                    return []
                }
                officer = name
                self.form = nil
                message = Message(text: L("Thank you, %@: your ticks are recorded in your name.", name) + " "
                                  + L("(%@ keeps it for next time.)", "knupp config officer \"\(name)\""))
            } else if let form, form.purpose == .writeReport {
                switch form.report(today: today) {
                case .success(var request):
                    request.replace = form.confirmedReplace == request.path
                    return [.writeReport(request)]
                case .failure(let error):
                    self.form?.error = error.message
                    self.form?.focus = error.field
                }
            } else if let form {
                switch form.edit(in: programme, move: DateMove(by: officer, at: isoMoment(now)), today: today) {
                case .success(var edit):
                    // A target or an actual of a day that has one: said, and replaced on a second Enter.
                    if case .setResult(let ref, let kind, let day, let new) = edit, let there = programme.indicator(ref)?.value(kind, on: day),
                       there != new, form.confirmedReplace != day.description {
                        self.form?.confirmedReplace = day.description
                        self.form?.error = (kind == .baseline ? L("The baseline is %@ (%@)", there.shown, "\(there.date)")
                                            : (kind == .actual ? L("%@ already has an actual: %@", "\(day)", there.shown) : L("%@ already has a target: %@", "\(day)", there.shown)))
                            + (there.evidence.map { " (" + L("evidence:") + " \($0))" } ?? "") + ". " + L("Enter again replaces it (u undoes).")
                        return []
                    }
                    self.form = nil
                    // A milestone added records when: a report as of an earlier day leaves it out.
                    if case .addMilestone(var m, let owner, let place) = edit {
                        m.addedAt = isoMoment(now)
                        edit = .addMilestone(m, to: owner, at: place)
                    }
                    // The officer's own value of a field a sync stopped on: saved, then synced keeping it.
                    if form.syncsWhenSaved {
                        let effects = commit(edit)
                        guard effects.contains(where: { if case .commit = $0 { true } else { false } }) else { return effects }
                        busy = .syncing
                        return effects + [.sync(prefer: .mine)]
                    }
                    return commit(edit)
                case .failure(let error):
                    self.form?.error = error.message
                    self.form?.focus = error.field
                }
            } else if search != nil {
                search?.editing = false
                if search?.matches.isEmpty ?? true {
                    message = Message(text: L("No match for “%@”.", search?.query ?? ""), kind: .warning)
                    search = nil
                    // The list the search narrowed to nothing shows every milestone again.
                    rebuildMilestoneRows()
                } else if panel == .milestones, detail == nil, milestoneRows.contains(where: \.isSelectable) {
                    // In the milestones panel the search narrows the list: stay in it.
                    let first = milestoneRows.firstIndex(where: \.isSelectable) ?? 0
                    milestoneCursor.index = first
                    milestoneCursor.keepVisible(count: milestoneRows.count, visible: Layout(width: width, height: height).listRows)
                    let count = milestoneRows.filter(\.isSelectable).count
                    message = Message(text: (count == 1 ? L("1 milestone matches “%@”; Esc shows them all again.", search?.query ?? "") : L("%@ milestones match “%@”; Esc shows them all again.", "\(count)", search?.query ?? "")))
                } else {
                    jumpToMatch()
                }
            }
        case .cancel:
            if form?.purpose == .officer {
                message = Message(text: L("knupp needs a name to record with your ticks."), kind: .warning)
            } else if let form {
                self.form = nil
                message = Message(text: form.syncsWhenSaved ? L("Cancelled: nothing changed; the sync stays stopped (S tries it again).") : L("Cancelled: nothing changed."))
            }
            else if search != nil { endSearch() }
        case .editInEditor:
            guard let form else { return [] }
            let text = form.fields[form.focus].text
            if case .editNotes = form.purpose { return [.runEditor(text.replacingOccurrences(of: " ⏎ ", with: "\n"))] }
            return [.runEditor(text)]
        case .editorFinished(let text):
            guard let text, var form else {
                message = Message(text: L("The editor did not save; the field is unchanged."), kind: .warning)
                return []
            }
            var value = text
            while value.hasSuffix("\n") { value.removeLast() }
            if case .editNotes = form.purpose { value = value.replacingOccurrences(of: "\n", with: " ⏎ ") }
            let old = form.fields[form.focus]
            form.fields[form.focus] = TextField(label: old.label, text: value, placeholder: old.placeholder)
            self.form = form
        case .startReport:
            form = .writeReport(today: today)
        case .reportWritten(let text, let ok):
            if ok {
                form = nil
                message = Message(text: text, kind: .info, at: now)
            } else if form?.purpose == .writeReport {
                // Said in the form, by the file it is about, the form kept to change the name.
                form?.error = text
                form?.focus = 3
            } else {
                message = Message(text: text, kind: .error, at: now)
            }
        case .reportExists(let path):
            // Shown once; Enter again replaces it, any other name is written as it is.
            form?.confirmedReplace = path
            form?.error = L("%@ exists: Enter again replaces it, or change the name.", path)
            form?.focus = 3
        default:
            break
        }
        return []
    }
}
