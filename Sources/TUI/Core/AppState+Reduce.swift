import Foundation
import Model
import Presentation

extension AppState {
    /// The only place state changes. Pure: `now` is passed in; I/O is returned as effects.
    mutating func reduce(_ action: Action, now: Date) -> [Effect] {
        clock = now
        defer { if message != nil, message?.at == nil { message?.at = now } }
        switch action {
        case .quit:
            return [.quit]
        case .resize(let w, let h):
            width = max(0, w); height = max(0, h)
            rebuildLists()
            relayout()
        case .toggleHelp:
            helpScroll = helpScroll == nil ? 0 : nil
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, Layout(width: width, height: height).listRows - 1))
        case .pageUp: move(by: -max(1, Layout(width: width, height: height).listRows - 1))
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .scroll(let delta): move(by: delta * 3)
        case .selectPanel(let p):
            if p != panel, message?.kind == .info { message = nil }
            panel = p; detail = nil
            return panel == .activity ? [.loadHistory] : []
        case .nextPanel, .previousPanel:
            let step = action == .nextPanel ? 1 : Panel.allCases.count - 1
            panel = Panel(rawValue: (panel.rawValue + step) % Panel.allCases.count) ?? .overview
            detail = nil
            return panel == .activity ? [.loadHistory] : []
        case .back:
            if let search, !search.editing { self.search = nil; message = nil; rebuildLists() }
            else if detail != nil { detail = nil }
        case .open:
            openSelection()
        case .panLeft, .panRight:
            let layout = TimelineLayout(state: self)
            let step = max(1, layout.columns / 4) * layout.daysPerColumn
            timeline.start = layout.start + (action == .panLeft ? -step : step)
        case .zoomIn, .zoomOut:
            let layout = TimelineLayout(state: self)
            // From the fitted view the middle of the view stays in the middle; later, the selection.
            let centre = layout.start + layout.columns / 2 * layout.daysPerColumn // the view's middle stays put
            // From the fitted view, the fixed zoom just finer (or coarser) than it.
            let levels = Timeline.Zoom.allCases
            let next: Timeline.Zoom?
            if timeline.fit {
                next = action == .zoomIn ? levels.first { $0.daysPerColumn < layout.daysPerColumn }
                                         : levels.last { $0.daysPerColumn > layout.daysPerColumn }
            } else {
                next = Timeline.Zoom(rawValue: timeline.zoom.rawValue + (action == .zoomIn ? 1 : -1))
            }
            guard let zoom = next else {
                message = Message(text: action == .zoomIn ? "Already at the closest zoom (months)." : "Already at the widest zoom (years); z fits the whole programme.")
                return []
            }
            timeline.fit = false
            timeline.zoom = zoom
            timeline.start = centre - TimelineLayout(state: self).columns / 2 * zoom.daysPerColumn
            message = Message(text: "Timeline zoom: \(zoom.label) (z fits the whole programme again)")
        case .timelineFit:
            timeline.fit = true
            timeline.start = nil
            message = Message(text: "Timeline: the whole programme, and today")
        case .timelineToday:
            let layout = TimelineLayout(state: self)
            timeline.start = today.firstOrdinal - layout.columns / 2 * layout.daysPerColumn
            message = Message(text: "Timeline: today, \(today)")
        case .cyclePhaseFilter:
            let numbers = programme.phases.map(\.number)
            switch phaseFilter {
            case .all: phaseFilter = numbers.first.map { .phase($0) } ?? .all
            case .phase(let n):
                let next = numbers.firstIndex(of: n).map { $0 + 1 } ?? numbers.count
                phaseFilter = next < numbers.count ? .phase(numbers[next]) : .all
            }
            rebuildLists()
            message = Message(text: "Showing " + (phaseFilter == .all ? "all phases" : "phase \(phaseFilterNumber ?? 0) only"))
        case .cycleSort:
            if detail != nil { return [] }
            // The selection stays on the same record, wherever the new order puts it.
            let country = countryCursor.index < countryRows.count ? countryRows[countryCursor.index] : nil
            let milestone = selectedMilestone?.id
            if panel == .countries {
                countrySort = countrySort.next(in: ListSort.countries)
                message = Message(text: "Countries \(countrySort.label)")
            } else if panel == .milestones {
                milestoneSort = milestoneSort.next(in: ListSort.milestones)
                message = Message(text: "Milestones \(milestoneSort.label)")
            }
            rebuildLists()
            let visible = Layout(width: width, height: height).listRows
            if let country, let row = countryRows.firstIndex(of: country) {
                countryCursor.index = row
                countryCursor.keepVisible(count: countryRows.count, visible: visible)
            }
            if let milestone, let row = milestoneRows.firstIndex(where: { $0.entry?.milestone.id == milestone }) {
                milestoneCursor.index = row
                milestoneCursor.keepVisible(count: milestoneRows.count, visible: visible)
            }
        case .showOverdue:
            panel = .milestones
            detail = nil
            statusFilter = .overdue
            milestoneSort = .due
            rebuildLists()
            message = Message(text: "Every overdue milestone, soonest due first (f changes the filter, s the order).")
        case .cycleStatusFilter:
            let all = StatusFilter.allCases
            statusFilter = all[((all.firstIndex(of: statusFilter) ?? 0) + 1) % all.count]
            rebuildLists()
            message = Message(text: "Showing \(statusFilter.rawValue) milestones")
        case .toggleMilestone:
            guard let m = selectedMilestone else {
                message = Message(text: detail == nil ? "Select a milestone to tick it." : "Select a milestone (j/k) to tick it.", kind: .warning)
                return []
            }
            let edit: Edit = m.done ? .untick(milestone: m.id) : .tick(milestone: m.id, by: officer, at: isoMoment(now))
            return commit(edit)
        case .add:
            guard let owner = ownerForAdding else {
                message = Message(text: "Open a country, or select a milestone, to add one there.", kind: .warning)
                return []
            }
            if refuseIfReadOnly() { return [] }
            form = .addMilestone(to: owner, in: programme)
        case .edit:
            if refuseIfReadOnly() { return [] }
            if let m = selectedMilestone { form = .editMilestone(m) }
            else if let detail, detail.selection == .notes, let c = programme.country(detail.countryID) { form = .editNotes(c) }
            else { message = Message(text: detail == nil ? "Select a milestone to edit it." : "Select a milestone or the notes (j/k) to edit them.", kind: .warning) }
        case .remove:
            guard let m = selectedMilestone, let (owner, _) = programme.locate(milestone: m.id) else {
                message = Message(text: "Select a milestone to remove it.", kind: .warning)
                return []
            }
            if refuseIfReadOnly() { return [] }
            confirmation = Confirmation(question: "Remove “\(m.title)” from \(programme.ownerName(owner))? (y/n)",
                                        edit: .removeMilestone(m.id))
        case .confirm(let yes):
            guard let confirmation else { return [] }
            self.confirmation = nil
            if yes { return commit(confirmation.edit) }
            message = Message(text: "Not removed.")
        case .fieldEdit(let edit):
            if var form {
                form.fields[form.focus].apply(edit)
                form.error = nil
                self.form = form
            } else if search != nil {
                search?.field.apply(edit)
                updateSearch()
            }
        case .nextField, .previousField:
            guard var form, !form.fields.isEmpty else { return [] }
            form.focus = (form.focus + (action == .nextField ? 1 : form.fields.count - 1)) % form.fields.count
            self.form = form
        case .submit:
            if let form, form.purpose == .officer {
                let name = form.fields[0].text.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    self.form?.error = "Your name, as your colleagues know you."
                    return []
                }
                officer = name
                self.form = nil
                message = Message(text: "Thank you, \(name): your ticks are recorded in your name. "
                                  + "(knupp config officer \"\(name)\" keeps it for next time.)")
            } else if let form, form.purpose == .writeReport {
                switch form.report() {
                case .success(let (format, path)):
                    let replace = form.confirmedReplace == path
                    return [.writeReport(format, path: path, replace: replace)]
                case .failure(let error):
                    self.form?.error = error.message
                    self.form?.focus = error.field
                }
            } else if let form {
                switch form.edit(in: programme) {
                case .success(let edit):
                    self.form = nil
                    return commit(edit)
                case .failure(let error):
                    self.form?.error = error.message
                    self.form?.focus = error.field
                }
            } else if search != nil {
                search?.editing = false
                if search?.matches.isEmpty ?? true {
                    message = Message(text: "No match for “\(search?.query ?? "")”.", kind: .warning)
                    search = nil
                } else if panel == .milestones, detail == nil, milestoneRows.contains(where: \.isSelectable) {
                    // In the milestones panel the search narrows the list: stay in it.
                    let first = milestoneRows.firstIndex(where: \.isSelectable) ?? 0
                    milestoneCursor.index = first
                    milestoneCursor.keepVisible(count: milestoneRows.count, visible: Layout(width: width, height: height).listRows)
                    let count = milestoneRows.filter(\.isSelectable).count
                    message = Message(text: "\(count) milestone\(count == 1 ? "" : "s") match “\(search?.query ?? "")”; Esc shows them all again.")
                } else {
                    jumpToMatch()
                }
            }
        case .cancel:
            if form?.purpose == .officer {
                message = Message(text: "knupp needs a name to record with your ticks.", kind: .warning)
            } else if form != nil { form = nil; message = Message(text: "Cancelled: nothing changed.") }
            else if search != nil { search = nil; message = nil; rebuildLists() }
        case .editInEditor:
            guard let form else { return [] }
            let text = form.fields[form.focus].text
            if case .editNotes = form.purpose { return [.runEditor(text.replacingOccurrences(of: " ⏎ ", with: "\n"))] }
            return [.runEditor(text)]
        case .editorFinished(let text):
            guard let text, var form else {
                message = Message(text: "The editor did not save; the field is unchanged.", kind: .warning)
                return []
            }
            var value = text
            while value.hasSuffix("\n") { value.removeLast() }
            if case .editNotes = form.purpose { value = value.replacingOccurrences(of: "\n", with: " ⏎ ") }
            let old = form.fields[form.focus]
            form.fields[form.focus] = TextField(label: old.label, text: value, placeholder: old.placeholder)
            self.form = form
        case .startSearch:
            beginSearch()
            rebuildLists()
        case .nextMatch, .previousMatch:
            guard var search, !search.matches.isEmpty else {
                message = Message(text: "No search: press / to search.", kind: .warning)
                return []
            }
            search.index = (search.index + (action == .nextMatch ? 1 : search.matches.count - 1)) % search.matches.count
            self.search = search
            jumpToMatch()
        case .undo:
            guard let record = undoStack.last else {
                message = Message(text: "Nothing to undo.")
                return []
            }
            if refuseIfReadOnly() { return [] }
            return [.commit(UndoRecord(edit: record.inverse, inverse: record.edit), .undo)]
        case .redo:
            guard let record = redoStack.last else {
                message = Message(text: "Nothing to redo.")
                return []
            }
            if refuseIfReadOnly() { return [] }
            return [.commit(record, .redo)]
        case .committed(let programme, let revision, let reloaded, let record, let origin, let notes, let changed):
            // Undoing says what is undone ("Undone: Ticked “…”"), not the edit that undoes it; named
            // from the record where the milestone stands (after undoing a removal, the new one).
            let summary = origin == .undo ? record.inverse.summary(in: programme) : record.edit.summary(in: self.programme)
            let theirs = reloaded ? RecordChange.between(self.programme, programme).filter { $0.id != record.edit.recordID } : []
            var tickOf: String?
            switch record.edit {
            case .tick(let id, _, _, _), .untick(let id): tickOf = reloaded ? nil : id
            default: tickOf = nil
            }
            setProgramme(programme, tickOf: tickOf)
            self.revision = revision
            switch origin {
            case _ where reloaded:
                // The undo records were worked out on a version someone else has since changed;
                // replaying them could undo their work. History starts again here.
                undoStack.removeAll(); redoStack.removeAll()
            case .new:
                undoStack.append(record); redoStack.removeAll()
            case .undo:
                // popLast, not removeLast: a reload may have emptied the history since the undo was asked for.
                _ = undoStack.popLast()
                redoStack.append(UndoRecord(edit: record.inverse, inverse: record.edit))
            case .redo:
                _ = redoStack.popLast()
                undoStack.append(record)
            }
            if case .addMilestone(let m, .country(let id), _) = record.edit, detail?.countryID == id {
                detail?.selection = .milestone(m.id) // the officer sees what they added (or got back)
            }
            let prefix = origin == .undo ? "Undone: " : (origin == .redo ? "Redone: " : "")
            if !changed {
                // Their version already had it (both ticked the same milestone): nothing written.
                message = Message(text: "Nothing to save: another officer's version already has it (revision \(revision))"
                                  + (theirs.isEmpty ? "." : ": " + RecordChangeText.summary(theirs) + "."), kind: .warning)
                clampDetail()
                return []
            }
            // A note first (a lock left behind matters more than the save's own words), the line being cut at the width.
            message = Message(text: notes.map { $0 + " " }.joined() + "Saved (revision \(revision)). "
                              + (reloaded ? "Another officer had saved first" + (theirs.isEmpty ? "" : " (\(RecordChangeText.summary(theirs)))")
                                 + ": kept their changes and applied yours (undo history starts again here). " : "")
                              + prefix + summary + ".",
                              kind: reloaded || !notes.isEmpty ? .warning : .info)
            clampDetail()
        case .reloaded(let programme, let revision):
            let changes = RecordChange.between(self.programme, programme)
            let replaced = revision < self.revision
            setProgramme(programme)
            self.revision = revision
            let hadHistory = startHistoryAgain()
            message = Message(text: (replaced ? "The store was replaced by another one (knupp init --force?); reloaded"
                                     : changes.isEmpty ? "Reloaded: the store was changed on disk" : RecordChangeText.summary(changes))
                              + " (revision \(revision))" + (hadHistory ? "; undo history starts again here." : "."), kind: .warning)
            clampDetail()
        case .commitFailed(let text, let programme, let revision):
            var hadHistory = false
            if let programme {
                // Their version is loaded now: undo records worked out on ours must not replay over it.
                setProgramme(programme)
                hadHistory = startHistoryAgain()
            }
            if let revision { self.revision = revision }
            message = Message(text: text + (hadHistory ? " Undo history starts again here." : ""), kind: .error, at: now)
            clampDetail()
        case .saving(let edit):
            message = Message(text: "Saving… " + edit.summary(in: programme))
        case .newDay(let day):
            today = day
            setProgramme(programme)
        case .click(let x, let y, let double):
            return click(x: x, y: y, double: double, now: now)
        case .clock:
            // Messages say what just happened; after a while they are old news (errors stay longer).
            if let message, let at = message.at {
                let lifetime: TimeInterval = message.kind == .error ? 15 : (message.kind == .warning ? 10 : 6)
                if now.timeIntervalSince(at) > lifetime { self.message = nil }
            }
        case .unknownKey:
            if !hintedHelp {
                hintedHelp = true
                message = Message(text: "That key does nothing here: ? lists the keys.", at: now)
            }
        case .startReport:
            form = .writeReport(today: today)
        case .reportWritten(let text, let ok):
            if ok { form = nil }
            message = Message(text: text, kind: ok ? .info : .error, at: now)
        case .reportExists(let path):
            // Shown once; Enter again replaces it, any other name is written as it is.
            form?.confirmedReplace = path
            form?.error = "\(path) exists: Enter again replaces it, or change the name."
            form?.focus = 1
        case .sync:
            guard busy == nil else {
                message = Message(text: "A sync is under way already (Esc stops it).", kind: .warning)
                return []
            }
            busy = .syncing
            message = Message(text: "Syncing… (commit, merge your colleagues' changes, send; Esc stops it)")
            return [.sync]
        case .stopWork:
            guard busy == .syncing else { return [] }
            message = Message(text: "Stopping the sync…", kind: .warning)
            return [.stopWork]
        case .synced(let text, let ok):
            busy = nil
            message = Message(text: text, kind: ok ? .info : .error)
            return panel == .activity ? [.loadHistory] : []
        case .notice(let text, let ok):
            message = Message(text: text, kind: ok ? .info : .error)
            return []
        case .historyLoaded(let entries, let source):
            activity = entries
            activitySource = source
            activityCursor.clamp(count: entries.count, visible: Layout(width: width, height: height).listRows)
        }
        return []
    }

    /// Forgets undo and redo (another officer's version arrived: replaying inverses worked out on
    /// ours could undo their work). True when there was history to forget.
    mutating func startHistoryAgain() -> Bool {
        let had = !undoStack.isEmpty || !redoStack.isEmpty
        undoStack.removeAll(); redoStack.removeAll()
        return had
    }

    /// True (and says why) when the store may not be written.
    mutating func refuseIfReadOnly() -> Bool {
        guard let readOnlyReason else { return false }
        message = Message(text: "Nothing was changed: read-only, \(readOnlyReason).", kind: .error)
        return true
    }

    /// An edit to save, with the edit that undoes it.
    mutating func commit(_ edit: Edit) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        do {
            return [.commit(UndoRecord(edit: edit, inverse: try programme.inverse(of: edit)), .new)]
        } catch {
            message = Message(text: error.description, kind: .error)
            return []
        }
    }
}
