import Foundation
import Testing
@testable import Model
import TestSupport

@Suite("Settings file")
struct SettingsTests {
    @Test("flat TOML: quoted strings with escapes, booleans, numbers, comments; a line it cannot read names its line")
    func parse() throws {
        let folder = TempFolder()
        let path = folder.file("config.toml")
        try Data("""
            # knupp settings
            store = "/srv/k-nupp/programme.json"
            officer = "J. \\"Jay\\" Kim"   
            mouse = false # no mouse over ssh
            lock_wait = 2.5

            """.utf8).write(to: URL(fileURLWithPath: path))
        let settings = try Settings.load(path: path)
        #expect(settings["store"] == "/srv/k-nupp/programme.json")
        #expect(settings["officer"] == "J. \"Jay\" Kim")
        #expect(settings.bool("mouse") == false && settings["lock_wait"] == "2.5")
        let written = try settings.setting("officer", to: "Amina \\ \"A\"").setting("mouse", to: nil)
        let again = try Settings.load(path: path)
        #expect(again == written && again["officer"] == "Amina \\ \"A\"" && again["mouse"] == nil)
        try Data("store = \"/srv\"\nofficer = \"unterminated\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SettingsError.unreadable(path: path, line: 2, text: "officer = \"unterminated", reason: "a string that is never closed")) {
            try Settings.load(path: path)
        }
        #expect(try Settings.load(path: folder.file("none.toml")).values.isEmpty, "no file is no settings")
    }

    @Test("on and off read the same in a setting and an environment variable")
    func flags() {
        for on in ["true", "YES", " on ", "1"] { #expect(Settings.flag(on) == true, "\(on)") }
        for off in ["false", "No", "OFF", "0 "] { #expect(Settings.flag(off) == false, "\(off)") }
        for neither in ["", "2", "maybe", "disabled"] { #expect(Settings.flag(neither) == nil, "\(neither)") }
    }
}
