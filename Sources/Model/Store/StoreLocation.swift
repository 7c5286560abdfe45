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
