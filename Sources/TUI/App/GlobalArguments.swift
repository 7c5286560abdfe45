/// Lets the global options stand before the command, as in git and kubectl
/// (`knupp --store X countries`): ArgumentParser reads options after the subcommand only, so
/// the ones before it are moved after it.
enum GlobalArguments {
    /// The options every command takes, with a value.
    static let valued: Set<String> = ["--store", "--officer", "--today"]

    /// `nested` names the commands that have commands of their own (`phase end`): the options go
    /// after the inner one's name.
    /// A negative number typed as an indicator's value (`knupp indicator actual ID -3 --date …`)
    /// would be read as an option: it is moved to the end, after `--`, where the parser takes it as
    /// the value it is. Only for the commands whose last argument is a value.
    static func negativeValuesLast(_ arguments: [String]) -> [String] {
        guard arguments.count > 2, arguments[0] == "indicator", ["baseline", "target", "actual"].contains(arguments[1]), !arguments.contains("--") else {
            return arguments
        }
        let takesValue: Set<String> = ["--date", "--comment", "--evidence", "--store", "--officer", "--today"]
        var rest: [String] = [], negative: [String] = []
        for (i, word) in arguments.enumerated() {
            if i > 1, word.wholeMatch(of: /-[0-9]+(\.[0-9]+)?/) != nil, !takesValue.contains(arguments[i - 1]) { negative.append(word) } else { rest.append(word) }
        }
        return negative.isEmpty ? arguments : rest + ["--"] + negative
    }

    /// `--lang ko` or `--lang=ko` taken out wherever it stands (before a `--`), and its value:
    /// the language is chosen before ArgumentParser reads anything, as its errors are words too.
    static func language(_ arguments: [String]) -> (rest: [String], flag: String?) {
        var rest: [String] = []
        var flag: String?
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { rest += arguments[index...]; break }
            if word == "--lang" {
                flag = index + 1 < arguments.count ? arguments[index + 1] : ""
                index += 2
                continue
            }
            if word.hasPrefix("--lang=") { flag = String(word.dropFirst(7)); index += 1; continue }
            rest.append(word)
            index += 1
        }
        return (rest, flag)
    }

    /// `defaultCommand`: what options alone stand for (the front, `open`); none inside a command
    /// (`knupp sdg11a1 --store S` is sdg11a1's own default, not `sdg11a1 open`).
    static func reorder(_ arguments: [String], commands: Set<String>, nested: [String: Set<String>] = [:],
                        defaultCommand: String? = "open") -> [String] {
        // Between a command and its own (`knupp phase --store X end …`): after the inner one's name.
        if let command = arguments.first, let inner = nested[command], !inner.isEmpty {
            let rest = Array(arguments.dropFirst())
            let moved = reorder(rest, commands: inner, defaultCommand: nil)
            if moved != rest { return [command] + moved }
        }
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if valued.contains(word), index + 1 < arguments.count {
                leading += [word, arguments[index + 1]]
                index += 2
            } else if let name = word.split(separator: "=", maxSplits: 1).first, word.contains("="), valued.contains(String(name)) {
                leading.append(word)
                index += 1
            } else {
                break
            }
        }
        // A command's own options typed before it (`knupp --json countries`): after it too.
        var own: [String] = []
        var probe = index
        while probe < arguments.count, arguments[probe].hasPrefix("-"), !arguments[probe].hasPrefix("---"), arguments[probe] != "--",
              !["--help", "-h", "--version", "--generate-completion-script"].contains(arguments[probe]) {
            own.append(arguments[probe])
            probe += 1
            // Its value, when the next word is neither an option nor a command.
            if probe < arguments.count, !arguments[probe].contains("="), !arguments[probe].hasPrefix("-"), !commands.contains(arguments[probe]),
               probe + 1 < arguments.count, commands.contains(arguments[probe + 1]) || arguments[probe + 1].hasPrefix("-") {
                own.append(arguments[probe])
                probe += 1
            }
        }
        if !own.isEmpty, probe < arguments.count, commands.contains(arguments[probe]) {
            let command = arguments[probe]
            let after = Array(arguments[(probe + 1)...])
            if let inner = after.first, nested[command]?.contains(inner) == true { return [command, inner] + leading + own + after.dropFirst() }
            return [command] + leading + own + after
        }
        guard !leading.isEmpty else { return arguments }
        let rest = Array(arguments[index...])
        // Before a command: after the command's name. Alone (the front): as they are, after `open`.
        if let command = rest.first, commands.contains(command) {
            if rest.count > 1, nested[command]?.contains(rest[1]) == true { return Array(rest.prefix(2)) + leading + rest.dropFirst(2) }
            return [command] + leading + rest.dropFirst()
        }
        if rest.first?.hasPrefix("-") == false { return arguments } // not a command: let the parser say so
        if let first = rest.first, ["--help", "-h", "--version", "--generate-completion-script"].contains(first) { return rest }
        return (defaultCommand.map { [$0] } ?? []) + leading + rest
    }
}
