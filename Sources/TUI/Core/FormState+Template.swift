import Foundation
import Model
import Presentation

/// The NUP template as a form on a country's page (T): for each item, add it, skip it, or mark
/// one of the country's milestones as it, and its due. Items from the country's stage on are
/// chosen to be added; those it has already say so. Enter applies the whole form as one edit.
extension FormState {
    static let addChoice = "add", skipChoice = "skip", thereChoice = "already there", linkPrefix = "link: "

    static func template(_ template: NUPTemplate, for country: Country) -> FormState {
        let order = NUPStage.allCases
        let start = country.stage.flatMap { order.firstIndex(of: $0) } ?? 0
        let marked = Set(country.milestones.compactMap { $0.template?.id == template.id ? $0.template?.item : nil })
        let links = country.milestones.filter { $0.template == nil }.map { linkPrefix + $0.id }
        var fields: [TextField] = [], keys: [String] = []
        for item in template.items {
            let label = "\(item.stage.shortText) \(item.id)"
            if marked.contains(item.id) {
                fields.append(TextField(label: label, choosing: thereChoice, from: [thereChoice]))
            } else {
                let chosen = (order.firstIndex(of: item.stage) ?? 0) >= start ? addChoice : skipChoice
                fields.append(TextField(label: label, choosing: chosen, from: [addChoice, skipChoice] + links))
            }
            keys.append(item.id)
            fields.append(TextField(label: "  " + L("due"), placeholder: item.title + " " + L("(due: YYYY-MM-DD, YYYY-MM or YYYY; optional)")))
            keys.append(item.id + ".due")
        }
        var form = FormState(purpose: .applyTemplate(country: country.id), fields: fields)
        form.keys = keys
        form.place = country.name
        return form
    }

    /// The edit of the template's form, or what to fix.
    func templateEdit(_ countryID: String, in programme: Programme, at moment: String) -> Result<Model.Edit, FormError> {
        let template = NUPTemplate.unhabitat2015
        var dues: [String: CalendarDate] = [:], links: [String: String] = [:], skips = Set<String>()
        for (i, key) in keys.enumerated() {
            let text = fields[i].text.trimmingCharacters(in: .whitespaces)
            if key.hasSuffix(".due") {
                guard !text.isEmpty else { continue }
                guard let day = CalendarDate(text) else {
                    return .failure(FormError(field: i, message: L("“%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty.", text)))
                }
                dues[String(key.dropLast(4))] = day
            } else if text == FormState.skipChoice {
                skips.insert(key)
            } else if text.hasPrefix(FormState.linkPrefix) {
                links[key] = String(text.dropFirst(FormState.linkPrefix.count))
            }
        }
        do {
            // Every item chosen is added: the form says which (no stage to start from).
            let plan = try programme.planTemplate(template, country: countryID, from: nil, dues: dues, links: links, skips: skips, at: moment)
            guard let edit = plan.edit else { return .failure(FormError(field: 0, message: L("Nothing to add: every item is left out or already there."))) }
            _ = try programme.applying(edit)
            return .success(edit)
        } catch {
            return .failure(FormError(field: 0, message: error.description))
        }
    }
}
