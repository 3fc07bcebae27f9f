//! Who may call in strict mode (docs/contract.md §1 `--auth`, `--credentials-file`): the key pairs of an
//! AWS shared credentials file, and the [`Auth`] setting that carries them.
//!
//! The file is the INI format the SDKs read from `~/.aws/credentials`:
//!
//! ```ini
//! [default]
//! aws_access_key_id = AKIAEXAMPLEDEFAULT01
//! aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
//! account_id = 111122223333
//!
//! [ci-session]
//! aws_access_key_id = ASIAEXAMPLESESSION01
//! aws_secret_access_key = secret
//! aws_session_token = token
//! ```
//!
//! Rules, in the order they are applied:
//! - `[name]` opens a profile (`[profile name]` is read as `name`); `#` and `;` start comment lines;
//!   `key = value` lines are trimmed; keys other than the ones below are ignored (`region`, …).
//! - A profile without `aws_access_key_id` is skipped (SSO and role profiles have none); one with a
//!   key id must have `aws_secret_access_key`, and the reverse.
//! - `account_id` (or the SDKs' newer `aws_account_id`) is the account of that key's calls; it
//!   must be 12 digits. Without it the usual rule applies (a 12-digit key id is the account, else
//!   `--account-id`).
//! - `aws_session_token` (or the legacy `aws_security_token`) makes the key pair a session
//!   credential: a call must then carry that exact token in `X-Amz-Security-Token`, and a call
//!   carrying a token is accepted only for a profile that has the same one. Anything else is
//!   `UnrecognizedClientException`, as AWS answers for a bad or missing session token.
//! - An access key id may appear in one profile only, a profile name once, and the file must hold
//!   at least one key pair; breaking any of these stops the emulator from starting (no silent
//!   "every call refused").

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// How API calls are authenticated (docs/contract.md §1 `--auth`).
#[derive(Debug, Clone, Default)]
pub enum Auth {
    /// Any or no signature is accepted (the default).
    #[default]
    Lenient,
    /// Every API call must carry a valid SigV4 signature made with one of these key pairs.
    Strict(Arc<CredentialsFile>),
}

impl Auth {
    /// Strict mode with the key pairs of the credentials file at `path`.
    pub fn strict_from_file(path: impl AsRef<Path>) -> std::io::Result<Self> {
        Ok(Auth::Strict(Arc::new(CredentialsFile::load(path)?)))
    }

    /// The key pairs to verify against, in strict mode.
    pub fn strict_credentials(&self) -> Option<&CredentialsFile> {
        match self {
            Auth::Lenient => None,
            Auth::Strict(credentials) => Some(credentials),
        }
    }
}

/// One key pair of the credentials file.
#[derive(Clone, PartialEq, Eq)]
pub struct Profile {
    /// The section name.
    pub name: String,
    /// `aws_access_key_id`.
    pub access_key_id: String,
    /// `aws_secret_access_key`.
    pub secret_access_key: String,
    /// `aws_session_token`: the token a call with this key must carry.
    pub session_token: Option<String>,
    /// `account_id`: the account of this key's calls.
    pub account_id: Option<String>,
}

impl fmt::Debug for Profile {
    /// Secrets are never printed (the configuration is logged at debug level).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .field("account_id", &self.account_id)
            .finish()
    }
}

/// The accepted key pairs, by access key id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsFile {
    profiles: Vec<Profile>,
    by_access_key_id: HashMap<String, usize>,
}

/// Why a credentials file was refused: the 1-based line, when one is to blame, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct CredentialsFileError {
    /// The line at fault.
    pub line: Option<usize>,
    /// What is wrong with it.
    pub message: String,
}

impl CredentialsFileError {
    fn at(line: usize, message: impl Into<String>) -> Self {
        CredentialsFileError {
            line: Some(line),
            message: message.into(),
        }
    }

    fn whole_file(message: impl Into<String>) -> Self {
        CredentialsFileError {
            line: None,
            message: message.into(),
        }
    }
}

/// A profile while its section is being read.
#[derive(Default)]
struct SectionBeingRead {
    name: String,
    line: usize,
    access_key_id: Option<String>,
    secret_access_key: Option<String>,
    session_token: Option<String>,
    account_id: Option<(String, usize)>,
}

impl SectionBeingRead {
    fn into_profile(self) -> Result<Option<Profile>, CredentialsFileError> {
        let account_id = match self.account_id {
            Some((account, line)) if !is_account_id(&account) => {
                return Err(CredentialsFileError::at(
                    line,
                    format!(
                        "account_id '{account}' of profile [{}] is not 12 digits",
                        self.name
                    ),
                ))
            }
            Some((account, _)) => Some(account),
            None => None,
        };
        match (self.access_key_id, self.secret_access_key) {
            (None, None) => Ok(None),
            (Some(access_key_id), Some(secret_access_key)) => Ok(Some(Profile {
                name: self.name,
                access_key_id,
                secret_access_key,
                session_token: self.session_token,
                account_id,
            })),
            (Some(_), None) => Err(CredentialsFileError::at(
                self.line,
                format!(
                    "profile [{}] has aws_access_key_id but no aws_secret_access_key",
                    self.name
                ),
            )),
            (None, Some(_)) => Err(CredentialsFileError::at(
                self.line,
                format!(
                    "profile [{}] has aws_secret_access_key but no aws_access_key_id",
                    self.name
                ),
            )),
        }
    }
}

fn is_account_id(value: &str) -> bool {
    value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit())
}

impl CredentialsFile {
    /// Reads and checks the file at `path`; an unreadable or refused file is an `io::Error`
    /// naming the path and the line.
    pub fn load(path: impl AsRef<Path>) -> std::io::Result<Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("credentials file {}: {e}", path.display()),
            )
        })?;
        Self::parse(&text).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("credentials file {}: {e}", path.display()),
            )
        })
    }

    /// Parses the text of a credentials file (the rules are in the module documentation).
    pub fn parse(text: &str) -> Result<Self, CredentialsFileError> {
        let mut sections: Vec<SectionBeingRead> = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line_number = index + 1;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if let Some(header) = line.strip_prefix('[') {
                let name = header
                    .strip_suffix(']')
                    .ok_or_else(|| {
                        CredentialsFileError::at(line_number, format!("'{line}' lacks its ']'"))
                    })?
                    .trim();
                let name = name.strip_prefix("profile ").unwrap_or(name).trim();
                if name.is_empty() {
                    return Err(CredentialsFileError::at(line_number, "empty profile name"));
                }
                if sections.iter().any(|s| s.name == name) {
                    return Err(CredentialsFileError::at(
                        line_number,
                        format!("profile [{name}] appears twice"),
                    ));
                }
                sections.push(SectionBeingRead {
                    name: name.to_string(),
                    line: line_number,
                    ..SectionBeingRead::default()
                });
                continue;
            }
            let (key, value) = line.split_once('=').ok_or_else(|| {
                CredentialsFileError::at(
                    line_number,
                    format!("'{line}' is neither [profile], key = value nor a comment"),
                )
            })?;
            let section = sections.last_mut().ok_or_else(|| {
                CredentialsFileError::at(line_number, "key = value before any [profile] line")
            })?;
            let value = value.trim().to_string();
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "aws_access_key_id" => &mut section.access_key_id,
                "aws_secret_access_key" => &mut section.secret_access_key,
                "aws_session_token" | "aws_security_token" => &mut section.session_token,
                "account_id" | "aws_account_id" => {
                    section.account_id = Some((value, line_number));
                    continue;
                }
                _ => continue,
            };
            if value.is_empty() {
                return Err(CredentialsFileError::at(
                    line_number,
                    format!("{} has no value", key.trim()),
                ));
            }
            *slot = Some(value);
        }

        let mut profiles = Vec::new();
        let mut by_access_key_id = HashMap::new();
        for section in sections {
            let line = section.line;
            let Some(profile) = section.into_profile()? else {
                continue;
            };
            if let Some(earlier) = by_access_key_id
                .get(&profile.access_key_id)
                .and_then(|&index| profiles.get(index))
            {
                let earlier: &Profile = earlier;
                return Err(CredentialsFileError::at(
                    line,
                    format!(
                        "access key id {} of profile [{}] is already the key of profile [{}]",
                        profile.access_key_id, profile.name, earlier.name
                    ),
                ));
            }
            by_access_key_id.insert(profile.access_key_id.clone(), profiles.len());
            profiles.push(profile);
        }
        if profiles.is_empty() {
            return Err(CredentialsFileError::whole_file(
                "no profile with aws_access_key_id and aws_secret_access_key: strict mode would refuse every call",
            ));
        }
        Ok(CredentialsFile {
            profiles,
            by_access_key_id,
        })
    }

    /// The profile whose key id is `access_key_id`.
    pub fn profile(&self, access_key_id: &str) -> Option<&Profile> {
        self.by_access_key_id
            .get(access_key_id)
            .and_then(|&index| self.profiles.get(index))
    }

    /// Every accepted profile, in file order.
    pub fn profiles(&self) -> &[Profile] {
        &self.profiles
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# a comment
[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = s3cr3t/with=equals
region = eu-west-1

; SSO profiles carry no keys and are skipped
[profile sso]
sso_start_url = https://example.awsapps.com/start

[profile session]
aws_access_key_id=ASIASESSION
aws_secret_access_key=other
aws_session_token = tok/en==
aws_account_id = 444455556666
";

    #[test]
    fn key_pairs_tokens_and_accounts_are_read() {
        let file = CredentialsFile::parse(SAMPLE).unwrap();
        assert_eq!(file.profiles().len(), 2);
        let default = file.profile("AKIDDEFAULT").unwrap();
        assert_eq!(default.name, "default");
        assert_eq!(default.secret_access_key, "s3cr3t/with=equals");
        assert_eq!(default.session_token, None);
        assert_eq!(default.account_id, None);
        let session = file.profile("ASIASESSION").unwrap();
        assert_eq!(session.name, "session");
        assert_eq!(session.session_token.as_deref(), Some("tok/en=="));
        assert_eq!(session.account_id.as_deref(), Some("444455556666"));
        assert!(file.profile("AKIDUNKNOWN").is_none());
    }

    #[test]
    fn secrets_stay_out_of_debug_output() {
        let file = CredentialsFile::parse(SAMPLE).unwrap();
        let printed = format!("{file:?}");
        assert!(!printed.contains("s3cr3t"), "{printed}");
        assert!(!printed.contains("tok/en"), "{printed}");
        assert!(printed.contains("AKIDDEFAULT"));
    }

    #[test]
    fn broken_files_are_refused_with_the_line_at_fault() {
        let cases: &[(&str, Option<usize>, &str)] = &[
            ("", None, "no profile"),
            ("[a]\nregion = x\n", None, "no profile"),
            ("aws_access_key_id = A\n", Some(1), "before any [profile]"),
            ("[a\n", Some(1), "lacks its ']'"),
            ("[]\n", Some(1), "empty profile name"),
            ("[a]\nnonsense\n", Some(2), "neither"),
            ("[a]\naws_access_key_id = A\n", Some(1), "no aws_secret_access_key"),
            ("[a]\naws_secret_access_key = S\n", Some(1), "no aws_access_key_id"),
            ("[a]\naws_access_key_id =\n", Some(2), "has no value"),
            (
                "[a]\naws_access_key_id = A\naws_secret_access_key = S\naccount_id = 12\n",
                Some(4),
                "not 12 digits",
            ),
            (
                "[a]\naws_access_key_id = A\naws_secret_access_key = S\n[a]\n",
                Some(4),
                "appears twice",
            ),
            (
                "[a]\naws_access_key_id = A\naws_secret_access_key = S\n[b]\naws_access_key_id = A\naws_secret_access_key = T\n",
                Some(4),
                "already the key of profile [a]",
            ),
        ];
        for (text, line, fragment) in cases {
            let error = CredentialsFile::parse(text).unwrap_err();
            assert_eq!(error.line, *line, "{text:?}: {error}");
            assert!(error.to_string().contains(fragment), "{text:?}: {error}");
        }
    }

    #[test]
    fn loading_names_the_path() {
        let error = CredentialsFile::load("/nonexistent/smse-credentials").unwrap_err();
        assert!(error.to_string().contains("/nonexistent/smse-credentials"));
        assert!(matches!(
            Auth::strict_from_file("/nonexistent/x"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound
        ));
        assert!(Auth::default().strict_credentials().is_none());
    }
}
