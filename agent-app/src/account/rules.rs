//! The account forms' rules, as plain functions tested natively: the invitation link and its
//! `#invite=<code>` fragment, a new password's length and its confirmation, and the checks on
//! the first-run setup and invitation forms. The screens put focus on the field a `Invalid`
//! names and say its `Problem` in words (`i18n::AccountText`).
//!
//! These checks only spare the agent a round trip; the edge makes the same ones (400
//! `weak_password`, invalid ids) and its message is shown when it refuses.

use crate::i18n::{AccountText, Lang};
use openline_core::auth::{Role, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use openline_core::ids::WorkspaceId;
use openline_core::limits::MAX_NAME_CHARS;
use openline_core::protocol::{InviteRequest, SetupRequest};

/// The fragment an invitation link ends with: `/app/#invite=<code>`.
const INVITE_FRAGMENT: &str = "#invite=";

/// The code of an invitation link's fragment (`location.hash`), if it is one.
pub fn invite_code(hash: &str) -> Option<String> {
    let code = hash.strip_prefix(INVITE_FRAGMENT)?.trim();
    (!code.is_empty()).then(|| code.to_owned())
}

/// The link to hand to an invited colleague. `origin` is the app's (`location.origin`).
pub fn invite_link(origin: &str, code: &str) -> String {
    format!("{}/app/{INVITE_FRAGMENT}{code}", origin.trim_end_matches('/'))
}

/// The header an API token's secret goes in, for the usage hint.
pub fn bearer_header(secret: &str) -> String {
    format!("Authorization: Bearer {secret}")
}

/// What is wrong with a form's field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not 1 to 64 letters, digits, `-` or `_`.
    BadWorkspace,
    /// Empty or longer than `MAX_NAME_CHARS`.
    BadName,
    /// Not something@something.
    BadEmail,
    /// Fewer than `MIN_PASSWORD_CHARS` characters.
    ShortPassword,
    /// More than `MAX_PASSWORD_CHARS` characters.
    LongPassword,
    /// The confirmation differs.
    PasswordsDiffer,
}

impl Problem {
    /// The problem in words, as the form's error line says it.
    pub fn text(self, lang: Lang) -> String {
        let text = match self {
            Problem::ShortPassword => return lang.password_too_short(MIN_PASSWORD_CHARS),
            Problem::LongPassword => return lang.password_too_long(MAX_PASSWORD_CHARS),
            Problem::BadWorkspace => AccountText::BadWorkspace,
            Problem::BadName => AccountText::BadName,
            Problem::BadEmail => AccountText::BadEmail,
            Problem::PasswordsDiffer => AccountText::PasswordsDiffer,
        };
        lang.account(text).to_owned()
    }
}

/// Which field of the form to fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Workspace,
    Name,
    Email,
    Password,
    PasswordAgain,
}

/// A form's first problem and the field it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub problem: Problem,
    pub field: Field,
}

fn invalid(problem: Problem, field: Field) -> Invalid {
    Invalid { problem, field }
}

/// A new password and its confirmation: long enough, not too long, the same twice. Nothing is
/// trimmed: spaces are part of a password.
pub fn new_password(password: &str, again: &str) -> Result<(), Invalid> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(invalid(Problem::ShortPassword, Field::Password));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(invalid(Problem::LongPassword, Field::Password));
    }
    if password != again {
        return Err(invalid(Problem::PasswordsDiffer, Field::PasswordAgain));
    }
    Ok(())
}

/// The first-run form as typed, checked in the order of its fields.
pub struct SetupForm<'a> {
    pub workspace: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub again: &'a str,
}

impl SetupForm<'_> {
    pub fn request(&self) -> Result<SetupRequest, Invalid> {
        let workspace = WorkspaceId::parse(self.workspace.trim())
            .ok_or(invalid(Problem::BadWorkspace, Field::Workspace))?;
        let name = name(self.name)?;
        let email = email(self.email)?;
        new_password(self.password, self.again)?;
        Ok(SetupRequest {
            workspace: workspace.to_string(),
            name,
            email,
            password: self.password.to_owned(),
        })
    }
}

/// The team screen's invitation form.
pub fn invite_request(
    email_typed: &str,
    name_typed: &str,
    role: Role,
) -> Result<InviteRequest, Invalid> {
    let email = email(email_typed)?;
    let name = name(name_typed)?;
    Ok(InviteRequest { email, name, role })
}

fn name(typed: &str) -> Result<String, Invalid> {
    let name = typed.trim();
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS {
        return Err(invalid(Problem::BadName, Field::Name));
    }
    Ok(name.to_owned())
}

/// Enough of a shape to catch a slip (a missing `@`, a space); the edge decides the rest.
fn email(typed: &str) -> Result<String, Invalid> {
    let email = typed.trim();
    let shaped = email
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && !host.is_empty() && !host.contains('@'))
        && !email.contains(char::is_whitespace);
    if !shaped {
        return Err(invalid(Problem::BadEmail, Field::Email));
    }
    Ok(email.to_owned())
}

/// The roles an admin may give, most powerful last (the `<select>`'s order).
pub const ROLES: [Role; 3] = [Role::Agent, Role::Supervisor, Role::Admin];

/// A role from a `<select>` value (`Role::as_str`); anything else is no role.
pub fn parse_role(value: &str) -> Option<Role> {
    ROLES.into_iter().find(|r| r.as_str() == value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitation_links_carry_the_code_in_the_fragment() {
        let link = invite_link("https://chat.example/", "demo.s3cr3t");
        assert_eq!(link, "https://chat.example/app/#invite=demo.s3cr3t");
        let hash = &link[link.find('#').unwrap()..];
        assert_eq!(invite_code(hash).as_deref(), Some("demo.s3cr3t"));
        assert_eq!(invite_code("#invite="), None);
        assert_eq!(invite_code("#/dialog/web-v_1"), None);
        assert_eq!(invite_code(""), None);
        assert_eq!(bearer_header("olk_x"), "Authorization: Bearer olk_x");
    }

    #[test]
    fn a_new_password_is_long_enough_and_typed_the_same_twice() {
        let ok = "correct horse";
        assert_eq!(new_password(ok, ok), Ok(()));
        let short = "x".repeat(MIN_PASSWORD_CHARS - 1);
        assert_eq!(new_password(&short, &short).unwrap_err().problem, Problem::ShortPassword);
        // Characters, not bytes: ten accented letters are ten.
        let accented = "ñ".repeat(MIN_PASSWORD_CHARS);
        assert_eq!(new_password(&accented, &accented), Ok(()));
        let long = "x".repeat(MAX_PASSWORD_CHARS + 1);
        assert_eq!(new_password(&long, &long).unwrap_err().problem, Problem::LongPassword);
        let differ = new_password(ok, "correct horse ").unwrap_err();
        assert_eq!(differ, invalid(Problem::PasswordsDiffer, Field::PasswordAgain));
    }

    #[test]
    fn setup_checks_fields_in_order_and_trims_all_but_the_password() {
        let form = SetupForm {
            workspace: " acme ",
            name: " Ana García ",
            email: " ana@acme.example ",
            password: " correct horse ",
            again: " correct horse ",
        };
        let request = form.request().unwrap();
        assert_eq!(
            (request.workspace.as_str(), request.name.as_str(), request.email.as_str()),
            ("acme", "Ana García", "ana@acme.example")
        );
        assert_eq!(request.password, " correct horse ");
        let field = |change: fn(&mut SetupForm)| {
            let mut f = SetupForm { ..form };
            change(&mut f);
            f.request().unwrap_err().field
        };
        assert_eq!(field(|f| f.workspace = "acme corp"), Field::Workspace);
        assert_eq!(field(|f| f.workspace = ""), Field::Workspace);
        assert_eq!(field(|f| f.name = "  "), Field::Name);
        assert_eq!(field(|f| f.email = "ana.acme.example"), Field::Email);
        assert_eq!(field(|f| f.email = "ana @acme.example"), Field::Email);
        assert_eq!(field(|f| f.password = "short"), Field::Password);
        assert_eq!(field(|f| f.again = "other"), Field::PasswordAgain);
    }

    #[test]
    fn an_invitation_needs_an_email_and_a_name() {
        let ok = invite_request(" luis@acme.example", "Luis ", Role::Supervisor).unwrap();
        assert_eq!(
            (ok.email.as_str(), ok.name.as_str(), ok.role),
            ("luis@acme.example", "Luis", Role::Supervisor)
        );
        assert_eq!(invite_request("luis", "Luis", Role::Agent).unwrap_err().field, Field::Email);
        assert_eq!(invite_request("a@b", "", Role::Agent).unwrap_err().field, Field::Name);
        for role in ROLES {
            assert_eq!(parse_role(role.as_str()), Some(role));
        }
        assert_eq!(parse_role("owner"), None);
    }
}
