/// National, or sub-national with the subdivision the policy covers.
public struct Scope: Hashable, Sendable {
    public enum Level: String, Sendable { case national, subNational }
    public var level: Level
    public var subdivision: String?

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public static let national = Scope(level: .national, subdivision: nil)
    public static func subNational(_ subdivision: String) -> Scope {
        Scope(level: .subNational, subdivision: subdivision)
    }

    public var label: String {
        level == .national ? "national" : (subdivision ?? "sub-national")
    }
}
