//! The model's `pattern` constraints, compiled once for the `regex` crate with AWS's semantics.
//!
//! AWS's request validation (Coral, Java) runs each pattern with `java.util.regex`'s
//! `Matcher.matches()`: the whole value must match, and the character classes are Java's. The
//! `regex` crate differs in three ways that matter here, and [`translate`] bridges them:
//! - `\d \w \s` (and `\D \W \S`) are ASCII-only in Java, Unicode-aware in `regex`: rewritten to
//!   explicit ASCII classes (nested classes are fine inside `[...]` in `regex`).
//! - `.` excludes every Java line terminator (`\n \r \u0085 \u2028 \u2029`) in Java, only `\n` in
//!   `regex`: rewritten to the negated class.
//! - Look-around is not supported by `regex`: the two look-ahead patterns of the slice have hand
//!   written equivalents in [`REWRITES`]. Any other look-around or back-reference is refused, and
//!   the model fails to load (a unit test loads it, so a new botocore pin that adds one fails CI
//!   instead of being silently mis-validated).
//!
//! Whole-value matching is obtained by compiling `^(?:translated)$`.

use regex::Regex;

/// Patterns that use look-ahead, with equivalents the `regex` crate accepts (already anchored).
const REWRITES: &[(&str, &str)] = &[
    // "At least one non-whitespace character, no line terminator": `.+` minus all-`\s` values.
    (
        r"(?!\s*$).+",
        r"^(?:[^\n\r\x{85}\x{2028}\x{2029}]*[^\t\n\x0B\x0C\r \x{85}\x{2028}\x{2029}][^\n\r\x{85}\x{2028}\x{2029}]*)$",
    ),
    // Letters, digits, `-`, `_`, `.`, not starting with `.` or `-` (Java reads the `-` after the
    // range `0-9` as a literal).
    (
        r"(?!^[.-])^([a-zA-Z0-9-_.]+)",
        r"^(?:[a-zA-Z0-9_][a-zA-Z0-9_.\-]*)$",
    ),
];

/// Java's `.`: anything but a line terminator.
const JAVA_DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";

/// One model pattern, translated at load and compiled on its first use: compiling the slice's
/// hundreds of patterns up front was most of the emulator's start time, and most of them are
/// never used in a session. A unit test compiles every one, so a use never meets a bad pattern.
#[derive(Debug)]
pub struct Pattern {
    /// The pattern as the model spells it.
    source: String,
    /// How AWS shows it in a validation message: anchored with a leading `^`.
    display: String,
    /// The translated, anchored `regex` source.
    anchored: String,
    regex: std::sync::OnceLock<Option<Regex>>,
}

impl Pattern {
    /// Compiles a model pattern; fails on syntax this module cannot translate faithfully.
    pub fn compile(source: &str) -> Result<Pattern, String> {
        let anchored = match REWRITES.iter().find(|(from, _)| *from == source) {
            Some((_, to)) => (*to).to_string(),
            None => format!("^(?:{})$", translate(source)?),
        };
        // The service prints the model pattern with a `^` in front (see docs/protocol.md and the
        // SageMaker messages quoted in `validator.rs`).
        let display = if source.starts_with('^') {
            source.to_string()
        } else {
            format!("^{source}")
        };
        Ok(Pattern {
            source: source.to_string(),
            display,
            anchored,
            regex: std::sync::OnceLock::new(),
        })
    }

    /// The pattern as written in the model.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The pattern as AWS prints it after `Member must satisfy regular expression pattern: `.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The compiled regex, compiled now if this is its first use (`None`: it does not compile,
    /// which the unit tests rule out for every pattern of the model).
    pub fn compiled(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| match Regex::new(&self.anchored) {
                Ok(regex) => Some(regex),
                Err(e) => {
                    tracing::error!(pattern = %self.source, error = %e, "a model pattern does not compile");
                    None
                }
            })
            .as_ref()
    }

    /// Whether the whole of `value` matches (Java `Matcher.matches()`).
    pub fn matches(&self, value: &str) -> bool {
        // A pattern that cannot compile constrains nothing (and is a test failure, see above).
        self.compiled().is_none_or(|regex| regex.is_match(value))
    }
}

/// Rewrites a Java pattern into `regex` syntax with the same meaning (see the module doc).
fn translate(java: &str) -> Result<String, String> {
    let mut out = String::with_capacity(java.len() + 16);
    let mut chars = java.chars().peekable();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(escaped) = chars.next() else {
                    return Err(format!("pattern {java:?}: trailing backslash"));
                };
                match escaped {
                    'd' => out.push_str("[0-9]"),
                    'D' => out.push_str("[^0-9]"),
                    'w' => out.push_str("[0-9A-Za-z_]"),
                    'W' => out.push_str("[^0-9A-Za-z_]"),
                    's' => out.push_str(r"[\t\n\x0B\x0C\r ]"),
                    'S' => out.push_str(r"[^\t\n\x0B\x0C\r ]"),
                    '1'..='9' => {
                        return Err(format!(
                            "pattern {java:?}: back-references are not supported"
                        ))
                    }
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            '[' => {
                class_depth += 1;
                out.push('[');
                // A `]` right after `[` or `[^` is a literal in Java.
                if chars.peek() == Some(&'^') {
                    chars.next();
                    out.push('^');
                }
                if chars.peek() == Some(&']') {
                    chars.next();
                    out.push_str(r"\]");
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(']');
            }
            '.' if class_depth == 0 => out.push_str(JAVA_DOT),
            '(' if class_depth == 0 && chars.peek() == Some(&'?') => {
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("?=")
                    || rest.starts_with("?!")
                    || rest.starts_with("?<=")
                    || rest.starts_with("?<!")
                    || rest.starts_with("?>")
                {
                    return Err(format!(
                        "pattern {java:?}: look-around is not supported; add a rewrite"
                    ));
                }
                out.push('(');
            }
            other => out.push(other),
        }
    }
    if class_depth != 0 {
        return Err(format!("pattern {java:?}: unclosed character class"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(source: &str) -> Pattern {
        match Pattern::compile(source) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_pattern_must_match_the_whole_value() {
        let p = compiled("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
        assert!(p.matches("my-user-1"));
        assert!(!p.matches("my_user"), "the service anchors at both ends");
        assert!(!p.matches(""));
        assert_eq!(p.display(), "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    }

    #[test]
    fn shorthand_classes_are_ascii_only_as_in_java() {
        assert!(compiled(r"\d+").matches("0123"));
        assert!(
            !compiled(r"\d+").matches("٣"),
            "Arabic-Indic digit is not \\d in Java"
        );
        assert!(!compiled(r"\S+").matches("a\u{0B}b"));
        assert!(compiled(r"[\S\s]+").matches("any\nthing é"));
    }

    #[test]
    fn dot_excludes_java_line_terminators() {
        let p = compiled(".*");
        assert!(p.matches("anything at all"));
        for bad in ["a\nb", "a\rb", "a\u{85}b", "a\u{2028}b", "a\u{2029}b"] {
            assert!(!p.matches(bad), "{bad:?}");
        }
        assert!(compiled(r"[.]").matches("."));
        assert!(
            !compiled(r"[.]").matches("x"),
            "a dot in a class stays literal"
        );
    }

    #[test]
    fn the_look_ahead_patterns_have_faithful_rewrites() {
        let not_blank = compiled(r"(?!\s*$).+");
        assert!(not_blank.matches("x"));
        assert!(not_blank.matches("  x "));
        assert!(!not_blank.matches(""));
        assert!(!not_blank.matches("   "));
        assert!(!not_blank.matches("a\nb"));
        assert_eq!(not_blank.display(), r"^(?!\s*$).+");

        let alias = compiled(r"(?!^[.-])^([a-zA-Z0-9-_.]+)");
        assert!(alias.matches("latest"));
        assert!(alias.matches("v1.2-rc_3"));
        assert!(alias.matches("_x"));
        assert!(!alias.matches(".hidden"));
        assert!(!alias.matches("-x"));
        assert!(!alias.matches("a b"));
        assert!(!alias.matches(""));
    }

    #[test]
    fn unsupported_syntax_is_refused_not_misread() {
        assert!(Pattern::compile(r"(?=a)a").is_err());
        assert!(Pattern::compile(r"(a)\1").is_err());
        assert!(Pattern::compile(r"[a").is_err());
        assert!(Pattern::compile("a\\").map_or(true, |p| p.compiled().is_none()));
    }

    #[test]
    fn every_pattern_of_the_model_compiles() {
        let model = crate::model::model();
        let mut count = 0;
        for shape in model.shapes() {
            if let crate::model::Kind::String(string) = &shape.kind {
                if let Some(pattern) = &string.pattern {
                    assert!(
                        pattern.compiled().is_some(),
                        "{}: {}",
                        shape.name,
                        pattern.source()
                    );
                    count += 1;
                }
            }
        }
        assert!(count > 50, "only {count} patterns");
    }
}
