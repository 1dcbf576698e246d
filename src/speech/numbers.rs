//! Numbers in Mandarin pinyin: read as amounts (一千零五 yi4 qian1 ling2
//! wu3) or digit by digit, as codes and phone numbers are said (1 as yao1,
//! so that it is not mistaken for 7 qi1).

const DIGITS: [&str; 10] = ["ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"];

/// Amounts above this are read digit by digit: nobody says 亿 on a kiosk.
const LONGEST_AMOUNT: usize = 12;

/// ASCII digits one by one; `yao`: 1 as yao1, as in codes and phones.
pub fn digits(s: &str, out: &mut Vec<String>) {
    digits_as(s, true, out)
}

/// Digits one by one with 1 as yi1, as years are said (二〇二六年).
pub fn year(s: &str, out: &mut Vec<String>) {
    digits_as(s, false, out)
}

fn digits_as(s: &str, yao: bool, out: &mut Vec<String>) {
    for b in s.bytes().filter(u8::is_ascii_digit) {
        let d = usize::from(b - b'0');
        out.push(if d == 1 && yao { "yao1" } else { DIGITS[d] }.to_owned());
    }
}

/// An amount: `s` is ASCII digits. Leading zeros are dropped; amounts
/// too long to say are read digit by digit.
pub fn amount(s: &str, out: &mut Vec<String>) {
    let s = s.trim_start_matches('0');
    if s.is_empty() {
        out.push("ling2".to_owned());
        return;
    }
    if s.len() > LONGEST_AMOUNT {
        return digits(s, out);
    }
    let start = out.len();
    let groups = s.len().div_ceil(4);
    // Whether a 零 is owed before the next digit said.
    let mut zero = false;
    for g in 0..groups {
        let end = s.len() - 4 * (groups - 1 - g);
        let begin = end.saturating_sub(4);
        let group = &s[begin..end];
        let said_before = out.len() > start;
        if group.bytes().all(|b| b == b'0') {
            zero = said_before;
            continue;
        }
        // 一万零五百: a group without its thousands after a group said.
        if said_before && group.len() == 4 && group.starts_with('0') {
            zero = true;
        }
        four(group, &mut zero, out);
        match groups - 1 - g {
            2 => out.push("yi4".to_owned()),
            1 => out.push("wan4".to_owned()),
            _ => {}
        }
    }
    tidy(&mut out[start..], s);
    out.retain(|s| !s.is_empty());
}

/// Up to four digits with their places (千百十).
fn four(group: &str, zero: &mut bool, out: &mut Vec<String>) {
    const PLACES: [&str; 4] = ["qian1", "bai3", "shi2", ""];
    let places = &PLACES[4 - group.len()..];
    let said = out.len();
    for (b, place) in group.bytes().zip(places) {
        let d = usize::from(b - b'0');
        if d == 0 {
            *zero = out.len() > said || *zero;
            continue;
        }
        if *zero {
            out.push("ling2".to_owned());
            *zero = false;
        }
        out.push(DIGITS[d].to_owned());
        if !place.is_empty() {
            out.push((*place).to_owned());
        }
    }
    // Zeros at the group's end are not said (一千, not 一千零).
    *zero = false;
}

/// What speakers do to the plain reading: 十五 not 一十五 at the start,
/// 两千 and 两万 for a leading 2, and 一's tone before 百千万亿.
fn tidy(said: &mut [String], s: &str) {
    // 10–19, 10万–19万: 十 alone.
    if (s.len() == 2 || s.len() == 6 || s.len() == 10) && s.starts_with('1') && said.len() >= 2 {
        said[0].clear();
    }
    if said.len() >= 2 && said[0] == "er4" && matches!(said[1].as_str(), "qian1" | "wan4" | "yi4") {
        said[0] = "liang3".to_owned();
    }
    for i in 0..said.len().saturating_sub(1) {
        if said[i] == "yi1" {
            match said[i + 1].as_str() {
                "bai3" | "qian1" => said[i] = "yi4".to_owned(),
                "wan4" | "yi4" => said[i] = "yi2".to_owned(),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn say(s: &str) -> String {
        let mut out = vec![];
        amount(s, &mut out);
        out.join(" ")
    }

    #[test]
    fn amounts_read_as_spoken() {
        assert_eq!(say("0"), "ling2");
        assert_eq!(say("7"), "qi1");
        assert_eq!(say("10"), "shi2");
        assert_eq!(say("15"), "shi2 wu3");
        assert_eq!(say("20"), "er4 shi2");
        assert_eq!(say("105"), "yi4 bai3 ling2 wu3");
        assert_eq!(say("110"), "yi4 bai3 yi1 shi2");
        assert_eq!(say("1005"), "yi4 qian1 ling2 wu3");
        assert_eq!(say("2000"), "liang3 qian1");
        assert_eq!(say("10500"), "yi2 wan4 ling2 wu3 bai3");
        assert_eq!(say("120000"), "shi2 er4 wan4");
        assert_eq!(say("100000001"), "yi2 yi4 ling2 yi1");
        assert_eq!(say("007"), "qi1");
    }

    #[test]
    fn codes_read_digit_by_digit_with_yao() {
        let mut out = vec![];
        digits("12333", &mut out);
        assert_eq!(out.join(" "), "yao1 er4 san1 san1 san1");
        out.clear();
        year("2016", &mut out);
        assert_eq!(out.join(" "), "er4 ling2 yi1 liu4");
        out.clear();
        amount("1234567890123", &mut out);
        assert_eq!(out.len(), 13);
    }
}
