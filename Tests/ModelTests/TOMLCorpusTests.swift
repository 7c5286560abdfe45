import Foundation
import Testing
@testable import Model
import TestSupport

/// The settings file is TOML: knupp's reader says valid or invalid exactly where Python's
/// `tomllib` does, and reads the same top-level values.
@Suite("Settings: TOML as tomllib reads it")
struct TOMLCorpusTests {
    /// What tomllib makes of `text`: valid or not, and the top-level text, booleans and integers as text.
    func tomllib(_ text: String, folder: TempFolder) throws -> (valid: Bool, values: [String: String]) {
        let path = folder.file("case-\(UUID().uuidString.prefix(8)).toml")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let script = """
            import json, sys, tomllib
            try:
                d = tomllib.load(open(sys.argv[1], "rb"))
            except tomllib.TOMLDecodeError:
                print(json.dumps({"valid": False})); sys.exit()
            v = {k: (("true" if x else "false") if isinstance(x, bool) else str(x)) for k, x in d.items() if isinstance(x, (str, bool, int))}
            print(json.dumps({"valid": True, "values": v}))
            """
        let result = try run("/usr/bin/env", ["python3", "-c", script, path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        return ((object["valid"] as? Bool) ?? false, (object["values"] as? [String: String]) ?? [:])
    }

    static let valid = [
        #"officer = "Amina" # set by IT"# + "\n", #"store = 'C:\knupp\x.json'"# + "\n", "a=1\nb=true\nc = -17\n", "",
        "# only a comment\n\n   # another\n", "officer = \"\"\"\nJ. \\\n   Kim\"\"\"\n", "officer = '''\nraw \\n text'''\n",
        "officer = \"x\"\n[section]\nkey = 1\n[section.sub]\nother = \"y\"\n", "list = [\n  1, # one\n  2,\n]\nofficer = \"after\"\n",
        "point = { x = 1, y = \"two\", z = { w = [] } }\n", "a.b.c = 1\na.d = 2\n\"quoted key\" = \"v\"\n",
        "n = 1_000\nh = 0xDEAD_beef\no = 0o755\nb = 0b1101\nf = 6.626e-34\ng = -inf\nq = nan\nz = +1.5E+3\n",
        "d = 1979-05-27\nt = 07:32:00.999\nl = 1979-05-27T07:32:00\no = 1979-05-27 07:32:00Z\np = 1979-05-27T00:32:00.999-07:00\n",
        "[[products]]\nname = \"a\"\n[[products]]\nname = \"b\"\n[products.details]\nx = 1\n",
        #"officer = "\u00e9\U0001F600\t\"q\"""# + "\n", "officer = \"Amina\"\r\nmouse = false\r\n", "[a.b]\nc = 1\n[a]\nd = 2\n",
        "s = \"\"\"two \"\"quotes\"\" inside\"\"\"\n", "e = []\nf = [[1, 2], [\"a\"]]\n", "key-with-dash = 1\n1234 = \"numeric key\"\n",
    ]

    /// (An integer past 64 bits is left out: TOML says a reader must refuse it, which knupp does,
    /// and tomllib reads it.)
    static let invalid = [
        "officer = \"unterminated\n", "store = /no/quotes\n", "a = 1\na = 2\n", "[a]\n[a]\n", "a = [1, 2\n", "a = {b = 1,}\n",
        "a = 01\n", "a = 1__0\n", #"a = "\q""# + "\n", "= 1\n", "a = 1 b = 2\n", "a = true false\n", "a.b = 1\na = 2\n",
        "a = 1\na.b = 2\n", "[a]\nb = 1\n[a.b]\n", "a = 2000-13-01\n", "a = \"tab\u{01}\"\n", "a = \"\"\"unterminated\n", "a = 1.\n",
        "a = .5\n", "a = +0x10\n", "a = {b = 1\n, c = 2}\n", "[a\nb = 1\n", "a = 1_\n",
        #"a = "\uD800""# + "\n", "a = 1979-05-27T25:00:00\n", "a = [1 2]\n", "a = 'it's'\n", "a = 1 # fine\rb = 2\n",
    ]

    @Test("knupp's reader and tomllib agree on a corpus of valid and invalid TOML, and read the same values")
    func agrees() throws {
        let folder = TempFolder()
        for (text, expected) in TOMLCorpusTests.valid.map({ ($0, true) }) + TOMLCorpusTests.invalid.map({ ($0, false) }) {
            let python = try tomllib(text, folder: folder)
            #expect(python.valid == expected, "the corpus says \(expected ? "valid" : "invalid") for \(text.debugDescription); tomllib disagrees")
            switch Result(catching: { () throws(TOMLReader.Failure) in try TOMLReader.read(text) }) {
            case .success(let values):
                #expect(python.valid, "knupp read \(text.debugDescription), which tomllib refuses")
                for (key, value) in python.values { #expect(values[key] == .some(value), "\(key) in \(text.debugDescription)") }
            case .failure(let failure):
                #expect(!python.valid, "knupp refused \(text.debugDescription) (line \(failure.line): \(failure.message)), which tomllib reads")
            }
        }
    }

    @Test("a file with a comment after a value, a table and a list is read (the top level only); a setting given a list is refused, naming its line")
    func realFiles() throws {
        let folder = TempFolder()
        let path = folder.file("config.toml")
        try Data("officer = \"Amina\" # set by IT\nmouse = true\n[colours]\nofficer = \"not this one\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let settings = try Settings.load(path: path)
        #expect(settings["officer"] == "Amina" && settings.bool("mouse") == true)
        try Data("mouse = true\nstore = [\"a\", \"b\"]\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SettingsError.unreadable(path: path, line: 2, text: "store = [\"a\", \"b\"]", reason: "store takes one value, not a list or a table")) {
            try Settings.load(path: path)
        }
    }
}
