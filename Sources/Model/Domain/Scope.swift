/// National, or sub-national with the subdivision the policy covers.
public struct Scope: Codable, Hashable, Sendable {
    public enum Level: String, Codable, Sendable { case national, subNational }
    public var level: Level
    public var subdivision: String?

    public static let national = Scope(level: .national, subdivision: nil)
    public static func subNational(_ subdivision: String) -> Scope {
        Scope(level: .subNational, subdivision: subdivision)
    }

    public var label: String {
        level == .national ? "national" : (subdivision ?? "sub-national")
    }
}
