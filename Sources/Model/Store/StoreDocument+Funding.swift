import Foundation

/// The rules of the record's funding and IATI settings, applied by `validate` with the line and
/// column of each and by every edit (`checkingRecords`): a budget or an expenditure names a phase
/// of the programme and a country of that phase, its period runs forwards, its currency is an ISO
/// 4217 code; the IATI settings' codes are IATI's and name the record's partners, phases and countries.
extension StoreDocument {
    func fundingProblems(path: String, bytes: [UInt8]) -> [StoreError] {
        let p = programme
        var problems: [StoreError] = []
        func invalid(_ field: [JSONPathKey], _ message: String) {
            let position = JSONSyntaxChecker.offset(of: field, in: bytes).map { TextPosition(offset: $0, in: bytes) }
            problems.append(.invalid(path: path, field: StoreDocument.fieldName(field), message: message, position: position))
        }
        // (And a publication's year is four digits.)
        for (i, publication) in p.publications.enumerated() {
            if let year = publication.year, !(1000...9999).contains(year) {
                invalid([.key("programme"), .key("publications"), .index(i), .key("year")], L("%@ is not a year: write four digits (2024)", "\(year)"))
            }
        }
        guard !p.budgets.isEmpty || !p.expenditures.isEmpty || p.iati != nil || p.countries.contains(where: { !$0.counterparts.isEmpty }) else { return problems }
        func unique(_ ids: [String], kind: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted {
                problems.append(.duplicateID(path: path, kind: kind, id: id, position: StoreDocument.secondOccurrence(of: id, in: bytes)))
            }
        }
        func owner(_ at: [JSONPathKey], phase: Int, country: String?) {
            guard p.phase(phase) != nil else {
                invalid(at + [.key("phase")], L("%@ is not a phase of the programme (the phases are ", "\(phase)")
                        + p.phases.map { String($0.number) }.joined(separator: ", ") + ")")
                return
            }
            guard let country else { return }
            guard let c = p.country(country) else { invalid(at + [.key("country")], L("“%@” is not a country of the programme", country)); return }
            if c.phase != phase { invalid(at + [.key("country")], L("%@ is of phase %@, not %@", c.id, "\(c.phase)", "\(phase)")) }
        }
        func money(_ at: [JSONPathKey], value: String, currency: String, negative: Bool) {
            if !negative, value.hasPrefix("-") { invalid(at + [.key("value")], L("cannot be negative, found %@", value)) }
            if !ISOCodes.currencies.contains(currency) {
                invalid(at + [.key("currency")], L("“%@” is not an ISO 4217 currency code (USD, EUR, KRW…)", currency))
            }
        }
        unique(p.budgets.map(\.id), kind: "budget")
        for (i, budget) in p.budgets.enumerated() {
            let at: [JSONPathKey] = [.key("programme"), .key("budgets"), .index(i)]
            owner(at, phase: budget.phase, country: budget.country)
            money(at, value: budget.value, currency: budget.currency, negative: false)
            if budget.periodEnd.lastOrdinal < budget.periodStart.firstOrdinal {
                invalid(at + [.key("periodEnd")], L("%@ is before the period begins (%@)", "\(budget.periodEnd)", "\(budget.periodStart)"))
            } else if budget.periodEnd.lastOrdinal - budget.periodStart.firstOrdinal >= 366 {
                // IATI's rule: a budget covers a year or less; a longer one is split by year.
                invalid(at + [.key("periodEnd")], L("the period %@–%@ is longer than a year: IATI takes budgets of a year or less, so give one per year", "\(budget.periodStart)", "\(budget.periodEnd)"))
            }
        }
        unique(p.expenditures.map(\.id), kind: "expenditure")
        for (i, spent) in p.expenditures.enumerated() {
            let at: [JSONPathKey] = [.key("programme"), .key("expenditures"), .index(i)]
            owner(at, phase: spent.phase, country: spent.country)
            money(at, value: spent.value, currency: spent.currency, negative: true)
        }
        for country in p.countries { unique(country.counterparts.map(\.id), kind: "counterpart") }
        if let iati = p.iati { iatiProblems(iati, invalid) }
        return problems
    }

    private func iatiProblems(_ iati: IATISettings, _ invalid: ([JSONPathKey], String) -> Void) {
        let p = programme
        let at: [JSONPathKey] = [.key("programme"), .key("iati")]
        if let org = iati.reportingOrg, IATICodes.organisationTypes[org.type] == nil {
            invalid(at + [.key("reportingOrg"), .key("type")], L("%@ is not an IATI organisation type (10 government, 40 multilateral…)", "\(org.type)"))
        }
        if let sector = iati.sector, !IATICodes.isSector(sector) {
            invalid(at + [.key("sector")], L("“%@” is not a DAC 5-digit sector code of IATI's list (43030 urban development and management)", sector))
        }
        for (i, partner) in iati.partners.enumerated() {
            let here = at + [.key("partners"), .index(i)]
            if !p.partners.contains(where: { $0.id == partner.id }) { invalid(here + [.key("id")], L("“%@” is not a partner of the programme", partner.id)) }
            if partner.roles.isEmpty { invalid(here + [.key("roles")], L("empty: give the partner at least one role")) }
            if let type = partner.type, IATICodes.organisationTypes[type] == nil {
                invalid(here + [.key("type")], L("%@ is not an IATI organisation type (10 government, 40 multilateral…)", "\(type)"))
            }
        }
        for (i, phase) in iati.phases.enumerated() {
            let here = at + [.key("phases"), .index(i)]
            guard p.phase(phase.number) != nil else { invalid(here + [.key("number")], L("%@ is not a phase of the programme", "\(phase.number)")); continue }
            if let status = phase.status, IATICodes.activityStatuses[status] == nil {
                invalid(here + [.key("status")], L("%@ is not an IATI activity status (1 to 6)", "\(status)"))
            }
            for (k, share) in phase.shares.enumerated() {
                let place = here + [.key("shares"), .index(k)]
                if let c = p.country(share.country) {
                    if c.phase != phase.number { invalid(place + [.key("country")], L("%@ is of phase %@, not %@", c.id, "\(c.phase)", "\(phase.number)")) }
                } else {
                    invalid(place + [.key("country")], L("“%@” is not a country of the programme", share.country))
                }
                if let d = Decimal(string: share.percentage), d < 0 || d > 100 {
                    invalid(place + [.key("percentage")], L("%@ is not a percentage from 0 to 100", share.percentage))
                }
            }
        }
    }
}
