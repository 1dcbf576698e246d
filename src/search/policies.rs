//! The policy library's index: titles (in every language, by pinyin and
//! initials, English word by word), document and index numbers, issuers,
//! and the topic (主题分类) as the category. The same matcher as services.

use super::{Entry, SearchIndex, chinese};
use crate::domain::policy::{Library, Validity};
use crate::domain::{Lang, Text};

impl SearchIndex {
    /// One entry per document, in the library's order: a hit's index is
    /// the document's. Documents in force win ties.
    pub fn for_policies(library: &Library) -> SearchIndex {
        let mut topics: Vec<&Text> = vec![];
        for p in &library.policies {
            if !topics.iter().any(|t| t.get(Lang::ZhCn) == p.topic.get(Lang::ZhCn)) {
                topics.push(&p.topic);
            }
        }
        let entries = library.policies.iter().map(|p| {
            let numbers: Vec<&str> = p.doc_number.iter().chain(&p.index_number).map(String::as_str).collect();
            Entry {
                popularity: u8::from(p.validity == Validity::InForce),
                names: Lang::ALL.map(|l| p.title.get(l)),
                aliases: numbers.clone(),
                chinese: chinese(&p.title).chain(p.doc_number.as_deref()).collect(),
                english: vec![p.title.get(Lang::EnUs)],
                departments: p.issuers.iter().flat_map(|i| Lang::ALL.map(|l| i.get(l))).collect(),
                materials: vec![],
                category: topics.iter().position(|t| t.get(Lang::ZhCn) == p.topic.get(Lang::ZhCn)),
            }
        });
        SearchIndex::from_entries(library.version.clone(), entries, topics.clone().into_iter(), vec![])
    }
}
