//! 政策查询: the policy library at the kiosk (issue 18). Search it as the
//! services are searched (pinyin, initials, typos), narrow it by issuer,
//! year and validity with choices a finger can tap, read a document part by
//! part, follow a repealed one to what replaced it, open the services it
//! governs; and the guide's "依据 Based on" opens the documents a service
//! rests on. The library is fetched and cached like the catalogue.

use std::sync::Arc;

use super::form::TextField;
use super::handoff::QrMatrix;
use super::{Remote, State};
use crate::domain::policy::{Library, Policy, Validity};
use crate::domain::{FetchError, Lang, Service, Text};
use crate::search::SearchIndex;

/// The longest query taken.
pub const QUERY_MAX: usize = 40;

/// The library's side of a session.
#[derive(Debug, Clone)]
pub struct PolicyState {
    /// The library as last fetched (or read from this kiosk's cache).
    pub library: Option<Arc<Library>>,
    /// Built off the loop for each library version.
    pub index: Option<Arc<SearchIndex>>,
    /// Why the library could not be fetched, while none is here at all.
    pub failed: Option<FetchError>,
    /// What is typed on the Policies screen.
    pub query: TextField,
    pub filter: Filter,
    /// The phone link for the document on screen.
    pub link: Option<LinkState>,
}

impl Default for PolicyState {
    fn default() -> PolicyState {
        PolicyState {
            library: None,
            index: None,
            failed: None,
            query: TextField::new(QUERY_MAX),
            filter: Filter::default(),
            link: None,
        }
    }
}

impl PolicyState {
    /// What the next citizen inherits: the library and its index, nothing typed or chosen.
    pub fn kept(&self) -> PolicyState {
        PolicyState {
            library: self.library.clone(),
            index: self.index.clone(),
            failed: self.failed,
            ..PolicyState::default()
        }
    }
}

/// The filters chosen; `None` is "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// An issuer, by its zh-CN name (the same body in every language).
    pub issuer: Option<String>,
    /// The year published, `YYYY`.
    pub year: Option<String>,
    pub validity: Option<Validity>,
}

impl Filter {
    pub fn admits(&self, p: &Policy) -> bool {
        self.issuer.as_ref().is_none_or(|i| p.issuers.iter().any(|x| x.get(Lang::ZhCn) == i))
            && self.year.as_ref().is_none_or(|y| p.published.starts_with(y.as_str()))
            && self.validity.is_none_or(|v| p.validity == v)
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    Issuer,
    Year,
    Validity,
}

impl FilterKind {
    pub const ALL: [FilterKind; 3] = [FilterKind::Issuer, FilterKind::Year, FilterKind::Validity];
}

/// One choice on a filter's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterChoice<'a> {
    Any,
    Issuer(&'a Text),
    Year(&'a str),
    Validity(Validity),
}

/// Whether `choice` (of filter `kind`) is what the filter holds now.
pub fn holds(f: &Filter, kind: FilterKind, choice: &FilterChoice) -> bool {
    match choice {
        FilterChoice::Any => match kind {
            FilterKind::Issuer => f.issuer.is_none(),
            FilterKind::Year => f.year.is_none(),
            FilterKind::Validity => f.validity.is_none(),
        },
        FilterChoice::Issuer(t) => f.issuer.as_deref() == Some(t.get(Lang::ZhCn)),
        FilterChoice::Year(y) => f.year.as_deref() == Some(*y),
        FilterChoice::Validity(v) => f.validity == Some(*v),
    }
}

/// The phone link for a document, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkState {
    pub id: String,
    pub lang: Lang,
    /// The page's address, and its QR code (None when too long for one).
    pub link: Remote<(String, Option<QrMatrix>)>,
}

/// What the Policies screen lists: the three filters, then the documents found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListItem {
    Filter(FilterKind),
    /// Index into the library's documents.
    Document(usize),
}

pub fn list_items(found: &[usize]) -> Vec<ListItem> {
    FilterKind::ALL
        .map(ListItem::Filter)
        .into_iter()
        .chain(found.iter().map(|i| ListItem::Document(*i)))
        .collect()
}

pub fn library(state: &State) -> Option<&Library> {
    state.policies.library.as_deref()
}

pub fn policy<'a>(state: &'a State, id: &str) -> Option<&'a Policy> {
    library(state)?.get(id)
}

/// The documents that match the query and the filters: best match first,
/// or with nothing typed, the newest first (a touch user browses by the
/// filters alone).
pub fn find(state: &State) -> Vec<usize> {
    let Some(lib) = library(state) else { return vec![] };
    let query = state.policies.query.text.trim();
    let order: Vec<usize> = if query.is_empty() {
        let mut all: Vec<usize> = (0..lib.policies.len()).collect();
        all.sort_by(|a, b| {
            let (a, b) = (&lib.policies[*a], &lib.policies[*b]);
            b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id))
        });
        all
    } else {
        match &state.policies.index {
            Some(index) if index.version == lib.version => {
                index.search(query, lib.policies.len()).into_iter().map(|h| h.service).collect()
            }
            _ => vec![],
        }
    };
    order
        .into_iter()
        .filter(|i| lib.policies.get(*i).is_some_and(|p| state.policies.filter.admits(p)))
        .collect()
}

/// Each body that issued one of `docs` (a joint document counts for each),
/// those behind the most documents first.
fn issuers<'a>(docs: &[&'a Policy]) -> Vec<&'a Text> {
    let mut counted: Vec<(&Text, usize)> = vec![];
    for issuer in docs.iter().flat_map(|p| &p.issuers) {
        match counted.iter_mut().find(|(t, _)| t.get(Lang::ZhCn) == issuer.get(Lang::ZhCn)) {
            Some((_, n)) => *n += 1,
            None => counted.push((issuer, 1)),
        }
    }
    // Stable: equal counts keep the library's order.
    counted.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    counted.into_iter().map(|(t, _)| t).collect()
}

/// The years `docs` were published in, newest first.
fn years<'a>(docs: &[&'a Policy]) -> Vec<&'a str> {
    let mut years: Vec<&str> = docs.iter().filter_map(|p| p.published.get(..4)).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// A filter's choices, "any" first: only those that find a document
/// with the other filters as they are (no choice leads to an empty list).
pub fn choices<'a>(lib: &'a Library, filter: &Filter, kind: FilterKind) -> Vec<FilterChoice<'a>> {
    let mut others = filter.clone();
    match kind {
        FilterKind::Issuer => others.issuer = None,
        FilterKind::Year => others.year = None,
        FilterKind::Validity => others.validity = None,
    }
    let docs: Vec<&Policy> = lib.policies.iter().filter(|p| others.admits(p)).collect();
    let rest: Vec<FilterChoice> = match kind {
        FilterKind::Issuer => issuers(&docs).into_iter().map(FilterChoice::Issuer).collect(),
        FilterKind::Year => years(&docs).into_iter().map(FilterChoice::Year).collect(),
        FilterKind::Validity => Validity::ALL
            .into_iter()
            .filter(|v| docs.iter().any(|p| p.validity == *v))
            .map(FilterChoice::Validity)
            .collect(),
    };
    std::iter::once(FilterChoice::Any).chain(rest).collect()
}

/// The parts of a document's page, in reading order. Focus moves part by part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocPart {
    /// Not in force: says so first, in words.
    Status,
    /// What applies now instead: opens it.
    Replacement,
    /// 索引号, 标题, 发文机关, 发文字号, the dates, 主题分类, 时效, 信息核对于.
    Header,
    Summary,
    /// Interpretation `.0`, its question `.1`.
    Question(usize, usize),
    /// Interpretation `.0`'s worked example.
    Example(usize),
    /// A service it governs (an index into [`governed`]): opens its guide.
    Service(usize),
}

pub fn doc_parts(state: &State, p: &Policy) -> Vec<DocPart> {
    let mut parts = vec![];
    if p.validity != Validity::InForce {
        parts.push(DocPart::Status);
    }
    if library(state).and_then(|l| l.current_replacement(p)).is_some() {
        parts.push(DocPart::Replacement);
    }
    parts.extend([DocPart::Header, DocPart::Summary]);
    for (i, interpretation) in p.interpretations.iter().enumerate() {
        parts.extend((0..interpretation.questions.len()).map(|q| DocPart::Question(i, q)));
        parts.push(DocPart::Example(i));
    }
    parts.extend((0..governed(state, p).len()).map(DocPart::Service));
    parts
}

/// The services a document governs that this kiosk's catalogue holds.
pub fn governed<'a>(state: &'a State, p: &Policy) -> Vec<&'a Service> {
    p.services.iter().filter_map(|id| state.service(id)).collect()
}

/// The documents a service rests on (the guide's "依据 Based on").
pub fn based_on<'a>(state: &'a State, service: &str) -> Vec<&'a Policy> {
    library(state).map_or_else(Vec::new, |l| l.for_service(service))
}

/// The link for the document on screen, if it is the one asked for.
pub fn current_link(state: &State) -> Option<&LinkState> {
    let link = state.policies.link.as_ref()?;
    match state.screen() {
        super::Screen::Policy { id, .. } if *id == link.id => Some(link),
        _ => None,
    }
}

/// Whether Enter opens the part in focus (the key bar says "open" then).
pub fn focus_opens(state: &State) -> bool {
    match state.screen() {
        super::Screen::Guide { service, focus, .. } => state.service(service).is_some_and(|s| {
            let parts = super::screen::guide_parts_with(s, based_on(state, service).len());
            matches!(parts.get(*focus), Some(super::screen::GuidePart::BasedOn(_)))
        }),
        super::Screen::Policy { id, focus, .. } => policy(state, id).is_some_and(|p| {
            matches!(doc_parts(state, p).get(*focus), Some(DocPart::Replacement | DocPart::Service(_)))
        }),
        _ => false,
    }
}
