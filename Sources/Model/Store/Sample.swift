import Foundation

/// The K-NUPP programme as the app ships it: `sample-data/knupp.json`, bundled as a resource.
public enum Sample {
    /// The bundled sample file, or nil when the install is incomplete.
    public static var url: URL? {
        let names = ["knupp_Model.resources", "knupp_Model.bundle/Contents/Resources", "knupp_Model.bundle"]
        let executableFolder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let roots = [Bundle.main.bundleURL, executableFolder] + Bundle.allBundles.map(\.bundleURL)
        for root in roots {
            for name in names {
                let candidate = root.appendingPathComponent(name).appendingPathComponent("knupp.json")
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// The sample programme.
    public static func load() throws(StoreError) -> StoreDocument {
        guard let url else {
            throw .notFound(path: "knupp_Model.resources/knupp.json (the bundled sample; reinstall knupp)")
        }
        return try StoreDocument.decode(try ProgrammeStore.read(url.path), path: url.path)
    }
}
