//! Fluent translations. Every string the kiosk shows comes from `locales/`;
//! zh-CN is the fallback. Bundles are parsed once per process and shared by
//! every session; a session holds a cheap `Tr` for its language.

use std::sync::LazyLock;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};

use crate::domain::{Lang, Material, MaterialForm};

/// The `.ftl` sources, per language (also read by the locale tests): each
/// language's files joined into one resource.
macro_rules! locale {
    ($dir:literal) => {
        concat!(
            include_str!(concat!("../locales/", $dir, "/kiosk.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/input.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/documents.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/phone.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/visit.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/window.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/display.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/speech.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/staff.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/policies.ftl")),
            "\n",
            include_str!(concat!("../locales/", $dir, "/rating.ftl")),
        )
    };
}

pub const SOURCES: [(Lang, &str); 3] =
    [(Lang::ZhCn, locale!("zh-CN")), (Lang::EnUs, locale!("en-US")), (Lang::ZhHk, locale!("zh-HK"))];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(Lang, Bundle)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, src)| {
            let resource = FluentResource::try_new((*src).to_owned()).expect("locale files parse (tested)");
            let mut bundle = Bundle::new_concurrent(vec![lang.tag().parse().expect("valid tag")]);
            // Isolation marks (U+2068/9) show as boxes in terminals.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).expect("no duplicate messages (tested)");
            (*lang, bundle)
        })
        .collect()
});

fn bundle(lang: Lang) -> &'static Bundle {
    &BUNDLES.iter().find(|(l, _)| *l == lang).expect("every language has a bundle").1
}

/// Translations for one language.
#[derive(Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The message `id`, without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments.
    pub fn a<'a>(&self, id: &str, args: &[(&'a str, FluentValue<'a>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        self.format(id, Some(&fargs))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        for b in [bundle(self.lang), bundle(Lang::FALLBACK)] {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return b.format_pattern(pattern, args, &mut errors).into_owned();
            }
        }
        tracing::warn!(id, "missing message");
        id.to_owned()
    }
}

/// Shorthand for a string argument.
pub fn s(v: &str) -> FluentValue<'_> {
    FluentValue::from(v)
}

/// Shorthand for a number argument.
pub fn n(v: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(v.into())
}

/// "原件 1 份" / "Original, 1 copy".
fn material_form(tr: &Tr, m: &Material) -> String {
    let form = tr.t(match m.form {
        MaterialForm::Original => "material-original",
        MaterialForm::Copy => "material-copy",
        MaterialForm::OriginalAndCopy => "material-original-and-copy",
    });
    tr.a("material-form", &[("form", s(&form)), ("copies", n(m.copies))])
}

/// What to know of a material, in order: its form and copies, whether an
/// electronic licence can replace it, whether it is needed only in some cases.
pub fn material_facts(tr: &Tr, m: &Material) -> Vec<String> {
    let mut facts = vec![material_form(tr, m)];
    if m.e_licence {
        facts.push(tr.t("material-e-licence"));
    }
    if !m.required {
        facts.push(tr.t("material-conditional"));
    }
    facts
}

/// A hall's time zone as people say it: 北京时间 / Beijing time for
/// Asia/Shanghai; the zone's name for one without a common name.
pub fn zone(tr: &Tr, id: &str) -> String {
    let known = match id {
        "Asia/Shanghai" => "shanghai",
        "Asia/Urumqi" => "urumqi",
        _ => "other",
    };
    tr.a("zone-name", &[("zone", s(known)), ("id", s(id))])
}

/// A date with its year, as a notice prints it: 2026年12月1日 / 1 Dec 2026.
/// `date` is `YYYY-MM-DD`.
pub fn full_date(tr: &Tr, date: &str) -> String {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (year, month, day) =
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    let month = tr.t(&format!("month-{month}"));
    tr.a("full-date", &[("year", n(year)), ("month", s(&month)), ("day", n(day))])
}

/// A date as people read it: 11月30日（星期一） / Mon 30 Nov. `date` is
/// `YYYY-MM-DD`; `weekday` 1 = Monday.
pub fn day_label(tr: &Tr, date: &str, weekday: u8) -> String {
    let mut parts = date.split('-').skip(1).map(|p| p.parse::<u32>().unwrap_or(0));
    let (month, day) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    let month = tr.t(&format!("month-{month}"));
    let weekday = tr.t(&format!("weekday-{weekday}"));
    tr.a("day-label", &[("month", s(&month)), ("day", n(day)), ("weekday", s(&weekday))])
}
