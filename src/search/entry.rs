//! What one searchable thing gives the index: a service of the catalogue,
//! or a document of the policy library. Every kind is found the same way.

/// The texts of one entry, by the part of the search they serve.
pub struct Entry<'a> {
    /// Ties go to the higher.
    pub popularity: u8,
    /// Its name (a service's, a document's title) in every language.
    pub names: [&'a str; 3],
    /// Other names it goes by (a service's aliases, a document's number).
    pub aliases: Vec<&'a str>,
    /// Chinese texts whose pinyin, in full and by initials, finds it.
    pub chinese: Vec<&'a str>,
    /// English texts, matched word by word with a typo forgiven.
    pub english: Vec<&'a str>,
    /// Who is behind it (a department, a document's issuers); ranked low.
    pub departments: Vec<&'a str>,
    /// Ranked lowest (a service's materials).
    pub materials: Vec<&'a str>,
    /// Its category, as an index into the categories given with the entries.
    pub category: Option<usize>,
}
