//! The policy library (政策文件库, issue 18): the laws, regulations and
//! notices behind the services, with their validity, a plain-language
//! summary and interpretations (解读) written by us, and the services each
//! one governs, so a guide can say what it is "based on" and a document can
//! list the services it governs.
//!
//! Layout on disk: `policies/*.toml` under a catalogue directory, each file
//! a list of `[[policy]]` entries grouped by topic. [`load`] reads and checks
//! them; [`check`] holds the rules.

pub mod check;
pub mod load;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Text;

pub use check::Problem;
pub use load::{LoadError, from_dir, from_files, is_library_file};

/// The whole library as loaded and checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Library {
    /// Content hash of the library's files; doubles as its HTTP `ETag`
    /// (the library changes on its own schedule, apart from the catalogue).
    #[serde(default)]
    pub version: String,
    pub policies: Vec<Policy>,
    /// The file each document came from, in the same order (for messages;
    /// not served).
    #[serde(skip)]
    pub files: Vec<String>,
}

/// One policy document, as its government's disclosure page (政府信息公开)
/// describes it, plus what we wrote to make it readable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Our id, `^[a-z0-9-]{1,64}$` like every catalogue id.
    pub id: String,
    /// 索引号, as the publishing portal numbers it. Laws passed by the
    /// National People's Congress have none, so it may be absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_number: Option<String>,
    /// 标题, in full, with its 《》 left out.
    pub title: Text,
    /// 发文机关: the bodies that issued it, the lead one first.
    pub issuers: Vec<Text>,
    /// 发文字号, e.g. 国办发〔2020〕35号, or the 主席令/国务院令 that
    /// promulgated a law or regulation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// 成文日期, `YYYY-MM-DD`: when it was adopted or signed.
    pub written: String,
    /// 发布日期, `YYYY-MM-DD`: when it was made public; never before `written`.
    pub published: String,
    /// 施行日期, `YYYY-MM-DD`, where it took effect on a date of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    /// 主题分类, e.g. 公安、安全、司法 / 户籍管理.
    pub topic: Text,
    /// 时效.
    pub validity: Validity,
    /// The document that took its place (another entry's id), when it was
    /// amended, repealed or replaced by one we hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<String>,
    /// Where the official text is published (an http(s) address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What it means for someone at the hall, in our own plain words.
    pub summary: Text,
    /// 解读: questions people ask about it, answered plainly.
    #[serde(default)]
    pub interpretations: Vec<Interpretation>,
    /// The services it governs (ids from `services/*.toml`).
    pub services: Vec<String>,
    /// When this entry was last checked against the official text (信息核对于).
    pub reviewed: String,
}

/// 时效: whether a document still applies. Shown in words, never as a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    /// 现行有效
    InForce,
    /// 已修改: a later revision changed it; the revision applies.
    Amended,
    /// 已废止: withdrawn by a later decision.
    Repealed,
    /// 已失效: its period ran out.
    Expired,
}

impl Validity {
    pub const ALL: [Validity; 4] =
        [Validity::InForce, Validity::Amended, Validity::Repealed, Validity::Expired];

    /// The term the disclosure pages use, for logs and lint messages (the
    /// kiosk takes its words from the locale files).
    pub fn zh_cn(self) -> &'static str {
        match self {
            Validity::InForce => "现行有效",
            Validity::Amended => "已修改",
            Validity::Repealed => "已废止",
            Validity::Expired => "已失效",
        }
    }
}

/// One 解读: when it was written, a few questions and answers, and an
/// example of someone it applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Interpretation {
    /// `YYYY-MM-DD`, never before the document was written.
    pub date: String,
    pub questions: Vec<Question>,
    /// A worked case in plain words ("Ms Wang moved from Anhui …").
    pub example: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub question: Text,
    pub answer: Text,
}

impl Library {
    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&Policy> {
        self.policies.iter().find(|p| p.id == id)
    }

    /// The documents a service is based on (the guide's "依据 Based on"):
    /// those in force first, then the rest, newest first within each, so
    /// the guide leads with what applies today.
    pub fn for_service(&self, service: &str) -> Vec<&Policy> {
        let mut found: Vec<&Policy> =
            self.policies.iter().filter(|p| p.services.iter().any(|s| s == service)).collect();
        // Dates are checked `YYYY-MM-DD`, so text order is date order.
        found.sort_by(|a, b| {
            (b.validity == Validity::InForce)
                .cmp(&(a.validity == Validity::InForce))
                .then_with(|| b.published.cmp(&a.published))
                .then_with(|| a.id.cmp(&b.id))
        });
        found
    }

    /// What finally applies in place of `policy`: its `replaced_by`
    /// followed to the end (a repealed law's successor may itself have
    /// been revised since). `None` when nothing replaced it.
    pub fn current_replacement(&self, policy: &Policy) -> Option<&Policy> {
        let mut at = self.get(policy.replaced_by.as_deref()?)?;
        // The check refuses cycles; the bound keeps a library that skipped it finite.
        for _ in 0..self.policies.len() {
            match at.replaced_by.as_deref().and_then(|id| self.get(id)) {
                Some(next) => at = next,
                None => break,
            }
        }
        Some(at)
    }

    /// The documents that `policy` replaced (the other direction of `replaced_by`).
    pub fn replaces<'a>(&'a self, policy: &'a Policy) -> impl Iterator<Item = &'a Policy> + 'a {
        self.policies.iter().filter(move |p| p.replaced_by.as_deref() == Some(policy.id.as_str()))
    }
}
