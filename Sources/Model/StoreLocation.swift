import Foundation

/// Where the store lives: `--store PATH`, else `KNUPP_STORE`, else
/// `$XDG_DATA_HOME/knupp/programme.json` (`~/.local/share/knupp/programme.json`).
public enum StoreLocation {
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return expand(explicit, environment) }
        if let fromEnv = environment["KNUPP_STORE"], !fromEnv.isEmpty { return expand(fromEnv, environment) }
        return defaultPath(environment)
    }

    public static func defaultPath(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/knupp/programme.json"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/knupp/programme.json"
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}

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
