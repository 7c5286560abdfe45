
import Model

/// Numbers as people read them.
public enum Format {
    /// 500000 -> "500,000".
    public static func number(_ n: Int) -> String {
        let digits = String(n.magnitude) // magnitude, not abs: abs(Int.min) traps
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "1 phase", "2 phases", "900,013 milestones".
    public static func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(number(n)) " + (n == 1 ? one : (many ?? one + "s"))
    }
}
