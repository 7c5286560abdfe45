import Foundation
import Model
import Presentation

/// The form for any record other than a milestone, made from the record's table of fields
/// (`Programme.fields(of:)`): a field per value an officer types, a choice (←/→) for a word. The
/// values are read as `knupp set` reads them, so the front and the command line refuse the same.
extension FormState {
    /// The fields shown first, in this order; the others follow in the file's order.
    private static let leading = ["id", "number", "name", "title", "date", "status", "stage", "stageBasis", "phase", "scope", "officialName",
                                  "summary", "year", "link", "note", "detail", "start", "end", "unit", "peopleReached", "participants", "countries"]
    /// Kept by their own edits: a phase's planned and actual end (`knupp phase end`, listed moves),
    /// a country's notes (e on the notes), the logs.
    private static let elsewhere: Set<String> = ["notes", "stageChanges", "statusChanges", "peopleReachedChanges", "endChanges", "plannedEnd", "actualEnd"]
    /// The day a dated value changed: asked beside it.
    static let stageDayKey = "(on)"
    /// The country a new indicator belongs to: asked in its form.
    static let countryKey = "(country)"

    /// The form for `ref` as it stands (`add`: false), or for a new record of `kind`.
    static func record(_ kind: RecordKind, ref: RecordRef?, country: String?, in programme: Programme) -> FormState {
        let members = ref.flatMap { try? programme.members(of: $0).members } ?? [:]
        var fields: [TextField] = [], keys: [String] = []
        let table = Programme.fields(of: kind).filter { field in
            if case .records = field.kind { return false }
            if elsewhere.contains(field.key) { return false }
            if ref != nil, field.key == "id" || field.key == "number" || (kind == .phase && field.key == "end") { return false }
            return true
        }
        let ordered = table.sorted { a, b in
            (leading.firstIndex(of: a.key) ?? leading.count) < (leading.firstIndex(of: b.key) ?? leading.count)
        }
        for field in ordered {
            let shown = members[field.key].map(FormState.shown) ?? ""
            let label = FormState.label(field.key)
            switch field.kind {
            case .word(let words):
                // Shown as words ("pending approval"); read back as the file's word (`FieldKind.value`).
                let choices = (field.required ? [] : ["none"]) + words.map(FormState.spoken)
                fields.append(TextField(label: label, choosing: shown.isEmpty ? choices[0] : FormState.spoken(shown), from: choices))
            default:
                fields.append(TextField(label: label, text: shown, placeholder: field.kind.hintText + (field.required ? "" : " " + L("(optional)"))))
            }
            keys.append(field.key)
            // A dated value (a stage, a policy's status, the people a project reached): its day beside it.
            if let dated = Programme.datedFields[kind], dated.field == field.key {
                fields.append(TextField(label: L("%@ since", label), placeholder: L("the day it changed (optional; today when empty)")))
                keys.append(stageDayKey)
            }
        }
        // A new indicator: whose it is, a country's id or the programme's (empty).
        if kind == .indicator, ref == nil {
            fields.append(TextField(label: L("Country"), text: country ?? "", placeholder: L("a country's id; empty: the programme's own")))
            keys.append(countryKey)
        }
        var form = FormState(purpose: ref.map { .editRecord($0) } ?? .addRecord(kind, country: country), fields: fields)
        form.keys = keys
        if ref != nil { form.opened = fields.map(\.text) }
        form.place = ref.map { programme.recordName($0) } ?? country.flatMap { programme.country($0)?.name }
        // A new country: in the last phase, national, until the officer says otherwise.
        if kind == .country, ref == nil {
            if let phase = programme.phases.last?.number, let i = keys.firstIndex(of: "phase") {
                form.fields[i] = TextField(label: form.fields[i].label, text: String(phase), placeholder: form.fields[i].placeholder)
            }
            if let i = keys.firstIndex(of: "scope") { form.fields[i] = TextField(label: form.fields[i].label, text: "national", placeholder: form.fields[i].placeholder) }
        }
        return form
    }

    /// A word of the file as the form says it: "pendingApproval" → "pending approval".
    static func spoken(_ word: String) -> String { englishLabel(word).lowercased() }

    /// "officialName" as a label: "Official name".
    static func label(_ key: String) -> String {
        switch key {
        case "actualEnd": L("Actual end")
        case "actuals": L("Actuals")
        case "adoptedOn": L("Adopted on")
        case "aggregate": L("Adds up")
        case "ascending": L("More is better")
        case "baseline": L("Baseline")
        case "basis": L("Basis")
        case "by": L("By")
        case "comment": L("Comment")
        case "countries": L("Countries")
        case "date": L("Date")
        case "detail": L("Detail")
        case "due": L("Due")
        case "end": L("End")
        case "endIsExpected": L("End is expected")
        case "evaluations": L("Evaluations")
        case "evidence": L("Evidence")
        case "funding": L("Funding")
        case "id": L("Id")
        case "implementationStart": L("Implementation start")
        case "launch": L("Launch")
        case "launchNote": L("Launch note")
        case "link": L("Link")
        case "measure": L("Measure")
        case "name": L("Name")
        case "note": L("Note")
        case "notes": L("Notes")
        case "number": L("Number")
        case "officialName": L("Official name")
        case "participants": L("Participants")
        case "peopleReached": L("People reached")
        case "phase": L("Phase")
        case "policy": L("Policy")
        case "resultType": L("Result type")
        case "scope": L("Scope")
        case "sdg": L("SDG code")
        case "sdg11a1": L("SDG 11.a.1")
        case "shortName": L("Short name")
        case "stage": L("Stage")
        case "stageBasis": L("Stage basis")
        case "start": L("Start")
        case "status": L("Status")
        case "summary": L("Summary")
        case "targets": L("Targets")
        case "title": L("Title")
        case "unit": L("Unit")
        case "year": L("Year")
        case "milestones": L("Milestones")
        case "stageChanges": L("Stage changes")
        case "statusChanges": L("Status changes")
        case "peopleReachedChanges": L("People reached, by day")
        case "endChanges": L("Moves of the end")
        case "projects": L("Projects")
        case "policies": L("Policies")
        case "indicators": L("Indicators")
        case "plannedEnd": L("Planned end")
        case "counterparts": L("Government counterparts")
        case "country": L("Country")
        case "currency": L("Currency")
        case "periodStart": L("Period start")
        case "periodEnd": L("Period end")
        case "type": L("Type")
        case "value": L("Value")
        case "valueDate": L("Value date")
        case "role": L("Role")
        default: englishLabel(key)
        }
    }

    /// "officialName" → "Official name": a field no word was written for yet.
    static func englishLabel(_ key: String) -> String {
        var words = ""
        for c in key {
            if c.isUppercase { words += " " + c.lowercased() } else { words.append(c) }
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A member's value as the form shows it (`JSONValue.shown`).
    static func shown(_ value: JSONValue) -> String { value.shown }

    /// An entry of a record's log (a stage change) in one line: "2026-05-20 formulation → implementation (Amina, 2026-05-21T09:00:00Z): approved".
    static func shownLog(_ value: JSONValue, timeZone: TimeZone) -> String {
        guard case .object(let m) = value else { return shown(value) }
        let move = (m["from"].map(shown) ?? L("none")) + " → " + (m["to"].map(shown) ?? L("none"))
        // The moment it was written in the one form every screen uses (local time).
        let at = m["at"].map(shown).map { MomentFormat.local($0, timeZone: timeZone) }
        return (m["on"].map(shown).map { $0 + " " } ?? "") + move + " (" + [m["by"].map(shown), at].compactMap { $0 }.joined(separator: ", ") + ")"
            + (m["basis"].map { ": " + shown($0) } ?? "")
    }

    /// The edit of a record form, or what to fix (the field and why), checked against the record.
    func recordEdit(in programme: Programme, write: RecordWrite, today: CalendarDate? = nil) -> Result<Model.Edit, FormError> {
        let kind: RecordKind, ref: RecordRef?
        switch purpose {
        case .editRecord(let r): kind = r.kind; ref = r
        case .addRecord(let k, _): kind = k; ref = nil
        default: return .failure(FormError(field: 0, message: L("Not a record's form.")))
        }
        let table = Programme.fields(of: kind)
        let members = ref.flatMap { try? programme.members(of: $0).members } ?? [:]
        var values: [String: JSONValue] = [:]
        var id: String?, on: CalendarDate?
        var owner: String?? = nil
        for (i, key) in keys.enumerated() {
            let typed = fields[i].text
            if key == FormState.countryKey {
                let text = typed.trimmingCharacters(in: .whitespaces)
                if text.isEmpty || text.lowercased() == "programme" { owner = .some(nil); continue }
                guard let c = programme.countries.first(where: { $0.id.lowercased() == text.lowercased() }) else {
                    return .failure(FormError(field: i, message: L("“%@” is not a country's id (%@); leave it empty for the programme's own.", text, programme.countries.map(\.id).joined(separator: ", "))))
                }
                owner = .some(c.id)
                continue
            }
            if key == FormState.stageDayKey {
                let text = typed.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                guard let day = CalendarDate(text) else { return .failure(FormError(field: i, message: L("“%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.", text))) }
                on = day
                continue
            }
            if key == "id" || key == "number" {
                id = typed.trimmingCharacters(in: .whitespaces)
                if id?.isEmpty != false { return .failure(FormError(field: i, message: L("Give the new %@ its %@.", kind.noun, FormState.label(key).lowercased()))) }
                continue
            }
            guard let field = table.first(where: { $0.key == key }) else { continue }
            // Unchanged in an edit: not set (only what the officer changed is written and merged),
            // from what the form showed or from what the record holds now.
            if ref != nil, i < opened.count, typed == opened[i] { continue }
            let before = members[key].map(FormState.shown) ?? ""
            if ref != nil, typed == before || (typed == "none" && before.isEmpty) { continue }
            if ref != nil, case .word = field.kind, typed == FormState.spoken(before) { continue }
            if ref == nil, typed.trimmingCharacters(in: .whitespaces).isEmpty || (typed == "none" && !field.required) {
                switch field.kind {
                case .number, .amount, .date, .scope, .word:
                    if field.required {
                        return .failure(FormError(field: i, message: L("A new %@ needs its %@ (%@).", kind.noun, fields[i].label.lowercased(), field.kind.hintText)))
                    }
                default: break
                }
                continue
            }
            switch field.kind.value(from: typed, required: field.required) {
            case .success(let value): values[key] = value
            case .failure(let error): return .failure(FormError(field: i, message: "\(fields[i].label): \(error.message)."))
            }
        }
        // Only its day given, the value unchanged: the change that made the value is re-dated (as
        // `knupp set … --on DAY` does).
        if ref != nil, on != nil, let dated = Programme.datedFields[kind], values[dated.field] == nil, let current = members[dated.field] {
            values[dated.field] = current
        }
        let edit: Model.Edit
        if let ref {
            guard !values.isEmpty else { return .failure(FormError(field: focus, message: L("Nothing changed (Esc leaves the form)."))) }
            edit = .setRecord(ref, programme.namingCountries(values), RecordWrite(by: write.by, at: write.at, on: on))
        } else {
            var newRef = RecordRef(kind, id ?? "")
            if case .addRecord(_, let country) = purpose { newRef.country = owner ?? country }
            edit = .addRecord(newRef, Programme.dating(kind, programme.namingCountries(values), RecordWrite(by: write.by, at: write.at, on: on)), at: nil)
        }
        // Tried on the record now: what the store would refuse keeps the form open, saying why.
        do {
            if let today { try Programme.refuseFuture(kind, values, today: today) }
            _ = try programme.applying(edit)
        } catch {
            var field = 0
            if case .invalidField(_, let name, _) = error, let i = keys.firstIndex(of: name) { field = i }
            return .failure(FormError(field: field, message: error.description))
        }
        return .success(edit)
    }
}
