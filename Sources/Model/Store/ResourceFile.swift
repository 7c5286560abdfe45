import Foundation

/// A file a target ships as a resource: in `knupp_<Module>.resources` beside the executable (the
/// installed build, the tests), or in the bundle SwiftPM made.
public enum ResourceFile {
    public static func url(module: String, name: String) -> URL? {
        let names = ["knupp_\(module).resources", "knupp_\(module).bundle/Contents/Resources", "knupp_\(module).bundle"]
        let executableFolder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let roots = [Bundle.main.bundleURL, executableFolder] + Bundle.allBundles.map(\.bundleURL)
        for root in roots {
            for folder in names {
                let candidate = root.appendingPathComponent(folder).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}
