import Foundation

extension Programme {
    /// The programme with `edit` applied, or why it cannot be.
    public func applying(_ edit: Edit) throws(EditError) -> Programme {
        var copy = self
        try copy.apply(edit)
        return copy
    }

    /// The edit that undoes `edit` when applied after it; call before applying `edit`.
    public func inverse(of edit: Edit) throws(EditError) -> Edit {
        switch edit {
        case .tick(let id, _, _, _, _), .untick(let id, _, _), .removeMilestone(let id), .editMilestone(let id, _, _, _, _, _, _, _),
             .moveDue(let id, _, _), .addNote(let id, _), .markTemplate(let id, _, _):
            guard let (owner, index) = locate(milestone: id), let old = milestones(of: owner)?[index] else {
                throw .unknownMilestone(id)
            }
            if case .removeMilestone = edit { return .addMilestone(old, to: owner, at: index) }
            return .updateMilestone(old)
        case .updateMilestone(let new):
            guard let old = milestone(new.id) else { throw .unknownMilestone(new.id) }
            return .updateMilestone(old)
        case .addMilestone(let m, _, _):
            return .removeMilestone(m.id)
        case .setCountryNotes(let id, _):
            guard let country = country(id) else { throw .unknownCountry(id) }
            return .setCountryNotes(country: id, notes: country.notes)
        case .movePhaseEnd(let n, _, _), .setPhaseActualEnd(let n, _):
            guard let phase = phase(n) else { throw .unknownPhase(n) }
            return .restorePhaseDates(PhaseDates(phase))
        case .restorePhaseDates(let dates):
            guard let phase = phase(dates.number) else { throw .unknownPhase(dates.number) }
            return .restorePhaseDates(PhaseDates(phase))
        case .setRecord(let ref, let values, _):
            let (members, _) = try members(of: ref)
            var old: [String: JSONValue] = [:]
            for key in values.keys { old[key] = members[key] ?? .null }
            // A dated value's change adds to its log (a policy's adoption day too): undone, they
            // are put back as they were.
            if let dated = Programme.datedFields[ref.kind], values[dated.field] != nil {
                old[dated.log] = members[dated.log] ?? .null
                if ref.kind == .policy { old["adoptedOn"] = members["adoptedOn"] ?? .null }
            }
            return .setRecord(ref, old, nil)
        case .addRecord(let ref, _, _):
            return .removeRecord(ref)
        case .removeRecord(let ref):
            let (members, index) = try members(of: ref)
            return .addRecord(ref, members, at: index)
        case .setResult(let ref, let kind, let date, _):
            guard let indicator = indicator(ref) else { throw .unknownRecord(ref) }
            return .setResult(ref, kind, date, indicator.value(kind, on: date))
        case .scoreSDG(let id, let date, _, _, _, _), .setAssessment(let id, let date, _):
            guard let country = country(id) else { throw .unknownCountry(id) }
            return .setAssessment(country: id, date: date, country.sdg11a1.first { $0.date == date })
        case .setIATI(let setting):
            return .setIATI((iati ?? IATISettings()).current(setting))
        case .batch(let edits, let summary):
            // Each part's inverse on the record as it stands before that part, undone last first.
            var p = self
            var inverses: [Edit] = []
            for edit in edits {
                inverses.append(try p.inverse(of: edit))
                try p.apply(edit)
            }
            return .batch(inverses.reversed(), summary: "Took back: " + summary)
        }
    }

    /// Applies `edit` in place. A tick of a milestone already done keeps the first tick's record.
    public mutating func apply(_ edit: Edit) throws(EditError) {
        switch edit {
        case .batch(let edits, _):
            var copy = self
            for edit in edits { try copy.apply(edit) }
            self = copy
        case .tick, .untick, .updateMilestone, .editMilestone, .moveDue, .addNote, .markTemplate:
            try modifyMilestone(edit.recordID) { (m: inout Milestone) throws(EditError) in try m.apply(edit) }
        case .removeMilestone(let id):
            guard let (owner, index) = locate(milestone: id) else { throw .unknownMilestone(id) }
            try modifyMilestones(of: owner) { $0.remove(at: index) }
        case .addMilestone(let m, let owner, let at):
            guard !m.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyTitle }
            guard locate(milestone: m.id) == nil else { throw .duplicateMilestone(m.id) }
            try modifyMilestones(of: owner) { list in
                list.insert(m, at: min(max(at ?? list.count, 0), list.count))
            }
        case .setCountryNotes(let id, let notes):
            guard let index = countries.firstIndex(where: { $0.id == id }) else { throw .unknownCountry(id) }
            countries[index].notes = notes
        case .movePhaseEnd(let n, let to, let move):
            guard let index = phases.firstIndex(where: { $0.number == n }) else { throw .unknownPhase(n) }
            guard let (change, planned) = move.change(from: phases[index].end, to: to, planned: phases[index].plannedEnd) else { return }
            phases[index].endChanges.append(change)
            phases[index].plannedEnd = planned
            phases[index].end = to
        case .setPhaseActualEnd(let n, let to):
            guard let index = phases.firstIndex(where: { $0.number == n }) else { throw .unknownPhase(n) }
            phases[index].actualEnd = to
        case .restorePhaseDates(let dates):
            guard let index = phases.firstIndex(where: { $0.number == dates.number }) else { throw .unknownPhase(dates.number) }
            phases[index].end = dates.end; phases[index].plannedEnd = dates.plannedEnd
            phases[index].endChanges = dates.endChanges; phases[index].actualEnd = dates.actualEnd
        case .setRecord(let ref, let values, let write): try checkingRecords(ref, L("with this change of")) { (p: inout Programme) throws(EditError) in try p.setRecord(ref, values, write) }
        case .addRecord(let ref, let values, let at): try checkingRecords(ref, L("adding")) { (p: inout Programme) throws(EditError) in try p.addRecord(ref, values, at: at) }
        case .removeRecord(let ref): try checkingRecords(ref, L("removing")) { (p: inout Programme) throws(EditError) in try p.removeRecord(ref) }
        case .setResult(let ref, let kind, let date, let value):
            try checkingRecords(ref, L("recording this %@ of", kind.rawValue)) { (p: inout Programme) throws(EditError) in try p.setResult(ref, kind, date, value) }
        case .scoreSDG(let id, let date, let policy, let evaluation, let evidence, let note):
            try checkingRecords(RecordRef(.country, id), L("with these scores,")) { (p: inout Programme) throws(EditError) in
                try p.scoreSDG(id, date, policy: policy, evaluation, evidence: evidence, note: note)
            }
        case .setIATI(let setting):
            try checkingRules({ .invalidSetting(L("with this IATI setting, %@", $0)) }) { (p: inout Programme) throws(EditError) in
                var settings = p.iati ?? IATISettings()
                settings.set(setting)
                p.iati = settings.isEmpty ? nil : settings
            }
        case .setAssessment(let id, let date, let assessment):
            try checkingRecords(RecordRef(.country, id), L("putting back the assessment of")) { (p: inout Programme) throws(EditError) in
                try p.modifyAssessments(id) { list in
                    list.removeAll { $0.date == date }
                    if let assessment { list.insert(assessment, at: list.firstIndex { date < $0.date } ?? list.count) }
                }
            }
        }
    }

    private mutating func modifyMilestone(_ id: String, _ change: (inout Milestone) throws(EditError) -> Void) throws(EditError) {
        guard let (owner, index) = locate(milestone: id) else { throw .unknownMilestone(id) }
        try modifyMilestones(of: owner) { (list: inout [Milestone]) throws(EditError) in try change(&list[index]) }
    }

    private mutating func modifyMilestones(of owner: MilestoneOwner,
                                           _ change: (inout [Milestone]) throws(EditError) -> Void) throws(EditError) {
        switch owner {
        case .phase(let number):
            guard let index = phases.firstIndex(where: { $0.number == number }) else { throw .unknownPhase(number) }
            try change(&phases[index].milestones)
        case .country(let id):
            guard let index = countries.firstIndex(where: { $0.id == id }) else { throw .unknownCountry(id) }
            try change(&countries[index].milestones)
        }
    }

    /// A fresh milestone id for an owner: "moz-3", "phase-2-7"; never one in use.
    public func newMilestoneID(for owner: MilestoneOwner) -> String {
        let prefix: String
        switch owner {
        case .phase(let n): prefix = "phase-\(n)"
        case .country(let id): prefix = id.lowercased()
        }
        var n = (milestones(of: owner)?.count ?? 0) + 1
        while locate(milestone: "\(prefix)-\(n)") != nil { n += 1 }
        return "\(prefix)-\(n)"
    }
}
