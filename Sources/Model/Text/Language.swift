import Foundation

import Synchronization

/// The language knupp speaks to the officer: its own words only (headings, hints, messages, the
/// Markdown and HTML reports' headings). The record's text, ids, commands and flags, `--help`,
/// JSON and CSV stay as they are in every language.
public enum Language: String, CaseIterable, Sendable {
    case en, ko

    /// `ko`, `ko_KR.UTF-8`, `Korean`, `en`, `en_GB` …; nil for a word that names neither.
    public init?(word: String) {
        let w = word.trimmingCharacters(in: .whitespaces).lowercased()
        if w == "ko" || w.hasPrefix("ko_") || w.hasPrefix("ko-") || w.hasPrefix("ko.") || w == "korean" || w == "한국어" { self = .ko }
        else if w == "en" || w.hasPrefix("en_") || w.hasPrefix("en-") || w.hasPrefix("en.") || w == "english" { self = .en }
        else { return nil }
    }

    /// The first that says: `--lang`, then `KNUPP_LANG`, then the `language` setting, then the
    /// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: a `ko_*` locale is Korean, any other English). A
    /// word that names no language is passed over (the setting's own check says so).
    public static func choose(flag: String?, environment: [String: String], setting: String?) -> Language {
        for word in [flag, environment["KNUPP_LANG"], setting] {
            if let word, !word.isEmpty, let language = Language(word: word) { return language }
        }
        // POSIX: the first of these that is set and not empty is the one that applies.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value.lowercased().hasPrefix("ko") ? .ko : .en }
        }
        return .en
    }
}

/// The words of the chosen language (here in Model, so that the model's own sentences, a refused
/// value or a broken rule, are said in it too; the catalogue ships with Presentation's resources): `L("Overview")`, `L("%@ of %@ done", "3", "8")`. The key
/// is the English text; `Resources/ko.lproj/Localizable.strings` gives each its Korean, and a key
/// it lacks falls back to `en.lproj` (then to the key itself), so a missing translation shows
/// English, never a key. Formats take `%@` or positional `%1$@` (the Korean order of words is
/// not the English one) and only text: numbers are written by the caller (`Texts.number`).
public enum Texts {
    /// Chosen once, before anything is drawn or written (`Knupp.main`).
    public static var language: Language {
        get { override ?? chosen.withLock { $0 } }
    }

    /// Sets the language for the whole process (the program's start).
    public static func choose(_ language: Language) { chosen.withLock { $0 = language } }

    /// A language for this task and the ones it starts (the tests, which run side by side).
    @TaskLocal public static var override: Language?

    private static let chosen = Mutex(Language.en)

    static let tables: [Language: [String: String]] = {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            if let url = ResourceFile.url(module: "Presentation", name: "\(language.rawValue).lproj/Localizable.strings"),
               let data = FileManager.default.contents(atPath: url.path) {
                tables[language] = (try? StringsFile.parse(String(decoding: data, as: UTF8.self))) ?? [:]
            }
        }
        return tables
    }()

    /// The text of `key` in `language`.
    public static func text(_ key: String, in language: Language) -> String {
        if language == .en { return tables[.en]?[key] ?? key }
        return tables[language]?[key] ?? tables[.en]?[key] ?? key
    }

    /// `template` with `%@`, `%N$@` and `%%` filled from `arguments` (a missing one is empty,
    /// never a crash).
    public static func format(_ template: String, _ arguments: [String]) -> String {
        guard template.contains("%") else { return template }
        var out = ""
        var next = 0
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            guard c == "%" else { out.append(c); i = template.index(after: i); continue }
            var j = template.index(after: i)
            guard j < template.endIndex else { out.append(c); break }
            if template[j] == "%" { out.append("%"); i = template.index(after: j); continue }
            var digits = ""
            while j < template.endIndex, let d = template[j].wholeNumberValue, d >= 0, template[j].isASCII { digits.append(template[j]); j = template.index(after: j) }
            var index = next
            if !digits.isEmpty, j < template.endIndex, template[j] == "$", let n = Int(digits), n >= 1 {
                index = n - 1
                j = template.index(after: j)
            } else if !digits.isEmpty {
                out.append(c); i = template.index(after: i); continue
            }
            guard j < template.endIndex, template[j] == "@" else { out.append(c); i = template.index(after: i); continue }
            if digits.isEmpty { next += 1 }
            out += index < arguments.count ? arguments[index] : ""
            i = template.index(after: j)
        }
        return out
    }

    /// A day written out in prose: "29 November 2026"; "2026년 11월 29일" in Korean. Tables keep
    /// the ISO form (fixed width).
    public static func longDay(year: Int, month: Int, day: Int, in language: Language = Texts.language) -> String {
        switch language {
        case .ko: return "\(year)년 \(month)월 \(day)일"
        case .en:
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            return "\(day) \(months[max(0, min(11, month - 1))]) \(year)"
        }
    }

    /// A date of the record as a sentence says it: as the record writes it (ISO) in English, the
    /// long form in Korean ("2026년 11월 29일", "2026년 11월", "2026년"). Tables keep ISO.
    public static func prose(_ date: CalendarDate, in language: Language = Texts.language) -> String {
        guard language == .ko else { return date.description }
        switch (date.month, date.day) {
        case let (month?, day?): return longDay(year: date.year, month: month, day: day, in: language)
        case let (month?, nil): return longMonth(year: date.year, month: month, in: language)
        default: return "\(date.year)년"
        }
    }

    /// The same for a date given as text; the text as it is when it is no date.
    public static func prose(_ text: String, in language: Language = Texts.language) -> String {
        CalendarDate(text).map { prose($0, in: language) } ?? text
    }

    /// A month in prose: "November 2026"; "2026년 11월".
    public static func longMonth(year: Int, month: Int, in language: Language = Texts.language) -> String {
        switch language {
        case .ko: return "\(year)년 \(month)월"
        case .en:
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            return "\(months[max(0, min(11, month - 1))]) \(year)"
        }
    }
}

/// The text of `key` in the chosen language (`Texts`).
public func L(_ key: String) -> String { Texts.text(key, in: Texts.language) }

/// The text of `key` in the chosen language, its `%@` filled from `arguments`.
public func L(_ key: String, _ arguments: String...) -> String { Texts.format(Texts.text(key, in: Texts.language), arguments) }

/// `key` as it is, marked for the catalogue (`scripts/strings`): for words kept in data built
/// once (the key map's help), turned into the chosen language where they are shown, by `L(key)`.
public func N(_ key: String) -> String { key }
