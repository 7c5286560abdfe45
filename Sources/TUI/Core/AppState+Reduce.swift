import Foundation
import Model

extension AppState {
    /// The only place state changes. Pure: `now` is passed in; I/O is returned as effects.
    mutating func reduce(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .resize(let w, let h):
            width = max(0, w); height = max(0, h)
            rebuildLists()
            clampDetail()
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
            panel = p; detail = nil
        case .nextPanel, .previousPanel:
            let step = action == .nextPanel ? 1 : Panel.allCases.count - 1
            panel = Panel(rawValue: (panel.rawValue + step) % Panel.allCases.count) ?? .overview
            detail = nil
        case .back:
            if let search, !search.editing { self.search = nil; message = nil; rebuildLists() }
            else if detail != nil { detail = nil }
        case .open:
            openSelection()
        case .panLeft, .panRight:
            let layout = TimelineLayout(state: self)
            let step = max(1, layout.columns / 4) * timeline.zoom.daysPerColumn
            timeline.start = layout.start + (action == .panLeft ? -step : step)
        case .zoomIn, .zoomOut:
            let layout = TimelineLayout(state: self)
            let centre = selectedTimelineItem?.start ?? (layout.start + layout.columns / 2 * timeline.zoom.daysPerColumn)
            let next = timeline.zoom.rawValue + (action == .zoomIn ? 1 : -1)
            guard let zoom = Timeline.Zoom(rawValue: next) else {
                message = Message(text: action == .zoomIn ? "Already at the closest zoom (months)." : "Already at the widest zoom (years).")
                return []
            }
            timeline.zoom = zoom
            timeline.start = centre - TimelineLayout(state: self).columns / 2 * zoom.daysPerColumn
            message = Message(text: "Timeline zoom: \(zoom.label)")
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
        case .cycleStatusFilter:
            let all = StatusFilter.allCases
            statusFilter = all[((all.firstIndex(of: statusFilter) ?? 0) + 1) % all.count]
            rebuildLists()
            message = Message(text: "Showing \(statusFilter.rawValue) milestones")
        case .toggleMilestone:
            guard let m = selectedMilestone else {
                message = Message(text: "Select a milestone to tick it.", kind: .warning)
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
            form = .addMilestone(to: owner)
        case .edit:
            if refuseIfReadOnly() { return [] }
            if let m = selectedMilestone { form = .editMilestone(m) }
            else if let id = detail?.countryID, let c = programme.country(id) { form = .editNotes(c) }
            else { message = Message(text: "Select a milestone to edit it.", kind: .warning) }
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
            if let form {
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
                } else {
                    jumpToMatch()
                }
            }
        case .cancel:
            if form != nil { form = nil; message = Message(text: "Cancelled: nothing changed.") }
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
            search = SearchState()
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
        case .committed(let programme, let revision, let reloaded, let record, let origin):
            let summary = record.edit.summary(in: self.programme)
            setProgramme(programme)
            self.revision = revision
            switch origin {
            case .new:
                undoStack.append(record); redoStack.removeAll()
            case .undo:
                undoStack.removeLast()
                redoStack.append(UndoRecord(edit: record.inverse, inverse: record.edit))
            case .redo:
                redoStack.removeLast()
                undoStack.append(record)
            }
            let prefix = origin == .undo ? "Undone: " : (origin == .redo ? "Redone: " : "")
            message = Message(text: "Saved (revision \(revision)). "
                              + (reloaded ? "Another officer had saved first: kept their changes and applied yours. " : "")
                              + prefix + summary + ".",
                              kind: reloaded ? .warning : .info)
            clampDetail()
        case .commitFailed(let text, let programme, let revision):
            if let programme { setProgramme(programme) }
            if let revision { self.revision = revision }
            message = Message(text: text, kind: .error)
            clampDetail()
        case .newDay(let day):
            today = day
            setProgramme(programme)
        case .click(let x, let y, let double):
            return click(x: x, y: y, double: double, now: now)
        }
        return []
    }

    var phaseFilterNumber: Int? { if case .phase(let n) = phaseFilter { n } else { nil } }

    // MARK: - Selection

    /// The milestone under the cursor, in the detail screen or the milestones panel.
    var selectedMilestone: Milestone? {
        if let detail {
            guard let country = programme.country(detail.countryID) else { return nil }
            let lines = CountryDetailScreen.lines(country: country, state: self)
            guard detail.cursor.index < lines.count, let id = lines[detail.cursor.index].milestoneID else { return nil }
            return programme.milestone(id)
        }
        guard panel == .milestones, milestoneCursor.index < milestoneRows.count else { return nil }
        return milestoneRows[milestoneCursor.index].entry?.milestone
    }

    private var ownerForAdding: MilestoneOwner? {
        if let detail { return .country(detail.countryID) }
        if panel == .milestones, milestoneCursor.index < milestoneRows.count {
            if let entry = milestoneRows[milestoneCursor.index].entry { return entry.owner }
        }
        if panel == .countries, countryCursor.index < countryRows.count, case .country(let id) = countryRows[countryCursor.index] {
            return .country(id)
        }
        return nil
    }

    var selectedTimelineItem: TimelineRow.Item? {
        let rows = derived.timelineRows
        guard timeline.row < rows.count, timeline.item < rows[timeline.row].items.count else { return nil }
        return rows[timeline.row].items[timeline.item]
    }

    private mutating func refuseIfReadOnly() -> Bool {
        guard let readOnlyReason else { return false }
        message = Message(text: "Nothing was changed: read-only, \(readOnlyReason).", kind: .error)
        return true
    }

    private mutating func commit(_ edit: Edit) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        do {
            return [.commit(UndoRecord(edit: edit, inverse: try programme.inverse(of: edit)), .new)]
        } catch {
            message = Message(text: error.description, kind: .error)
            return []
        }
    }

    private mutating func move(by delta: Int) {
        let layout = Layout(width: width, height: height)
        if let help = helpScroll {
            let maxScroll = max(0, HelpOverlay.lines().count - HelpOverlay.visibleRows(layout))
            helpScroll = min(max(0, help.addingClamped(delta)), maxScroll)
            return
        }
        if var detail, let country = programme.country(detail.countryID) {
            let count = CountryDetailScreen.lines(country: country, state: self).count
            detail.cursor.move(by: delta.clampedStep(count), count: count, visible: layout.detailRows(count: count))
            self.detail = detail
            describeSelectedMilestone()
            return
        }
        switch panel {
        case .overview:
            let count = OverviewScreen.lines(state: self).count
            let rows = ScrollingText.visibleRows(count: count, area: layout.content)
            overviewScroll = min(max(0, overviewScroll.addingClamped(delta)), max(0, count - rows))
        case .countries:
            let rows = countryRows
            countryCursor.move(by: delta.clampedStep(rows.count), count: rows.count, visible: layout.listRows) { rows[$0].isSelectable }
        case .milestones:
            let rows = milestoneRows
            milestoneCursor.move(by: delta.clampedStep(rows.count), count: rows.count, visible: layout.listRows) { rows[$0].isSelectable }
            describeSelectedMilestone()
        case .timeline:
            moveTimeline(by: delta)
        }
    }

    /// Moves the timeline selection item by item in reading order (a page moves by rows),
    /// panning to keep it in view. Touches only the rows it passes: no pass over every item.
    private mutating func moveTimeline(by delta: Int) {
        let rows = derived.timelineRows
        guard !rows.isEmpty else { return }
        var row = min(timeline.row, rows.count - 1)
        var item = min(timeline.item, max(0, rows[row].items.count - 1))
        if abs(delta) == 1 {
            item += delta
            while item < 0 || item >= rows[row].items.count {
                if item < 0 {
                    guard row > 0 else { item = 0; break }
                    row -= 1
                    item = rows[row].items.count - 1
                } else {
                    guard row < rows.count - 1 else { item = rows[row].items.count - 1; break }
                    row += 1
                    item = 0
                }
            }
        } else {
            row = min(max(0, row.addingClamped(delta.clampedStep(rows.count))), rows.count - 1)
            item = 0
        }
        timeline.row = row
        timeline.item = max(0, item)
        if let item = selectedTimelineItem {
            let layout = TimelineLayout(state: self)
            let column = layout.column(of: item.start)
            if column < 0 || column >= layout.columns {
                timeline.start = item.start - layout.columns / 3 * timeline.zoom.daysPerColumn
            }
            message = Message(text: item.label)
        }
    }

    /// The selected milestone in full in the status line: its id, status, due day, tick record and note.
    private mutating func describeSelectedMilestone() {
        guard let m = selectedMilestone else { return }
        var parts = [m.id, m.status(today: today).rawValue]
        if let due = m.due { parts.append("due \(due)") }
        if m.done { parts.append("ticked" + (m.doneBy.map { " by \($0)" } ?? "") + (m.doneAt.map { " at \($0)" } ?? "")) }
        if let note = m.note { parts.append("note: \(note)") }
        if let evidence = m.evidence { parts.append("evidence: \(evidence)") }
        message = Message(text: parts.joined(separator: " · "))
    }

    private mutating func clampDetail() {
        guard var detail, let country = programme.country(detail.countryID) else { return }
        let count = CountryDetailScreen.lines(country: country, state: self).count
        detail.cursor.clamp(count: count, visible: Layout(width: width, height: height).detailRows(count: count))
        self.detail = detail
    }

    private mutating func openSelection() {
        switch panel {
        case _ where detail != nil:
            return
        case .countries:
            guard countryCursor.index < countryRows.count, case .country(let id) = countryRows[countryCursor.index] else { return }
            detail = Detail(countryID: id)
        case .timeline:
            let rows = derived.timelineRows
            guard timeline.row < rows.count else { return }
            var id = selectedTimelineItem?.countryID
            if id == nil, case .country(let rowID) = rows[timeline.row].kind { id = rowID }
            if let id { detail = Detail(countryID: id) } else {
                message = Message(text: "This item belongs to no single country.", kind: .warning)
            }
        case .milestones:
            guard milestoneCursor.index < milestoneRows.count, let entry = milestoneRows[milestoneCursor.index].entry else { return }
            if case .country(let id) = entry.owner { detail = Detail(countryID: id) }
            else { message = Message(text: "A milestone of the phase as a whole: it has no country to open.") }
        case .overview:
            panel = .countries
        }
    }

    // MARK: - Search

    private mutating func updateSearch() {
        guard let query = search?.query else { return }
        search?.matches = SearchState.matches(of: query, in: programme)
        search?.index = 0
        rebuildLists()
    }

    /// Shows the current match in its panel.
    private mutating func jumpToMatch() {
        guard let search, search.index < search.matches.count else { return }
        let match = search.matches[search.index]
        switch match.target {
        case .country(let id):
            detail = Detail(countryID: id)
            panel = .countries
            if let row = countryRows.firstIndex(of: .country(id)) { countryCursor.index = row }
        case .milestone(let id):
            detail = nil
            panel = .milestones
            if !milestoneRows.contains(where: { $0.entry?.milestone.id == id }) {
                statusFilter = .all
                rebuildLists()
            }
            if let row = milestoneRows.firstIndex(where: { $0.entry?.milestone.id == id }) {
                milestoneCursor.index = row
                milestoneCursor.keepVisible(count: milestoneRows.count, visible: Layout(width: width, height: height).listRows)
            }
        case .event(let id):
            detail = nil
            panel = .timeline
            let rows = derived.timelineRows
            if let r = rows.firstIndex(where: { $0.kind == .events }),
               let event = programme.events.first(where: { $0.id == id }),
               let i = rows[r].items.firstIndex(where: { $0.start == event.date.firstOrdinal && $0.label.contains(event.title) }) {
                timeline.row = r; timeline.item = i
                timeline.start = rows[r].items[i].start - TimelineLayout(state: self).columns / 3 * timeline.zoom.daysPerColumn
            }
        }
        message = Message(text: "Match \(search.index + 1)/\(search.matches.count): \(match.label)  (n/N for more)")
    }

    // MARK: - Mouse

    private mutating func click(x: Int, y: Int, double: Bool, now: Date) -> [Effect] {
        let layout = Layout(width: width, height: height)
        if helpScroll != nil || form != nil || confirmation != nil || layout.isTooSmall { return [] }
        if y == layout.tabRow {
            if let panel = TabStrip.panel(atColumn: x) { self.panel = panel; detail = nil }
            return []
        }
        guard layout.content.contains(x: x, y: y) else { return [] }
        if var detail, let country = programme.country(detail.countryID) {
            let count = CountryDetailScreen.lines(country: country, state: self).count
            let index = detail.cursor.scroll + (y - layout.content.y - 1)
            if index >= 0 && index < count { detail.cursor.index = index }
            self.detail = detail
            return double ? reduce(.toggleMilestone, now: now) : []
        }
        let row = y - layout.content.y - 1
        switch panel {
        case .countries:
            let index = countryCursor.scroll + row
            guard row >= 0, index < countryRows.count, countryRows[index].isSelectable else { return [] }
            countryCursor.index = index
            if double { openSelection() }
        case .milestones:
            let index = milestoneCursor.scroll + row
            guard row >= 0, index < milestoneRows.count, milestoneRows[index].isSelectable else { return [] }
            milestoneCursor.index = index
            if double { openSelection() }
        case .overview, .timeline:
            break
        }
        return []
    }
}

extension Int {
    /// Adds without overflowing (top and bottom move by huge steps).
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }

    /// A huge step made no larger than a list (so moves stay cheap and never overflow).
    func clampedStep(_ count: Int) -> Int { Swift.min(Swift.max(self, -count - 1), count + 1) }
}
