import Foundation
import Model
import Presentation

/// The forms of results: an indicator's actual, target or baseline (Indicators panel: v, t, b).
extension FormState {
    /// The form for `kind` of the indicator `ref`: value, day, comment, evidence. An actual's day
    /// is today until the officer says otherwise; a baseline shows the one there.
    static func indicatorValue(_ kind: IndicatorValueKind, of ref: RecordRef, in programme: Programme, today: CalendarDate) -> FormState {
        let indicator = programme.indicator(ref)
        let current = kind == .baseline ? indicator?.baseline : nil
        let measure = indicator?.measure ?? .unit
        let valueHint = measure == .qualitative ? L("its words (a qualitative indicator's value)") : L("a number, e.g. 12 or 4.5")
        var form = FormState(purpose: .indicatorValue(ref, kind), fields: [
            TextField(label: L("Value"), text: current?.shown ?? "", placeholder: valueHint),
            TextField(label: L("Day"), text: current?.date.description ?? (kind == .actual ? today.description : ""),
                      placeholder: kind == .actual ? L("YYYY-MM-DD, the day it stood so (never a day to come)") : L("YYYY-MM-DD, YYYY-MM or YYYY")),
            TextField(label: L("Comment"), text: measure == .qualitative ? "" : current?.comment ?? "", placeholder: L("what it rests on (optional)")),
            TextField(label: L("Evidence"), text: current?.evidence ?? "", placeholder: L("a link or a document's reference (optional)")),
        ])
        form.place = indicator?.title
        return form
    }

    /// The edit of an indicator value's form, or what to fix.
    func resultEdit(_ kind: IndicatorValueKind, of ref: RecordRef, in programme: Programme, by: String, at: String,
                    today: CalendarDate) -> Result<Model.Edit, FormError> {
        let values = fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard !values[0].isEmpty else { return .failure(FormError(field: 0, message: L("Give the value (Esc leaves without one)."))) }
        guard let day = CalendarDate(values[1]) else {
            return .failure(FormError(field: 1, message: values[1].isEmpty ? L("Give its day.") : L("“%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.", values[1])))
        }
        do {
            let edit = try programme.recording(kind, of: ref, value: values[0], on: day, comment: values[2].isEmpty ? nil : values[2],
                                               evidence: values[3].isEmpty ? nil : values[3], by: by, at: at, today: today)
            _ = try programme.applying(edit)
            return .success(edit)
        } catch {
            let field = if case .invalidField(_, "date", _) = error { 1 } else { 0 }
            return .failure(FormError(field: field, message: error.description))
        }
    }
}

/// The form of one evaluator's SDG 11.a.1 scores of a country (its detail: A).
extension FormState {
    static func sdgScores(_ country: Country, officer: String, today: CalendarDate) -> FormState {
        let policy = country.sdg11a1.last?.policy ?? (country.policies.count == 1 ? country.policies.first?.id : nil)
        var form = FormState(purpose: .assessSDG(country: country.id), fields: [
            TextField(label: L("Day"), text: today.description, placeholder: L("YYYY-MM-DD: the day of the assessment")),
            TextField(label: L("Policy"), text: policy ?? "", placeholder: L("the policy assessed:") + " " + country.policies.map(\.id).joined(separator: ", ")),
            TextField(label: L("Evaluator"), text: officer, placeholder: L("who scored it")),
            TextField(label: "a", placeholder: L("0–100: responds to population dynamics")),
            TextField(label: "b", placeholder: L("0–100: ensures balanced territorial development")),
            TextField(label: "c", placeholder: L("0–100: increases local fiscal space")),
            TextField(label: L("Evidence"), placeholder: L("a link or a document's reference (optional)")),
            TextField(label: L("Note"), placeholder: L("optional")),
        ])
        form.place = country.name
        return form
    }

    func sdgEdit(_ countryID: String, in programme: Programme, today: CalendarDate) -> Result<Model.Edit, FormError> {
        let values = fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard let day = CalendarDate(values[0]), day.precision == .day else {
            return .failure(FormError(field: 0, message: L("“%@” is not a day: write YYYY-MM-DD.", values[0])))
        }
        guard day <= today else { return .failure(FormError(field: 0, message: L("%@ is after today (%@): an assessment is recorded on or after its day.", "\(day)", "\(today)"))) }
        var scores: [Int] = []
        for i in 3...5 {
            guard let n = Int(values[i]) else {
                return .failure(FormError(field: i, message: values[i].isEmpty ? L("Give the score of %@ (0–100).", fields[i].label) : L("“%@” is not a whole number from 0 to 100.", values[i])))
            }
            scores.append(n)
        }
        do {
            let edit = try programme.assessing(countryID, on: day, policy: values[1].isEmpty ? nil : values[1], evaluator: values[2],
                                               a: scores[0], b: scores[1], c: scores[2], evidence: values[6].isEmpty ? nil : values[6],
                                               note: values[7].isEmpty ? nil : values[7])
            _ = try programme.applying(edit)
            return .success(edit)
        } catch {
            var field = 0
            if case .invalidField(_, let name, _) = error {
                field = ["sdg11a1.policy": 1, "sdg11a1.evaluator": 2, "sdg11a1.a": 3, "sdg11a1.b": 4, "sdg11a1.c": 5][name] ?? 0
            }
            return .failure(FormError(field: field, message: error.description))
        }
    }
}
