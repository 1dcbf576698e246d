//! The service catalogue: halls, categories, services and their materials,
//! following the fields of a Chinese service guide (办事指南).
//!
//! These types are shared by the server (which loads and serves them) and the
//! kiosk (which shows them). Every text carries all languages at once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Lang;

/// A text in every language, e.g. `{ zh-CN = "结婚登记", en-US = "Marriage registration" }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(value_type = BTreeMap<String, String>)]
pub struct Text(pub BTreeMap<Lang, String>);

impl Text {
    /// The text in `lang`, falling back to zh-CN (every text has it, see validation).
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(&lang).or_else(|| self.0.get(&Lang::FALLBACK)).map_or("", String::as_str)
    }

    /// Languages this text lacks (empty strings count as missing).
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL.into_iter().filter(|l| self.0.get(l).is_none_or(|s| s.trim().is_empty()))
    }
}

/// A list of short texts per language (search aliases).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(value_type = BTreeMap<String, Vec<String>>)]
pub struct TextList(pub BTreeMap<Lang, Vec<String>>);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Catalog {
    /// Content hash of the catalogue; doubles as its HTTP `ETag`.
    #[serde(default)]
    pub version: String,
    pub halls: Vec<Hall>,
    pub categories: Vec<Category>,
    pub services: Vec<Service>,
}

impl Catalog {
    /// A catalogue from JSON that did not come straight from a checked
    /// source — the kiosk's offline copy on disk, an answer from the
    /// network — with every string cleaned by [`sanitize_json`](super::sanitize_json)
    /// before it is decoded: whatever wrote that file, no text in it reaches
    /// the terminal as a control, bidi or zero-width character.
    pub fn from_untrusted_json(bytes: &[u8]) -> Result<Catalog, serde_json::Error> {
        let mut value: serde_json::Value = serde_json::from_slice(bytes)?;
        super::sanitize_json(&mut value);
        serde_json::from_value(value)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Hall {
    pub id: String,
    pub name: Text,
    pub address: Text,
    /// Opening hours as people read them, e.g. "周一至周五 9:00–17:00".
    pub hours: Text,
    /// IANA time zone, e.g. "Asia/Shanghai".
    pub time_zone: String,
    /// The hall's help desk phone, shown on every screen.
    pub phone: String,
    /// Booking calendar: weekdays open (1 = Monday … 7 = Sunday).
    pub open_weekdays: Vec<u8>,
    /// Local time the first slot starts, "HH:MM".
    pub opens: String,
    /// Local time the last slot ends, "HH:MM".
    pub closes: String,
    /// Public holidays and other closed dates, "YYYY-MM-DD".
    #[serde(default)]
    pub closed_dates: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// 个人办事
    Personal,
    /// 法人办事
    Business,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub audience: Audience,
    pub name: Text,
    /// One line saying what the category holds.
    pub summary: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    /// Item code (事项编码).
    pub code: String,
    /// When the guide was last checked against its sources (信息核对于),
    /// `YYYY-MM-DD`; `catalog lint` warns once it is older than
    /// `catalog.review_months`, and when it is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<String>,
    pub category: String,
    pub name: Text,
    #[serde(default)]
    pub aliases: TextList,
    /// How often citizens ask for it, 0–100; breaks ties in search, orders "common services".
    pub popularity: u8,
    pub department: Text,
    /// Who may apply (受理条件).
    pub conditions: Text,
    /// Statutory time limit (法定办结时限), counted in `statutory_unit`;
    /// 0 means the law says on the spot (当场办结). Read it through
    /// [`Service::statutory`].
    pub statutory_days: u16,
    /// How the law counts `statutory_days`. Catalogues written before the
    /// unit existed counted working days, so that is what a missing unit means.
    #[serde(default)]
    pub statutory_unit: DayUnit,
    /// Promised time limit (承诺办结时限), counted in `promised_unit`; 0 means
    /// settled on the spot (即办). Read it through [`Service::promised`].
    pub promised_days: u16,
    #[serde(default)]
    pub promised_unit: DayUnit,
    /// Whether a fee is charged; when it is, `fees` lists every item.
    pub charged: bool,
    #[serde(default)]
    pub fees: Vec<Fee>,
    /// Visits in person (到现场次数), 0–2.
    pub visits: u8,
    /// Why a visit is needed (required when `visits` > 0).
    #[serde(default)]
    pub visits_reason: Option<Text>,
    /// Can be applied for online (网上办理).
    pub online: bool,
    /// Cross-province service (跨省通办).
    pub cross_province: bool,
    /// Halls that handle it (ids).
    pub halls: Vec<String>,
    /// Where in its first hall: floor, area, windows (see `location_at`).
    pub location: Text,
    pub enquiry_phone: String,
    pub complaint_phone: String,
    /// Appointment slots for this service.
    pub booking: BookingRule,
    /// What a booking asks beyond the person's name, mobile and document,
    /// e.g. `booking_fields = ["company"]` for a company's registration.
    #[serde(default)]
    pub booking_fields: Vec<BookingField>,
    pub materials: Vec<Material>,
}

impl Service {
    /// Whether a booking for it asks for `field`.
    pub fn asks(&self, field: BookingField) -> bool {
        self.booking_fields.contains(&field)
    }

    /// The statutory time limit as the guide states it.
    pub fn statutory(&self) -> TimeLimit {
        TimeLimit::new(self.statutory_days, self.statutory_unit)
    }

    /// The promised time limit as the guide states it.
    pub fn promised(&self) -> TimeLimit {
        TimeLimit::new(self.promised_days, self.promised_unit)
    }

    /// Where at `hall` it is handled (floor, area, windows): known for the
    /// first hall it lists, the one the catalogue describes; other halls
    /// give their address only.
    pub fn location_at(&self, hall: &str) -> Option<&Text> {
        self.halls.first().is_some_and(|h| h == hall).then_some(&self.location)
    }
}

/// How the days of a time limit are counted. Laws say which: 行政许可法
/// counts its limits in working days (第八十二条), while 居民身份证法's
/// 六十日 and 护照法's 十五日 are calendar days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    /// 工作日: weekends and public holidays are not counted.
    #[default]
    WorkingDays,
    /// 日 (自然日): every calendar day is counted.
    Days,
}

/// A time limit as a citizen reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLimit {
    /// 当场办结 / 即办: done during the visit.
    OnTheSpot,
    WorkingDays(u16),
    Days(u16),
}

impl TimeLimit {
    pub fn new(days: u16, unit: DayUnit) -> TimeLimit {
        match (days, unit) {
            (0, _) => TimeLimit::OnTheSpot,
            (n, DayUnit::WorkingDays) => TimeLimit::WorkingDays(n),
            (n, DayUnit::Days) => TimeLimit::Days(n),
        }
    }

    /// The fewest calendar days it can take: n working days are at least n
    /// days and a weekend for every five after the first (Monday to Friday
    /// is 5 days, six working days take 8). Lets two limits in different
    /// units be compared without a calendar of holidays.
    pub fn shortest_calendar_days(self) -> u32 {
        match self {
            TimeLimit::OnTheSpot => 0,
            TimeLimit::Days(n) => u32::from(n),
            TimeLimit::WorkingDays(n) => {
                let n = u32::from(n);
                n + 2 * ((n - 1) / 5)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    pub item: Text,
    /// Amount in yuan as written in the fee schedule, e.g. "20.00".
    pub amount: String,
    /// Legal basis or note, e.g. the price document.
    pub basis: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BookingRule {
    pub slot_minutes: u16,
    /// Citizens served per slot.
    pub capacity: u16,
}

/// A question a service's booking asks besides the person's own details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BookingField {
    /// 企业名称: the company the citizen comes for (registering, changing
    /// or closing it), so the window can have its file ready.
    Company,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MaterialForm {
    /// 原件 — shown and checked, handed back.
    Original,
    /// 复印件 — kept by the hall.
    Copy,
    /// 原件及复印件 — original checked, copy kept.
    OriginalAndCopy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    Paper,
    Electronic,
    /// Paper or electronic, either is accepted.
    Either,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Material {
    pub name: Text,
    pub form: MaterialForm,
    /// Number of copies (份数).
    pub copies: u8,
    pub medium: Medium,
    /// An electronic licence (电子证照) can replace it.
    pub e_licence: bool,
    /// Required, or only in some cases (see notes).
    #[serde(default = "yes")]
    pub required: bool,
    /// Where to obtain it (来源渠道).
    pub source: Text,
    #[serde(default)]
    pub notes: Option<Text>,
}

fn yes() -> bool {
    true
}
